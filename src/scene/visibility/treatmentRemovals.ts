/**
 * The bone a treatment has taken away, for the visibility rules (./removedAt.ts): the treatment
 * layer publishes the removals of the frame it draws while it is mounted; with no treatment
 * open nothing is removed. Kept apart so the picking rule carries no treatment code.
 */
import type { BoneRemoval } from '../../domain/treatment/frame.ts'

let current: readonly BoneRemoval[] = []

export function publishTreatmentRemovals(removals: readonly BoneRemoval[]): void {
  current = removals
}

export function treatmentRemovals(): readonly BoneRemoval[] {
  return current
}
