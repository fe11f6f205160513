/**
 * Stage bands: the discrete stage names the continuous slider maps to (clinical
 * reference §4.2 crosswalk; the boundaries are a design choice [Inf], the stage
 * definitions inside each band are sourced, §4.1).
 *
 * Boundary rule: a band is (from, to] — lower end exclusive, upper end inclusive —
 * and the first band also holds s = 0. Why: each stage point is the *fully developed*
 * state of the band that ends there, and that is what the sourced thresholds need:
 * at s = 2.0 the crescent extent is still 0 (no fracture, so ARCO II, not IIIA), at
 * s = 2.5 the depression is exactly 2 mm (ARCO IIIA is "≤ 2 mm"), at s = 3.0 it is 4 mm
 * (> 2 mm, IIIB). With [from, to) both of those points would get the wrong name.
 */
import type { StageSystem } from '../viewState.ts'
import type { Citation } from '../evidence.ts'
import { clampStage } from './points.ts'
import { round } from '../rounding.ts'

export const ARCO_STAGES = ['none', 'I', 'II', 'IIIA', 'IIIB', 'IV'] as const
export type ArcoStage = (typeof ARCO_STAGES)[number]

export const FICAT_STAGES = ['0', 'I', 'IIA', 'IIB', 'III', 'IV'] as const
export type FicatStage = (typeof FICAT_STAGES)[number]

export const STAGE_BAND_IDS = ['preclinical', 'I', 'II', 'IIIA', 'IIIB', 'IV-early', 'IV-late'] as const
export type StageBandId = (typeof STAGE_BAND_IDS)[number]

export interface StageBand {
  readonly id: StageBandId
  /** Lower end, exclusive (except 0, which belongs to the first band). */
  readonly from: number
  /** Upper end, inclusive. */
  readonly to: number
  readonly arco: ArcoStage
  /**
   * Ficat–Arlet stage. In the IIIA band the crosswalk reads "IIB → early III": the
   * band's first half is IIB (crescent, no flattening), its second half III.
   */
  readonly ficat: FicatStage
  /** Ficat stage from `ficatSplitAt` (exclusive) to `to`, when the band holds two. */
  readonly ficatLate?: FicatStage
  readonly ficatSplitAt?: number
  /** Why the split sits where it does. */
  readonly ficatSplitCitation?: Citation
}

export const STAGE_BANDS: readonly StageBand[] = [
  {
    id: 'preclinical',
    from: 0,
    to: 0.5,
    arco: 'none',
    ficat: '0',
  },
  {
    id: 'I',
    from: 0.5,
    to: 1,
    arco: 'I',
    ficat: 'I',
  },
  {
    id: 'II',
    from: 1,
    to: 2,
    arco: 'II',
    ficat: 'IIA',
  },
  {
    id: 'IIIA',
    from: 2,
    to: 2.5,
    arco: 'IIIA',
    ficat: 'IIB',
    ficatLate: 'III',
    ficatSplitAt: 2.25,
    ficatSplitCitation: {
      evidence: 'Inf',
      sources: ['ref-crosswalk', 'epomedicine-ficat'],
      note: 'midpoint: the crescent without flattening (IIB) comes first, flattening (III) follows; the IIA/IIB split is from a secondary source',
    },
  },
  {
    id: 'IIIB',
    from: 2.5,
    to: 3,
    arco: 'IIIB',
    ficat: 'III',
  },
  {
    id: 'IV-early',
    from: 3,
    to: 3.5,
    arco: 'IV',
    ficat: 'IV',
  },
  {
    id: 'IV-late',
    from: 3.5,
    to: 4,
    arco: 'IV',
    ficat: 'IV',
  },
]

/** The band holding stage s (clamped to 0–4; see the boundary rule above). */
export function stageBand(s: number): StageBand {
  const x = clampStage(s)
  const band = STAGE_BANDS.find((b) => x <= b.to)
  // The last band ends at STAGE_MAX and x is clamped, so `find` always succeeds.
  return band ?? (STAGE_BANDS[STAGE_BANDS.length - 1] as StageBand)
}

/** The stage's name in one system: ARCO 2019 ('none' before stage I) or Ficat–Arlet. */
export function stageLabel(s: number, system: 'arco'): ArcoStage
export function stageLabel(s: number, system: 'ficat'): FicatStage
export function stageLabel(s: number, system: StageSystem): ArcoStage | FicatStage
export function stageLabel(s: number, system: StageSystem): ArcoStage | FicatStage {
  const band = stageBand(s)
  if (system === 'arco') return band.arco
  if (band.ficatLate !== undefined && band.ficatSplitAt !== undefined && clampStage(s) > band.ficatSplitAt) {
    return band.ficatLate
  }
  return band.ficat
}

/** The system's own name for display, e.g. "ARCO IIIA", "Ficat–Arlet IIB". */
export function stageDisplayName(s: number, system: StageSystem): string {
  const label = stageLabel(s, system)
  if (system === 'arco') return label === 'none' ? 'before ARCO stage I' : `ARCO ${label}`
  return `Ficat–Arlet ${label}`
}

/** s = 0 is a healthy hip; 0 < s ≤ 0.5 is the preclinical phase (reference §4.3 notes). */
export function isHealthy(s: number): boolean {
  return clampStage(s) === 0
}

/**
 * A stretch of the 0–4 scale that carries one stage name in one system: a run of bands with the
 * same name (ARCO IV is two bands), or half a band (the IIIA band holds Ficat IIB, then III).
 */
export interface StageSpan {
  /** Lower end, exclusive (except 0), as for bands. */
  readonly from: number
  /** Upper end, inclusive: the stage point where this stage is fully developed. */
  readonly to: number
  readonly label: ArcoStage | FicatStage
  /**
   * The point that stands for the stage as a whole: the middle of its stretch, on the link's
   * 0.01 grid. Not `to`: that end is the divider to the next stage, where a thumb or a caption
   * one step off shows a different stage; the middle is the stage's own, with room either side.
   */
  readonly representative: number
}

/** The stretches of the scale, in order, one per stage name of the system. */
export function stageSpans(system: StageSystem): StageSpan[] {
  const pieces: { from: number; to: number }[] = []
  for (const band of STAGE_BANDS) {
    if (system === 'ficat' && band.ficatSplitAt !== undefined) {
      pieces.push({ from: band.from, to: band.ficatSplitAt }, { from: band.ficatSplitAt, to: band.to })
    } else pieces.push({ from: band.from, to: band.to })
  }
  const runs: { from: number; to: number; label: ArcoStage | FicatStage }[] = []
  for (const piece of pieces) {
    const label = stageLabel(piece.to, system)
    const last = runs[runs.length - 1]
    if (last && last.label === label) last.to = piece.to
    else runs.push({ ...piece, label })
  }
  return runs.map((run) => ({ ...run, representative: round((run.from + run.to) / 2, 2) }))
}
