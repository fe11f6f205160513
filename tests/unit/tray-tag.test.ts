/**
 * The withdrawn core's tag (src/domain/treatment/trayTag.ts): its light step table agrees with
 * the timeline — the core lies on its tray at the end of exactly those steps — and the label
 * lists carry the tag while such a treatment is open, and only then.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { labelsShown } from '../../src/domain/labelsShown.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/index.ts'
import { PROCEDURE_IDS, PROCEDURES } from '../../src/domain/procedures.ts'
import { planTreatment } from '../../src/domain/treatment/planner.ts'
import { stepIdsOf } from '../../src/domain/treatment/stepIds.ts'
import { frameAt, hasTimeline } from '../../src/domain/treatment/timeline.ts'
import { hasTrayStep, TRAY_PIECE, TRAY_STEPS, TRAY_TAG_ID } from '../../src/domain/treatment/trayTag.ts'
import { distance } from '../../src/domain/vec3.ts'
import { loadLandmarks } from './model-loader.ts'

let lm: HipLandmarks
beforeAll(async () => {
  lm = await loadLandmarks()
})

const sequences = PROCEDURE_IDS.flatMap((procedure) => [null, ...PROCEDURES[procedure].variants.map((v) => v.id)].map((variant) => ({ procedure, variant })))

describe('the withdrawn core on its tray', () => {
  it.each(sequences.filter((s) => hasTimeline(s.procedure, s.variant)))('$procedure $variant: the table names exactly the steps that end with the core on its tray', ({ procedure, variant }) => {
    const lesion = lesionGeometry({ size: 'medium', type: 'C1' }, lesionAnatomyOf(lm))
    const plan = planTreatment({ procedure, variant, landmarks: lm, lesion, collapseDepthMm: 0 })
    const steps = stepIdsOf(procedure, variant).map((id) => ({ id }))
    const onTray = steps.filter((_, i) => {
      const core = frameAt(plan, steps, i, 1).pieces.find((p) => p.id === TRAY_PIECE.id && p.kind === TRAY_PIECE.kind)
      // Upright on the tray: its deep end straight above its middle there.
      return core !== undefined && distance(core.to, [plan.tray[0], core.to[1], plan.tray[2]]) < 1e-6
    })
    const expected = TRAY_STEPS[procedure]?.[variant ?? '']
    expect(onTray.map((s) => s.id)).toEqual(expected ? [expected] : [])
    expect(hasTrayStep(procedure, variant)).toBe(expected !== undefined)
  })

  it('is listed while such a treatment is open, with its plain and clinical names', () => {
    const view = { labels: false, stage: 0, section: null, faded: [], procedure: 'core-decompression', variant: null } as const
    expect(labelsShown(view).map((l) => l.id)).toEqual([TRAY_TAG_ID])
    expect(labelsShown({ ...view, variant: 'multiple-drilling' })).toEqual([])
    expect(labelsShown({ ...view, procedure: null })).toEqual([])
    expect(labelsShown(view)[0]).toMatchObject({ kind: 'treatment', plainName: 'Core of bone taken out', term: 'Bone core (trephine specimen)' })
  })
})
