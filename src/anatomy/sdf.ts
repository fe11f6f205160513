/**
 * Signed-distance building blocks (millimetres, negative inside, like most SDF texts;
 * the mesher negates it for manifold-3d, which treats positive as inside).
 *
 * Functions take plain numbers, not arrays: they are called millions of times while
 * meshing. Several shapes (ellipsoids, tapered ellipses, smooth unions) are only
 * approximately Euclidean; that is fine for meshing and projection as long as callers
 * iterate (see project.ts) and the narrow band is generous (see narrowBand.ts).
 */
import { cross, norm, type V3 } from './vec.ts'

export type Sdf = (x: number, y: number, z: number) => number

export const sphere =
  (c: V3, r: number): Sdf =>
  (x, y, z) =>
    Math.hypot(x - c[0], y - c[1], z - c[2]) - r

/** Polynomial smooth minimum (union) with blend radius k. */
export function smin(a: number, b: number, k: number): number {
  if (k <= 0) return Math.min(a, b)
  const h = Math.max(k - Math.abs(a - b), 0) / k
  return Math.min(a, b) - h * h * k * 0.25
}
/** Smooth maximum (intersection / subtraction) with blend radius k. */
export function smax(a: number, b: number, k: number): number {
  return -smin(-a, -b, k)
}

/** Smooth union of several shapes, all with the same blend radius. */
export function unionAll(shapes: readonly Sdf[], k: number): Sdf {
  return (x, y, z) => {
    let d = Infinity
    for (const s of shapes) d = smin(d, s(x, y, z), k)
    return d
  }
}

/**
 * Tapered segment with an elliptical cross-section ("swept ellipse"): the workhorse for
 * necks, rami, crests and ridges. `up` orients the ellipse's first radius (ru); rv is
 * the radius along up × axis. Radii vary linearly from a to b. Ends are rounded.
 */
export function taperedEllipse(a: V3, b: V3, ruA: number, rvA: number, ruB: number, rvB: number, up: V3): Sdf {
  const ax = b[0] - a[0]
  const ay = b[1] - a[1]
  const az = b[2] - a[2]
  const L2 = ax * ax + ay * ay + az * az
  const axis = norm([ax, ay, az])
  const u = norm(cross(cross(axis, up), axis))
  const v = cross(axis, u)
  return (x, y, z) => {
    const px = x - a[0]
    const py = y - a[1]
    const pz = z - a[2]
    let t = (px * ax + py * ay + pz * az) / L2
    t = t < 0 ? 0 : t > 1 ? 1 : t
    const qx = px - ax * t
    const qy = py - ay * t
    const qz = pz - az * t
    const ru = ruA + (ruB - ruA) * t
    const rv = rvA + (rvB - rvA) * t
    const cu = qx * u[0] + qy * u[1] + qz * u[2]
    const cv = qx * v[0] + qy * v[1] + qz * v[2]
    const ca = qx * axis[0] + qy * axis[1] + qz * axis[2]
    // Scaled-ellipsoid distance: an elliptical tube whose ends are half-ellipsoids, so
    // consecutive segments of a sweep meet without a ridge.
    const rmin = ru < rv ? ru : rv
    const e = Math.hypot(cu / ru, cv / rv, ca / rmin)
    return (e - 1) * rmin
  }
}

/** Round cone / capsule between two spheres (radius interpolated linearly). */
export function capsule(a: V3, b: V3, ra: number, rb: number): Sdf {
  return taperedEllipse(a, b, ra, ra, rb, rb, [0, 0, 1])
}

/** A chain of tapered ellipses through points, blended smoothly at the joints. */
export function sweep(points: readonly V3[], ru: readonly number[], rv: readonly number[], up: V3 | readonly V3[], k = 0.6): Sdf {
  const parts: Sdf[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const upI = Array.isArray(up[0]) ? (up as readonly V3[])[i]! : (up as V3)
    parts.push(taperedEllipse(points[i]!, points[i + 1]!, ru[i]!, rv[i]!, ru[i + 1]!, rv[i + 1]!, upI))
  }
  return unionAll(parts, k)
}

