/**
 * A solid given by its distance from a centre in every direction: how a scraped-out cavity that
 * follows the lesion is written down. The necrotic bowl under the subchondral plate, less the
 * plate and a rim, is not an ellipsoid — it is wide and thin, curved like the dome above it and
 * the lesion's floor below — but it is star-shaped from a point in its middle (it is the
 * intersection of the bowl's inside with a ball, both convex, dented a little by a collapse).
 *
 * One owner for the shape: the planner makes it (./planner.ts), the geometry worker meshes it for
 * the boolean (geometry/removalCutters.ts), the visibility rules ask whether a point is inside it
 * (./removalVolume.ts), and the graft is packed into it (scene/treatment/pieces/cancellousGraft.ts).
 *
 * Directions: a grid on the sphere in the solid's own frame (`axes`), like a globe whose poles lie
 * along −axes[2] (south) and +axes[2] (north): ring r (1 … rings−1) at polar angle π r / rings from
 * the south pole, segment s at azimuth 2π s / segments. Pure arithmetic.
 */
import { dot, madd, sub, type Vec3 } from '../vec3.ts'

export interface RadialSolid {
  readonly centre: Vec3
  /** Unit axes, right-handed: its frame. */
  readonly axes: readonly [Vec3, Vec3, Vec3]
  readonly rings: number
  readonly segments: number
  /**
   * Distance (mm) from the centre to the surface: the south pole's, then ring by ring
   * (segments each), then the north pole's.
   */
  readonly reach: readonly number[]
}

/** Unit direction (in the solid's frame) of a grid point. */
export function gridDirection(rings: number, segments: number, ring: number, segment: number): Vec3 {
  const theta = (Math.PI * ring) / rings
  const phi = (2 * Math.PI * segment) / segments
  return [Math.sin(theta) * Math.cos(phi), Math.sin(theta) * Math.sin(phi), -Math.cos(theta)]
}

/** Index into `reach` of a grid point (ring 0 is the south pole, ring `rings` the north). */
export function reachIndex(rings: number, segments: number, ring: number, segment: number): number {
  if (ring <= 0) return 0
  if (ring >= rings) return 1 + (rings - 1) * segments
  return 1 + (ring - 1) * segments + (((segment % segments) + segments) % segments)
}

/** A local direction (solid frame) → model-frame direction. */
export function toModel(solid: Pick<RadialSolid, 'axes'>, local: Vec3): Vec3 {
  const [a, b, c] = solid.axes
  return [
    local[0] * a[0] + local[1] * b[0] + local[2] * c[0],
    local[0] * a[1] + local[1] * b[1] + local[2] * c[1],
    local[0] * a[2] + local[1] * b[2] + local[2] * c[2],
  ]
}

/** Surface point of a grid direction, the solid scaled by `grow` about its centre (model frame). */
export function surfacePoint(solid: RadialSolid, ring: number, segment: number, grow = 1): Vec3 {
  const d = toModel(solid, gridDirection(solid.rings, solid.segments, ring, segment))
  return madd(solid.centre, d, solid.reach[reachIndex(solid.rings, solid.segments, ring, segment)]! * grow)
}

/**
 * The solid around `centre` bounded by `inside`: along each grid direction, the first point where
 * `inside` turns false (stepped by `stepMm`, then halved down to 0.02 mm), no farther than
 * `maxReachMm`. `inside(centre)` should hold.
 */
export function radialSolidOf(
  centre: Vec3,
  axes: readonly [Vec3, Vec3, Vec3],
  inside: (p: Vec3) => boolean,
  options: { readonly rings: number; readonly segments: number; readonly maxReachMm: number; readonly stepMm: number },
): RadialSolid {
  const { rings, segments, maxReachMm, stepMm } = options
  const reach: number[] = new Array(2 + (rings - 1) * segments).fill(0)
  const along = (dir: Vec3): number => {
    let lo = 0
    let hi = stepMm
    while (hi < maxReachMm && inside(madd(centre, dir, hi))) {
      lo = hi
      hi += stepMm
    }
    if (hi >= maxReachMm) return maxReachMm
    while (hi - lo > 0.02) {
      const mid = (lo + hi) / 2
      if (inside(madd(centre, dir, mid))) lo = mid
      else hi = mid
    }
    return lo
  }
  const solid = { centre, axes, rings, segments, reach }
  for (let ring = 0; ring <= rings; ring++) {
    const count = ring === 0 || ring === rings ? 1 : segments
    for (let s = 0; s < count; s++) reach[reachIndex(rings, segments, ring, s)] = along(toModel(solid, gridDirection(rings, segments, ring, s)))
  }
  tighten(solid, reach, inside)
  return solid
}

