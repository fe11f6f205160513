/**
 * Puts an object's model frame on its pose: the working end (a tool's tip, a piece's deep end)
 * on the point, local +Y along the axis, turned about it by `spin`. Runs for every pose change
 * (every frame while a step plays), so it allocates nothing.
 */
import { Quaternion, Vector3, type Object3D } from 'three'
import type { Vec3 } from '../../domain/treatment/frame.ts'

const UP = new Vector3(0, 1, 0)
const direction = new Vector3()
const turn = new Quaternion()
const sideways = new Vector3()
const wanted = new Vector3()
const crossed = new Vector3()

/** Sets `object`'s position and rotation; `axis` need not be unit length. */
export function placeObject(object: Object3D, tip: Vec3, axis: Vec3, spin: number): void {
  object.position.set(tip[0], tip[1], tip[2])
  direction.set(axis[0], axis[1], axis[2])
  if (direction.lengthSq() === 0) direction.copy(UP)
  direction.normalize()
  object.quaternion.setFromUnitVectors(UP, direction)
  object.quaternion.multiply(turn.setFromAxisAngle(UP, spin))
}

/**
 * The spin that lays local +X along `across` once +Y is on `axis` (a bone window's first side).
 * 0 when `across` runs along the axis and gives no direction.
 */
export function spinToward(axis: Vec3, across: Vec3): number {
  direction.set(axis[0], axis[1], axis[2]).normalize()
  turn.setFromUnitVectors(UP, direction)
  sideways.set(1, 0, 0).applyQuaternion(turn)
  wanted.set(across[0], across[1], across[2])
  wanted.addScaledVector(direction, -wanted.dot(direction))
  if (wanted.lengthSq() < 1e-12) return 0
  wanted.normalize()
  return Math.atan2(crossed.crossVectors(sideways, wanted).dot(direction), sideways.dot(wanted))
}
