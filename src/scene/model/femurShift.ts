/**
 * Which of the model's structures belong to the femur and move with it (the stage IV migration,
 * an operation's dislocation): ./femurPose.ts owns where they are drawn.
 */
import type { StructureId } from '../../domain/anatomy/structures.ts'

/** The femur's nodes: they move together (the femur, its inner bone, the head's cartilage and the vessels lying on its neck). */
export const FEMUR_NODES = [
  'femur',
  'femurCancellous',
  'femoralHeadCartilage',
  'posterosuperiorRetinacularArteries',
  'anteriorRetinacularArtery',
  'inferiorRetinacularArtery',
] as const satisfies readonly StructureId[]

const FEMUR_SET: ReadonlySet<StructureId> = new Set(FEMUR_NODES)

/** Whether a structure moves with the femur. */
export function onFemur(id: StructureId): boolean {
  return FEMUR_SET.has(id)
}
