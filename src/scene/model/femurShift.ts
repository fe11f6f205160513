/**
 * Where the femur is drawn relative to its place in the model file: at stage IV the head
 * migrates into the socket (domain/staging/migration.ts). The disease layer, which owns that
 * movement, writes it here (model frame, mm); what must agree with the drawn femur reads it:
 * the window in the socket follows the head (picking through it, scene/picking/cutawayPick.ts).
 * A plain vector, not store state: it changes with the displayed stage, frame by frame.
 */
import { Vector3 } from 'three'
import type { StructureId } from '../../domain/anatomy/structures.ts'

export const femurShift = new Vector3()

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
