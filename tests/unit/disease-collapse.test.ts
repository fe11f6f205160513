import { describe, expect, it } from 'vitest'
import {
  FLATTEN_EASE,
  FLATTENED_RADIUS_FACTOR,
  HINGE_WIDTH_MEDIAL_MM,
  MEDIAL_SHARE,
  STEP_WIDTH_LATERAL_MM,
  collapseAim,
  collapseCentre,
  collapseDepthAt,
  deepestCollapse,
  displacePoint,
  lateralness,
  radialWeight,
  segmentShare,
  type CollapseParams,
} from '../../src/domain/lesion/collapse.ts'
import { DZ_COMMON } from '../../src/scene/disease/shaders.ts'
import { glslFloat } from '../../src/scene/three/glslLiteral.ts'
import { acrossOf, angleDeg, cross, distance, length, madd, normalise, scale, sub } from '../../src/domain/vec3.ts'
import { LESION_GLSL } from '../../src/scene/disease/lesionGlsl.ts'
import { INTERFACE_WAVES, interfaceDistance, isInLesion, lesionGeometry } from '../../src/domain/lesion/geometry.ts'
import { STAGE_POINTS, stageValue } from '../../src/domain/staging/index.ts'
import { LESION_SIZES, LESION_TYPES, type Vec3 } from '../../src/domain/viewState.ts'

const DEG = Math.PI / 180
const R = 23

function params(depthMm: number, size: (typeof LESION_SIZES)[number] = 'large', type: (typeof LESION_TYPES)[number] = 'C1'): CollapseParams {
  return { lesion: lesionGeometry({ size, type }), depthMm }
}

/** Unit direction at angle `a` (rad) from the lesion's centre towards `toward` (a unit tangent at the centre). */
function along(p: CollapseParams, toward: Vec3, a: number): Vec3 {
  const c = p.lesion.centre
  return [c[0] * Math.cos(a) + toward[0] * Math.sin(a), c[1] * Math.cos(a) + toward[1] * Math.sin(a), c[2] * Math.cos(a) + toward[2] * Math.sin(a)]
}

/** `n` unit directions spread over the upper head (a golden-angle spiral), deterministic. */
function upperHeadDirections(n: number): Vec3[] {
  const out: Vec3[] = []
  for (let i = 0; i < n; i++) {
    const a = (i * 137.508 * DEG) % (2 * Math.PI)
    const z = 1 - (i / n) * 1.2
    const rr = Math.sqrt(Math.max(0, 1 - z * z))
    out.push([rr * Math.cos(a), z, rr * Math.sin(a)])
  }
  return out
}

