/**
 * The fovea capitis as a surgeon expects it: a shallow, ovoid bare patch that the cartilage thins
 * out into, not a round hole with a wall of cartilage round it (which read as a drill hole). Read
 * from the committed head cartilage with the model's own landmarks.
 */
import { beforeAll, describe, expect, it } from 'vitest'
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
  const c = lm.femoralHead.centre
  const f = lm.fovea.centre
  const axis = [f[0] - c[0], f[1] - c[1], f[2] - c[2]]
  const n = Math.hypot(axis[0]!, axis[1]!, axis[2]!)
  const a = axis.map((v) => v / n) as [number, number, number]
  const u = (() => {
    const t = Math.abs(a[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0]
    const d = t[0]! * a[0] + t[1]! * a[1] + t[2]! * a[2]
    const v = [t[0]! - d * a[0], t[1]! - d * a[1], t[2]! - d * a[2]]
    const l = Math.hypot(v[0]!, v[1]!, v[2]!)
    return v.map((x) => x / l)
  })()
  const w = [a[1] * u[2]! - a[2] * u[1]!, a[2] * u[0]! - a[0] * u[2]!, a[0] * u[1]! - a[1] * u[0]!]
  const best = Array.from({ length: 36 }, () => ({ angle: Infinity, above: 0 }))
  const P = cartilage.positions
  for (let i = 0; i < P.length; i += 3) {
    const d = [P[i]! - c[0], P[i + 1]! - c[1], P[i + 2]! - c[2]]
    const r = Math.hypot(d[0]!, d[1]!, d[2]!)
    if (r < R) continue // the sheet's inner surface, inside the bone
    const along = (d[0]! * a[0] + d[1]! * a[1] + d[2]! * a[2]) / r
    const angle = Math.acos(Math.min(1, along))
    const sector = Math.floor(((Math.atan2(d[0]! * w[0]! + d[1]! * w[1]! + d[2]! * w[2]!, d[0]! * u[0]! + d[1]! * u[1]! + d[2]! * u[2]!) + Math.PI) / (2 * Math.PI)) * 36) % 36
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
