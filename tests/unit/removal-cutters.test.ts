/**
 * The cutter meshes of every removal shape (src/geometry/removalCutters.ts and the joint
 * replacements' cutters beside it): closed (every edge in two triangles, once each way, once the
 * crease duplicates are joined), facing out (positive volume, each triangle's vertex normals on
 * its outer side), the planned volume, and the keys that name them.
 */
import { describe, expect, it } from 'vitest'
import { cutterMesh, type CutterMesh } from '../../src/geometry/removalCutters.ts'
import { removalsKey } from '../../src/geometry/removalKey.ts'
import type { BoneRemoval } from '../../src/domain/treatment/frame.ts'
import { radialSolidOf } from '../../src/domain/treatment/radialSolid.ts'
import { sectionOutline, stemGeometry, stemNose, stemSection } from '../../src/domain/treatment/replacement/stemDesign.ts'
import { closedSurfaceProblems, cross, dot, sub, unit, volumeOf, type V } from './solid-measure.ts'

/** Triangles whose three vertex normals all point to the inside of the triangle's own face. */
function inwardTriangles(c: CutterMesh): number {
  const P = c.positions, N = c.normals, I = c.indices
  let bad = 0
  for (let t = 0; t < I.length; t += 3) {
    const at = (k: number): V => [P[I[t + k]! * 3]!, P[I[t + k]! * 3 + 1]!, P[I[t + k]! * 3 + 2]!]
    const face = cross(sub(at(1), at(0)), sub(at(2), at(0)))
    if (Math.hypot(...face) < 1e-9) continue
    const n = unit(face)
    let sum: V = [0, 0, 0]
    for (let k = 0; k < 3; k++) sum = [sum[0] + N[I[t + k]! * 3]!, sum[1] + N[I[t + k]! * 3 + 1]!, sum[2] + N[I[t + k]! * 3 + 2]!]
    if (dot(sum, n) <= 0) bad++
  }
  return bad
}

/** The crease duplicates lie exactly where their originals lie. */
function mergesAtSamePlace(c: CutterMesh): boolean {
  for (let i = 0; i < c.mergeFrom.length; i++) {
    for (let k = 0; k < 3; k++) if (c.positions[c.mergeFrom[i]! * 3 + k] !== c.positions[c.mergeTo[i]! * 3 + k]) return false
  }
  return true
}

const tilted = unit([0.3, 1, -0.2])
/** A right-handed orthonormal frame whose third axis is `tilted`. */
function tiltedFrame(): [V, V, V] {
  const a = unit(cross(tilted, [0, 0, 1]))
  return [a, cross(tilted, a), tilted]
}
const stemSpec = { size: 6, neckAngleDeg: 132, collared: false } as const

const CASES: { name: string; removal: BoneRemoval; volume: number; within: number }[] = [
  {
    name: 'a saw cut: one plane through the bound sphere',
    removal: { kind: 'planes', id: 'p1', planes: [{ point: [1, 2, 3], normal: tilted }], bound: { centre: [1, 2, 3], radius: 30 } },
    volume: (2 / 3) * Math.PI * 30 ** 3,
    within: 0.01,
  },
  {
    name: 'a neck cut with a lateral stop: two planes, a quarter of the sphere',
    removal: {
      kind: 'planes',
      id: 'p2',
      planes: [
        { point: [0, 0, 0], normal: [0, 1, 0] },
        { point: [0, 0, 0], normal: [1, 0, 0] },
      ],
      bound: { centre: [0, 0, 0], radius: 40 },
      target: 'femur',
    },
    volume: (1 / 3) * Math.PI * 40 ** 3,
    within: 0.01,
  },
  {
    name: 'a saw cut missing its bound sphere takes nothing',
    removal: { kind: 'planes', id: 'p0', planes: [{ point: [0, 50, 0], normal: [0, 1, 0] }], bound: { centre: [0, 0, 0], radius: 20 } },
    volume: 0,
    within: 0,
  },
  {
    name: 'a sleeve reamer: a tube round the axis',
    removal: { kind: 'turned', id: 't1', base: [3, -2, 1], axis: tilted, outerRadius: 32, profile: [{ at: -8, radius: 22 }, { at: 30, radius: 22 }] },
    volume: Math.PI * (32 ** 2 - 22 ** 2) * 38,
    within: 0.002,
  },
  {
    name: 'a chamfer reamer: a cone inside, the outer cylinder',
    removal: { kind: 'turned', id: 't2', base: [0, 0, 0], axis: [0, 0, 1], outerRadius: 30, profile: [{ at: 0, radius: 22 }, { at: 8, radius: 14 }] },
    volume: Math.PI * 30 ** 2 * 8 - (Math.PI * 8 * (22 ** 2 + 22 * 14 + 14 ** 2)) / 3,
    within: 0.002,
  },
  {
    name: 'a turned solid down to the axis (a profile point of radius 0)',
    removal: { kind: 'turned', id: 't3', base: [0, 0, 0], axis: [1, 0, 0], outerRadius: 10, profile: [{ at: 0, radius: 0 }, { at: 10, radius: 10 }, { at: 20, radius: 10 }] },
    volume: Math.PI * 100 * 20 - ((Math.PI * 100 * 10) / 3 + Math.PI * 100 * 10),
    within: 0.003,
  },
  {
    name: "a broach: the stem body's volume (its sections integrated)",
    removal: { kind: 'stem', id: 's1', spec: stemSpec, tip: [5, -160, 2], up: tilted, medial: unit(cross(tilted, [0, 0, 1])), target: 'femur' },
    volume: stemVolume(),
    within: 0.005,
  },
  {
    name: 'a reamer in the socket: an ellipsoid taking from the pelvis',
    removal: { kind: 'ellipsoid', id: 'r', centre: [0, 0, 0], axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], radii: [25, 25, 25], target: 'pelvis' },
    volume: (4 / 3) * Math.PI * 25 ** 3,
    within: 0.005,
  },
  {
    name: 'a cavity that follows its region: a radial solid traced round a ball (on tilted axes, half grown)',
    removal: {
      kind: 'radial',
      id: 'cavity',
      solid: radialSolidOf([4, -3, 7], tiltedFrame(), (p) => Math.hypot(p[0] - 5, p[1] + 3, p[2] - 7) < 14, { rings: 32, segments: 64, maxReachMm: 60, stepMm: 1 }),
      grow: 0.5,
    },
    // The grid's facets cut a little off the ball (its centre 1 mm off the solid's).
    volume: (4 / 3) * Math.PI * 7 ** 3,
    within: 0.02,
  },
]

