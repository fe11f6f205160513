/**
 * Solids of revolution about +Y (shafts, chucks, handles, cups, tubes): a profile of (radius,
 * height) points turned about the axis. Unlike three's LatheGeometry, a corner stays sharp
 * (the rim of a tube, the shoulder of a chuck) unless the point is marked `smooth` (arcs).
 * The profile runs so that the solid lies on its left: up the outside, inward over the top
 * (counter-clockwise in the r–y half plane); normals then point out of the solid.
 */
import type { BufferGeometry } from 'three'
import { Surface, type P3 } from './surface.ts'

export interface ProfilePoint {
  readonly r: number
  readonly y: number
  /** Normals are shared with the neighbouring segments here (a curve), not a corner. */
  readonly smooth?: boolean
}

/** Writes the revolved profile into `surface` (several solids can share one surface). */
export function addLathe(surface: Surface, profile: readonly ProfilePoint[], segments: number): void {
  // Outward normal in the r–y plane of each segment (the solid on the left of travel).
  const segNormal = profile.slice(1).map((p, i) => {
    const q = profile[i]!
    const dr = p.r - q.r
    const dy = p.y - q.y
    const length = Math.hypot(dr, dy) || 1
    return [dy / length, -dr / length] as const
  })
  const normalAt = (i: number, segment: number): readonly [number, number] => {
    const point = profile[i]!
    if (!point.smooth) return segNormal[segment]!
    const before = segNormal[i - 1] ?? segNormal[i]!
    const after = segNormal[i] ?? segNormal[i - 1]!
    const nr = before[0] + after[0]
    const ny = before[1] + after[1]
    const length = Math.hypot(nr, ny) || 1
    return [nr / length, ny / length]
  }
  const at = (r: number, y: number, angle: number): P3 => [r * Math.cos(angle), y, -r * Math.sin(angle)]
  const dir = (n: readonly [number, number], angle: number): P3 => [n[0] * Math.cos(angle), n[1], -n[0] * Math.sin(angle)]
  for (let s = 0; s < profile.length - 1; s++) {
    const p = profile[s]!
    const q = profile[s + 1]!
    if (p.r === q.r && p.y === q.y) continue
    const np = normalAt(s, s)
    const nq = normalAt(s + 1, s)
    for (let k = 0; k < segments; k++) {
      const a0 = (k / segments) * Math.PI * 2
      // The last segment closes on angle 0 itself (sin 2π is not 0 in floats): a watertight seam.
      const a1 = (((k + 1) % segments) / segments) * Math.PI * 2
      surface.quad(at(p.r, p.y, a0), at(p.r, p.y, a1), at(q.r, q.y, a1), at(q.r, q.y, a0), dir(np, a0), dir(np, a1), dir(nq, a1), dir(nq, a0))
    }
  }
}

export function lathe(profile: readonly ProfilePoint[], segments: number): BufferGeometry {
  const surface = new Surface()
  addLathe(surface, profile, segments)
  return surface.toGeometry()
}

/** A closed cylinder of `radius` from y = y0 to y = y1 (y0 < y1). */
export function cylinderProfile(radius: number, y0: number, y1: number): ProfilePoint[] {
  return [
    { r: 0, y: y0 },
    { r: radius, y: y0 },
    { r: radius, y: y1 },
    { r: 0, y: y1 },
  ]
}

/** A quarter arc from (r0, y0) curving to (r1, y1), smooth, `steps` segments (for domes and fillets). */
export function arc(r0: number, y0: number, r1: number, y1: number, steps: number, bulge: 'out' | 'in' = 'out'): ProfilePoint[] {
  const points: ProfilePoint[] = []
  for (let i = 0; i <= steps; i++) {
    const t = (i / steps) * (Math.PI / 2)
    // 'out': leaves (r0, y0) along y and arrives at (r1, y1) along r (a dome's shoulder).
    const r = bulge === 'out' ? r1 + (r0 - r1) * Math.cos(t) : r0 + (r1 - r0) * Math.sin(t)
    const y = bulge === 'out' ? y0 + (y1 - y0) * Math.sin(t) : y1 + (y0 - y1) * Math.cos(t)
    // The ends exactly where asked (cos π/2 is not 0 in floats): a pole closes on the axis.
    if (i === 0) points.push({ r: r0, y: y0 })
    else if (i === steps) points.push({ r: r1, y: y1 })
    else points.push({ r, y, smooth: true })
  }
  return points
}
