/**
 * Where the disease shaders drop tissue or draw another in its place, for the visibility rules
 * (./removedAt.ts, ./cutFaceUnder.ts). The disease layer, which owns those shaders and their
 * values, publishes the rules while it is mounted (scene/disease/drawing.ts); without it the hip
 * is drawn plainly and nothing is dropped. Kept apart so the first download carries no lesion
 * geometry.
 */
import type { StructureId } from '../../domain/anatomy/structures.ts'
import type { CutFace } from '../../domain/lesion/drawnTissue.ts'
import type { CutSolid } from '../../domain/section.ts'
import type { Vec3 } from '../../domain/viewState.ts'

export interface DiseaseDrawing {
  /** Whether the surface of `structure` is not drawn at the model point `p` (worn-through cartilage). */
  surfaceDropped(structure: StructureId, p: Vec3): boolean
  /** What the cut face of `solid` shows at the model point `p` on the cutting plane. */
  cutFace(solid: CutSolid, p: Vec3): CutFace
  /**
   * Where the femur's point `p` (model frame, the femur at rest) is drawn once the head has
   * collapsed or worn, in the same frame: labels on the head follow the drawn bone.
   */
  drawnFemurPoint(p: Vec3): Vec3
  /**
   * The stage the picture shows now (it eases toward the chosen one): what is drawn where
   * changes with it, so whoever caches an answer (the labels' occlusion) asks again when it moves.
   */
  displayedStage(): number
}

let current: DiseaseDrawing | null = null

export function publishDiseaseDrawing(drawing: DiseaseDrawing | null): void {
  current = drawing
}

export function diseaseDrawing(): DiseaseDrawing | null {
  return current
}