describe('collapse of the head over the lesion', () => {
  it('sinks the head by exactly collapseDepthMm where it sinks most, at every stage point and for every lesion', () => {
    for (const s of STAGE_POINTS) {
      const depth = stageValue('collapseDepthMm', s)
      for (const size of LESION_SIZES) {
        for (const type of LESION_TYPES) {
          expect(deepestCollapse(params(depth, size, type)).depthMm).toBeCloseTo(depth, 2)
        }
      }
    }
  })

  it('sinks most under the lateral pillar: the deepest point lies in the lateral part of the lesion', () => {
    for (const size of LESION_SIZES) {
      const p = params(4, size)
      const { dir } = deepestCollapse(p)
      expect(lateralness(dir, p.lesion)).toBeGreaterThan(0.95)
      // The lateral part of the footprint lies lateral of the lesion's centre.
      expect(-dir[0]).toBeGreaterThan(-p.lesion.centre[0])
    }
  })

  it('leaves a step at the lateral margin and hinges on the medial side', () => {
    const p = params(stageValue('collapseDepthMm', 2.75))
    const lat = p.lesion.lateral
    const profile = (sign: number, f: (d: Vec3) => number) => {
      const out: { mm: number; depth: number }[] = []
      for (let a = 0; a < 90 * DEG; a += 0.1 * DEG) out.push({ mm: a * R, depth: f(along(p, scale(lat, sign), a)) })
      return out
    }
    // Width (mm along the surface) over which the segment's share falls from 90% to 10% of its value before the edge.
    const fall = (prof: { mm: number; depth: number }[]) => {
      const top = Math.max(...prof.map((x) => x.depth))
      const hi = prof.findLast((x) => x.depth >= 0.9 * top)!
      const lo = prof.find((x) => x.mm > hi.mm && x.depth <= 0.1 * top)!
      return { width: lo.mm - hi.mm, top, at: hi }
    }
    const lateral = fall(profile(1, (d) => segmentShare(d, p.lesion)))
    const medial = fall(profile(-1, (d) => segmentShare(d, p.lesion)))
    expect(lateral.width).toBeLessThan(STEP_WIDTH_LATERAL_MM + 0.8)
    expect(lateral.top).toBeCloseTo(1, 2)
    expect(medial.width).toBeGreaterThan(3)
    expect(medial.top).toBeLessThan(0.9)
    // The step is in the picture: at IIIB the head drops by more than 1 mm at the lateral margin.
    const depth = profile(1, (d) => collapseDepthAt(d, p))
    const before = depth.findLast((x) => x.mm <= lateral.at.mm)!.depth
    expect(before).toBeGreaterThan(1)
    expect(depth.find((x) => x.mm >= lateral.at.mm + STEP_WIDTH_LATERAL_MM + 0.8)!.depth).toBeLessThan(0.1 * before)
  })

  it('flattens only the loaded dome: deepest anterosuperiorly, the front wall down the head keeps its place', () => {
    // Surgeons' reviews: the whole dead cap sank evenly, its front wall down to about the equator
    // (3 mm at 80° from the top on the sagittal cut, at IIIB), where the socket bears no load; then
    // the depth still held to 60° and fell off as a shelf. Most of it to about 40°, none by 60°.
    const p = params(stageValue('collapseDepthMm', 2.75))
    const g = p.lesion
    const sagittal = (deg: number): Vec3 => [0, Math.cos(deg * DEG), Math.sin(deg * DEG)]
    const inLesion = (d: Vec3) => interfaceDistance([d[0] * (R - 0.5), d[1] * (R - 0.5), d[2] * (R - 0.5)], g) < -1
    // The large lesion runs down the front past 85° from the top ...
    expect(inLesion(sagittal(85))).toBe(true)
    // ... but from 60° the front wall stays; at 40° it has sunk by two thirds of the depth or more.
    for (const deg of [60, 65, 70, 80, 85]) expect(collapseDepthAt(sagittal(deg), p)).toBeLessThan(0.1)
    expect(collapseDepthAt(sagittal(40), p)).toBeGreaterThan(0.65 * p.depthMm)
    // Along the sagittal cut the depth rises to one peak near the collapse's aim and falls away from it.
    const profile = Array.from({ length: 121 }, (_, i) => collapseDepthAt(sagittal(i - 40), p))
    const peak = profile.indexOf(Math.max(...profile)) - 40
    expect(Math.abs(peak - angleDeg(sagittal(0), collapseAim(g)))).toBeLessThan(10)
    for (let i = 1; i < profile.length; i++) {
      if (i - 40 <= peak) expect(profile[i]!).toBeGreaterThanOrEqual(profile[i - 1]! - 1e-9)
      else expect(profile[i]!).toBeLessThanOrEqual(profile[i - 1]! + 1e-9)
    }
    // The deepest point is the aim itself when the lesion's lateral part covers it, anterosuperior on the dome.
    expect(angleDeg(collapseCentre(g), collapseAim(g))).toBeLessThan(1)
    expect(collapseAim(g)[2]).toBeGreaterThan(Math.sin(8 * DEG))
    // Nothing sinks 60° or more from the aim, anywhere.
    for (const dir of upperHeadDirections(500)) if (angleDeg(dir, collapseAim(g)) >= 60) expect(collapseDepthAt(dir, p)).toBe(0)
  })

  it("keeps the table's depth what the films measure: the AP and lateral outlines sink by it", () => {
    // ARCO measures the depression on the AP or the lateral radiograph. A collapse centred on the
    // front of the load zone (25° anterior) left the AP outline 0.6 of 3.1 mm lower at IIIB.
    for (const stage of [2.75, 3.5]) {
      const p = params(stageValue('collapseDepthMm', stage))
      // The outline seen along `view` (a unit axis): the highest drawn point over each column.
      const sink = (across: 0 | 2) => {
        let most = 0
        for (let c = -14; c <= 14; c += 1) {
          let top = -Infinity
          for (let s = -R; s <= R; s += 0.1) {
            const y2 = R * R - c * c - s * s
            if (y2 < 0) continue
            const dir: Vec3 = across === 0 ? [c / R, Math.sqrt(y2) / R, s / R] : [s / R, Math.sqrt(y2) / R, c / R]
            top = Math.max(top, dir[1] * (R - collapseDepthAt(dir, p)))
          }
          most = Math.max(most, Math.sqrt(R * R - c * c) - top)
        }
        return most
      }
      const ap = sink(0)
      const lateral = sink(2)
      expect(Math.max(ap, lateral)).toBeGreaterThan(p.depthMm - 0.3)
      expect(ap).toBeGreaterThan(p.depthMm - 0.3)
      expect(Math.max(ap, lateral)).toBeLessThanOrEqual(p.depthMm + 1e-9)
    }
  })

  it('flattens the sunken piece to a curve flatter than the head: no saw-cut facet, no shelf', () => {
    for (const stage of [2.75, 3.5]) {
      const p = params(stageValue('collapseDepthMm', stage))
      const c = collapseCentre(p.lesion)
      const [u, v] = acrossOf(c)
      for (const t of [u, v]) {
        // The displaced surface along a great circle through the centre, 1° apart.
        const point = (deg: number): Vec3 => {
          const d = normalise(madd(scale(c, Math.cos(deg * DEG)), t, Math.sin(deg * DEG)))
          return scale(d, R - collapseDepthAt(d, p))
        }
        // Radius of the circle through three points 4° apart from the centre, on the side where the
        // piece sinks whole (the centre lies at the medial hinge's start): the curve there.
        const whole = (deg: number) => segmentShare(normalise(point(deg)), p.lesion) > 0.999
        const side = whole(4) ? 1 : -1
        expect(whole(side * 8)).toBe(true)
        const [a, b, e] = [point(0), point(side * 4), point(side * 8)]
        const area = length(cross(sub(b, a), sub(e, a))) / 2
        const radius = (distance(a, b) * distance(b, e) * distance(a, e)) / (4 * area)
        // A concentric shelf keeps R − D; a saw-cut facet is straight (infinite radius).
        expect(radius).toBeGreaterThan(1.2 * R)
        expect(radius).toBeLessThan(3 * R)
        // No crease where the piece sinks in full: between 1° steps (0.4 mm) the surface turns by less
        // than 5.7°, a bend of 4 mm radius or wider (the lateral margin's step turns by 35–45°).
        for (let deg = -40; deg < 40; deg++) {
          const inPiece = [deg - 1, deg, deg + 1].every(whole)
          if (inPiece) expect(angleDeg(sub(point(deg), point(deg - 1)), sub(point(deg + 1), point(deg)))).toBeLessThan(5.7)
        }
      }
    }
  })

  it('moves nothing outside the lesion, nothing far from the head surface, and never outward', () => {
    const p = params(6)
    const g = p.lesion
    for (const dir of upperHeadDirections(2000)) {
      const d = collapseDepthAt(dir, p)
      expect(d).toBeGreaterThanOrEqual(0)
      expect(d).toBeLessThanOrEqual(6 + 1e-9)
      const probe: Vec3 = [dir[0] * (R - 0.5), dir[1] * (R - 0.5), dir[2] * (R - 0.5)]
      if (interfaceDistance(probe, g) > 0.01) expect(d).toBeLessThan(1e-9)
    }
    const away: Vec3 = [-g.centre[0] * R, -g.centre[1] * R, -g.centre[2] * R]
    expect(displacePoint(away, p)).toEqual(away)
    expect(radialWeight(R + 9, R)).toBe(0)
    expect(radialWeight(0.4 * R, R)).toBe(0)
  })

  it('the shaders use the same formulas and constants (one definition, injected)', () => {
    expect(DZ_COMMON).toContain(LESION_GLSL)
    expect(DZ_COMMON).toContain(`mix(${HINGE_WIDTH_MEDIAL_MM.toFixed(1)}, ${STEP_WIDTH_LATERAL_MM}, t)`)
    expect(DZ_COMMON).toContain(`mix(${MEDIAL_SHARE}, 1.0, t) * flatShare`)
    expect(DZ_COMMON).toContain(`float rf = ${glslFloat(FLATTENED_RADIUS_FACTOR)} * uHeadRadius;`)
    expect(DZ_COMMON).toContain(`min(1.0, x) * smoothstep(0.0, ${glslFloat(FLATTEN_EASE)}, x)`)
    expect(DZ_COMMON).toContain('smoothstep(0.5 * R, 0.8 * R, r) * (1.0 - smoothstep(R + 4.0, R + 8.0, r))')
    for (const w of INTERFACE_WAVES) expect(LESION_GLSL).toContain(`${w.amplitude} * sin(dot(q, vec3(${w.k.map((v) => (Number.isInteger(v) ? `${v}.0` : String(v))).join(', ')})) + ${w.phase}`)
  })
})

