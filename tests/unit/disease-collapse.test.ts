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
