/**
 * Tapered, capped tubes along smooth centre lines (arteries, ligamentum teres, the
 * transverse ligament). TEXCOORD_0.x = arc length in mm from the vessel's origin (the
 * app animates blood flow with it), TEXCOORD_0.y = 0..1 around the tube. Domed ends
 * make every tube watertight.
 */
import type { MeshData } from './meshData.ts'
import { cross, dist, dot, norm, perpTo, type V3 } from './vec.ts'

/** Uniform Catmull-Rom through control points, resampled every `step` mm. */
export function smoothPath(ctrl: readonly V3[], step: number): V3[] {
  if (ctrl.length < 2) return [...ctrl]
  const dense: V3[] = []
  const n = ctrl.length
  for (let i = 0; i < n - 1; i++) {
    const p0 = ctrl[Math.max(0, i - 1)]!
    const p1 = ctrl[i]!
    const p2 = ctrl[i + 1]!
    const p3 = ctrl[Math.min(n - 1, i + 2)]!
    const segs = Math.max(4, Math.ceil(dist(p1, p2) / (step * 0.25)))
    for (let s = 0; s < segs; s++) {
      const t = s / segs
      const t2 = t * t
      const t3 = t2 * t
      const c = (k: 0 | 1 | 2) =>
        0.5 * (2 * p1[k] + (-p0[k] + p2[k]) * t + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2 + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3)
      dense.push([c(0), c(1), c(2)])
    }
  }
  dense.push(ctrl[n - 1]!)
  // resample by arc length
  const out: V3[] = [dense[0]!]
  let acc = 0
  for (let i = 1; i < dense.length; i++) {
    acc += dist(dense[i - 1]!, dense[i]!)
    if (acc >= step) {
      out.push(dense[i]!)
      acc = 0
    }
  }
  if (dist(out[out.length - 1]!, dense[dense.length - 1]!) > step * 0.3) out.push(dense[dense.length - 1]!)
  else out[out.length - 1] = dense[dense.length - 1]!
  return out
}

/** Height of a tube's end dome, as a share of its radius (1 would be a hemisphere). */
const DOME_HEIGHT = 0.6
/** The dome's rings, by their angle up from the tube's end ring (the pole at 90°). */
const DOME_RING_ANGLES = [(40 * Math.PI) / 180, (70 * Math.PI) / 180]

export interface TubeSpec {
  readonly path: readonly V3[]
  /** Radius at the start and at the end (linear taper by arc length, unless `fork` is given). */
  readonly r0: number
  readonly r1: number
  /**
   * A vessel that leaves a shared trunk: it keeps the trunk's radius r0 for its first `atMm` of
   * arc length, narrows to `radius` over the next 2 mm, then tapers linearly to r1.
   */
  readonly fork?: { readonly atMm: number; readonly radius: number }
  /** Flattening: second radius = radius × flat (1 = round). */
  readonly flat?: number
  /** Preferred direction of the first radius for flattened tubes. */
  readonly up?: V3
  /** Arc length (mm) at the first point, so branches continue their parent's count. */
  readonly arcStart?: number
  readonly segments?: number
}

/** Arc length at each path point, from `arcStart`. */
function arcLengths(t: TubeSpec): number[] {
  const arcs: number[] = [t.arcStart ?? 0]
  for (let i = 1; i < t.path.length; i++) arcs.push(arcs[i - 1]! + dist(t.path[i - 1]!, t.path[i]!))
  return arcs
}

/** The tube's radius at each point of its path (a linear taper, or TubeSpec.fork). */
export function tubeRadii(t: TubeSpec): number[] {
  const arcs = arcLengths(t)
  const total = arcs[arcs.length - 1]! - arcs[0]! || 1
  const at = t.fork ? forkedRadius(t.fork, t.r0, t.r1, arcs) : (i: number) => t.r0 + (t.r1 - t.r0) * ((arcs[i]! - arcs[0]!) / total)
  return arcs.map((_, i) => at(i))
}

/** The radius along a vessel that leaves a trunk (TubeSpec.fork), by path point. */
function forkedRadius(fork: { atMm: number; radius: number }, r0: number, r1: number, arcs: readonly number[]): (i: number) => number {
  const NARROWING_MM = 2
  const start = arcs[0]!
  const end = arcs[arcs.length - 1]!
  const branchFrom = fork.atMm + NARROWING_MM
  return (i) => {
    const a = arcs[i]! - start
    if (a <= fork.atMm) return r0
    if (a < branchFrom) {
      const s = (a - fork.atMm) / NARROWING_MM
      return r0 + (fork.radius - r0) * s * s * (3 - 2 * s)
    }
    const rest = Math.max(1e-6, end - start - branchFrom)
    return fork.radius + (r1 - fork.radius) * Math.min(1, (a - branchFrom) / rest)
  }
}

