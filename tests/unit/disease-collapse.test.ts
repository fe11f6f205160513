import { describe, expect, it } from 'vitest'
import { collapseDepthAt, displacePoint, footprintWeight, headSurfaceOnAxis, radialWeight } from '../../src/scene/disease/collapse.ts'
import { DZ_COMMON } from '../../src/scene/disease/shaders.ts'
import { lesionGeometry } from '../../src/domain/lesion/geometry.ts'
import { STAGE_POINTS, stageValue } from '../../src/domain/staging/index.ts'
import { LESION_SIZES, LESION_TYPES } from '../../src/domain/viewState.ts'

const DEG = Math.PI / 180
const R = 23

function params(depthMm: number, size: (typeof LESION_SIZES)[number] = 'large', type: (typeof LESION_TYPES)[number] = 'C1') {
  const g = lesionGeometry({ size, type })
  return { radius: R, axis: g.centre, halfAngle: g.halfExtentDeg * DEG, depthMm }
}

describe('collapse displacement', () => {
  it('sinks the head surface on the lesion axis by exactly collapseDepthMm at every stage point and lesion', () => {
    for (const s of STAGE_POINTS) {
      const depth = stageValue('collapseDepthMm', s)
      for (const size of LESION_SIZES) {
        for (const type of LESION_TYPES) {
          expect(headSurfaceOnAxis(params(depth, size, type)).depthMm).toBeCloseTo(depth, 6)
        }
      }
    }
  })

  it('matches the table between stage points too (within 0.01 mm)', () => {
    for (let s = 0; s <= 4; s += 0.05) {
      const depth = stageValue('collapseDepthMm', s)
      expect(Math.abs(headSurfaceOnAxis(params(depth)).depthMm - depth)).toBeLessThan(0.01)
    }
  })

  it('leaves bone outside the lesion footprint and far from the head untouched', () => {
    const p = params(6)
    expect(collapseDepthAt(p.halfAngle + 0.01, p)).toBe(0)
    const away: [number, number, number] = [-p.axis[0] * R, -p.axis[1] * R, -p.axis[2] * R]
    expect(displacePoint(away, p)).toEqual(away)
    expect(radialWeight(R + 9, R)).toBe(0)
  })

  it('is smooth at the footprint edge and never pushes bone outward', () => {
    const p = params(6)
    let prev = collapseDepthAt(0, p)
    for (let a = 0; a <= p.halfAngle + 0.05; a += p.halfAngle / 400) {
      const d = collapseDepthAt(a, p)
      expect(d).toBeGreaterThanOrEqual(0)
      expect(d).toBeLessThanOrEqual(6 + 1e-9)
      expect(Math.abs(d - prev)).toBeLessThan(0.25) // no step between neighbouring samples
      prev = d
    }
    expect(footprintWeight(p.halfAngle, p.halfAngle)).toBe(0)
  })

  it('flattens the dome: near the centre the surface follows a plane, not a smaller sphere', () => {
    const p = params(4)
    // A point 10° off the axis on a plane at depth D lies at (R − D)/cos 10° from the centre.
    const d = collapseDepthAt(10 * DEG, p)
    expect(R - d).toBeCloseTo((R - 4) / Math.cos(10 * DEG), 3)
  })

  it('uses the same constants in the shader', () => {
    expect(DZ_COMMON).toContain('smoothstep(0.5 * uLesionHalf, uLesionHalf, alpha)')
    expect(DZ_COMMON).toContain('dzSmax(max(plane, 0.0), 0.5 * D, max(0.25 * D, 1e-4))')
    expect(DZ_COMMON).toContain('smoothstep(0.5 * R, 0.8 * R, r) * (1.0 - smoothstep(R + 4.0, R + 8.0, r))')
  })
})

describe('lesion solid', () => {
  it('is wound outward, holds the wedge between the inner radius and the plate, and matches isInLesion', async () => {
    const { buildLesionGeometry, UNDER_PLATE_MM } = await import('../../src/scene/disease/lesionMesh.ts')
    const { isInLesion } = await import('../../src/domain/lesion/geometry.ts')
    const g = lesionGeometry({ size: 'medium', type: 'B' })
    const geo = buildLesionGeometry(g, [0, 0, 0], R)
    const pos = geo.getAttribute('position')
    const nrm = geo.getAttribute('normal')
    const idx = geo.getIndex()!
    for (let t = 0; t < idx.count; t += 3) {
      const v = [0, 1, 2].map((k) => [pos.getX(idx.getX(t + k)), pos.getY(idx.getX(t + k)), pos.getZ(idx.getX(t + k))])
      const e1 = v[1]!.map((x, i) => x - v[0]![i]!)
      const e2 = v[2]!.map((x, i) => x - v[0]![i]!)
      const cr = [e1[1]! * e2[2]! - e1[2]! * e2[1]!, e1[2]! * e2[0]! - e1[0]! * e2[2]!, e1[0]! * e2[1]! - e1[1]! * e2[0]!]
      const i0 = idx.getX(t)
      expect(cr[0]! * nrm.getX(i0) + cr[1]! * nrm.getY(i0) + cr[2]! * nrm.getZ(i0)).toBeGreaterThanOrEqual(-1e-9)
    }
    // Points just inside the solid's faces are in the lesion.
    for (let i = 0; i < pos.count; i += 37) {
      const p: [number, number, number] = [pos.getX(i) * 0.999, pos.getY(i) * 0.999, pos.getZ(i) * 0.999]
      const r = Math.hypot(...p)
      if (r > (1 - g.depthFraction) * R + 0.1) expect(isInLesion(p, R, g) || r > R - UNDER_PLATE_MM - 0.1).toBe(true)
    }
  })
})
