import { describe, expect, it } from 'vitest'
import {
  DEFAULT_LESION,
  DEFAULT_LESION_ANATOMY,
  FOVEA_CLEARANCE_DEG,
  INTERFACE_WAVES,
  JIC_TYPES,
  KERBOUL_RADIOGRAPHIC,
  LESION_SIZE_CLASSES,
  MODIFIED_KERBOUL_COLLAPSE,
  crescentStart,
  interfaceDistance,
  isInLesion,
  jicTypeOfLateralEdge,
  lesionGeometry,
  lesionVolumeFraction,
  weightBearingPortion,
  type LesionChoice,
  type LesionGeometry,
} from '../../src/domain/lesion/index.ts'
import { LESION_SIZES, LESION_TYPES, type LesionType, type Vec3 } from '../../src/domain/viewState.ts'
import { madd, scale } from '../../src/domain/vec3.ts'

const ALL: LesionChoice[] = LESION_SIZES.flatMap((size) => LESION_TYPES.map((type) => ({ size, type })))
const DEG = Math.PI / 180
const R = 23

/** Every grid point of the head (mm, relative to its centre) that is in the lesion. */
function lesionPoints(g: LesionGeometry, n = 40): Vec3[] {
  const out: Vec3[] = []
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++) {
        const p: Vec3 = [R * (-1 + (2 * (i + 0.5)) / n), R * (-1 + (2 * (j + 0.5)) / n), R * (-1 + (2 * (k + 0.5)) / n)]
        if (isInLesion(p, g)) out.push(p)
      }
  return out
}

/** The range of lateral-edge angles (deg, lateral +) a JIC type allows. */
function typeRange(type: LesionType): [number, number] {
  const wb = weightBearingPortion()
  switch (type) {
    case 'A':
      return [wb.medialDeg, wb.medialThirdDeg]
    case 'B':
      return [wb.medialThirdDeg, wb.twoThirdsDeg]
    case 'C1':
      return [wb.twoThirdsDeg, wb.lateralDeg]
    case 'C2':
      return [wb.lateralDeg, 90]
  }
}

describe('lesion size classes', () => {
  it('use the reference class limits (< 15%, 15–30%, > 30%) and a large C1 default', () => {
    expect(LESION_SIZE_CLASSES.small.range.value[1]).toBe(0.15)
    expect(LESION_SIZE_CLASSES.medium.range.value).toEqual([0.15, 0.3])
    expect(LESION_SIZE_CLASSES.large.range.value[0]).toBe(0.3)
    expect(DEFAULT_LESION).toEqual({ size: 'large', type: 'C1' })
  })

  it.each(ALL)('%o: holds a share of the head volume inside its size class', (lesion) => {
    const [lo, hi] = LESION_SIZE_CLASSES[lesion.size].range.value
    const v = lesionVolumeFraction(lesionGeometry(lesion), undefined, 56)
    expect(v).toBeGreaterThan(lo + 0.01)
    expect(v).toBeLessThan(hi - 0.01)
  })

  it.each(ALL)('%o: has a Kerboul arc sum inside its size class (small ≤ 160°, medium 161–199°, large ≥ 200°)', (lesion) => {
    const k = lesionGeometry(lesion).kerboulArcSumDeg
    const { smallMax, largeMin } = KERBOUL_RADIOGRAPHIC.value
    if (lesion.size === 'small') expect(k).toBeLessThanOrEqual(smallMax - 10)
    if (lesion.size === 'medium') {
      expect(k).toBeGreaterThan(smallMax + 10)
      expect(k).toBeLessThan(largeMin - 10)
    }
    if (lesion.size === 'large') expect(k).toBeGreaterThanOrEqual(largeMin + 10)
    // Arcs from ≈ 240° on collapsed in every hip (Ha 2006): the large default is drawn near there.
    if (lesion.size === 'large') expect(k).toBeGreaterThan(MODIFIED_KERBOUL_COLLAPSE.value.allFrom - 10)
  })
})

