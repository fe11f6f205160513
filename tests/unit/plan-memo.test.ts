/**
 * The plan memo (domain/treatment/planMemo.ts): equal inputs, even from separately parsed
 * landmarks and separately placed lesions (the 3D view and the pictures each make their own),
 * give the same plan object without planning again; other inputs give their own plan.
 */
import { describe, expect, it } from 'vitest'
import { parseLandmarks, type HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/geometry.ts'
import { plannedTreatment } from '../../src/domain/treatment/planMemo.ts'
import { planTreatment } from '../../src/domain/treatment/planner.ts'
import { loadModel } from './model-loader.ts'

async function landmarks(): Promise<HipLandmarks> {
  const parsed = parseLandmarks((await loadModel()).sceneExtras.landmarks)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  return parsed.value
}

describe('plannedTreatment', () => {
  it('shares one plan between callers with equal inputs, and plans anew for others', async () => {
    const a = await landmarks()
    const b = JSON.parse(JSON.stringify(a)) as HipLandmarks
    const input = (lm: HipLandmarks, collapseDepthMm: number) => ({
      procedure: 'bone-grafting' as const,
      variant: null,
      landmarks: lm,
      lesion: lesionGeometry({ size: 'medium', type: 'C1' }, lesionAnatomyOf(lm)),
      collapseDepthMm,
    })
    const first = plannedTreatment(input(a, 1.5))
    expect(first).toEqual(planTreatment(input(a, 1.5)))
    // Another parse of the same hip, another lesion object of the same values: the same plan.
    expect(plannedTreatment(input(b, 1.5))).toBe(first)
    const deeper = plannedTreatment(input(a, 3))
    expect(deeper).not.toBe(first)
    expect(deeper.cavity!.centre).not.toEqual(first.cavity!.centre)
    // Kept while it is among the last four asked for.
    expect(plannedTreatment(input(a, 1.5))).toBe(first)
    for (const depth of [0.5, 1, 2, 2.5]) plannedTreatment(input(a, depth))
    expect(plannedTreatment(input(a, 1.5))).not.toBe(first)
  })
})
