/**
 * Where a tool aims in the lesion: the centre of the necrotic bone's volume, found by sampling
 * the same implicit lesion the shaders draw (`isInLesion`). The footprint centre on the surface
 * would put the tip in the subchondral plate; the volume centre is where "into the centre of the
 * lesion" (clinical reference §6.1 step 4) takes the guide wire.
 */
import { isInLesion, type LesionGeometry } from '../lesion/geometry.ts'
import type { Vec3 } from '../vec3.ts'

/** Grid step of the sampling, mm: fine enough that the centre moves < 0.2 mm when halved. */
const STEP_MM = 1

export interface LesionVolume {
  /** Centre of the necrotic volume, relative to the head centre (mm, model frame). */
  readonly centroid: Vec3
  /** Necrotic volume, mm³. */
  readonly volumeMm3: number
}

const cache = new WeakMap<LesionGeometry, LesionVolume>()

export function lesionVolume(g: LesionGeometry): LesionVolume {
  const known = cache.get(g)
  if (known) return known
  const r = g.radius
  let n = 0, sx = 0, sy = 0, sz = 0
  for (let x = -r; x <= r; x += STEP_MM) {
    for (let y = -r; y <= r; y += STEP_MM) {
      for (let z = -r; z <= r; z += STEP_MM) {
        if (!isInLesion([x, y, z], g)) continue
        n++
        sx += x; sy += y; sz += z
      }
    }
  }
  const volume: LesionVolume = n === 0
    ? { centroid: [g.centre[0] * r * 0.7, g.centre[1] * r * 0.7, g.centre[2] * r * 0.7], volumeMm3: 0 }
    : { centroid: [sx / n, sy / n, sz / n], volumeMm3: n * STEP_MM ** 3 }
  cache.set(g, volume)
  return volume
}
