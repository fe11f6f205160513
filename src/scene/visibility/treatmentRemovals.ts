/**
 * The bone a treatment has taken away, for the visibility rules (./removedAt.ts): the treatment
 * layer publishes the removals of the frame it draws while it is mounted; with no treatment
 * open nothing is removed. Kept apart so the picking rule carries no treatment code.
 */
import type { BoneRemoval } from '../../domain/treatment/frame.ts'
import { removalTarget } from '../../domain/treatment/removalTarget.ts'

let current: readonly BoneRemoval[] = []

export function publishTreatmentRemovals(removals: readonly BoneRemoval[]): void {
  current = removals
}

export function treatmentRemovals(): readonly BoneRemoval[] {
  return current
}

/**
 * Whether the treatment drawn has scraped out the necrotic bone (a cavity: curettage, the
 * expandable reamer): then no tag may call what is left there "dead bone" — the cavity is empty
 * or packed with graft, and the rim it leaves is the healthy bone the graft will heal to.
 */
export function lesionDebrided(): boolean {
  // The femur's: a reamer's sphere in the socket scrapes no lesion.
  return current.some((r) => r.kind === 'ellipsoid' && removalTarget(r) === 'femur')
}