/**
 * Pulls in the grid where a triangle between its points leaves the region: the points are on its
 * boundary, but where the region is not convex (a collapse's step leaves a lip of unsunk bone
 * beside the sunken plate) a triangle from a point on the lip to one under the plate cuts through
 * the plate's 3 mm. Each triangle is tested at 15 points (corners, quarters of its sides, inside);
 * the corners of one that fails move 3% toward the centre, until none fails.
 */
function tighten(solid: RadialSolid, reach: number[], inside: (p: Vec3) => boolean): void {
  const { rings, segments } = solid
  const triangles: [number, number, number][] = []
  const grid = (r: number, s: number) => reachIndex(rings, segments, r, s)
  for (let r = 0; r < rings; r++) {
    for (let s = 0; s < segments; s++) {
      if (r > 0) triangles.push([grid(r, s), grid(r, s + 1), grid(r + 1, s + 1)])
      if (r + 1 < rings) triangles.push([grid(r, s), grid(r + 1, s + 1), grid(r + 1, s)])
    }
  }
  const direction: Vec3[] = []
  for (let r = 0; r <= rings; r++) {
    const count = r === 0 || r === rings ? 1 : segments
    for (let s = 0; s < count; s++) direction[grid(r, s)] = toModel(solid, gridDirection(rings, segments, r, s))
  }
  const point = (i: number): Vec3 => madd(solid.centre, direction[i]!, reach[i]!)
  // Barycentric points every quarter of each side: corners, sides and inside (15 points), as
  // quarters (integers) of the three corners.
  const QUARTERS: (readonly [number, number, number])[] = []
  for (let i = 0; i <= 4; i++) for (let j = 0; i + j <= 4; j++) QUARTERS.push([i, j, 4 - i - j])
  // The points on corners and sides are shared (a corner by six triangles, a side's by two): each
  // gets one slot, so a pass asks `inside` once per point, half the calls of asking per triangle
  // (the 2 300-triangle cavity's test was most of a treatment's opening). Inside points: −1.
  const vertices = direction.length
  const slotOf = new Map<number, number>()
  const slots = new Int32Array(triangles.length * QUARTERS.length)
  triangles.forEach((t, n) => {
    QUARTERS.forEach(([u, v, w], q) => {
      let key = -1
      if (u === 4 || v === 4 || w === 4) key = (u === 4 ? t[0] : v === 4 ? t[1] : t[2]) * 5 + 4
      else if (u === 0 || v === 0 || w === 0) {
        // a side: its two corners (low index first) and the low one's weight, past the corners' keys
        const [i, wi, j, wj] = u === 0 ? [t[1], v, t[2], w] : v === 0 ? [t[0], u, t[2], w] : [t[0], u, t[1], v]
        key = i < j ? vertices * 5 + (i * vertices + j) * 5 + wi : vertices * 5 + (j * vertices + i) * 5 + wj
      }
      let slot = -1
      if (key >= 0) {
        slot = slotOf.get(key) ?? slotOf.size
        if (slot === slotOf.size) slotOf.set(key, slot)
      }
      slots[n * QUARTERS.length + q] = slot
    })
  })
  /** A pass's answers per slot: 0 not asked yet, 1 inside, 2 outside (reach changes only between passes). */
  const answers = new Uint8Array(slotOf.size)
  const fails = (n: number): boolean => {
    const t = triangles[n]!
    const a = point(t[0]), b = point(t[1]), c = point(t[2])
    for (let q = 0; q < QUARTERS.length; q++) {
      const slot = slots[n * QUARTERS.length + q]!
      let answer = slot >= 0 ? answers[slot]! : 0
      if (answer === 0) {
        const [u, v, w] = QUARTERS[q]!
        const p: Vec3 = [(a[0] * u + b[0] * v + c[0] * w) / 4, (a[1] * u + b[1] * v + c[1] * w) / 4, (a[2] * u + b[2] * v + c[2] * w) / 4]
        // A corner sits on the boundary (just inside): test a hair inward of it.
        answer = inside(madd(p, sub(solid.centre, p), 1e-3)) ? 1 : 2
        if (slot >= 0) answers[slot] = answer
      }
      if (answer === 2) return true
    }
    return false
  }
  let suspects = triangles.map((_, n) => n)
  for (let pass = 0; pass < 60 && suspects.length > 0; pass++) {
    answers.fill(0)
    const moved = new Set<number>()
    for (const n of suspects) {
      if (!fails(n)) continue
      for (const i of triangles[n]!) moved.add(i)
    }
    for (const i of moved) reach[i] = reach[i]! * 0.97
    suspects = triangles.flatMap((t, n) => (moved.has(t[0]) || moved.has(t[1]) || moved.has(t[2]) ? [n] : []))
  }
}