/** The stem body's volume: its sections' areas (fine polygons) along its length, the nose scaled. */
function stemVolume(): number {
  const g = stemGeometry(stemSpec)
  const steps = 4000
  let v = 0
  for (let i = 0; i < steps; i++) {
    const t = ((i + 0.5) / steps) * g.length
    const outline = sectionOutline(stemSection(g, t), 400)
    let area = 0
    for (let k = 0; k < outline.length; k++) {
      const [x0, z0] = outline[k]!, [x1, z1] = outline[(k + 1) % outline.length]!
      area += (x0 * z1 - x1 * z0) / 2
    }
    v += Math.abs(area) * stemNose(t) ** 2 * (g.length / steps)
  }
  return v
}

describe('cutter meshes', () => {
  for (const { name, removal, volume, within } of CASES) {
    it(`${name}: closed, facing out, the planned volume`, () => {
      const c = cutterMesh(removal)
      expect(mergesAtSamePlace(c)).toBe(true)
      if (volume === 0) {
        expect(c.indices.length).toBe(0)
        return
      }
      expect(closedSurfaceProblems(c)).toBe(0)
      expect(inwardTriangles(c)).toBe(0)
      const v = volumeOf(c)
      expect(v).toBeGreaterThan(0)
      expect(Math.abs(v - volume) / volume, `${v.toFixed(0)} mm³ against ${volume.toFixed(0)}`).toBeLessThanOrEqual(within)
    })
  }

  it('a saw cut is flat where it cuts and round on its bound: a crease at the rim, each side with its own normals', () => {
    const c = cutterMesh(CASES[1]!.removal)
    let flat = 0
    for (let v = 0; v < c.positions.length / 3; v++) {
      const p: V = [c.positions[v * 3]!, c.positions[v * 3 + 1]!, c.positions[v * 3 + 2]!]
      const n: V = [c.normals[v * 3]!, c.normals[v * 3 + 1]!, c.normals[v * 3 + 2]!]
      const onCut = Math.abs(p[1]) < 1e-5 && p[0] > 0.5
      // On the cut: its plane's normal turned out of the piece taken (−y), or the sphere's at the rim.
      const round = dot(n, unit(p)) > 0.999
      if (onCut && !round) {
        flat++
        expect(n[1]).toBeCloseTo(-1, 6)
      }
      if (!onCut && Math.abs(p[0]) > 1e-5 && Math.hypot(...p) > 1) expect(round, `${p.join(', ')}`).toBe(true)
    }
    expect(flat).toBeGreaterThan(10)
  })
})

describe('removal keys', () => {
  const broach = CASES[6]!.removal as Extract<BoneRemoval, { kind: 'stem' }>
  it('the same numbers give the same key; each shape, size and bone gives its own', () => {
    const keys = CASES.map((c) => removalsKey([c.removal]))
    expect(new Set(keys).size).toBe(keys.length)
    expect(removalsKey([{ ...broach, tip: [...broach.tip] as V }])).toBe(removalsKey([broach]))
    expect(removalsKey([{ ...broach, spec: { ...stemSpec, size: 7 } }])).not.toBe(removalsKey([broach]))
    const reamer = CASES[7]!.removal
    expect(removalsKey([{ ...reamer, target: 'femur' }])).not.toBe(removalsKey([reamer]))
    // No target is the femur.
    expect(removalsKey([{ ...broach, target: undefined }])).toBe(removalsKey([broach]))
  })
})