describe('JIC types (Sugano 2002; rates Kuroda 2019)', () => {
  it('have collapse rates that rise from A to C2 and from 2 to 5 years', () => {
    const at2 = LESION_TYPES.map((t) => JIC_TYPES[t].collapseAt2y.value)
    const at5 = LESION_TYPES.map((t) => JIC_TYPES[t].collapseAt5y.value)
    expect(at2).toEqual([0, 0.079, 0.232, 0.578])
    expect(at5).toEqual([0, 0.079, 0.366, 0.848])
    for (let i = 0; i < 4; i++) expect(at5[i]!).toBeGreaterThanOrEqual(at2[i]!)
  })

  it('cut the weight-bearing portion into thirds by vertical lines, from the model’s own landmarks', () => {
    const wb = weightBearingPortion()
    // Laterally the acetabular edge of the model (its landmark lies 32° from vertical).
    expect(wb.lateralDeg).toBeCloseTo(32, 0)
    const x = (d: number) => Math.sin(d * DEG)
    const third = (x(wb.lateralDeg) - x(wb.medialDeg)) / 3
    expect(x(wb.medialThirdDeg) - x(wb.medialDeg)).toBeCloseTo(third, 9)
    expect(x(wb.twoThirdsDeg) - x(wb.medialThirdDeg)).toBeCloseTo(third, 9)
    expect(jicTypeOfLateralEdge(wb.medialThirdDeg - 1)).toBe('A')
    expect(jicTypeOfLateralEdge(wb.medialThirdDeg + 1)).toBe('B')
    expect(jicTypeOfLateralEdge(wb.twoThirdsDeg + 1)).toBe('C1')
    expect(jicTypeOfLateralEdge(wb.lateralDeg + 1)).toBe('C2')
  })
})

describe('where the lesion is', () => {
  it.each(ALL)('%o: its centre lies in the anterosuperior head, for a right and a mirrored left hip', (lesion) => {
    const g = lesionGeometry(lesion)
    expect(Math.hypot(...g.centre)).toBeCloseTo(1, 9)
    for (const mirror of [1, -1]) {
      const c: Vec3 = [mirror * g.centre[0], g.centre[1], g.centre[2]]
      expect(c[1]).toBeGreaterThan(0.7) // superior: within ≈ 45° of the top
      expect(c[2]).toBeGreaterThan(0.15) // anterior
    }
  })

  it.each(ALL)('%o: its lateral edge on the mid-coronal slice lies where the shown JIC type puts it (within 5°)', (lesion) => {
    const g = lesionGeometry(lesion)
    expect(g.shownType).toBe(jicTypeOfLateralEdge(g.lateralEdgeDeg))
    const [lo, hi] = typeRange(g.shownType)
    expect(g.lateralEdgeDeg).toBeGreaterThanOrEqual(lo - 5)
    expect(g.lateralEdgeDeg).toBeLessThanOrEqual(hi + 5)
    // Checked independently of the stored edge: just inside it is lesion, just outside it is not.
    const at = (deg: number): Vec3 => [-Math.sin(deg * DEG) * (R - 0.5), Math.cos(deg * DEG) * (R - 0.5), 0]
    expect(isInLesion(at(g.lateralEdgeDeg - 1), g)).toBe(true)
    expect(isInLesion(at(g.lateralEdgeDeg + 1), g)).toBe(false)
  })

  it('shows the chosen type whenever it fits, and says when it does not', () => {
    for (const type of LESION_TYPES) {
      expect(lesionGeometry({ size: 'small', type }).shownType).toBe(type)
      expect(lesionGeometry({ size: 'medium', type }).shownType).toBe(type)
    }
    for (const type of ['C1', 'C2'] as const) expect(lesionGeometry({ size: 'large', type }).shownType).toBe(type)
    // A lesion of more than 30% of the head cannot stay in the medial third clear of the fovea.
    expect(lesionGeometry({ size: 'large', type: 'A' }).shownType).not.toBe('A')
    expect(lesionGeometry(DEFAULT_LESION).shownType).toBe('C1')
  })

  it('moves the lateral edge outwards from A to C2, never inwards', () => {
    for (const size of LESION_SIZES) {
      const edges = LESION_TYPES.map((type) => lesionGeometry({ size, type }).lateralEdgeDeg)
      for (let i = 1; i < edges.length; i++) expect(edges[i]!).toBeGreaterThanOrEqual(edges[i - 1]!)
      expect(edges[3]!).toBeGreaterThan(edges[2]!)
    }
  })

  it.each(ALL)('%o: no part of it lies medial of the fovea (the inferomedial head survives)', (lesion) => {
    const g = lesionGeometry(lesion)
    expect(g.foveaClearanceDeg).toBeGreaterThanOrEqual(FOVEA_CLEARANCE_DEG.value - 2)
    const fovea = DEFAULT_LESION_ANATOMY.foveaDirection
    const foveaX = fovea[0] * R
    for (const p of lesionPoints(g)) expect(p[0]).toBeLessThan(foveaX)
  })
})

