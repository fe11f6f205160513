/**
 * Small 3-vector helpers on plain tuples. Used to set up frames, landmarks and routes,
 * never inside the hot distance functions (those work on plain numbers to avoid
 * allocating millions of arrays during meshing).
 */
export type V3 = [number, number, number]

export const v3 = (x: number, y: number, z: number): V3 => [x, y, z]
export const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
export const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
export const scale = (a: V3, s: number): V3 => [a[0] * s, a[1] * s, a[2] * s]
export const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
export const cross = (a: V3, b: V3): V3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
]
export const len = (a: V3): number => Math.hypot(a[0], a[1], a[2])
export const dist = (a: V3, b: V3): number => len(sub(a, b))
export const norm = (a: V3): V3 => {
  const l = len(a)
  return l > 0 ? scale(a, 1 / l) : [0, 0, 0]
}
export const lerp = (a: V3, b: V3, t: number): V3 => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
]
/** a + b·s */
export const madd = (a: V3, b: V3, s: number): V3 => [a[0] + b[0] * s, a[1] + b[1] * s, a[2] + b[2] * s]
/** Sum of basis vectors weighted by coordinates: o + x·ex + y·ey + z·ez. */
export const inFrame = (o: V3, ex: V3, ey: V3, ez: V3, x: number, y: number, z: number): V3 => [
  o[0] + ex[0] * x + ey[0] * y + ez[0] * z,
  o[1] + ex[1] * x + ey[1] * y + ez[1] * z,
  o[2] + ex[2] * x + ey[2] * y + ez[2] * z,
]
/** Rodrigues rotation of v about the unit axis k by angle (radians). */
export const rotate = (v: V3, k: V3, angle: number): V3 => {
  const c = Math.cos(angle)
  const s = Math.sin(angle)
  const kv = cross(k, v)
  const kd = dot(k, v) * (1 - c)
  return [v[0] * c + kv[0] * s + k[0] * kd, v[1] * c + kv[1] * s + k[1] * kd, v[2] * c + kv[2] * s + k[2] * kd]
}
/** Component of v perpendicular to the unit vector k, normalised. */
export const perpTo = (v: V3, k: V3): V3 => norm(madd(v, k, -dot(v, k)))
export const deg = (r: number): number => (r * 180) / Math.PI
export const rad = (d: number): number => (d * Math.PI) / 180
export const angleBetween = (a: V3, b: V3): number =>
  Math.acos(Math.max(-1, Math.min(1, dot(norm(a), norm(b)))))
export const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x)
export const smoothstep = (e0: number, e1: number, x: number): number => {
  const t = clamp((x - e0) / (e1 - e0), 0, 1)
  return t * t * (3 - 2 * t)
}
/** Rounds to 1e-4 mm so printed and stored landmarks are stable across platforms. */
export const round4 = (a: V3): V3 => [
  Math.round(a[0] * 1e4) / 1e4,
  Math.round(a[1] * 1e4) / 1e4,
  Math.round(a[2] * 1e4) / 1e4,
]
