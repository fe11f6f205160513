/**
 * The fovea capitis as a surgeon expects it: a shallow, ovoid bare patch that the cartilage thins
 * out into, not a round hole with a wall of cartilage round it (which read as a drill hole). Read
 * from the committed head cartilage with the model's own landmarks.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { cross, dot, len, norm, perpTo, sub, type V3 } from '../../src/anatomy/vec.ts'
import type { HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { loadLandmarks, loadModel, type LoadedMesh } from './model-loader.ts'

let cartilage: LoadedMesh
let lm: HipLandmarks
beforeAll(async () => {
  cartilage = (await loadModel()).meshes.get('femoralHeadCartilage')!
  lm = await loadLandmarks()
})

/** The sheet's edge round the fovea: for each of 36 sectors about the fovea's axis, the outer-surface vertex nearest the axis. */
function edge(): { angle: number; above: number }[] {
  const R = lm.femoralHead.radius
  const c = lm.femoralHead.centre as V3
  const a = norm(sub(lm.fovea.centre as V3, c))
  const u = perpTo(Math.abs(a[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0], a)
  const w = cross(a, u)
  const best = Array.from({ length: 36 }, () => ({ angle: Infinity, above: 0 }))
  const P = cartilage.positions
  for (let i = 0; i < P.length; i += 3) {
    const d = sub([P[i]!, P[i + 1]!, P[i + 2]!], c)
    const r = len(d)
    if (r < R) continue // the sheet's inner surface, inside the bone
    const angle = Math.acos(Math.min(1, dot(d, a) / r))
    const sector = Math.floor(((Math.atan2(dot(d, w), dot(d, u)) + Math.PI) / (2 * Math.PI)) * 36) % 36
    if (angle < best[sector]!.angle) best[sector] = { angle, above: r - R }
  }
  return best
}

describe('the fovea capitis', () => {
  it('the cartilage thins out into it: its edge stands at most 0.35 mm above the bone', () => {
    // The old sheet ended in a wall of three quarters of its thickness: 0.88 mm above the bone.
    expect(Math.max(...edge().map((e) => e.above))).toBeLessThan(0.35)
  })

  it('its bare patch is ovoid, not a circle: the widest sector reaches at least 12 % further than the narrowest', () => {
    const angles = edge().map((e) => e.angle)
    expect(Math.max(...angles) / Math.min(...angles)).toBeGreaterThan(1.12)
  })
})
