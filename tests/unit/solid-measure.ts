/**
 * Measuring closed triangle solids in Node, for the bone-removal tests: whether a surface is
 * closed, its volume, its crossings with a plane, whether a point lies inside it, where a ray
 * first meets it, and circle and sphere fits.
 */
import type { Vec3 } from '../../src/domain/treatment/frame.ts'

/** Positions and triangles: a SolidMesh or a cutter mesh. */
export interface Triangles {
  readonly positions: Float32Array
  readonly indices: Uint32Array
}

export type V = [number, number, number]
export const add = (a: Vec3, b: Vec3, s = 1): V => [a[0] + s * b[0], a[1] + s * b[1], a[2] + s * b[2]]
export const sub = (a: Vec3, b: Vec3): V => [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
export const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
export const cross = (a: Vec3, b: Vec3): V => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
export const unit = (a: Vec3): V => {
  const l = Math.hypot(...a)
  return [a[0] / l, a[1] / l, a[2] / l]
}

/** Edges after joining vertices at the same position: each undirected edge in exactly two triangles, once each way. */
export function closedSurfaceProblems(solid: Triangles): number {
  const id = new Map<string, number>()
  const weld = new Uint32Array(solid.positions.length / 3)
  for (let v = 0; v < weld.length; v++) {
    const key = `${solid.positions[v * 3]},${solid.positions[v * 3 + 1]},${solid.positions[v * 3 + 2]}`
    weld[v] = id.get(key) ?? id.set(key, id.size).get(key)!
  }
  const directed = new Map<string, number>()
  const I = solid.indices
  for (let t = 0; t < I.length; t += 3) {
    for (let e = 0; e < 3; e++) {
      const a = weld[I[t + e]!]!, b = weld[I[t + ((e + 1) % 3)]!]!
      if (a === b) return Infinity // a degenerate edge
      const key = `${a},${b}`
      directed.set(key, (directed.get(key) ?? 0) + 1)
    }
  }
  let problems = 0
  for (const [key, n] of directed) {
    const [a, b] = key.split(',')
    if (n !== 1 || directed.get(`${b},${a}`) !== 1) problems++
  }
  return problems
}

/** Enclosed volume (divergence theorem), mm³. */
export function volumeOf(solid: Triangles): number {
  const P = solid.positions, I = solid.indices
  let v = 0
  for (let t = 0; t < I.length; t += 3) {
    const a = I[t]! * 3, b = I[t + 1]! * 3, c = I[t + 2]! * 3
    const pa: V = [P[a]!, P[a + 1]!, P[a + 2]!], pb: V = [P[b]!, P[b + 1]!, P[b + 2]!], pc: V = [P[c]!, P[c + 1]!, P[c + 2]!]
    v += dot(pa, cross(pb, pc)) / 6
  }
  return v
}

/** Points where the surface crosses the plane through `at` perpendicular to the unit `axis`, in (e1, e2) coordinates. */
export function slice(solid: Triangles, at: Vec3, axis: Vec3): [number, number][] {
  const e1 = unit(cross(Math.abs(axis[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0], axis))
  const e2 = cross(axis, e1)
  const P = solid.positions, I = solid.indices
  const side = (v: number) => dot(sub([P[v * 3]!, P[v * 3 + 1]!, P[v * 3 + 2]!], at), axis)
  const out: [number, number][] = []
  for (let t = 0; t < I.length; t += 3) {
    for (let e = 0; e < 3; e++) {
      const a = I[t + e]!, b = I[t + ((e + 1) % 3)]!
      const da = side(a), db = side(b)
      if (da < 0 === db < 0) continue
      const s = da / (da - db)
      const p: V = [0, 1, 2].map((k) => P[a * 3 + k]! + (P[b * 3 + k]! - P[a * 3 + k]!) * s) as V
      const q = sub(p, at)
      out.push([dot(q, e1), dot(q, e2)])
    }
  }
  return out
}

/** Whether a point is inside a closed solid: the parity of crossings along a ray across `axis`. */
export function inside(solid: Triangles, p: Vec3, axis: Vec3): boolean {
  const d = unit(cross(axis, [0.3, 0.5, 0.81]))
  const P = solid.positions, I = solid.indices
  let n = 0
  for (let t = 0; t < I.length; t += 3) {
    const a: V = [P[I[t]! * 3]!, P[I[t]! * 3 + 1]!, P[I[t]! * 3 + 2]!]
    const b: V = [P[I[t + 1]! * 3]!, P[I[t + 1]! * 3 + 1]!, P[I[t + 1]! * 3 + 2]!]
    const c: V = [P[I[t + 2]! * 3]!, P[I[t + 2]! * 3 + 1]!, P[I[t + 2]! * 3 + 2]!]
    // Möller–Trumbore
    const e1 = sub(b, a), e2 = sub(c, a)
    const h = cross(d, e2)
    const det = dot(e1, h)
    if (Math.abs(det) < 1e-12) continue
    const s = sub(p, a)
    const u = dot(s, h) / det
    if (u < 0 || u > 1) continue
    const q = cross(s, e1)
    const v = dot(d, q) / det
    if (v < 0 || u + v > 1) continue
    if (dot(e2, q) / det > 0) n++
  }
  return n % 2 === 1
}

/** Least-squares circle through 2D points (Kåsa fit): centre and radius. */
export function fitCircle(pts: readonly [number, number][]): { cx: number; cy: number; r: number } {
  let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, sxz = 0, syz = 0, sz = 0
  for (const [x, y] of pts) {
    const z = x * x + y * y
    sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y; sxz += x * z; syz += y * z; sz += z
  }
  const n = pts.length
  // Solve [sxx sxy sx; sxy syy sy; sx sy n] [a b c] = [sxz syz sz] for x²+y² = a x + b y + c.
  const m = [[sxx, sxy, sx, sxz], [sxy, syy, sy, syz], [sx, sy, n, sz]]
  for (let i = 0; i < 3; i++) {
    for (let r = i + 1; r < 3; r++) {
      const f = m[r]![i]! / m[i]![i]!
      for (let c = i; c < 4; c++) m[r]![c]! -= f * m[i]![c]!
    }
  }
  const s = [0, 0, 0]
  for (let i = 2; i >= 0; i--) {
    let acc = m[i]![3]!
    for (let c = i + 1; c < 3; c++) acc -= m[i]![c]! * s[c]!
    s[i] = acc / m[i]![i]!
  }
  const cx = s[0]! / 2, cy = s[1]! / 2
  return { cx, cy, r: Math.sqrt(s[2]! + cx * cx + cy * cy) }
}


/** Distance along the unit `dir` from `origin` to the first triangle it meets (Infinity if none). */
export function firstHit(solid: Triangles, origin: Vec3, dir: Vec3): number {
  const P = solid.positions, I = solid.indices
  let best = Infinity
  for (let t = 0; t < I.length; t += 3) {
    const a: V = [P[I[t]! * 3]!, P[I[t]! * 3 + 1]!, P[I[t]! * 3 + 2]!]
    const b: V = [P[I[t + 1]! * 3]!, P[I[t + 1]! * 3 + 1]!, P[I[t + 1]! * 3 + 2]!]
    const c: V = [P[I[t + 2]! * 3]!, P[I[t + 2]! * 3 + 1]!, P[I[t + 2]! * 3 + 2]!]
    const e1 = sub(b, a), e2 = sub(c, a)
    const h = cross(dir, e2)
    const det = dot(e1, h)
    if (Math.abs(det) < 1e-12) continue
    const s = sub(origin, a)
    const u = dot(s, h) / det
    if (u < 0 || u > 1) continue
    const q = cross(s, e1)
    const v = dot(dir, q) / det
    if (v < 0 || u + v > 1) continue
    const d = dot(e2, q) / det
    if (d > 0 && d < best) best = d
  }
  return best
}
