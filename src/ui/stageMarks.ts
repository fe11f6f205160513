/**
 * The marks of the stage slider: the stage points where each band is fully developed (the
 * points of the staging table), and the labels drawn under the slider for each band.
 */
import { STAGE_BANDS, stageLabel } from '../domain/staging/bands.ts'
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
}

/** One label per run of bands with the same name in the chosen system. */
export function bandLabels(system: StageSystem): BandLabel[] {
  const labels: BandLabel[] = []
  const segments: { from: number; to: number; at: number }[] = []
  for (const band of STAGE_BANDS) {
    // A band that holds two Ficat stages (IIB, then early III) gets a label for each half.
    if (system === 'ficat' && band.ficatSplitAt !== undefined) {
      segments.push({ from: band.from, to: band.ficatSplitAt, at: band.ficatSplitAt })
      segments.push({ from: band.ficatSplitAt, to: band.to, at: band.to })
    } else segments.push({ from: band.from, to: band.to, at: band.to })
  }
  for (const band of segments) {
    const name = stageLabel(band.at, system)
    const text = name === 'none' || name === '0' ? 'Before' : name
    const last = labels[labels.length - 1]
    if (last && last.text === text) labels[labels.length - 1] = { ...last, to: band.to }
    else labels.push({ from: band.from, to: band.to, text })
  }
  return labels
}