describe('the shape of the lesion', () => {
  it.each(ALL)('%o: is a subchondral bowl that stays clear of the far side of the head centre', (lesion) => {
    const g = lesionGeometry(lesion)
    const points = lesionPoints(g)
    expect(points.length).toBeGreaterThan(0)
    for (const p of points) expect(p[0] * g.centre[0] + p[1] * g.centre[1] + p[2] * g.centre[2]).toBeGreaterThan(-2)
  })

  it.each(LESION_SIZES)('%s: is bounded by a curved floor convex towards the neck, not a pie slice meeting at the head centre', (size) => {
    const g = lesionGeometry({ size, type: 'C1' })
    // In the plane through its centre across the head: the half-width (mm) at depth d below the
    // surface along u. A pie slice narrows linearly to the head centre; this bowl's floor is
    // curved, so at half its depth it is clearly wider than the straight-sided average.
    const side = (d: number, sign: number) => {
      const r0 = R - d
      let w = 0
      for (let x = 0; x < R; x += 0.05) {
        const p: Vec3 = [g.centre[0] * r0 + g.lateral[0] * x * sign, g.centre[1] * r0 + g.lateral[1] * x * sign, g.centre[2] * r0 + g.lateral[2] * x * sign]
        if (!isInLesion(p, g)) break
        w = x
      }
      return w
    }
    // Both sides averaged, so the gentle waves of the floor do not decide it.
    const halfWidth = (d: number) => (side(d, 1) + side(d, -1)) / 2
    const depth = g.semiAxesMm[2]
    const upper = halfWidth(0.25 * depth)
    const mid = halfWidth(0.575 * depth)
    const low = halfWidth(0.9 * depth)
    expect(mid).toBeGreaterThan((upper + low) / 2 + 0.4)
    // It reaches its full depth only near its axis.
    expect(low).toBeLessThan(0.6 * upper)
    // Small lesions are shallow caps: their floor stays in the outer half of the head.
    if (size === 'small') expect(depth).toBeLessThan(0.6 * R)
  })

  it.each(LESION_SIZES)('%s: in its own front-to-back plane (as a sagittal cut shows it), its floor is a bowl, not a straight line across the head', (size) => {
    const g = lesionGeometry({ size, type: 'C1' })
    // In the plane of its centre direction u and the anterior tangent (through the head centre):
    // for each position t front to back, the floor is where a line parallel to u, walked inward
    // from the surface, leaves the lesion.
    const at = (t: number, s: number): Vec3 => madd(scale(g.anterior, t), g.centre, s)
    const floor: [number, number][] = []
    for (let t = -R + 0.05; t < R; t += 0.1) {
      const top = Math.sqrt(R * R - t * t) - 0.5
      if (!isInLesion(at(t, top), g)) continue
      let s = top
      while (s > -R && isInLesion(at(t, s - 0.05), g)) s -= 0.05
      floor.push([t, s])
    }
    // How far the floor sags below the chord joining its two ends at the surface. A surgeon read
    // the old large lesion's floor (3.1 mm under a 45.5 mm chord, 0.13 of its depth) as a straight
    // line across the head.
    const [a, b] = [floor[0]!, floor[floor.length - 1]!]
    const chord = Math.hypot(b[0] - a[0], b[1] - a[1])
    const sag = Math.max(...floor.map((p) => Math.abs((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) / chord))
    expect(sag).toBeGreaterThan(0.25 * g.semiAxesMm[2])
  })

  it('has a serpiginous floor: the interface waves are gentle (about 1 mm) and change along it', () => {
    const total = INTERFACE_WAVES.reduce((s, w) => s + w.amplitude, 0)
    expect(total).toBeGreaterThan(0.6)
    expect(total).toBeLessThan(1.5)
    const g = lesionGeometry(DEFAULT_LESION)
    // The depth of the floor below the surface along several radii differs from a smooth ellipsoid.
    const floorDepth = (a: number) => {
      const t = g.lateral
      const d: Vec3 = [g.centre[0] * Math.cos(a) + t[0] * Math.sin(a), g.centre[1] * Math.cos(a) + t[1] * Math.sin(a), g.centre[2] * Math.cos(a) + t[2] * Math.sin(a)]
      let r = R
      while (r > 0 && interfaceDistance([d[0] * r, d[1] * r, d[2] * r], g) < 0) r -= 0.05
      return R - r
    }
    const depths = [-20, -10, 0, 10, 20].map((a) => floorDepth(a * DEG))
    expect(Math.max(...depths) - Math.min(...depths)).toBeGreaterThan(1)
  })

  it.each(ALL)('%o: the crescent starts at the anterolateral edge of the footprint', (lesion) => {
    const g = lesionGeometry(lesion)
    const p = crescentStart(g)
    expect(Math.hypot(...p)).toBeCloseTo(1, 9)
    // Lateral of and in front of the centre, still in the upper head.
    expect(-p[0]).toBeGreaterThan(-g.centre[0])
    expect(p[2]).toBeGreaterThan(g.centre[2])
    expect(p[1]).toBeGreaterThan(0)
    const inward: Vec3 = [(0.995 * p[0] + 0.005 * g.centre[0]) * (R - 0.5), (0.995 * p[1] + 0.005 * g.centre[1]) * (R - 0.5), (0.995 * p[2] + 0.005 * g.centre[2]) * (R - 0.5)]
    const outward: Vec3 = [(1.01 * p[0] - 0.01 * g.centre[0]) * (R - 0.5), (1.01 * p[1] - 0.01 * g.centre[1]) * (R - 0.5), (1.01 * p[2] - 0.01 * g.centre[2]) * (R - 0.5)]
    expect(isInLesion(inward, g)).toBe(true)
    expect(isInLesion(outward, g)).toBe(false)
  })

  it('keeps the head centre, points outside the head and the inferior head out of the lesion', () => {
    const g = lesionGeometry({ size: 'medium', type: 'B' })
    expect(isInLesion([0, -3, 0], g)).toBe(false)
    const surface: Vec3 = [g.centre[0] * R * 0.99, g.centre[1] * R * 0.99, g.centre[2] * R * 0.99]
    expect(isInLesion(surface, g)).toBe(true)
    const outside: Vec3 = [g.centre[0] * R * 1.01, g.centre[1] * R * 1.01, g.centre[2] * R * 1.01]
    expect(isInLesion(outside, g)).toBe(false)
    expect(isInLesion([0, -R * 0.9, 0], g)).toBe(false)
  })
})
