/**
 * Evidence tags and cited values: every fact in src/domain says where it came from
 * and how firm it is, using the tags of the shared clinical reference.
 */
import type { SourceKey } from './sources.ts'

/**
 * - 'S': stated in a source that was read. In the disease data (stages, findings, vessels,
 *   captions, lesion) at least one of its sources is primary: a peer-reviewed paper or an
 *   official document (tests/unit/sources.test.ts).
 * - 'S-sec': read on a secondary page (reference site, clinic/vendor page, Q&A, AI summary);
 *   in the disease data it also names the primary paper the statement is attributed to.
 * - 'V': widely cited but not seen in a retrieved source; verify before shipping. None is
 *   left in the disease data; the procedure steps still carry a few.
 * - 'Inf': a design choice derived from sourced facts, not a clinical fact.
 */
export const EVIDENCE_TAGS = ['S', 'S-sec', 'V', 'Inf'] as const
export type Evidence = (typeof EVIDENCE_TAGS)[number]

export interface Citation {
  /** At least one key of SOURCES (../sources.ts). */
  readonly sources: readonly [SourceKey, ...SourceKey[]]
  readonly evidence: Evidence
  /** Why a design choice was made, or what the number is anchored to. */
  readonly note?: string
}

export interface Cited<T> extends Citation {
  readonly value: T
}

/** A cited value; `note` is required for [Inf] values so every design choice says why. */
export function cited<T>(
  value: T,
  evidence: Evidence,
  sources: readonly [SourceKey, ...SourceKey[]],
  note?: string,
): Cited<T> {
  return note === undefined ? { value, evidence, sources } : { value, evidence, sources, note }
}
