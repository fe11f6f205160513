/**
 * The disease layer's answer to "what do the shaders draw here" (scene/visibility/diseaseDrawing.ts):
 * the pure rules of domain/lesion/drawnTissue.ts, fed with the values the uniforms hold now (the
 * displayed stage, which eases toward the chosen one), so picking agrees with the picture.
 */
import { cartilageSurfaceDropped, cutFaceAt, drawnFemurPoint, type DrawnDisease } from '../../domain/lesion/drawnTissue.ts'
import type { DiseaseAnatomy } from '../../domain/lesion/diseaseAnatomy.ts'
import type { LesionGeometry } from '../../domain/lesion/geometry.ts'
import type { DiseaseDrawing } from '../visibility/diseaseDrawing.ts'
import type { DiseaseUniforms } from './uniforms.ts'

/** The anatomy and the lesion the uniforms were last given (applyAnatomy). */
export interface PlacedDisease {
  anatomy: DiseaseAnatomy
  lesion: LesionGeometry
}

export function diseaseDrawingOf(u: DiseaseUniforms, placed: () => PlacedDisease | null, displayedStage: () => number): DiseaseDrawing {
  const drawn = (): DrawnDisease | null => {
    const p = placed()
    if (!p) return null
    const s = u.uHeadShift.value
    return {
      ...p,
      collapseMm: u.uCollapseMm.value,
      cartLesion: u.uCartLesion.value,
      cartElsewhere: u.uCartElsewhere.value,
      acetCart: u.uAcetCart.value,
      jointSpaceMm: u.uJointSpace.value,
      shift: [s.x, s.y, s.z],
    }
  }
  return {
    surfaceDropped: (structure, p) => {
      const d = drawn()
      return d !== null && cartilageSurfaceDropped(structure, p, d)
    },
    cutFace: (solid, p) => {
      const d = drawn()
      return d ? cutFaceAt(solid, p, d) : 'own'
    },
    drawnFemurPoint: (p) => {
      const d = drawn()
      return d ? drawnFemurPoint(p, d) : p
    },
    displayedStage,
  }
}
