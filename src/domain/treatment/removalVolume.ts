/**
 * Whether a point lies in bone a treatment has taken away (frame.ts BoneRemoval): the same solids
 * the geometry worker subtracts from the femur, asked by the visibility rules so that a label or
 * a tag never points into a tunnel or a scraped-out cavity (scene/visibility/removedAt.ts).
 */
import { cross, dot, madd, normalise, sub, type Vec3 } from '../vec3.ts'
import type { BoneRemoval, ProfilePoint } from './frame.ts'
import { stemGeometry, stemSection } from './replacement/stemDesign.ts'

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
  if (removal.kind === 'planes') {
    const b = removal.bound
    const o = sub(p, b.centre)
    if (dot(o, o) >= (b.radius - marginMm) ** 2) return false
    return removal.planes.every((h) => dot(sub(p, h.point), h.normal) > marginMm)
  }
  if (removal.kind === 'turned') {
    const axis = normalise(removal.axis)
    const rel = sub(p, removal.base)
    const s = dot(rel, axis)
    const first = removal.profile[0]
    const last = removal.profile[removal.profile.length - 1]
    if (!first || !last || s < first.at + marginMm || s > last.at - marginMm) return false
    const radial = Math.hypot(...madd(rel, axis, -s))
    return radial > turnedRadius(removal.profile, s) + marginMm && radial < removal.outerRadius - marginMm
  }
  if (removal.kind === 'stem') {
    // The broach's body, its sections taken as their bounding rectangles (the rounded corners and
    // nose differ by a millimetre or two: enough to keep a label out of the canal it leaves).
    const g = stemGeometry(removal.spec)
    const up = normalise(removal.up)
    const medial = normalise(removal.medial)
    const rel = sub(p, removal.tip)
    const t = dot(rel, up)
    if (t < marginMm || t > g.length - marginMm) return false
    const section = stemSection(g, t)
    const x = dot(rel, medial)
    const z = dot(rel, cross(medial, up))
    return x > section.lateral + marginMm && x < section.medial - marginMm && Math.abs(z) < section.halfAP - marginMm
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

/** The turned profile's radius at `s` (linear between its points, which ascend in `at`). */
function turnedRadius(profile: readonly ProfilePoint[], s: number): number {
  for (let i = 1; i < profile.length; i++) {
    const a = profile[i - 1]!
    const b = profile[i]!
    if (s <= b.at) return b.at > a.at ? a.radius + ((b.radius - a.radius) * (s - a.at)) / (b.at - a.at) : b.radius
  }
  return profile[profile.length - 1]!.radius
}

export function insideAnyRemoval(removals: readonly BoneRemoval[], p: Vec3, marginMm?: number): boolean {
  for (const r of removals) if (insideRemoval(r, p, marginMm)) return true
  return false
}