/**
 * Ellipsoid in an oriented frame (ex, ey, ez unit, orthogonal) with radii r. Uses the
 * k0·(k0−1)/k1 approximation, good near the surface.
 */
export function ellipsoid(c: V3, ex: V3, ey: V3, ez: V3, r: V3): Sdf {
  return (x, y, z) => {
    const px = x - c[0]
    const py = y - c[1]
    const pz = z - c[2]
    const lx = px * ex[0] + py * ex[1] + pz * ex[2]
    const ly = px * ey[0] + py * ey[1] + pz * ey[2]
    const lz = px * ez[0] + py * ez[1] + pz * ez[2]
    const k0 = Math.hypot(lx / r[0], ly / r[1], lz / r[2])
    const k1 = Math.hypot(lx / (r[0] * r[0]), ly / (r[1] * r[1]), lz / (r[2] * r[2]))
    if (k1 < 1e-9) return -Math.min(r[0], r[1], r[2])
    return (k0 * (k0 - 1)) / k1
  }
}

/** Rounded box in an oriented frame: half extents h, corner radius rr. */
export function roundBox(c: V3, ex: V3, ey: V3, ez: V3, h: V3, rr: number): Sdf {
  return (x, y, z) => {
    const px = x - c[0]
    const py = y - c[1]
    const pz = z - c[2]
    const qx = Math.abs(px * ex[0] + py * ex[1] + pz * ex[2]) - h[0] + rr
    const qy = Math.abs(px * ey[0] + py * ey[1] + pz * ey[2]) - h[1] + rr
    const qz = Math.abs(px * ez[0] + py * ez[1] + pz * ez[2]) - h[2] + rr
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0), Math.max(qz, 0))
    return outside + Math.min(Math.max(qx, qy, qz), 0) - rr
  }
}

/** Half-space {p : n·(p − o) ≤ 0} (n unit). */
export const halfSpace =
  (o: V3, n: V3): Sdf =>
  (x, y, z) =>
    (x - o[0]) * n[0] + (y - o[1]) * n[1] + (z - o[2]) * n[2]

/** Central-difference gradient (not normalised). */
export function gradient(f: Sdf, x: number, y: number, z: number, h = 0.25): V3 {
  return [
    (f(x + h, y, z) - f(x - h, y, z)) / (2 * h),
    (f(x, y + h, z) - f(x, y - h, z)) / (2 * h),
    (f(x, y, z + h) - f(x, y, z - h)) / (2 * h),
  ]
}

export function unitGradient(f: Sdf, p: V3, h = 0.25): V3 {
  return norm(gradient(f, p[0], p[1], p[2], h))
}


/**
 * Generalised elliptical cylinder along a straight axis with radii and centre offset
 * varying smoothly with the axial coordinate t ∈ [t0, t1] (a loft). Unlike a chain of
 * tapered segments it has no creases where the taper changes. The zero set is exact; the
 * distance away from it is approximate (scaled), which meshing and smoothing tolerate.
 */
