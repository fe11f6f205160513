/**
 * Which bone a removal takes from (frame.ts BoneRemoval `target`), and the structures of each
 * bone (./removalSolids.ts): the one rule the geometry worker, the model's geometry owner and the
 * visibility rules all ask.
 */
import type { BoneRemoval, RemovalTarget } from './frame.ts'

export { REMOVAL_SOLIDS, targetOfStructure, type RemovalSolid, type SolidOf } from './removalSolids.ts'

export function removalTarget(removal: BoneRemoval): RemovalTarget {
  return removal.target ?? 'femur'
}

/** The removals that take from `target`, in their order. */
export function removalsOn(removals: readonly BoneRemoval[], target: RemovalTarget): BoneRemoval[] {
  return removals.filter((r) => removalTarget(r) === target)
}
