/**
 * The light-bulb window (§6.2) on the model that is drawn: it opens the front of the neck between
 * the retinacular vessels, not across them, and below the articular margin, not through the
 * cartilage. A surgeon's review saw the anterior retinacular artery and the subsynovial ring run
 * across the opening: the window was centred on the artery's foramen, half of it on the head.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { parseLandmarks, type HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/index.ts'
import { planTreatment, type WindowPlan } from '../../src/domain/treatment/planner.ts'
import { dot, sub, type Vec3 } from '../../src/domain/vec3.ts'
import { loadModel, type LoadedModel } from './model-loader.ts'

let model: LoadedModel
let lm: HipLandmarks
let window: WindowPlan
beforeAll(async () => {
  model = await loadModel()
  lm = (parseLandmarks(model.sceneExtras.landmarks) as { value: HipLandmarks }).value
  const lesion = lesionGeometry({ size: 'medium', type: 'C1' }, lesionAnatomyOf(lm))
  window = planTreatment({ procedure: 'bone-grafting', variant: null, landmarks: lm, lesion, collapseDepthMm: 0 }).window!
})

/** How far (mm) `p` lies outside the window's box (0 inside it). */
function outsideWindow(p: Vec3): number {
  const rel = sub(p, window.centre)
  return Math.hypot(...window.axes.map((axis, i) => Math.max(0, Math.abs(dot(rel, axis)) - window.halfSizes[i]!)))
}

/** The least distance (mm) from the window's box to a vertex of the meshes named by `which`. */
function nearestVertex(which: (name: string) => boolean): { name: string; mm: number } {
  let best = { name: '', mm: Infinity }
  for (const mesh of model.meshes.values()) {
    if (!which(mesh.name)) continue
    const P = mesh.positions
    for (let i = 0; i < P.length; i += 3) {
      const mm = outsideWindow([P[i]!, P[i + 1]!, P[i + 2]!])
      if (mm < best.mm) best = { name: mesh.name, mm }
    }
  }
  return best
}

describe('the light-bulb window', () => {
  it('opens between the drawn arteries: none comes within 0.4 mm of the opening, through its whole depth', () => {
    const nearest = nearestVertex((name) => /arter/i.test(name))
    expect(nearest.name).not.toBe('')
    expect(nearest.mm).toBeGreaterThanOrEqual(0.4)
  })

  it('lies on the neck below the articular margin: no part of the head cartilage is in it', () => {
    expect(nearestVertex((name) => name === 'femoralHeadCartilage').mm).toBeGreaterThan(0.5)
  })

  it('faces forward and up, toward the anterosuperior lesion, on the neck surface the generator found', () => {
    expect(window.axes[2][2]).toBeGreaterThan(0.5)
    // front-outer (anterolateral) junction, not the inferior, loaded calcar side (surgeon's review)
    expect(window.axes[2][1]).toBeGreaterThan(0.25)
    // the box starts 2 mm outside the surface point and reaches `depth` into the bone
    expect(outsideWindow(window.surface)).toBe(0)
    expect(window.surfaceRadius).toBeGreaterThan(12)
    expect(window.surfaceRadius).toBeLessThan(18)
  })
})
