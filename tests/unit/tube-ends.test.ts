/**
 * Tube ends (anatomy/tube.ts): a vessel that ends in sight ends in a low dome, not a flat disc
 * (a surgeon read the deep femoral artery's flat end as a cut stump), and the tube stays closed
 * and outward-facing.
 */
import { describe, expect, it } from 'vitest'
import { tubeMesh } from '../../src/anatomy/tube.ts'
import type { V3 } from '../../src/anatomy/vec.ts'

const path: V3[] = Array.from({ length: 11 }, (_, i) => [0, 0, 2 * i])
const R = 2
const tube = tubeMesh({ path, r0: R, r1: R, segments: 12 })
const P = tube.positions
const T = tube.indices

describe('tube ends', () => {
  it('reach beyond both ends of the path as domes of 0.6 r, rounded (rings between the rim and the pole)', () => {
    let zMin = Infinity
    let zMax = -Infinity
    const beyondEnd = new Set<string>()
    for (let i = 0; i < P.length; i += 3) {
      zMin = Math.min(zMin, P[i + 2]!)
      zMax = Math.max(zMax, P[i + 2]!)
      if (P[i + 2]! > 20 + 1e-6) beyondEnd.add(`${P[i + 2]!.toFixed(3)}:${Math.hypot(P[i]!, P[i + 1]!).toFixed(3)}`)
    }
    expect(zMax).toBeCloseTo(20 + 0.6 * R, 5)
    expect(zMin).toBeCloseTo(-0.6 * R, 5)
    // The rings beyond the end narrow towards the pole: two radii between R and 0, and the pole.
    const radii = [...new Set([...beyondEnd].map((k) => Number(k.split(':')[1])))].sort((a, b) => b - a)
    expect(radii.length).toBe(3)
    expect(radii[0]!).toBeLessThan(R)
    expect(radii[2]!).toBeCloseTo(0, 5)
  })

  it('leave the tube closed: every edge is shared by two triangles that run it in opposite directions', () => {
    const edges = new Map<string, number>()
    for (let t = 0; t < T.length; t += 3) {
      for (let e = 0; e < 3; e++) {
        const a = T[t + e]!
        const b = T[t + ((e + 1) % 3)]!
        edges.set(`${a}>${b}`, (edges.get(`${a}>${b}`) ?? 0) + 1)
      }
    }
    for (const [key, count] of edges) {
      const [a, b] = key.split('>')
      expect(count, key).toBe(1)
      expect(edges.get(`${b}>${a}`), `${key} has no opposite`).toBe(1)
    }
  })

  it('face outwards: the enclosed volume is positive and close to the cylinder plus two domes', () => {
    let volume = 0
    for (let t = 0; t < T.length; t += 3) {
      const at = (v: number) => [P[3 * v]!, P[3 * v + 1]!, P[3 * v + 2]!] as const
      const a = at(T[t]!)
      const b = at(T[t + 1]!)
      const c = at(T[t + 2]!)
      volume += (a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0])) / 6
    }
    // A 12-gon's area is 0.955 of the circle's; each dome is about half an ellipsoid cap.
    const cylinder = Math.PI * R * R * 20
    expect(volume).toBeGreaterThan(cylinder * 0.95)
    expect(volume).toBeLessThan(cylinder * 0.955 + 2 * (2 / 3) * Math.PI * R * R * 0.6 * R)
  })
})
