/**
 * The stage points: positions on the continuous 0–4 slider where the staging table
 * gives single values (clinical reference §4.3). Between them, values interpolate.
 */
import { STAGE_MAX, STAGE_MIN } from '../viewState.ts'

export const STAGE_POINTS = [0, 0.5, 1, 2, 2.5, 3, 3.5, 4] as const
export type StagePoint = (typeof STAGE_POINTS)[number]

/** A value for each stage point, in the order of STAGE_POINTS. */
export type PerStagePoint<T> = readonly [T, T, T, T, T, T, T, T]

/**
 * Clamps any number into [STAGE_MIN, STAGE_MAX]; NaN becomes STAGE_MIN (healthy), so a
 * bad value from a link or the frame loop shows a healthy hip instead of throwing.
 */
export function clampStage(s: number): number {
  if (Number.isNaN(s)) return STAGE_MIN
  return Math.min(STAGE_MAX, Math.max(STAGE_MIN, s))
}
