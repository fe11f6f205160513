/**
 * The page decides whether to load the label layer with a light rule (src/domain/anyLabelShown.ts)
 * that must agree with the full lists (src/domain/labelsShown.ts) for every view.
 */
import { describe, expect, it } from 'vitest'
import { anyLabelShown } from '../../src/domain/anyLabelShown.ts'
import { labelsShown } from '../../src/domain/labelsShown.ts'
import type { StructureId } from '../../src/domain/anatomy/structures.ts'
import type { SectionState } from '../../src/domain/section.ts'
import { PROCEDURE_IDS, PROCEDURES } from '../../src/domain/procedures.ts'

describe('anyLabelShown', () => {
  it('is true when labelsShown lists a label (and with any treatment open), at every stage, with labels on and off, cut or not, seen through or not, with each treatment open or none', () => {
    const sections: (SectionState | null)[] = [null, { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] }]
    const faded: (readonly StructureId[])[] = [[], ['femur']]
    const treatments = [
      { procedure: null, variant: null },
      ...PROCEDURE_IDS.flatMap((procedure) => [null, ...PROCEDURES[procedure].variants.map((v) => v.id)].map((variant) => ({ procedure, variant }))),
    ]
    let checked = 0
    for (let stage = 0; stage <= 4.0001; stage += 0.05) {
      for (const labels of [false, true])
        for (const section of sections)
          for (const f of faded)
            for (const { procedure, variant } of treatments) {
              const view = { stage: Math.round(stage * 100) / 100, labels, section, faded: f, procedure, variant }
              const listed = labelsShown(view).length > 0
              // Never false where a label is listed; true without one only with a treatment open at stage 0.
              expect(anyLabelShown(view), JSON.stringify(view)).toBe(listed || (procedure !== null && view.stage === 0))
              checked++
            }
    }
    expect(checked).toBeGreaterThan(600)
  })
})
