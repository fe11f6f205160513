/**
 * Small motion helpers for the timeline: easing, phases within a step, and a tool moving along a
 * planned pass. Pure numbers.
 */
import type { BorePlan } from './planner.ts'
import { lerp, madd, type Vec3 } from '../vec3.ts'

/** Smooth start and stop (cubic), so a tool never jumps into motion. */
export function ease(t: number): number {
  const x = clamp01(t)
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2
}

export function clamp01(t: number): number {
  return Math.min(1, Math.max(0, t))
}

/** Progress (0…1, eased) of a phase that runs from `from` to `to` within the step's t. */
export function phase(t: number, from: number, to: number): number {
  return ease((t - from) / (to - from))
}

/**
 * Bone removal follows a tool in a few fixed increments, so the geometry worker computes a handful
 * of results per step ahead of time instead of one per frame; the tool itself covers the gap.
 */
export const REMOVAL_INCREMENTS = 4

export function quantise(progress: number): number {
  return Math.floor(clamp01(progress) * REMOVAL_INCREMENTS + 1e-9) / REMOVAL_INCREMENTS
}

/** The point `depth` mm along a pass from its entry (negative: outside the bone). */
export function along(bore: BorePlan, depth: number): Vec3 {
  return madd(bore.entry, bore.axis, depth)
}

/** Where a pass is wholly inside the bone (BorePlan.inBone): what is left in its tunnel starts here. */
export function inBoneStart(bore: BorePlan): Vec3 {
  return along(bore, bore.inBone ?? 0)
}

/** Length of a pass from its entry to its tip, mm. */
export function passLength(bore: BorePlan): number {
  return Math.hypot(bore.tip[0] - bore.entry[0], bore.tip[1] - bore.entry[1], bore.tip[2] - bore.entry[2])
}

/** Where a tool's tip is while it advances from `standOff` mm outside the entry to the pass's tip. */
export function advancing(bore: BorePlan, progress: number, standOff: number): Vec3 {
  return lerp(along(bore, -standOff), bore.tip, progress)
}
