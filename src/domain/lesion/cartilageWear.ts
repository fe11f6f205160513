/**
 * Where the femoral head's cartilage over the collapsed segment is worn through to the bone: the
 * ulcer crater where the detached flap was lost (Meloni 2016: clinical.md, staging table). One rule for the
 * 3D surface, the cut's caps (scene/disease/shaders.ts and sectionCaps.ts, which get these numbers
 * and the noise's recipe injected) and picking (./drawnTissue.ts).
 *
 * The crater is where a point is central enough for the loss: worn through where
 * `craterWeight + CRATER_FRAY × (craterNoise − ½)` exceeds `1 + CRATER_FRAY/2 − share × (1 + CRATER_FRAY)`.
 * `share` grows from 0 at a loss (1 − `cartilageOverLesion`) of WORN_FROM_LOSS to 1 at a total
 * loss, so nothing wears while the table keeps 45% or more, and the whole segment is bare at a
 * total loss. The weight is 1 in the segment's middle and falls to 0 both toward the lesion's edge
 * (`footprint`: the distance on the surface to it, mm, negative inside) and away from the lesion's
 * centre (the angle from its axis: the segment can be a long band across the dome, whose whole
 * middle line would otherwise wear at once). So the crater is one hole in the middle of the
 * segment that widens with the loss, its edge frayed by the noise [Inf: design choice]. Measured
 * on the model's lesions (C1): 19–31% of the segment bare at 3.5 (table 0.3 × normal), 71–74% at
 * 4 (0.1 × normal); none to 3.25 (0.45 × normal or more).
 *
 * Before, the noise alone chose where the holes opened over the whole segment: at 3.5 they were
 * several smooth round patches, and three in a column read as drill holes (a surgeon's review).
 */
import type { Vec3 } from '../viewState.ts'
import { shaderNoise } from './shaderNoise.ts'

/** The loss over the lesion from which the crater opens (the table keeps 45% of the cartilage). */
export const WORN_FROM_LOSS = 0.55
/** How deep inside the lesion's edge the crater's weight is full (mm). */
export const CRATER_FULL_MM = 6
/** How far from the lesion's centre (angle from its axis, radians) the crater's weight falls to 0. */
export const CRATER_SPREAD_RAD = 1.5
/** How far the noise moves the crater's edge, in units of the weight. */
export const CRATER_FRAY = 0.2
/** The fraying noise: a coarse and a fine octave of the shaders' value noise on the head's unit directions. */
export const CRATER_OCTAVES: readonly { scale: number; offset: number; weight: number }[] = [
  { scale: 5, offset: 7.3, weight: 0.6 },
  { scale: 13, offset: 2.9, weight: 0.4 },
]

/** The fraying noise at a direction from the head's centre (0..1). */
export function craterNoise(dir: Vec3): number {
  let n = 0
  for (const { scale, offset, weight } of CRATER_OCTAVES) n += weight * shaderNoise(dir[0] * scale + offset, dir[1] * scale + offset, dir[2] * scale + offset)
  return n
}

/** How central a point of the segment is (0..1): see above. `fromCentreRad`: its angle from the lesion's axis. */
export function craterWeight(footprintMm: number, fromCentreRad: number): number {
  const edge = Math.min(Math.max(-footprintMm / CRATER_FULL_MM, 0), 1)
  const centre = Math.min(Math.max(1 - fromCentreRad / CRATER_SPREAD_RAD, 0), 1)
  return edge * centre
}

/** Whether cartilage is worn through at a point: see above. */
export function wornThrough(footprintMm: number, fromCentreRad: number, loss: number, noise: number): boolean {
  const share = Math.min(Math.max((loss - WORN_FROM_LOSS) / (1 - WORN_FROM_LOSS), 0), 1)
  return craterWeight(footprintMm, fromCentreRad) + CRATER_FRAY * (noise - 0.5) > 1 + CRATER_FRAY / 2 - share * (1 + CRATER_FRAY)
}
