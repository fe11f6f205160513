/**
 * Shapes of the procedure data: steps with captions for both modes, the sizes involved,
 * and the stage range where each treatment is typically considered.
 */
import type { Citation, Cited } from '../evidence.ts'

/** A size the overlay draws or the caption quotes. */
export interface Measure {
  /** What is measured, e.g. "trephine diameter". */
  readonly what: string
  /** A single value, or [low, high] for a range. */
  readonly value: number | readonly [number, number]
  readonly unit: 'mm' | 'cm' | '°'
  /** ± tolerance, when the source gives one (e.g. 40° ± 10°). */
  readonly tolerance?: number
}

export interface ProcedureStep {
  /** Stable id within its procedure (kebab-case). */
  readonly id: string
  readonly title: string
  /** Plain words, hedged, no promises. */
  readonly patient: string
  /** Technique as a surgeon or student would read it. */
  readonly clinical: string
  readonly sizes: readonly Cited<Measure>[]
  /** Where the step itself comes from. */
  readonly citation: Citation
  /** Optional steps (e.g. the BMAC adjunct); the overlay may skip them. */
  readonly optional?: boolean
}

/** Stage range on the 0–4 slider, (from, to] like the stage bands. */
export interface StageRange {
  readonly from: number
  readonly to: number
}

export interface ProcedureVariant {
  readonly id: string
  readonly name: string
  readonly summary: Cited<string>
  /** The variant's own sequence, when it differs from the procedure's default steps. */
  readonly steps?: readonly ProcedureStep[]
}

export interface ProcedureInfo {
  readonly plainName: string
  /** The family's clinical name (the treatment list's); a sequence adds its own (see `defaultName`). */
  readonly clinicalName: string
  /**
   * The default sequence's clinical name where the family has variants named otherwise (bone
   * grafting: the light-bulb technique; its Phemister variant is not one).
   */
  readonly defaultName?: string
  /** Stage range where the treatment is typically considered, and why. */
  readonly indication: Cited<StageRange>
  /** Indication in words, per mode. */
  readonly indicationText: { readonly patient: string; readonly clinical: string }
  /** Key outcome figures and concerns, each cited (the player's "Results and risks" in clinician mode). */
  readonly outcomes: readonly Cited<string>[]
  /**
   * The same results and risks in plain words for patients (the player's "Results and risks" in
   * patient mode), citing the outcomes' sources: what usually happens and what can go wrong, so
   * the steps never read as reassurance only.
   */
  readonly outlook: Cited<string>
  /** Why this step sequence was chosen as the default, when there are variants. */
  readonly defaultSequence?: Cited<string>
  readonly variants: readonly ProcedureVariant[]
  readonly steps: readonly ProcedureStep[]
}
