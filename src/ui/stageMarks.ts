/**
 * The marks of the stage slider: the stage points where each band is fully developed (the
 * points of the staging table), and the labels under the slider, one per stage's stretch.
 */
import { STAGE_BANDS, stageSpans } from '../domain/staging/bands.ts'
import { STAGE_MAX, STAGE_MIN, type StageSystem } from '../domain/viewState.ts'

export const STAGE_MARKS: readonly number[] = [STAGE_MIN, ...new Set(STAGE_BANDS.map((b) => b.to))]

/** The next mark above (+1) or below (-1) the stage s. */
export function nextStageMark(s: number, direction: 1 | -1): number {
  const EPS = 1e-6
  if (direction > 0) return STAGE_MARKS.find((m) => m > s + EPS) ?? STAGE_MAX
  return [...STAGE_MARKS].reverse().find((m) => m < s - EPS) ?? STAGE_MIN
}

export interface BandLabel {
  readonly from: number
  readonly to: number
  readonly text: string
  /** Where a tap on the label puts the stage (domain stageSpans: the middle of the stretch). */
  readonly representative: number
}

/** One label per stretch with the same stage name in the chosen system. */
export function bandLabels(system: StageSystem): BandLabel[] {
  return stageSpans(system).map(({ from, to, label, representative }) => ({
    from,
    to,
    text: label === 'none' || label === '0' ? 'Before' : label,
    representative,
  }))
}
