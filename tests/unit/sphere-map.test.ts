/**
 * The map of a surface's radius by direction that the cut's joint line reads
 * (src/geometry/sphereMap.ts, src/scene/disease/cartilageMapLayout.ts): a sheet whose radius
 * varies with direction, rasterised, gives at each texel the radius at that texel's direction
 * (the layout's texelDirection), across the seam and near the poles, and nothing where the sheet
 * is not; a basis turns any pole to the map's +Y.
 */
import { describe, expect, it } from 'vitest'
import { emptySphereMap, rasteriseIntoSphereMap } from '../../src/geometry/sphereMap.ts'
import { MAP_HEIGHT, MAP_WIDTH, mapBasis, texelDirection } from '../../src/scene/disease/cartilageMapLayout.ts'
import { dot, type Vec3 } from '../../src/domain/vec3.ts'

/** A UV sphere's outer and inner shells (rings × segments), radius `outer(dir)` and 20 mm, over directions with y > `cutY`. */
function shell(outer: (d: Vec3) => number, cutY: number, rings = 90, segments = 180): { positions: number[]; index: number[] } {
  const positions: number[] = []
  const index: number[] = []
  const grid = (radius: (d: Vec3) => number) => {
    const base = positions.length / 3
    for (let i = 0; i <= rings; i++) {
      const theta = (i / rings) * Math.PI
      for (let j = 0; j < segments; j++) {
        const phi = (j / segments) * 2 * Math.PI + 0.37
        const d: Vec3 = [Math.sin(theta) * Math.cos(phi), Math.cos(theta), Math.sin(theta) * Math.sin(phi)]
        const r = radius(d)
        positions.push(d[0] * r, d[1] * r, d[2] * r)
      }
    }
    for (let i = 0; i < rings; i++) {
      for (let j = 0; j < segments; j++) {
        const a = base + i * segments + j, b = base + i * segments + ((j + 1) % segments)
        const c = a + segments, e = b + segments
        const keep = (k: number) => positions[3 * k + 1]! / Math.hypot(positions[3 * k]!, positions[3 * k + 1]!, positions[3 * k + 2]!) > cutY
        if ([a, b, c, e].every(keep)) index.push(a, c, b, b, c, e)
      }
    }
  }
  grid(outer)
  grid(() => 20)
  return { positions, index }
}

describe('the sphere map', () => {
  it('holds the sheet’s outer radius at each texel’s direction, across the seam and at the pole, and nothing where the sheet is not', () => {
    const radius = (d: Vec3) => 25 + 0.8 * d[1] + 0.3 * d[0] * d[2]
    const { positions, index } = shell(radius, -0.3)
    const map = emptySphereMap(MAP_WIDTH, MAP_HEIGHT)
    rasteriseIntoSphereMap(map, positions, index, [0, 0, 0], (r) => r > 22, true)
    let worst = 0
    let covered = 0
    for (let j = 0; j < MAP_HEIGHT; j++) {
      for (let i = 0; i < MAP_WIDTH; i++) {
        const d = texelDirection(i, j)
        const value = map.radius[j * MAP_WIDTH + i]!
        if (d[1] < -0.33) expect(Number.isNaN(value), `${i},${j} below the sheet`).toBe(true)
        if (d[1] > -0.27) {
          expect(Number.isNaN(value), `${i},${j} under the sheet`).toBe(false)
          worst = Math.max(worst, Math.abs(value - radius(d)))
          covered++
        }
      }
    }
    expect(covered).toBeGreaterThan(0.5 * MAP_WIDTH * MAP_HEIGHT)
    // The facets' chords: a 2° grid on a 25 mm sphere sags 0.004 mm; the interpolation across the map's (u, v), a little more.
    expect(worst).toBeLessThan(0.02)
  })

  it('keeps the smaller radius when asked (a socket’s inner surface)', () => {
    const { positions, index } = shell(() => 26, -2)
    const map = emptySphereMap(MAP_WIDTH, MAP_HEIGHT)
    rasteriseIntoSphereMap(map, positions, index, [0, 0, 0], () => true, false)
    expect(Math.max(...Array.from(map.radius, (r) => Math.abs(r - 20)))).toBeLessThan(1e-4)
  })

  it('turns a pole to +Y with an orthonormal basis', () => {
    for (const pole of [[0.3, -0.5, 0.81], [1, 0, 0], [0, 0, -1]] as Vec3[]) {
      const [x, y, z] = mapBasis(pole)
      const n = Math.hypot(...pole)
      expect(dot(y, pole) / n).toBeCloseTo(1, 12)
      expect(dot(x, y)).toBeCloseTo(0, 12)
      expect(dot(x, z)).toBeCloseTo(0, 12)
      expect(dot(y, z)).toBeCloseTo(0, 12)
      expect(Math.hypot(...x)).toBeCloseTo(1, 12)
      expect(Math.hypot(...z)).toBeCloseTo(1, 12)
    }
  })
})
