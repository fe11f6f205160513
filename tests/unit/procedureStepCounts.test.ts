import { expect, it } from 'vitest'
import { PROCEDURE_IDS } from '../../src/domain/procedures.ts'
import { hasVariant, stepShapeOf, TREATMENT_STEP_SHAPES } from '../../src/domain/procedureStepCounts.ts'
import { treatmentSteps, variantIds } from '../../src/domain/treatment/steps.ts'
import { stepIdsOf } from '../../src/domain/treatment/stepIds.ts'

const optionalIndexes = (id: (typeof PROCEDURE_IDS)[number], variant: string | null) =>
  treatmentSteps(id, variant).flatMap((step, i) => (step.optional ? [i] : []))

it('the step shapes used by links, keys and the player match the step lists of every procedure and variant', () => {
  for (const id of PROCEDURE_IDS) {
    expect(Object.keys(TREATMENT_STEP_SHAPES[id].variants).sort(), `${id}: variants`).toEqual([...variantIds(id)].sort())
    for (const variant of [null, ...variantIds(id)]) {
      const shape = stepShapeOf(id, variant)
      expect(shape.count, `${id} / ${variant}: steps`).toBe(treatmentSteps(id, variant).length)
      expect(stepIdsOf(id, variant), `${id} / ${variant}: step ids`).toEqual(treatmentSteps(id, variant).map((s) => s.id))
      expect(shape.optional, `${id} / ${variant}: optional steps`).toEqual(optionalIndexes(id, variant))
    }
  }
})

it('knows a variant only for its own procedure, and never an inherited name', () => {
  expect(hasVariant('core-decompression', 'multiple-drilling')).toBe(true)
  expect(hasVariant('bone-grafting', 'multiple-drilling')).toBe(false)
  expect(hasVariant('core-decompression', 'constructor')).toBe(false)
  expect(hasVariant('core-decompression', '__proto__')).toBe(false)
})
