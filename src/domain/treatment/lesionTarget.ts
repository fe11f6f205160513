/**
 * Where a tool aims in the lesion: the centre of the necrotic bone's volume, found by sampling
 * the same implicit lesion the shaders draw (`isInLesion`). The footprint centre on the surface
 * would put the tip in the subchondral plate; the volume centre is where "into the centre of the
 * lesion" (clinical reference §6.1 step 4) takes the guide wire.
 */
import { isInLesion, lesionBox, type LesionGeometry } from '../lesion/geometry.ts'
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
  // The lattice is the one from −r in STEP_MM steps over the head; only its points in the
  // lesion's box (lesionBox: none outside it is necrotic) are visited: an eighth (small) to a
  // half (large) of the head's cube, which took 17–25 ms of a treatment's opening in a page.
  const { min, max } = lesionBox(g)
  const first = (i: number) => Math.ceil((min[i]! + r) / STEP_MM)
  const last = (i: number) => Math.floor((max[i]! + r) / STEP_MM)
  let n = 0, sx = 0, sy = 0, sz = 0
  for (let i = first(0); i <= last(0); i++) {
    const x = -r + i * STEP_MM
    for (let j = first(1); j <= last(1); j++) {
      const y = -r + j * STEP_MM
      for (let k = first(2); k <= last(2); k++) {
        const z = -r + k * STEP_MM
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
