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

/**
 * Rings over the end (fractions of its radius) and points on each. On a sphere the nearest point
 * is on the rim; on a collapsed head, whose flattened dome curves less than the sphere around it,
 * it can lie inside the rim of a wide end (a 16-mm core under the dome), so the inner rings are
 * sampled too: points about 1 mm apart around each ring of a 16-mm end.
 */
const RINGS: readonly (readonly [number, number])[] = [
  [0, 1],
  [0.25, 12],
  [0.5, 24],
  [0.7, 36],
  [0.85, 48],
  [1, 64],
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
  if (radius === 0) return depthUnderSurface(tip, surface)
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

/** Where a tool stops along its line: depth from its start, and whether it keeps every clearance asked there. */
export interface ToolStop {
  readonly depth: number
  /** False when no stop on the line keeps them all: then the stop that comes nearest. */
  readonly fits: boolean
}

/**
 * A clearance the end keeps: every point within `radius` mm of its centre stays `clearance` mm
 * under the surface (radius 0: the centre alone; the tool's radius: its whole end).
 */
export interface EndKeep {
  readonly radius: number
  readonly clearance: number
}

/** Step (mm) of the search back from the surface when no stop is sure to fit: finer than any window a 3–16 mm tool could fit through unseen. */
const SEARCH_STEP_MM = 0.5

/**
 * Depth along `axis` from `from` at which the tool's end keeps every clearance in `keep` (to
 * 0.01 mm); deeper than that, one is broken. A wide tool on a line that passes near the edge of
 * the head may break one wherever it stops: then the stop where it breaks them least, marked as
 * not fitting. Null when the line misses the head.
 */
export function stopShort(from: Vec3, axis: Vec3, keep: readonly EndKeep[], surface: HeadSurface): ToolStop | null {
  // On the unsunk sphere, a disc's farthest point from the centre is on its rim, on the side away
  // from the centre: at height h along the axis (from the centre's foot on the line) and `off`
  // across it, √(h² + (off + radius)²) — so where a clearance c is kept has a closed form. The
  // collapse sinks the surface by at most its depth: keeping c + depth is then sure to fit.
  const rel = sub(from, surface.centre)
  const along = dot(rel, axis)
  const off = length(madd(rel, axis, -along))
  if (off >= surface.radius) return null
  const heightKeeping = (extra: number): number | null => {
    let h = Infinity
    for (const k of keep) {
      const room = (surface.radius - k.clearance - extra) ** 2 - (off + k.radius) ** 2
      if (room < 0) return null
      h = Math.min(h, Math.sqrt(room))
    }
    return h
  }
  /** How far the stop at `depth` falls short of its clearances (≤ 0: it keeps them all). */
  const shortfall = (depth: number) => {
    const tip = madd(from, axis, depth)
    return Math.max(...keep.map((k) => k.clearance - endClearance(tip, axis, k.radius, surface)))
  }
  const highest = heightKeeping(0)
  // Not even the unsunk sphere leaves room: the stop nearest the centre breaks them least.
  if (highest === null) return { depth: -along, fits: false }
  let deep = highest - along
  if (shortfall(deep) <= 0) return { depth: deep, fits: true }
  const sure = heightKeeping(surface.collapse.depthMm)
  let shallow: number
  if (sure !== null) shallow = sure - along
  else {
    // Search back from the deepest candidate to the far side of the room the sphere leaves.
    let found: number | null = null
    let best = { depth: deep, short: shortfall(deep) }
    for (let depth = deep - SEARCH_STEP_MM; depth > -highest - along; depth -= SEARCH_STEP_MM) {
      const short = shortfall(depth)
      if (short <= 0) {
        found = depth
        break
      }
      if (short < best.short) best = { depth, short }
      deep = depth
    }
    if (found === null) return { depth: best.depth, fits: false }
    shallow = found
  }
  while (deep - shallow > 0.01) {
    const mid = (deep + shallow) / 2
    if (shortfall(mid) <= 0) shallow = mid
    else deep = mid
  }
  return { depth: shallow, fits: true }
}
