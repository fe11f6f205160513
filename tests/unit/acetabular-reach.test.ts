import { describe, expect, it } from 'vitest'
import { acetChangesReach } from '../../src/scene/disease/acetabularChanges.ts'
import { ACETABULAR_CHANGES as A, acetabularCystOffset } from '../../src/domain/imaging/xrayAttenuation.ts'

/** Directions spread over the sphere (a Fibonacci lattice). */
function directions(n: number): [number, number, number][] {
  return Array.from({ length: n }, (_, i) => {
    const y = 1 - (2 * (i + 0.5)) / n
    const r = Math.sqrt(1 - y * y)
    const a = i * Math.PI * (3 - Math.sqrt(5))
    return [r * Math.cos(a), y, r * Math.sin(a)]
  })
}

describe("the acetabular roof's changes lie within their reach of the socket's surface (the X-ray marches only there)", () => {
  const reach = acetChangesReach()
  const socket = 26

  it('holds the sclerotic band, from just inside the surface to its thickest (the dome) and its fade', () => {
    expect(reach.inner).toBeLessThanOrEqual(-0.2)
    expect(reach.outer).toBeGreaterThanOrEqual(A.sclerosisDomeMm.value + 1)
  })

  it('holds every cyst with its lobes and wall: each point of its ellipsoid grown by both', () => {
    for (const cyst of A.cysts.value) {
      const centre = acetabularCystOffset(cyst, socket)
      // The ellipsoid's surface grown by the largest lobe (10%) and the wall's 0.7-mm fade.
      const grow = 1.1 + 0.7 / Math.min(...cyst.radiiMm)
      for (const [x, y, z] of directions(400)) {
        const p = [0, 1, 2].map((k) => centre[k]! + [x, y, z][k]! * cyst.radiiMm[k]! * grow)
        const fromSurface = Math.hypot(p[0]!, p[1]!, p[2]!) - socket
        expect(fromSurface).toBeGreaterThan(reach.inner)
        expect(fromSurface).toBeLessThan(reach.outer)
      }
    }
  })
})
