import { describe, expect, it } from 'vitest'
import {
  DEFAULT_LESION,
  JIC_TYPES,
  KERBOUL_RADIOGRAPHIC,
  MODIFIED_KERBOUL_COLLAPSE,
  crescentStart,
  LESION_SIZE_CLASSES,
  isInLesion,
  jicTypeOfLateralEdge,
  lesionGeometry,
  type LesionChoice,
} from '../../src/domain/lesion/index.ts'
import { LESION_SIZES, LESION_TYPES } from '../../src/domain/viewState.ts'

const ALL: LesionChoice[] = LESION_SIZES.flatMap((size) => LESION_TYPES.map((type) => ({ size, type })))

describe('lesion size classes', () => {
  it.each(LESION_SIZES)('%s: the drawn fraction lies inside its class', (size) => {
    const c = LESION_SIZE_CLASSES[size]
    const [lo, hi] = c.range.value
    expect(c.fraction.value).toBeGreaterThan(lo)
    expect(c.fraction.value).toBeLessThan(hi)
  })

  it('uses the reference class limits (< 15%, 15–30%, > 30%) and a ≈35% large default', () => {
    expect(LESION_SIZE_CLASSES.small.range.value[1]).toBe(0.15)
    expect(LESION_SIZE_CLASSES.medium.range.value).toEqual([0.15, 0.3])
    expect(LESION_SIZE_CLASSES.large.range.value[0]).toBe(0.3)
    expect(LESION_SIZE_CLASSES.large.fraction.value).toBeCloseTo(0.35, 2)
    expect(DEFAULT_LESION).toEqual({ size: 'large', type: 'C1' })
  })
})

describe('JIC types (Kuroda 2019)', () => {
  it('have collapse rates that rise from A to C2 and from 2 to 5 years', () => {
    const at2 = LESION_TYPES.map((t) => JIC_TYPES[t].collapseAt2y.value)
    const at5 = LESION_TYPES.map((t) => JIC_TYPES[t].collapseAt5y.value)
    expect(at2).toEqual([0, 0.079, 0.232, 0.578])
    expect(at5).toEqual([0, 0.079, 0.366, 0.848])
    for (let i = 0; i < 4; i++) expect(at5[i]!).toBeGreaterThanOrEqual(at2[i]!)
  })

  it('classify lateral edges by thirds of the weight-bearing portion', () => {
    expect(jicTypeOfLateralEdge(-25)).toBe('A')
    expect(jicTypeOfLateralEdge(0)).toBe('B')
    expect(jicTypeOfLateralEdge(25)).toBe('C1')
    expect(jicTypeOfLateralEdge(40)).toBe('C2')
  })
})

