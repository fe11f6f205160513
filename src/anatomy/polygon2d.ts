/**
 * Signed distance to a closed 2-D outline (negative inside), used for the outline of
 * the iliac wing. The outline is a Catmull-Rom curve through anatomical control points
 * (spines, crest, notches), so it has no polygon corners.
 */
export type P2 = readonly [number, number]

export function catmullRomClosed(ctrl: readonly P2[], samplesPerSpan: number): P2[] {
  const out: P2[] = []
  const n = ctrl.length
  for (let i = 0; i < n; i++) {
    const p0 = ctrl[(i - 1 + n) % n]!
    const p1 = ctrl[i]!
    const p2 = ctrl[(i + 1) % n]!
    const p3 = ctrl[(i + 2) % n]!
    for (let s = 0; s < samplesPerSpan; s++) {
      const t = s / samplesPerSpan
      const t2 = t * t
      const t3 = t2 * t
      const f = (a: number, b: number, c: number, d: number) =>
        0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3)
      out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])])
    }
  }
  return out
}

/** Returns a signed-distance function of the closed polygon (any orientation). */
export function polygonSdf(poly: readonly P2[]): (u: number, v: number) => number {
  const n = poly.length
  const xs = new Float64Array(n)
  const ys = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    xs[i] = poly[i]![0]
    ys[i] = poly[i]![1]
  }
  return (u, v) => {
    let d2 = Infinity
    let inside = false
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const ex = xs[j]! - xs[i]!
      const ey = ys[j]! - ys[i]!
      const wx = u - xs[i]!
      const wy = v - ys[i]!
      let t = (wx * ex + wy * ey) / (ex * ex + ey * ey)
      t = t < 0 ? 0 : t > 1 ? 1 : t
      const bx = wx - ex * t
      const by = wy - ey * t
      const dd = bx * bx + by * by
      if (dd < d2) d2 = dd
      const yi = ys[i]!
      const yj = ys[j]!
      if (yi > v !== yj > v && u < ((xs[j]! - xs[i]!) * (v - yi)) / (yj - yi) + xs[i]!) inside = !inside
    }
    const d = Math.sqrt(d2)
    return inside ? -d : d
  }
}

/**
 * Tabulates a 2-D distance function on a grid (bilinear lookup): the wing outline is
 * evaluated millions of times while meshing, and its exact form walks every segment.
 * Outside the table the exact function is used.
 */
export function tabulate2d(
  f: (u: number, v: number) => number,
  min: readonly [number, number],
  max: readonly [number, number],
  cell: number,
): (u: number, v: number) => number {
  const nu = Math.ceil((max[0] - min[0]) / cell) + 1
  const nv = Math.ceil((max[1] - min[1]) / cell) + 1
  const t = new Float32Array(nu * nv)
  for (let j = 0; j < nv; j++) for (let i = 0; i < nu; i++) t[i + j * nu] = f(min[0] + i * cell, min[1] + j * cell)
  return (u, v) => {
    const x = (u - min[0]) / cell
    const y = (v - min[1]) / cell
    if (x < 0 || y < 0 || x >= nu - 1 || y >= nv - 1) return f(u, v)
    const i = Math.floor(x)
    const j = Math.floor(y)
    const fx = x - i
    const fy = y - j
    const b = i + j * nu
    const a0 = t[b]! + (t[b + 1]! - t[b]!) * fx
    const a1 = t[b + nu]! + (t[b + nu + 1]! - t[b + nu]!) * fx
    return a0 + (a1 - a0) * fy
  }
}
