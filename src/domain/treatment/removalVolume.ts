/**
 * Whether a point lies in bone a treatment has taken away (frame.ts BoneRemoval): the same solids
 * the geometry worker subtracts from the femur, asked by the visibility rules so that a label or
 * a tag never points into a tunnel or a scraped-out cavity (scene/visibility/removedAt.ts).
 */
import { dot, sub, type Vec3 } from '../vec3.ts'
import type { BoneRemoval } from './frame.ts'

/**
 * True when `p` (model frame, mm) is inside `removal` by more than `marginMm`: a point on the wall
 * of a hole (where the cut surface now lies) is not inside.
 */
export function insideRemoval(removal: BoneRemoval, p: Vec3, marginMm = 0.05): boolean {
  if (removal.kind === 'cylinder') {
    const axis = sub(removal.to, removal.from)
    const len2 = dot(axis, axis)
    if (!(len2 > 0)) return false
    const d = sub(p, removal.from)
    const t = dot(d, axis) / len2
    const len = Math.sqrt(len2)
    if (t * len < marginMm || (1 - t) * len < marginMm) return false
    const radial2 = dot(d, d) - t * t * len2
    const r = removal.radius - marginMm
    return r > 0 && radial2 < r * r
  }
  const d = sub(p, removal.centre)
  if (removal.kind === 'ellipsoid') {
    let sum = 0
    for (let i = 0; i < 3; i++) {
      const r = removal.radii[i]! - marginMm
      if (!(r > 0)) return false
      const u = dot(d, removal.axes[i]!) / r
      sum += u * u
    }
    return sum < 1
  }
  for (let i = 0; i < 3; i++) {
    if (Math.abs(dot(d, removal.axes[i]!)) > removal.halfSizes[i]! - marginMm) return false
  }
  return true
}

export function insideAnyRemoval(removals: readonly BoneRemoval[], p: Vec3, marginMm?: number): boolean {
  for (const r of removals) if (insideRemoval(r, p, marginMm)) return true
  return false
}
