/**
 * Easing of the displayed stage toward the store's target: critically damped exponential
 * approach (frame-rate independent), snapped once it is within SETTLE_EPSILON so the
 * frame loop can stop. Never overshoots, so a parameter that only rises with the stage
 * also only rises on screen.
 */

/** Rate of approach, 1/s: about 95% of the way in 0.5 s. */
export const STAGE_DAMPING = 6
/** Below this distance the displayed stage snaps to the target. */
export const SETTLE_EPSILON = 0.002

/** One easing step: returns the new value (equals `target` once settled). */
export function dampStage(current: number, target: number, delta: number, lambda = STAGE_DAMPING): number {
  if (!(delta > 0)) return Math.abs(target - current) < SETTLE_EPSILON ? target : current
  const next = target + (current - target) * Math.exp(-lambda * Math.min(delta, 0.25))
  return Math.abs(target - next) < SETTLE_EPSILON ? target : next
}
