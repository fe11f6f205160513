/**
 * The femur's rigid motion (./frame.ts FemurPose) as plain numbers: where a point of the femur's
 * rest frame is drawn, and the poses between two poses for the timeline to ease. The scene builds
 * the same motion as a matrix (scene/model/femurPose.ts); tests use these to measure it.
 */
import { add, cross, dot, lerp, madd, normalise, scale, sub, type Vec3 } from '../vec3.ts'
import type { FemurPose } from './frame.ts'

const RAD = Math.PI / 180

/** `v` turned by `deg` about the unit `axis` (Rodrigues, right-handed). */
export function turnAbout(v: Vec3, axis: Vec3, deg: number): Vec3 {
  const a = deg * RAD
  const c = Math.cos(a)
  const s = Math.sin(a)
  return add(add(scale(v, c), scale(cross(axis, v), s)), scale(axis, dot(axis, v) * (1 - c)))
}

/**
 * Where the rest-frame point `p` is drawn under `pose`, the stage's full migration being
 * `migrationShift` (mm, model frame; zero below stage IV).
 */
export function femurPointAt(pose: FemurPose, p: Vec3, migrationShift: Vec3 = [0, 0, 0]): Vec3 {
  const migrated = madd(p, migrationShift, pose.migration)
  return add(add(pose.pivot, turnAbout(sub(migrated, pose.pivot), normalise(pose.axis), pose.angleDeg)), pose.shift)
}

/** The femur untouched: where the disease view draws it. */
export function femurAtRest(pivot: Vec3, axis: Vec3): FemurPose {
  return { pivot, axis: normalise(axis), angleDeg: 0, shift: [0, 0, 0], migration: 1 }
}

/**
 * The pose `s` (0…1, already eased) of the way from `from` to `to`: angle, shift and migration
 * in proportion. The two must turn about the same pivot and axis (the timeline's poses of one
 * operation do), so the motion is one smooth turn and slide.
 */
export function partWay(from: FemurPose, to: FemurPose, s: number): FemurPose {
  if (s <= 0) return from
  if (s >= 1) return to
  return {
    pivot: to.pivot,
    axis: to.axis,
    angleDeg: from.angleDeg + (to.angleDeg - from.angleDeg) * s,
    shift: lerp(from.shift, to.shift, s),
    migration: from.migration + (to.migration - from.migration) * s,
  }
}
