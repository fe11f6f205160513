/**
 * The cutter of a reamer turning about an axis (frame.ts BoneRemoval 'turned': resurfacing's
 * sleeve and chamfer reamers): the solid swept round the axis by the outline, in the (along,
 * radius) plane, that runs up the profile the reamer leaves and back down at `outerRadius`.
 * Each edge of that outline sweeps one band (a cylinder, a cone or a flat ring) with its own
 * normals, so a crease stays sharp where two bands meet; a profile point on the axis sweeps a
 * single point. Pure arithmetic.
 */
import type { ProfilePoint, Vec3 } from '../domain/treatment/frame.ts'
import { Builder, frameAround, segmentsFor, unit, type CutterMesh, type P3 } from './cutterBuilder.ts'

export function turnedCutter(base: Vec3, axis: Vec3, outerRadius: number, profile: readonly ProfilePoint[]): CutterMesh {
  if (profile.length < 2) throw new Error('a turned removal needs two profile points')
  const u = unit(axis)
  const [e1, e2] = frameAround(u)
  const n = segmentsFor(outerRadius)
  const first = profile[0]!
  const last = profile[profile.length - 1]!
  // The outline: up the profile, out to the outer radius, back down, in again.
  const outline: { at: number; radius: number }[] = [...profile.map((p) => ({ at: p.at, radius: Math.max(0, p.radius) })), { at: last.at, radius: outerRadius }, { at: first.at, radius: outerRadius }]
  const cos: number[] = []
  const sin: number[] = []
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n
    // Exact quarter turns (cos π/2 is not 0 in floats), so the rings are symmetric.
    cos.push(i * 4 === n ? 0 : i * 2 === n ? -1 : i * 4 === 3 * n ? 0 : Math.cos(a))
    sin.push(i * 4 === n ? 1 : i * 2 === n ? 0 : i * 4 === 3 * n ? -1 : Math.sin(a))
  }
  const radial = (i: number): P3 => [cos[i]! * e1[0] + sin[i]! * e2[0], cos[i]! * e1[1] + sin[i]! * e2[1], cos[i]! * e1[2] + sin[i]! * e2[2]]
  // Each outline point's ring, computed once: the bands on either side share its exact numbers.
  const rings: P3[][] = outline.map(({ at, radius }) => {
    const c: P3 = [base[0] + u[0] * at, base[1] + u[1] * at, base[2] + u[2] * at]
    if (radius === 0) return [c]
    return Array.from({ length: n }, (_, i) => {
      const r = radial(i)
      return [c[0] + r[0] * radius, c[1] + r[1] * radius, c[2] + r[2] * radius] as P3
    })
  })
  // The outline's winding in the (at, radius) plane decides which side of each edge is out.
  let area = 0
  for (let k = 0; k < outline.length; k++) {
    const a = outline[k]!, c = outline[(k + 1) % outline.length]!
    area += a.at * c.radius - c.at * a.radius
  }
  const turn = area > 0 ? 1 : -1
  const b = new Builder()
  for (let k = 0; k < outline.length; k++) {
    const a = outline[k]!, c = outline[(k + 1) % outline.length]!
    const dAt = c.at - a.at, dR = c.radius - a.radius
    const len = Math.hypot(dAt, dR)
    if (!(len > 0)) continue
    // Outward in the plane: right of the direction of travel on a counter-clockwise outline.
    const nAt = (turn * dR) / len, nR = (-turn * dAt) / len
    const normal = (i: number): P3 => {
      const r = radial(i)
      return [u[0] * nAt + r[0] * nR, u[1] * nAt + r[1] * nR, u[2] * nAt + r[2] * nR]
    }
    const lo = rings[k]!, hi = rings[(k + 1) % outline.length]!
    if (lo.length === 1 && hi.length === 1) continue // along the axis: no surface
    const loIds = lo.map((p, i) => b.shared(p, lo.length === 1 ? [u[0] * Math.sign(nAt), u[1] * Math.sign(nAt), u[2] * Math.sign(nAt)] : normal(i)))
    const hiIds = hi.map((p, i) => b.shared(p, hi.length === 1 ? [u[0] * Math.sign(nAt), u[1] * Math.sign(nAt), u[2] * Math.sign(nAt)] : normal(i)))
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n
      if (lo.length > 1) b.tri(loIds[i]!, loIds[j]!, hi.length > 1 ? hiIds[j]! : hiIds[0]!)
      if (hi.length > 1) b.tri(lo.length > 1 ? loIds[i]! : loIds[0]!, hiIds[j]!, hiIds[i]!)
    }
  }
  return b.doneOutward()
}
