/**
 * The models a step draws, found ahead (src/scene/treatment/stepModels.ts): for every treatment,
 * variant and step, sampling at STEP_SAMPLES finds every model a far denser sampling draws, so
 * no tool of a short pass (a reamer size) is left to be built inside a frame. At the cuts' own
 * five moments, three steps of the hip replacement and one of resurfacing missed tools.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/index.ts'
import { PROCEDURE_IDS } from '../../src/domain/procedures.ts'
import { planTreatment } from '../../src/domain/treatment/planner.ts'
import { treatmentSteps, variantIds } from '../../src/domain/treatment/steps.ts'
import { stepRecipes } from '../../src/scene/treatment/stepModels.ts'
import { loadLandmarks } from './model-loader.ts'

let lm: HipLandmarks
beforeAll(async () => {
  lm = await loadLandmarks()
})

describe('models a step draws', () => {
  it('are all found by the sampling used to build them ahead, for every treatment, variant and step', () => {
    let models = 0
    let coarse = 0
    for (const procedure of PROCEDURE_IDS)
      for (const variant of [null, ...variantIds(procedure)]) {
        const lesion = lesionGeometry({ size: 'large', type: 'C2' }, lesionAnatomyOf(lm))
        const plan = planTreatment({ procedure, variant, landmarks: lm, lesion, collapseDepthMm: 4 })
        const steps = treatmentSteps(procedure, variant).map((s) => ({ id: s.id }))
        for (let i = 0; i < steps.length; i++) {
          const found = stepRecipes(plan, steps, i).map((r) => r.key)
          const dense = stepRecipes(plan, steps, i, 400).map((r) => r.key)
          expect(new Set(found), `${procedure} ${variant} step ${steps[i]!.id}`).toEqual(new Set(dense))
          coarse += stepRecipes(plan, steps, i, 4).length
          models += found.length
        }
      }
    expect(models).toBeGreaterThan(40)
    expect(coarse, 'five moments a step miss some: the check can fail').toBeLessThan(models)
  })
  it('a cavity\'s model key writes the plan\'s solid once, not once per sampled moment (a step change stopped the page for 50 ms)', () => {
    const lesion = lesionGeometry({ size: 'large', type: 'C1' }, lesionAnatomyOf(lm))
    const plan = planTreatment({ procedure: 'core-decompression', variant: null, landmarks: lm, lesion, collapseDepthMm: 0 })
    const steps = treatmentSteps('core-decompression', null).map((s) => ({ id: s.id }))
    let withCavity = -1
    for (let i = 0; i < steps.length && withCavity < 0; i++) if (stepRecipes(plan, steps, i, 2).some((r) => r.key.startsWith('marrow-cavity'))) withCavity = i
    expect(withCavity, 'a step with the marrow-filled cavity').toBeGreaterThanOrEqual(0)
    const reaches = plan.cavity!.solid!.reach.length
    const toFixed = vi.spyOn(Number.prototype, 'toFixed')
    try {
      stepRecipes(plan, steps, withCavity)
      // Keyed as moved into the piece's frame, each moment that drew it wrote every reach again (19 046 calls).
      expect(toFixed.mock.calls.length).toBeLessThan(3 * reaches)
    } finally {
      toFixed.mockRestore()
    }
  })
})
