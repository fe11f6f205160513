/**
 * How close the flat end of a straight tool (a trephine, a reamer, a pin, a strut) comes to the
 * head's surface, and how deep it may go before it comes too close.
 *
 * A pass runs up the neck, so it meets the dome obliquely (often 30–60° from the surface's
 * normal): one edge of its flat end reaches the surface well before its centre does — by about
 * the tool's radius × tan(angle), 3 mm for a 10-mm trephine at 30°. The surgeon watches that
 * leading edge on the fluoroscopy, so the clearance is kept at every point of the end, measured
 * the shortest way to the (sunken) surface, not only along the axis (surgeon's review: the
 * Phemister trephine's edge came within 1 mm of the sunken bone at ARCO IIIA).
 *
 * Frame: mm, model frame; the surface is a sphere of `surfaceRadius` about the head centre,
 * sunk inward by the collapse of the stage (../lesion/collapse.ts).
 */
import { collapseDepthAt, type CollapseParams } from '../lesion/collapse.ts'
import { acrossOf, dot, length, madd, scale, sub, type Vec3 } from '../vec3.ts'

export interface HeadSurface {
  readonly centre: Vec3
  readonly radius: number
  readonly collapse: CollapseParams
}

/** Rings over the end (fractions of its radius) and points on each: the nearest point of a smooth surface is on the rim or close to it. */
const RINGS: readonly (readonly [number, number])[] = [
  [0, 1],
  [0.5, 12],
  [0.85, 24],
  [1, 48],
]

/** Shortest distance (mm) from a point inside the head to its sunken surface; negative beyond it. */
export function depthUnderSurface(p: Vec3, surface: HeadSurface): number {
  const q = sub(p, surface.centre)
  const r = length(q)
  if (r === 0) return surface.radius
  const dir = scale(q, 1 / r)
  return surface.radius - collapseDepthAt(dir, surface.collapse) - r
}

/** The least depth under the surface of any point of a flat end of `radius` mm centred on `tip`, facing along `axis`. */
export function endClearance(tip: Vec3, axis: Vec3, radius: number, surface: HeadSurface): number {
  const [u, v] = acrossOf(axis)
  let least = Infinity
  for (const [share, count] of RINGS) {
    for (let k = 0; k < count; k++) {
      const turn = (2 * Math.PI * k) / count
      const p = madd(madd(tip, u, share * radius * Math.cos(turn)), v, share * radius * Math.sin(turn))
      least = Math.min(least, depthUnderSurface(p, surface))
    }
  }
  return least
}

/** Where a tool stops along its line: depth from its start, and the least depth under the surface of its end there. */
export interface ToolStop {
  readonly depth: number
  readonly clearance: number
  /** False when no stop on the line keeps the asked clearance: then the stop that comes nearest it. */
  readonly fits: boolean
}

/** Step (mm) of the search back from the surface when no stop is sure to fit: finer than any window a 3–16 mm tool could fit through unseen. */
const SEARCH_STEP_MM = 0.5

/**
 * Depth along `axis` from `from` at which the whole flat end of a tool of `radius` mm stops
 * `clearance` mm under the surface (to 0.01 mm); deeper than that, some point of the end comes
 * closer. A wide tool on a line that passes near the edge of the head (toward a small lateral
 * lesion, after collapse) may have part of its end too near the surface wherever it stops: then
 * the stop where the end is deepest under the surface, marked as not fitting. Null when the
 * line misses the head.
 */
export function stopShort(from: Vec3, axis: Vec3, radius: number, clearance: number, surface: HeadSurface): ToolStop | null {
  // On the unsunk sphere the end's farthest point from the centre is on its rim, on the side away
  // from the centre: at height h along the axis (from the centre's foot on the line) and `off`
  // across it, √(h² + (off + radius)²) — so where a clearance c is kept has a closed form. The
  // collapse sinks the surface by at most its depth: keeping c + depth is then sure to fit.
  const rel = sub(from, surface.centre)
  const along = dot(rel, axis)
  const off = length(madd(rel, axis, -along))
  if (off >= surface.radius) return null
  const heightKeeping = (c: number): number | null => {
    const room = (surface.radius - c) ** 2 - (off + radius) ** 2
    return room >= 0 ? Math.sqrt(room) : null
  }
  const clearanceAt = (depth: number) => endClearance(madd(from, axis, depth), axis, radius, surface)
  const stop = (depth: number, fits: boolean): ToolStop => ({ depth, clearance: clearanceAt(depth), fits })

  const highest = heightKeeping(clearance)
  // Not even the unsunk sphere leaves room: the stop nearest the centre keeps furthest from it.
  if (highest === null) return stop(-along, false)
  let deep = highest - along
  if (clearanceAt(deep) >= clearance) return stop(deep, true)
  const sure = heightKeeping(clearance + surface.collapse.depthMm)
  let shallow: number
  if (sure !== null) shallow = sure - along
  else {
    // Search back from the deepest candidate to the far side of the room the sphere leaves.
    let found: number | null = null
    let best = stop(deep, false)
    for (let depth = deep - SEARCH_STEP_MM; depth > -highest - along; depth -= SEARCH_STEP_MM) {
      const c = clearanceAt(depth)
      if (c >= clearance) {
        found = depth
        break
      }
      if (c > best.clearance) best = { depth, clearance: c, fits: false }
      deep = depth
    }
    if (found === null) return best
    shallow = found
  }
  while (deep - shallow > 0.01) {
    const mid = (deep + shallow) / 2
    if (clearanceAt(mid) >= clearance) shallow = mid
    else deep = mid
  }
  return stop(shallow, true)
}