describe('lesion solid (the X-ray view)', () => {
  it('is closed, wound outward, and lies inside the lesion', async () => {
    const { buildLesionGeometry, UNDER_PLATE_MM } = await import('../../src/scene/disease/lesionMesh.ts')
    for (const size of LESION_SIZES) {
      const g = lesionGeometry({ size, type: 'B' })
      const geo = buildLesionGeometry(g, [0, 0, 0])
      const pos = geo.getAttribute('position')
      const nrm = geo.getAttribute('normal')
      const idx = geo.getIndex()!
      // Closed: every edge between two distinct vertices belongs to exactly two triangles.
      const edges = new Map<string, number>()
      const key = (a: number, b: number) => {
        const pa = `${pos.getX(a).toFixed(4)},${pos.getY(a).toFixed(4)},${pos.getZ(a).toFixed(4)}`
        const pb = `${pos.getX(b).toFixed(4)},${pos.getY(b).toFixed(4)},${pos.getZ(b).toFixed(4)}`
        return pa < pb ? `${pa}|${pb}` : `${pb}|${pa}`
      }
      for (let t = 0; t < idx.count; t += 3) {
        const v = [idx.getX(t), idx.getX(t + 1), idx.getX(t + 2)]
        for (let k = 0; k < 3; k++) {
          const k2 = key(v[k]!, v[(k + 1) % 3]!)
          if (k2.split('|')[0] === k2.split('|')[1]) continue
          edges.set(k2, (edges.get(k2) ?? 0) + 1)
        }
      }
      const counts = new Set(edges.values())
      expect([...counts]).toEqual([2])
      for (let t = 0; t < idx.count; t += 3) {
        const v = [0, 1, 2].map((k) => [pos.getX(idx.getX(t + k)), pos.getY(idx.getX(t + k)), pos.getZ(idx.getX(t + k))])
        const e1 = v[1]!.map((x, i) => x - v[0]![i]!)
        const e2 = v[2]!.map((x, i) => x - v[0]![i]!)
        const cr = [e1[1]! * e2[2]! - e1[2]! * e2[1]!, e1[2]! * e2[0]! - e1[0]! * e2[2]!, e1[0]! * e2[1]! - e1[1]! * e2[0]!]
        const m = [0, 1, 2].map((k) => [nrm.getX(idx.getX(t + k)), nrm.getY(idx.getX(t + k)), nrm.getZ(idx.getX(t + k))])
        const mean = [0, 1, 2].map((i) => m[0]![i]! + m[1]![i]! + m[2]![i]!)
        expect(cr[0]! * mean[0]! + cr[1]! * mean[1]! + cr[2]! * mean[2]!).toBeGreaterThanOrEqual(-1e-9)
      }
      // Its surface lies on the lesion's boundary: just inside each vertex is lesion (or under the plate).
      for (let i = 0; i < pos.count; i += 13) {
        const p: Vec3 = [pos.getX(i), pos.getY(i), pos.getZ(i)]
        const n: Vec3 = [nrm.getX(i), nrm.getY(i), nrm.getZ(i)]
        const inside: Vec3 = [p[0] - n[0] * 0.05, p[1] - n[1] * 0.05, p[2] - n[2] * 0.05]
        expect(isInLesion(inside, g)).toBe(true)
        expect(Math.hypot(...p)).toBeLessThanOrEqual(R - UNDER_PLATE_MM + 0.01)
      }
    }
  })
})