/**
 * Distance from the centre to the surface toward a model-frame direction (need not be unit): where
 * the ray meets the grid's triangles, the same triangles the cutter mesh is made of
 * (geometry/removalCutters.ts). Interpolating the reach itself would overshoot a wide, thin cavity
 * where a ray grazes its roof (there the reach grows like 1 / cos of the angle).
 */
export function reachToward(solid: RadialSolid, direction: Vec3): number {
  const [a, b, c] = solid.axes
  const x = dot(direction, a), y = dot(direction, b), z = dot(direction, c)
  const len = Math.hypot(x, y, z)
  if (!(len > 0)) return solid.reach[0]!
  const d: Vec3 = [x / len, y / len, z / len]
  const { rings, segments } = solid
  const theta = Math.acos(Math.max(-1, Math.min(1, -d[2])))
  let phi = Math.atan2(d[1], d[0])
  if (phi < 0) phi += 2 * Math.PI
  const r0 = Math.min(rings - 1, Math.floor((theta / Math.PI) * rings))
  const s0 = Math.floor((phi / (2 * Math.PI)) * segments) % segments
  // Corners of the cell in the solid's frame (relative to its centre).
  const corner = (r: number, s: number): Vec3 => {
    const dir = gridDirection(rings, segments, r, s)
    const k = solid.reach[reachIndex(rings, segments, r, s)]!
    return [dir[0] * k, dir[1] * k, dir[2] * k]
  }
  // A cell's two triangles (as the cutter winds them). Seen from the centre a triangle's sides
  // are great circles, a ring is not: near a ring the ray may cross the next cell's triangle.
  let fallback = Infinity
  for (const dr of [0, -1, 1]) {
    const r = r0 + dr
    if (r < 0 || r >= rings) continue
    for (const ds of [0, -1, 1]) {
      const sg = s0 + ds
      const lo0 = corner(r, sg), lo1 = corner(r, sg + 1), hi0 = corner(r + 1, sg), hi1 = corner(r + 1, sg + 1)
      for (const [p, q, w] of [[lo0, lo1, hi1], [lo0, hi1, hi0]] as const) {
        const hit = rayTriangle(d, p, q, w)
        if (hit === null) continue
        if (hit.inside) return hit.t
        if (dr === 0 && ds === 0) fallback = Math.min(fallback, hit.t)
      }
    }
  }
  return Number.isFinite(fallback) ? fallback : solid.reach[reachIndex(rings, segments, r0, s0)]!
}

/** Where the ray from the origin along unit `d` meets the plane of triangle p q w, and whether inside it (with a little slack). */
function rayTriangle(d: Vec3, p: Vec3, q: Vec3, w: Vec3): { t: number; inside: boolean } | null {
  const e1 = sub(q, p), e2 = sub(w, p)
  const h: Vec3 = [d[1] * e2[2] - d[2] * e2[1], d[2] * e2[0] - d[0] * e2[2], d[0] * e2[1] - d[1] * e2[0]]
  const det = dot(e1, h)
  if (Math.abs(det) < 1e-12) return null
  const s: Vec3 = [-p[0], -p[1], -p[2]]
  const u = dot(s, h) / det
  const qv: Vec3 = [s[1] * e1[2] - s[2] * e1[1], s[2] * e1[0] - s[0] * e1[2], s[0] * e1[1] - s[1] * e1[0]]
  const v = dot(d, qv) / det
  const t = dot(e2, qv) / det
  if (!(t > 0)) return null
  const slack = 1e-6
  return { t, inside: u >= -slack && v >= -slack && u + v <= 1 + slack }
}

