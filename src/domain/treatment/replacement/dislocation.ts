/**
 * Where a joint replacement puts the femur while the hip is dislocated (./frame.ts FemurPose).
 *
 * The approach is the reference's lateral or anterolateral one, patient on the side (clinical
 * reference §6.5), so the hip is dislocated to the front: the leg is turned outward (external
 * rotation about the femur's long axis), which levers the head forward out of the socket, then
 * brought back and across (extension and adduction), which delivers the top of the femur
 * forward and outward into the wound, clear of the pelvis, for the neck cut and the broaches.
 * A little traction clears the rim. The angles and the traction are design choices (the
 * reference gives none): enough to bring the head wholly out of the socket, the cut neck facing
 * the front and the canal's axis pointing out of the wound, not into the pelvis.
 */
import type { HipLandmarks } from '../../anatomy/landmarks.ts'
import { normalise, type Vec3 } from '../../vec3.ts'
import type { FemurPose } from '../frame.ts'

/** The dislocated femur's position (degrees, design choices): turned outward, then brought back and across. */
export const DISLOCATION = { externalRotationDeg: 75, extensionDeg: 15, adductionDeg: 20 } as const
/** Traction on the dislocated femur (mm, model frame: lateral, down, forward; design choice). */
export const DISLOCATION_TRACTION: Vec3 = [-5, -10, 5]

type Quaternion = readonly [number, number, number, number]

/** The turn of `deg` about the unit `axis`, as a unit quaternion (x, y, z, w). */
function turn(axis: Vec3, deg: number): Quaternion {
  const h = (deg * Math.PI) / 360
  const s = Math.sin(h)
  return [axis[0] * s, axis[1] * s, axis[2] * s, Math.cos(h)]
}

/** a·b: b first, then a. */
function then(a: Quaternion, b: Quaternion): Quaternion {
  const [ax, ay, az, aw] = a
  const [bx, by, bz, bw] = b
  return [aw * bx + ax * bw + ay * bz - az * by, aw * by - ax * bz + ay * bw + az * bx, aw * bz + ax * by - ay * bx + az * bw, aw * bw - ax * bx - ay * by - az * bz]
}

/** One turn (axis, degrees) for the composed quaternion: the timeline eases its angle. */
function axisAngle(q: Quaternion): { axis: Vec3; angleDeg: number } {
  const w = Math.max(-1, Math.min(1, q[3]))
  const angleDeg = (2 * Math.acos(w) * 180) / Math.PI
  return { axis: normalise([q[0], q[1], q[2]]), angleDeg }
}

export function dislocatedFemur(lm: HipLandmarks): FemurPose {
  // About the neck–shaft junction. Right hip (the scene mirrors a left one): a right-handed turn
  // about the shaft's upward axis by a negative angle turns the front toward the lateral side
  // (external rotation); about +X (medial) by a positive angle the knee goes back (extension);
  // about +Z (anterior) by a positive angle the knee goes medial (adduction).
  const d = DISLOCATION
  const composed = then(turn([0, 0, 1], d.adductionDeg), then(turn([1, 0, 0], d.extensionDeg), turn(normalise(lm.shaftAxis.direction), -d.externalRotationDeg)))
  const { axis, angleDeg } = axisAngle(composed)
  return { pivot: lm.shaftAxis.origin, axis, angleDeg, shift: DISLOCATION_TRACTION, migration: 0 }
}