export function tubeMesh(t: TubeSpec): MeshData {
  const P = t.path
  const K = t.segments ?? 10
  const n = P.length
  const tangents: V3[] = P.map((_, i) => norm([
    P[Math.min(n - 1, i + 1)]![0] - P[Math.max(0, i - 1)]![0],
    P[Math.min(n - 1, i + 1)]![1] - P[Math.max(0, i - 1)]![1],
    P[Math.min(n - 1, i + 1)]![2] - P[Math.max(0, i - 1)]![2],
  ]))
  // Parallel-transport frames (no twisting).
  const t0 = tangents[0]!
  let ref: V3 = t.up ?? (Math.abs(t0[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0])
  let u = perpTo(ref, t0)
  const us: V3[] = []
  for (let i = 0; i < n; i++) {
    const ti = tangents[i]!
    u = perpTo(u, ti)
    if (t.up) {
      const want = perpTo(t.up, ti)
      if (dot(want, want) > 0.5) u = want
    }
    us.push(u)
    ref = u
  }
  const arcs = arcLengths(t)
  const flat = t.flat ?? 1
  const pos: number[] = []
  const uv: number[] = []
  const idx: number[] = []
  const radii = tubeRadii(t)
  const radiusAt = (i: number) => radii[i]!
  /** Pushes the first `count` vertices of a ring of radius `rr` round path point i, lifted `lift` mm along `out` (a dome's rings). */
  const pushRing = (i: number, count: number, rr: number, out: V3 = [0, 0, 0], lift = 0) => {
    const p = P[i]!
    const ui = us[i]!
    const vi = cross(tangents[i]!, ui)
    for (let k = 0; k < count; k++) {
      const a = (2 * Math.PI * k) / K
      const cu = Math.cos(a) * rr
      const cv = Math.sin(a) * rr * flat
      pos.push(p[0] + ui[0] * cu + vi[0] * cv + out[0] * lift, p[1] + ui[1] * cu + vi[1] * cv + out[1] * lift, p[2] + ui[2] * cu + vi[2] * cv + out[2] * lift)
      uv.push(arcs[i]!, k / K)
    }
  }
  // K + 1 vertices a ring: k = K repeats k = 0 (welded below).
  for (let i = 0; i < n; i++) pushRing(i, K + 1, radiusAt(i))
  const ring = K + 1
  for (let i = 0; i + 1 < n; i++)
    for (let k = 0; k < K; k++) {
      const a = i * ring + k
      const b = a + 1
      const c = a + ring
      const d = c + 1
      idx.push(a, b, c, b, d, c)
    }
  // Weld the seam (k = K duplicates k = 0) for watertightness: remap K → 0.
  for (let j = 0; j < idx.length; j++) {
    const v = idx[j]!
    if (v % ring === K) idx[j] = v - K
  }
  // Ends: low domes (rings at 40° and 70°, then a pole), so a vessel that ends in sight reads as
  // its blind end, not as a sawn-off pipe (a surgeon took the deep femoral artery's flat end,
  // where its hidden parent would be, for a cut stump). Only DOME_HEIGHT × r beyond the path's
  // end: a branch's start stays inside its parent.
  const dome = (i: number, out: V3, flip: boolean) => {
    const p = P[i]!
    const r = radiusAt(i)
    let prev = i * ring
    for (const angle of DOME_RING_ANGLES) {
      const first = pos.length / 3
      pushRing(i, K, r * Math.cos(angle), out, r * DOME_HEIGHT * Math.sin(angle))
      for (let k = 0; k < K; k++) {
        const a = prev + k
        const b = prev + ((k + 1) % K)
        const c = first + k
        const d = first + ((k + 1) % K)
        if (flip) idx.push(a, b, c, b, d, c)
        else idx.push(a, c, b, b, c, d)
      }
      prev = first
    }
    const pole = pos.length / 3
    pos.push(p[0] + out[0] * r * DOME_HEIGHT, p[1] + out[1] * r * DOME_HEIGHT, p[2] + out[2] * r * DOME_HEIGHT)
    uv.push(arcs[i]!, 0.5)
    for (let k = 0; k < K; k++) {
      const a = prev + k
      const b = prev + ((k + 1) % K)
      if (flip) idx.push(pole, a, b)
      else idx.push(pole, b, a)
    }
  }
  const t0e = tangents[0]!
  dome(0, [-t0e[0], -t0e[1], -t0e[2]], false)
  dome(n - 1, tangents[n - 1]!, true)
  return { positions: new Float32Array(pos), indices: new Uint32Array(idx), uvs: new Float32Array(uv) }
}
