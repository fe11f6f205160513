/**
 * Which structures a bone removal takes from (frame.ts BoneRemoval `target`): the one rule the
 * geometry worker (what it subtracts from), the model's geometry owner (what it swaps) and the
 * visibility rules (where a point counts as taken away) all ask.
 *
 * - femur (the default): its cortex and its cancellous core — tunnels, cavities, windows, the
 *   neck cut, the broached canal, the reamed head;
 * - pelvis: the socket's bone, the cartilage lining it and the labrum on its rim — acetabular
 *   reaming takes all three (clinical.md §6.5 step 4: cartilage and subchondral bone).
 * The head's cartilage is never a removal's: a treatment that takes it hides it by a step's list.
 *
 * Kept apart from ./removalTarget.ts and free of runtime imports: the model's preparation reads it
 * at load (scene/model/prepareHipScene.ts), in the first download.
 */
import type { StructureId } from '../anatomy/structures.ts'
import type { RemovalTarget } from './frame.ts'

export const REMOVAL_SOLIDS = {
  femur: ['femur', 'femurCancellous'],
  pelvis: ['hipBone', 'acetabularCartilage', 'labrum'],
} as const satisfies Record<RemovalTarget, readonly StructureId[]>

export type RemovalSolid = (typeof REMOVAL_SOLIDS)[RemovalTarget][number]
export type SolidOf<T extends RemovalTarget> = (typeof REMOVAL_SOLIDS)[T][number]

const TARGET_OF = new Map<StructureId, RemovalTarget>(
  (Object.entries(REMOVAL_SOLIDS) as [RemovalTarget, readonly StructureId[]][]).flatMap(([t, ids]) => ids.map((id) => [id, t] as const)),
)

/** The target whose removals cut `structure`, or null when no removal ever does. */
export function targetOfStructure(structure: StructureId): RemovalTarget | null {
  return TARGET_OF.get(structure) ?? null
}