export function loft(
  origin: V3,
  axis: V3,
  u: V3,
  v: V3,
  t0: number,
  t1: number,
  profile: (t: number) => { ru: number; rv: number; cu: number; cv: number },
): Sdf {
  // The profile is tabulated every 0.1 mm (linear lookup): it is called for every sample.
  const step = 0.1
  const n = Math.ceil((t1 - t0) / step) + 1
  const tab = new Float64Array(n * 4)
  for (let i = 0; i < n; i++) {
    const pr = profile(Math.min(t1, t0 + i * step))
    tab.set([pr.ru, pr.rv, pr.cu, pr.cv], i * 4)
  }
  return (x, y, z) => {
    const px = x - origin[0]
    const py = y - origin[1]
    const pz = z - origin[2]
    const ta = px * axis[0] + py * axis[1] + pz * axis[2]
    const t = ta < t0 ? t0 : ta > t1 ? t1 : ta
    const fi = (t - t0) / step
    const i = Math.min(n - 2, Math.floor(fi))
    const w = fi - i
    const k = i * 4
    const ru = tab[k]! + (tab[k + 4]! - tab[k]!) * w
    const rv = tab[k + 1]! + (tab[k + 5]! - tab[k + 1]!) * w
    const cu = tab[k + 2]! + (tab[k + 6]! - tab[k + 2]!) * w
    const cv = tab[k + 3]! + (tab[k + 7]! - tab[k + 3]!) * w
    const a = px * u[0] + py * u[1] + pz * u[2] - cu
    const b = px * v[0] + py * v[1] + pz * v[2] - cv
    const rmin = ru < rv ? ru : rv
    const beyond = ta - t
    return (Math.hypot(a / ru, b / rv, beyond / rmin) - 1) * rmin
  }
}

/** Cubic Hermite (Catmull-Rom) interpolation of knots (x ascending), clamped at the ends. */
export function smoothCurve(knots: readonly (readonly [number, number])[]): (x: number) => number {
  const n = knots.length
  return (x) => {
    if (x <= knots[0]![0]) return knots[0]![1]
    if (x >= knots[n - 1]![0]) return knots[n - 1]![1]
    let i = 0
    while (i < n - 2 && x > knots[i + 1]![0]) i++
    const [x0, y0] = knots[i]!
    const [x1, y1] = knots[i + 1]!
    const slope = (j: number) => {
      const a = knots[Math.max(0, j - 1)]!
      const b = knots[Math.min(n - 1, j + 1)]!
      return (b[1] - a[1]) / (b[0] - a[0])
    }
    const h = x1 - x0
    const s = (x - x0) / h
    const s2 = s * s
    const s3 = s2 * s
    return (2 * s3 - 3 * s2 + 1) * y0 + (s3 - 2 * s2 + s) * h * slope(i) + (-2 * s3 + 3 * s2) * y1 + (s3 - s2) * h * slope(i + 1)
  }
}

/**
 * A shape with a bounding sphere and a conservative slope factor, so a smooth union can
 * skip it far away. For our approximate fields (tapered ellipses, ellipsoids) the value
 * is at least (|p − c| − r) · ratio outside the sphere, with ratio = smallest / largest
 * radius. Skipping is exact: smin(d, x, k) = d whenever x ≥ d + k.
 */
export interface BoundedSdf {
  readonly f: Sdf
  readonly c: V3
  readonly r: number
  readonly ratio: number
  /** How far internal smooth unions may dig below the plain minimum (k/4 each). */
  readonly margin: number
}

export function bounded(f: Sdf, c: V3, r: number, ratio: number, margin = 0.25): BoundedSdf {
  return { f, c, r, ratio, margin }
}

/** Bounding sphere of points thickened by `radius`. */
export function boundsOf(points: readonly V3[], radius: number): { c: V3; r: number } {
  const lo: V3 = [Infinity, Infinity, Infinity]
  const hi: V3 = [-Infinity, -Infinity, -Infinity]
  for (const p of points)
    for (let i = 0; i < 3; i++) {
      lo[i] = Math.min(lo[i]!, p[i]!)
      hi[i] = Math.max(hi[i]!, p[i]!)
    }
  const c: V3 = [(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2]
  let r = 0
  for (const p of points) r = Math.max(r, Math.hypot(p[0] - c[0], p[1] - c[1], p[2] - c[2]))
  return { c, r: r + radius }
}

export function sminBounded(d: number, b: BoundedSdf, k: number, x: number, y: number, z: number): number {
  const outside = Math.hypot(x - b.c[0], y - b.c[1], z - b.c[2]) - b.r
  if (outside > 0 && outside * b.ratio - b.margin >= d + k) return d
  return smin(d, b.f(x, y, z), k)
}
