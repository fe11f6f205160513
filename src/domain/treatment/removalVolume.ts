/**
 * Whether a point lies in bone a treatment has taken away (frame.ts BoneRemoval): the same solids
 * the geometry worker subtracts from the femur or the pelvis, asked by the visibility rules so
 * that a label or a tag never points into a tunnel, a scraped-out cavity, a reamed socket or the
 * place of a head that was cut off (scene/visibility/removedAt.ts, which asks only the removals
 * of the structure's own bone: ./removalTarget.ts).
 */
import { cross, dot, length, normalise, sub, type Vec3 } from '../vec3.ts'
import type { BoneRemoval, ProfilePoint } from './frame.ts'
import { insideRadialSolid } from './radialSolid.ts'
import { sectionCornerRadius, stemGeometry, stemNose, stemSection } from './replacement/stemDesign.ts'

type Of<K extends BoneRemoval['kind']> = Extract<BoneRemoval, { kind: K }>

function inCylinder(removal: Of<'cylinder'>, p: Vec3, marginMm: number): boolean {
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

function inEllipsoid(removal: Of<'ellipsoid'>, p: Vec3, marginMm: number): boolean {
  const d = sub(p, removal.centre)
  let sum = 0
  for (let i = 0; i < 3; i++) {
    const r = removal.radii[i]! - marginMm
    if (!(r > 0)) return false
    const u = dot(d, removal.axes[i]!) / r
    sum += u * u
  }
  return sum < 1
}

function inBox(removal: Of<'box'>, p: Vec3, marginMm: number): boolean {
  const d = sub(p, removal.centre)
  for (let i = 0; i < 3; i++) {
    if (Math.abs(dot(d, removal.axes[i]!)) > removal.halfSizes[i]! - marginMm) return false
  }
  return true
}

function inPlanes(removal: Of<'planes'>, p: Vec3, marginMm: number): boolean {
  if (length(sub(p, removal.bound.centre)) > removal.bound.radius - marginMm) return false
  for (const plane of removal.planes) if (dot(normalise(plane.normal), sub(p, plane.point)) <= marginMm) return false
  return true
}

/** The stem's body (stemDesign.ts): within its height, inside the rounded rectangle of its section there. */
function inStem(removal: Of<'stem'>, p: Vec3, marginMm: number): boolean {
  const g = stemGeometry(removal.spec)
  const up = normalise(removal.up)
  const medial = normalise(removal.medial)
  const d = sub(p, removal.tip)
  const t = dot(d, up)
  if (t < marginMm || t > g.length - marginMm) return false
  const section = stemSection(g, t)
  const nose = stemNose(t)
  if (!(nose > 0)) return false
  const middle = (section.medial + section.lateral) / 2
  // Undo the nose's scaling about the section's middle; the margin scales with it.
  const x = (dot(d, medial) - middle) / nose
  const z = dot(d, cross(medial, up)) / nose
  const r = sectionCornerRadius(section)
  const qx = Math.abs(x) - ((section.medial - section.lateral) / 2 - r)
  const qz = Math.abs(z) - (section.halfAP - r)
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qz, 0)) + Math.min(Math.max(qx, qz), 0) - r
  return outside < -marginMm / nose
}

/** The profile's radius at `at` (linear between its points). */
function profileRadius(profile: readonly ProfilePoint[], at: number): number {
  for (let i = 1; i < profile.length; i++) {
    const a = profile[i - 1]!, b = profile[i]!
    if (at <= b.at) return b.at > a.at ? a.radius + ((b.radius - a.radius) * (at - a.at)) / (b.at - a.at) : Math.max(a.radius, b.radius)
  }
  return profile[profile.length - 1]!.radius
}

function inTurned(removal: Of<'turned'>, p: Vec3, marginMm: number): boolean {
  const { profile } = removal
  if (profile.length < 2) return false
  const axis = normalise(removal.axis)
  const d = sub(p, removal.base)
  const at = dot(d, axis)
  if (at < profile[0]!.at + marginMm || at > profile[profile.length - 1]!.at - marginMm) return false
  const radial = Math.sqrt(Math.max(0, dot(d, d) - at * at))
  return radial < removal.outerRadius - marginMm && radial > profileRadius(profile, at) + marginMm
}

/**
 * True when `p` (model frame, mm) is inside `removal` by more than `marginMm`: a point on the wall
 * of a hole (where the cut surface now lies) is not inside. A negative margin asks about the
 * removal grown by that much. Whichever bone it takes from: the caller picks the removals of a
 * structure's bone (./removalTarget.ts).
 */
export function insideRemoval(removal: BoneRemoval, p: Vec3, marginMm = 0.05): boolean {
  switch (removal.kind) {
    case 'cylinder':
      return inCylinder(removal, p, marginMm)
    case 'ellipsoid':
      return inEllipsoid(removal, p, marginMm)
    case 'radial':
      return insideRadialSolid(removal.solid, p, marginMm, removal.grow)
    case 'box':
      return inBox(removal, p, marginMm)
    case 'planes':
      return inPlanes(removal, p, marginMm)
    case 'stem':
      return inStem(removal, p, marginMm)
    case 'turned':
      return inTurned(removal, p, marginMm)
  }
}

export function insideAnyRemoval(removals: readonly BoneRemoval[], p: Vec3, marginMm?: number): boolean {
  for (const r of removals) if (insideRemoval(r, p, marginMm)) return true
  return false
}
