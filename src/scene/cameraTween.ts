/**
 * A smooth camera move between two poses: the target glides in a straight line while the eye
 * swings around it (distance and direction interpolated separately), so a change of view reads
 * as turning around the hip, not flying through it. Allocation-free per frame.
 */
import { Vector3 } from 'three'
import type { CameraPose } from '../domain/viewState.ts'

export interface Tween {
  readonly fromTarget: Vector3
  readonly toTarget: Vector3
  readonly fromOffset: Vector3
  readonly toOffset: Vector3
  elapsed: number
  readonly duration: number
}

export function easeInOutCubic(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2
}

export function createTween(fromPosition: Vector3, fromTarget: Vector3, to: CameraPose, duration: number): Tween {
  const toTarget = new Vector3(...to.target)
  return {
    fromTarget: fromTarget.clone(),
    toTarget,
    fromOffset: fromPosition.clone().sub(fromTarget),
    toOffset: new Vector3(...to.position).sub(toTarget),
    elapsed: 0,
    duration,
  }
}

const dirA = new Vector3()
const dirB = new Vector3()

/** Advances the tween by dt seconds and writes the eye and target; returns true when finished. */
export function stepTween(tween: Tween, dt: number, outPosition: Vector3, outTarget: Vector3): boolean {
  tween.elapsed = Math.min(tween.duration, tween.elapsed + dt)
  const t = tween.duration > 0 ? easeInOutCubic(tween.elapsed / tween.duration) : 1
  outTarget.lerpVectors(tween.fromTarget, tween.toTarget, t)
  const distance = tween.fromOffset.length() * (1 - t) + tween.toOffset.length() * t
  dirA.copy(tween.fromOffset).normalize()
  dirB.copy(tween.toOffset).normalize()
  // Opposite directions (front to back) have no unique arc: lift the path over the top.
  if (dirA.dot(dirB) < -0.999) dirA.y += 1e-3
  dirA.lerp(dirB, t)
  if (dirA.lengthSq() < 1e-12) dirA.copy(dirB)
  outPosition.copy(dirA.normalize().multiplyScalar(distance)).add(outTarget)
  return tween.elapsed >= tween.duration
}