/**
 * Whether `p` (model frame) lies inside the solid scaled by `grow` about its centre, deeper than
 * `marginMm` along the line from the centre (a point on the wall is not inside).
 */
export function insideRadialSolid(solid: RadialSolid, p: Vec3, marginMm = 0, grow = 1): boolean {
  const d = sub(p, solid.centre)
  const r = Math.hypot(d[0], d[1], d[2])
  return r < reachToward(solid, d) * grow - marginMm
}

/** Half-extents of the solid along each of its axes, from its centre (mm): the larger side. */
export function radialExtents(solid: RadialSolid): Vec3 {
  const out = [0, 0, 0]
  for (let ring = 0; ring <= solid.rings; ring++) {
    const count = ring === 0 || ring === solid.rings ? 1 : solid.segments
    for (let s = 0; s < count; s++) {
      const dir = gridDirection(solid.rings, solid.segments, ring, s)
      const r = solid.reach[reachIndex(solid.rings, solid.segments, ring, s)]!
      for (let k = 0; k < 3; k++) out[k] = Math.max(out[k]!, Math.abs(dir[k]!) * r)
    }
  }
  return [out[0]!, out[1]!, out[2]!]
}

/** The box (in the frame its centre is given in) that holds the solid. */
export function radialBounds(solid: RadialSolid): { readonly min: Vec3; readonly max: Vec3 } {
  const min = [Infinity, Infinity, Infinity]
  const max = [-Infinity, -Infinity, -Infinity]
  for (let ring = 0; ring <= solid.rings; ring++) {
    const count = ring === 0 || ring === solid.rings ? 1 : solid.segments
    for (let s = 0; s < count; s++) {
      const p = surfacePoint(solid, ring, s)
      for (let k = 0; k < 3; k++) {
        min[k] = Math.min(min[k]!, p[k]!)
        max[k] = Math.max(max[k]!, p[k]!)
      }
    }
  }
  return { min: [min[0]!, min[1]!, min[2]!], max: [max[0]!, max[1]!, max[2]!] }
}

/**
 * The same solid written in another frame: `origin` and the unit axes `x`, `y`, `z` of that frame
 * given in this one's (a piece's own frame, its model drawn about its deep end).
 */
export function radialInFrame(solid: RadialSolid, origin: Vec3, x: Vec3, y: Vec3, z: Vec3): RadialSolid {
  const local = (v: Vec3): Vec3 => [dot(v, x), dot(v, y), dot(v, z)]
  const [a, b, c] = solid.axes
  return { ...solid, centre: local(sub(solid.centre, origin)), axes: [local(a), local(b), local(c)] }
}

/** Volume (mm³) of the solid's grid mesh, by summing the cones from its centre. */
export function radialVolume(solid: RadialSolid): number {
  let v = 0
  const { rings, segments } = solid
  const p = (r: number, s: number) => sub(surfacePoint(solid, r, s), solid.centre)
  const tet = (a: Vec3, b: Vec3, c: Vec3) => Math.abs(dot(a, [b[1] * c[2] - b[2] * c[1], b[2] * c[0] - b[0] * c[2], b[0] * c[1] - b[1] * c[0]])) / 6
  for (let r = 0; r < rings; r++) {
    for (let s = 0; s < segments; s++) {
      const a = p(r, s), b = p(r, s + 1), c = p(r + 1, s), d = p(r + 1, s + 1)
      // The first ring's quads are triangles from the south pole (a = b), the last ring's to the north (c = d).
      if (r === 0) v += tet(a, d, c)
      else if (r + 1 === rings) v += tet(a, b, c)
      else v += tet(a, b, d) + tet(a, d, c)
    }
  }
  return v
}
