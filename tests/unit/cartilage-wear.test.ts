/**
 * The head's cartilage over the collapsed segment thins with the staging table before it wears
 * through, then wears through in one crater in the segment's middle with a frayed edge
 * (domain/lesion/cartilageWear.ts). One rule for the shaders (its numbers injected) and picking
 * (drawnTissue.ts).
 *
 * Reviews it answers: the cartilage was gone at s = 3.25, where the table keeps about half of
 * it; at 3.5 the holes were several smooth round patches over the whole segment, and three in a
 * column read as drill holes.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { CRATER_FRAY, CRATER_FULL_MM, CRATER_OCTAVES, CRATER_SPREAD_RAD, WORN_FROM_LOSS, craterNoise, wornThrough } from '../../src/domain/lesion/cartilageWear.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/index.ts'
import { interfaceDistance } from '../../src/domain/lesion/geometry.ts'
import { FOOTPRINT_PROBE_MM } from '../../src/domain/lesion/collapse.ts'
import type { HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import type { LesionSize } from '../../src/domain/viewState.ts'
import { stageValue } from '../../src/domain/staging/stageValue.ts'
import { DZ_COMMON } from '../../src/scene/disease/shaders.ts'
import { loadLandmarks } from './model-loader.ts'

let landmarks: HipLandmarks

beforeAll(async () => {
  landmarks = await loadLandmarks()
})

/** The head's surface over a lesion, on a grid of directions around its centre: where the segment is and where it is worn through at stage s. */
function craterMap(size: LesionSize, s: number, cells = 121, smooth = false): { inside: boolean[]; worn: boolean[]; cells: number } {
  const g = lesionGeometry({ size, type: 'C1' }, lesionAnatomyOf(landmarks))
  const loss = 1 - stageValue('cartilageOverLesion', s)
  const c = g.centre
  // Two axes across the surface at the lesion's centre.
  const a = g.lateral
  const b: [number, number, number] = [c[1] * a[2] - c[2] * a[1], c[2] * a[0] - c[0] * a[2], c[0] * a[1] - c[1] * a[0]]
  const r = landmarks.femoralHead.radius - FOOTPRINT_PROBE_MM
  const inside: boolean[] = []
  const worn: boolean[] = []
  const span = 1.4 // radians across the grid
  for (let i = 0; i < cells; i++) {
    for (let j = 0; j < cells; j++) {
      const u = (i / (cells - 1) - 0.5) * span
      const v = (j / (cells - 1) - 0.5) * span
      const d: [number, number, number] = [c[0] + u * a[0] + v * b[0], c[1] + u * a[1] + v * b[1], c[2] + u * a[2] + v * b[2]]
      const l = Math.hypot(...d)
      const dir: [number, number, number] = [d[0] / l, d[1] / l, d[2] / l]
      const edge = interfaceDistance([dir[0] * r, dir[1] * r, dir[2] * r], g)
      inside.push(edge < 0)
      worn.push(wornThrough(edge, Math.acos(Math.min(1, dir[0] * c[0] + dir[1] * c[1] + dir[2] * c[2])), loss, smooth ? 0.5 : craterNoise(dir)))
    }
  }
  return { inside, worn, cells }
}

/** Sizes of the 4-connected patches of worn cells, largest first. */
function patches({ worn, cells }: { worn: boolean[]; cells: number }): number[] {
  const seen = new Uint8Array(worn.length)
  const out: number[] = []
  for (let start = 0; start < worn.length; start++) {
    if (!worn[start] || seen[start]) continue
    let size = 0
    const stack = [start]
    seen[start] = 1
    while (stack.length) {
      const k = stack.pop()!
      size++
      const i = Math.floor(k / cells)
      const j = k % cells
      for (const [di, dj] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
        const ni = i + di
        const nj = j + dj
        if (ni < 0 || nj < 0 || ni >= cells || nj >= cells) continue
        const n = ni * cells + nj
        if (worn[n] && !seen[n]) {
          seen[n] = 1
          stack.push(n)
        }
      }
    }
    out.push(size)
  }
  return out.sort((x, y) => y - x)
}

const share = (m: { inside: boolean[]; worn: boolean[] }) => m.worn.filter(Boolean).length / m.inside.filter(Boolean).length

describe('cartilage over the collapsed segment', () => {
  it('is whole, only thinner, while the table keeps half or more of it (to 3.25), for every lesion size', () => {
    for (const s of [2.5, 2.75, 3, 3.25]) {
      expect(stageValue('cartilageOverLesion', s), `stage ${s}`).toBeGreaterThanOrEqual(0.45)
      for (const size of ['small', 'medium', 'large'] as const) expect(share(craterMap(size, s, 61)), `${size} at ${s}`).toBe(0)
    }
  })

  it('wears through in one crater in the middle of the segment by 3.5 (0.3 × normal), and over most of it at 4 (0.1 × normal)', () => {
    const mid = craterMap('large', 3.5)
    expect(share(mid)).toBeGreaterThan(0.15)
    expect(share(mid)).toBeLessThan(0.5)
    // One hole: any other patch is a small fleck of the frayed edge.
    const sizes = patches(mid)
    const worn = sizes.reduce((x, y) => x + y, 0)
    expect(sizes[0]! / worn, `patches ${sizes.slice(0, 6).join(', ')}`).toBeGreaterThan(0.95)
    expect(sizes.filter((n) => n >= 0.02 * worn).length, `patches ${sizes.slice(0, 6).join(', ')}`).toBe(1)
    // Only over the segment.
    expect(mid.worn.every((w, k) => !w || mid.inside[k])).toBe(true)
    expect(share(craterMap('large', 4))).toBeGreaterThan(0.6)
    expect(share(craterMap('medium', 3.5))).toBeGreaterThan(0.1)
  })

  it('has a frayed edge, not a smooth oval: its outline is longer than the same crater\'s without the noise', () => {
    /** The outline's length (cell edges between worn and whole) over the square root of the area. */
    const roughness = ({ worn, cells }: { worn: boolean[]; cells: number }) => {
      let area = 0
      let edges = 0
      for (let i = 0; i < cells; i++) {
        for (let j = 0; j < cells; j++) {
          if (!worn[i * cells + j]) continue
          area++
          for (const [di, dj] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
            const ni = i + di
            const nj = j + dj
            if (ni < 0 || nj < 0 || ni >= cells || nj >= cells || !worn[ni * cells + nj]) edges++
          }
        }
      }
      return edges / Math.sqrt(area)
    }
    // Measured 1.09 (1 without the noise, by construction).
    expect(roughness(craterMap('large', 3.5, 161)) / roughness(craterMap('large', 3.5, 161, true))).toBeGreaterThan(1.05)
  })

  it('is the same rule in the shaders: the numbers and the noise\'s recipe are injected', () => {
    expect(DZ_COMMON).toContain(`#define DZ_WORN_FROM_LOSS ${WORN_FROM_LOSS}`)
    expect(DZ_COMMON).toContain(`#define DZ_CRATER_SPREAD_RAD ${CRATER_SPREAD_RAD}`)
    expect(DZ_COMMON).toContain(`#define DZ_CRATER_FULL_MM ${CRATER_FULL_MM}`)
    expect(DZ_COMMON).toContain(`#define DZ_CRATER_FRAY ${CRATER_FRAY}`)
    for (const o of CRATER_OCTAVES) expect(DZ_COMMON).toContain(`${o.weight} * dzNoise(dir * ${o.scale}`)
    expect(DZ_COMMON).toMatch(/bool dzWornThrough\(float footprintMm, float loss, vec3 dir\)/)
  })
})
