/**
 * 3-vector helpers on read-only tuples for the pure domain (planning tools and framing views).
 * The generator has its own (src/anatomy/vec.ts) on mutable tuples for its meshing loops.
 */
export type Vec3 = readonly [number, number, number]
type Out = [number, number, number]

export const add = (a: Vec3, b: Vec3): Out => [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
export const sub = (a: Vec3, b: Vec3): Out => [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
export const scale = (a: Vec3, s: number): Out => [a[0] * s, a[1] * s, a[2] * s]
/** a + b·s */
export const madd = (a: Vec3, b: Vec3, s: number): Out => [a[0] + b[0] * s, a[1] + b[1] * s, a[2] + b[2] * s]
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
export const cross = (a: Vec3, b: Vec3): Out => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
export const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2])
export const distance = (a: Vec3, b: Vec3): number => length(sub(a, b))
export const normalise = (a: Vec3): Out => {
  const l = length(a)
  return l > 0 ? [a[0] / l, a[1] / l, a[2] / l] : [0, 0, 0]
}
export const lerp = (a: Vec3, b: Vec3, t: number): Out => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
/** Angle between two directions, degrees. */
export const angleDeg = (a: Vec3, b: Vec3): number => (Math.acos(Math.min(1, Math.max(-1, dot(normalise(a), normalise(b))))) * 180) / Math.PI

/**
 * Rotate unit `from` toward unit `to` by `deg` degrees, in the plane they span (Rodrigues).
 * Used to keep a tool within a few degrees of an anatomical axis.
 */
export function rotateToward(from: Vec3, to: Vec3, deg: number): Out {
  const k = normalise(cross(from, to))
  if (length(k) === 0) return [from[0], from[1], from[2]]
  const a = (deg * Math.PI) / 180
  const c = Math.cos(a), s = Math.sin(a)
  const kxv = cross(k, from)
  const kdv = dot(k, from)
  return normalise([
    from[0] * c + kxv[0] * s + k[0] * kdv * (1 - c),
    from[1] * c + kxv[1] * s + k[1] * kdv * (1 - c),
    from[2] * c + kxv[2] * s + k[2] * kdv * (1 - c),
  ])
}

/**
 * Where the ray origin + s·dir (s ≥ 0) leaves a sphere of `radius` about `centre`, as s;
 * null when it misses.
 */
export function raySphereExit(origin: Vec3, dir: Vec3, centre: Vec3, radius: number): number | null {
  const oc = sub(origin, centre)
  const b = dot(oc, dir)
  const c = dot(oc, oc) - radius * radius
  const disc = b * b - c
  if (disc < 0) return null
  const s = -b + Math.sqrt(disc)
  return s >= 0 ? s : null
}

/** Two unit vectors across a unit axis, right-handed with it (across1 × across2 = axis). */
export function acrossOf(axis: Vec3): [Out, Out] {
  const helper: Vec3 = Math.abs(axis[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0]
  const u = normalise(cross(helper, axis))
  const v = cross(axis, u)
  return [u, v]
}
