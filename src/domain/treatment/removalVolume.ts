/**
 * Whether a point lies in bone a treatment has taken away (frame.ts BoneRemoval): the same solids
 * the geometry worker subtracts from the femur, asked by the visibility rules so that a label or
 * a tag never points into a tunnel or a scraped-out cavity (scene/visibility/removedAt.ts).
 */
import { cross, dot, madd, sub, type Vec3 } from '../vec3.ts'
import type { BoneRemoval } from './frame.ts'
import { sectionCornerRadius, stemGeometry, stemNose, stemSection } from './replacement/stemDesign.ts'

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
    if (Math.hypot(...sub(p, b.centre)) > b.radius - marginMm) return false
    return removal.planes.every((h) => dot(h.normal, sub(p, h.point)) > marginMm)
  }
  if (removal.kind === 'stem') return insideStem(removal, p, marginMm)
  if (removal.kind === 'turned') return insideTurned(removal, p, marginMm)
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

/**
 * Inside a broach's body: the stem's section at the point's height (a rounded rectangle in the
 * stem frame: x medial, t up, z = medial × up), shrunk over the rounded nose as the cutter is.
 */
function insideStem(removal: Extract<BoneRemoval, { kind: 'stem' }>, p: Vec3, marginMm: number): boolean {
  const g = stemGeometry(removal.spec)
  const d = sub(p, removal.tip)
  const t = dot(d, removal.up)
  if (t < marginMm || t > g.length - marginMm) return false
  const x = dot(d, removal.medial)
  const z = dot(d, cross(removal.medial, removal.up))
  const section = stemSection(g, t)
  const nose = stemNose(t)
  const r = sectionCornerRadius(section)
  const cx = (section.medial + section.lateral) / 2
  const qx = Math.abs(x - cx) / nose - ((section.medial - section.lateral) / 2 - r)
  const qz = Math.abs(z) / nose - (section.halfAP - r)
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qz, 0)) + Math.min(Math.max(qx, qz), 0) - r
  return outside < -marginMm
}

/** Inside what a turning reamer takes: between its profile's radius and the outer radius, within the profile's span. */
function insideTurned(removal: Extract<BoneRemoval, { kind: 'turned' }>, p: Vec3, marginMm: number): boolean {
  const profile = removal.profile
  const d = sub(p, removal.base)
  const s = dot(d, removal.axis)
  if (s < profile[0]!.at + marginMm || s > profile[profile.length - 1]!.at - marginMm) return false
  const radial = Math.hypot(...madd(d, removal.axis, -s))
  let inner = profile[0]!.radius
  for (let i = 1; i < profile.length; i++) {
    const a = profile[i - 1]!
    const b = profile[i]!
    if (s <= b.at) {
      inner = a.radius + ((b.radius - a.radius) * (s - a.at)) / Math.max(b.at - a.at, 1e-9)
      break
    }
  }
  return radial > inner + marginMm && radial < removal.outerRadius - marginMm
}

export function insideAnyRemoval(removals: readonly BoneRemoval[], p: Vec3, marginMm?: number): boolean {
  for (const r of removals) if (insideRemoval(r, p, marginMm)) return true
  return false
}
