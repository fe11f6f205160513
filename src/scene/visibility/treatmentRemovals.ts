/**
 * The bone a treatment has taken away, for the visibility rules (./removedAt.ts): the treatment
 * layer publishes the removals of the frame it draws while it is mounted; with no treatment
 * open nothing is removed. Kept apart so the picking rule carries no treatment code.
 */
import type { BoneRemoval } from '../../domain/treatment/frame.ts'
import { removalTarget } from '../../domain/treatment/removalTarget.ts'
import { insideRemoval } from '../../domain/treatment/removalVolume.ts'

/** The femoral head's centre: the model frame's origin (domain/anatomy/landmarks.ts). */
const HEAD_CENTRE = [0, 0, 0] as const

let current: readonly BoneRemoval[] = []
let revision = 0

export function publishTreatmentRemovals(removals: readonly BoneRemoval[]): void {
  // The frame loop publishes a new array every frame a step plays: a new revision only when
  // the bone taken away changes (what the labels' occlusion check must see again).
  if (removals.length !== current.length || removals.some((r, i) => r.id !== current[i]!.id)) revision++
  current = removals
}

/** Changes whenever the removals drawn change (by their ids). */
export function treatmentRemovalsRevision(): number {
  return revision
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
  // The femur's: a reamer's sphere in the socket scrapes no lesion. A head cut off takes it all.
  return headRemoved() || current.some((r) => (r.kind === 'ellipsoid' || r.kind === 'radial') && removalTarget(r) === 'femur')
}

/**
 * Whether the treatment drawn has cut the femoral head off (a saw cut of the femur that takes the
 * head's centre, the model frame's origin: the neck osteotomy of a total hip replacement, not
 * the head-height cut of a resurfacing): the head's disease goes with it.
 */
export function headRemoved(): boolean {
  return current.some((r) => r.kind === 'planes' && removalTarget(r) === 'femur' && insideRemoval(r, HEAD_CENTRE))
}