describe('lesion geometry', () => {
  it.each(ALL)('%o: centre is a unit vector in the anterosuperior head', (lesion) => {
    const g = lesionGeometry(lesion)
    expect(Math.hypot(...g.centre)).toBeCloseTo(1, 12)
    expect(g.centre[1]).toBeGreaterThan(0) // superior
    expect(g.centre[2]).toBeGreaterThan(0) // anterior
    expect(g.halfExtentDeg).toBeGreaterThan(0)
    expect(g.halfExtentDeg).toBeLessThan(90)
    expect(g.depthFraction).toBeGreaterThan(0)
    expect(g.depthFraction).toBeLessThan(1)
  })

  it('grows with the size class and does not depend on the type for its extent', () => {
    const ext = LESION_SIZES.map((size) => lesionGeometry({ size, type: 'C1' }).halfExtentDeg)
    expect(ext[0]!).toBeLessThan(ext[1]!)
    expect(ext[1]!).toBeLessThan(ext[2]!)
    for (const size of LESION_SIZES) {
      const e = LESION_TYPES.map((type) => lesionGeometry({ size, type }).halfExtentDeg)
      expect(new Set(e).size).toBe(1)
    }
  })

  it('moves the lateral edge outwards from A to C2 (never inwards)', () => {
    for (const size of LESION_SIZES) {
      const edges = LESION_TYPES.map((type) => lesionGeometry({ size, type }).lateralEdgeDeg)
      for (let i = 1; i < edges.length; i++) expect(edges[i]!).toBeGreaterThanOrEqual(edges[i - 1]!)
      expect(edges[3]!).toBeGreaterThan(edges[2]!)
    }
  })

  it('shows the chosen JIC type whenever the size allows it', () => {
    for (const lesion of ALL) {
      const g = lesionGeometry(lesion)
      expect(g.shownType).toBe(jicTypeOfLateralEdge(g.lateralEdgeDeg))
    }
    for (const type of LESION_TYPES) expect(lesionGeometry({ size: 'small', type }).shownType).toBe(type)
    for (const type of ['C1', 'C2'] as const) expect(lesionGeometry({ size: 'large', type }).shownType).toBe(type)
    expect(lesionGeometry(DEFAULT_LESION).shownType).toBe('C1')
  })

  it('gives Kerboul-style arcs that match the collapse anchors (small ≤ 160°, large ≥ 240°)', () => {
    expect(lesionGeometry({ size: 'small', type: 'B' }).kerboulArcSumDeg).toBeLessThanOrEqual(KERBOUL_RADIOGRAPHIC.value.smallMax)
    expect(lesionGeometry({ size: 'large', type: 'C1' }).kerboulArcSumDeg).toBeGreaterThanOrEqual(MODIFIED_KERBOUL_COLLAPSE.value.allFrom)
  })

  it.each(ALL)('%o: the crescent starts on the anterior edge of the footprint', (l) => {
    const g = lesionGeometry(l)
    const p = crescentStart(g)
    expect(Math.hypot(...p)).toBeCloseTo(1, 12)
    const angle = (Math.acos(p[0] * g.centre[0] + p[1] * g.centre[1] + p[2] * g.centre[2]) * 180) / Math.PI
    expect(angle).toBeCloseTo(g.halfExtentDeg, 9)
    expect(p[2]).toBeGreaterThan(g.centre[2]) // more anterior than the centre
    expect(p[1]).toBeGreaterThan(0) // still in the upper head
    // Just inside the edge (towards the centre) is in the lesion.
    const q = p.map((v, i) => (0.99 * v + 0.01 * g.centre[i]!) * 22.9) as unknown as readonly [number, number, number]
    expect(isInLesion(q, 23, g)).toBe(true)
  })

  it.each(LESION_SIZES)('%s: the wedge really holds its share of the head volume (grid count)', (size) => {
    const g = lesionGeometry({ size, type: 'C1' })
    const R = 23
    const n = 60
    let inBall = 0
    let inLesion = 0
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        for (let k = 0; k < n; k++) {
          const p = [((i + 0.5) / n) * 2 * R - R, ((j + 0.5) / n) * 2 * R - R, ((k + 0.5) / n) * 2 * R - R] as const
          if (Math.hypot(...p) > R) continue
          inBall++
          if (isInLesion(p, R, g)) inLesion++
        }
    expect(inLesion / inBall).toBeCloseTo(LESION_SIZE_CLASSES[size].fraction.value, 2)
  })

  it('keeps the head centre and points outside the head out of the lesion', () => {
    const g = lesionGeometry(DEFAULT_LESION)
    const R = 23
    expect(isInLesion([0, 0, 0], R, g)).toBe(false)
    const surface = g.centre.map((c) => c * R * 0.99) as unknown as readonly [number, number, number]
    expect(isInLesion(surface, R, g)).toBe(true)
    const outside = g.centre.map((c) => c * R * 1.01) as unknown as readonly [number, number, number]
    expect(isInLesion(outside, R, g)).toBe(false)
    const inferior = [0, -R * 0.9, 0] as const
    expect(isInLesion(inferior, R, g)).toBe(false)
  })
})
