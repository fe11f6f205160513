/**
 * A trocar point: three flat facets ground into the end of a round rod, meeting at a point on
 * the axis (guide wires, Steinmann pins, the stylet of a marrow needle). Each facet is a plane
 * that touches the rod's circle where the grind begins and reaches the axis at the apex, so a
 * section part-way up is the circle trimmed by a triangle: round between the facets near the
 * base, a pure triangle near the point, as on a real wire.
 *
 * Local frame: the apex at the origin, the rod along −Y (the tool points toward +Y).
 */
import type { BufferGeometry } from 'three'
import { Surface, type P3 } from './surface.ts'

/** Facets ground per point (three: the classic trocar). */
const FACETS = 3
/** Steps around the rod: a multiple of 6 so the ridges between facets fall on vertices. */
const AROUND = 48
const ALONG = 12

/**
 * @param radius the rod's radius (mm)
 * @param pointLength from where the grind begins to the apex (mm)
 */
export function trocarPoint(radius: number, pointLength: number): BufferGeometry {
  const surface = new Surface()
  const facetAngle = (i: number) => (i / FACETS) * Math.PI * 2
  // Distance from the axis to facet i at height h above the grind's start (0 … pointLength).
  const reach = (h: number) => radius * (1 - h / pointLength)
  const radial = (angle: number, h: number): { r: number; facet: number } => {
    let r = radius
    let facet = -1
    for (let i = 0; i < FACETS; i++) {
      const c = Math.cos(angle - facetAngle(i))
      if (c <= 1e-9) continue
      const d = reach(h) / c
      if (d < r) {
        r = d
        facet = i
      }
    }
    return { r, facet }
  }
  // A facet's normal: the plane x·u = reach(h), with h = y + pointLength, tilted toward the tip.
  const facetNormal = (i: number): P3 => {
    const u = [Math.cos(facetAngle(i)), -Math.sin(facetAngle(i))]
    const tilt = radius / pointLength
    const length = Math.hypot(1, tilt)
    return [u[0]! / length, tilt / length, u[1]! / length]
  }
  const vertex = (k: number, j: number): { p: P3; n: P3; facet: number } => {
    const angle = (k / AROUND) * Math.PI * 2
    const h = (j / ALONG) * pointLength
    const { r, facet } = radial(angle, h)
    const p: P3 = [r * Math.cos(angle), h - pointLength, -r * Math.sin(angle)]
    const n: P3 = facet < 0 ? [Math.cos(angle), 0, -Math.sin(angle)] : facetNormal(facet)
    return { p, n, facet }
  }
  for (let j = 0; j < ALONG; j++) {
    for (let k = 0; k < AROUND; k++) {
      const a = vertex(k, j)
      const b = vertex(k + 1, j)
      const c = vertex(k + 1, j + 1)
      const d = vertex(k, j + 1)
      // A quad on one facet is flat: give all its corners that facet's normal.
      const facets = new Set([a.facet, b.facet, c.facet, d.facet].filter((f) => f >= 0))
      const onFacet = [a, b, c, d].every((v) => v.facet >= 0) && facets.size === 1
      if (onFacet) {
        const n = facetNormal([...facets][0]!)
        surface.quad(a.p, b.p, c.p, d.p, n, n, n, n)
      } else {
        surface.quad(a.p, b.p, c.p, d.p, a.n, b.n, c.n, d.n)
      }
    }
  }
  return surface.toGeometry()
}

/** Length of a trocar point for a rod of `diameter`: the grind runs about 1.5 diameters (design choice). */
export function trocarLength(diameter: number): number {
  return 1.5 * diameter
}
