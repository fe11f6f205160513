/**
 * The planner on the committed model's landmarks, for every lesion size and JIC type: the numbers
 * a surgeon would check on the fluoroscopy (entry level, axis, tip depth, diameter).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { parseLandmarks, type HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { isInLesion, lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/index.ts'
import { collapseDepthAt } from '../../src/domain/lesion/collapse.ts'
import { farthestFromHeadCentre, planTreatment, offNeckAxisDeg, type BorePlan } from '../../src/domain/treatment/planner.ts'
import { PLAN_SIZES } from '../../src/domain/treatment/planSizes.ts'
import { LESION_SIZES, LESION_TYPES } from '../../src/domain/viewState.ts'
import { distance, dot, madd, normalise, sub, type Vec3 } from '../../src/domain/vec3.ts'
import { loadModel } from './model-loader.ts'

let lm: HipLandmarks
beforeAll(async () => {
  const parsed = parseLandmarks((await loadModel()).sceneExtras.landmarks)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  lm = parsed.value
})

/** Distance along the pass from its tip to where the line leaves a sphere about the head centre. */
function shortOf(bore: BorePlan, radius: number): number {
  const oc = sub(bore.tip, lm.femoralHead.centre)
  const b = dot(oc, bore.axis)
  const c = dot(oc, oc) - radius * radius
  return -b + Math.sqrt(b * b - c)
}
const rel = (p: Vec3): Vec3 => sub(p, lm.femoralHead.centre)

const cases = LESION_SIZES.flatMap((size) => LESION_TYPES.map((type) => ({ size, type })))

describe.each(cases)('core decompression, $size lesion, JIC $type', (choice) => {
  const plan = (variant: string | null, collapseDepthMm = 0) => {
    const lesion = lesionGeometry(choice, lesionAnatomyOf(lm))
    return { lesion, plan: planTreatment({ procedure: 'core-decompression', variant, landmarks: lm, lesion, collapseDepthMm }) }
  }

  it('drills one 8-mm core from the lateral cortex above the lesser trochanter, up the neck into the lesion, 5 ± 1 mm short of the joint', () => {
    const { plan: p, lesion } = plan(null)
    const core = p.core!
    expect(core.diameter).toBe(8)
    expect(core.entry[1]).toBeGreaterThan(lm.lesserTrochanterTip[1])
    expect(core.entry[1]).toBeLessThanOrEqual(lm.greaterTrochanterTip[1])
    // On the lateral side of the shaft: further from the head than the greater trochanter's tip.
    expect(core.entry[0]).toBeLessThan(lm.greaterTrochanterTip[0])
    expect(offNeckAxisDeg(lm, core)).toBeLessThanOrEqual(5)
    expect(isInLesion(rel(core.tip), lesion)).toBe(true)
    expect(shortOf(core, lm.femoralHead.cartilageRadius)).toBeCloseTo(PLAN_SIZES.coreClearance.value, 0)
    expect(Math.abs(shortOf(core, lm.femoralHead.cartilageRadius) - 5)).toBeLessThanOrEqual(1)
    // The wire runs the same path, to the same depth.
    expect(distance(p.guideWire!.tip, core.tip)).toBeLessThan(1e-9)
    // The aim passes within a millimetre of the centre of the necrotic volume.
    const toTarget = sub(p.target, core.entry)
    const along = dot(toTarget, core.axis)
    expect(distance(madd(core.entry, core.axis, along), p.target)).toBeLessThan(1)
  })

  it('multiple drilling: five 3.2-mm passes from one entry, every tip inside the lesion and short of the joint', () => {
    const { plan: p, lesion } = plan('multiple-drilling')
    expect(p.core).toBeNull()
    expect(p.passes).toHaveLength(5)
    const entry = p.passes[0]!.entry
    for (const pass of p.passes) {
      expect(pass.diameter).toBe(3.2)
      expect(distance(pass.entry, entry)).toBe(0)
      expect(isInLesion(rel(pass.tip), lesion)).toBe(true)
      expect(Math.abs(shortOf(pass, lm.femoralHead.cartilageRadius) - 5)).toBeLessThanOrEqual(1)
    }
    // Fanned: the tips spread across the lesion, not stacked on one line.
    const spread = Math.max(...p.passes.map((q) => distance(q.tip, p.passes[0]!.tip)))
    expect(spread).toBeGreaterThan(3)
    expect(entry[1]).toBeGreaterThan(lm.lesserTrochanterTip[1])
  })

  it('after collapse, the core still stops 5 mm short of the sunken surface', () => {
    const { plan: p, lesion } = plan(null, 4)
    const core = p.core!
    const reach = shortOf(core, lm.femoralHead.cartilageRadius)
    const exit = madd(core.tip, core.axis, reach)
    const sunk = collapseDepthAt(normalise(rel(exit)), { lesion, depthMm: 4 })
    expect(reach - sunk).toBeCloseTo(PLAN_SIZES.coreClearance.value, 6)
  })
})

describe.each(cases)('vascularised fibula, $size lesion, JIC $type', (choice) => {
  it('a 16-mm core up the neck into the lesion, ending 4 mm (3–5) under the subchondral plate; the fibula 70 mm to its end', () => {
    const lesion = lesionGeometry(choice, lesionAnatomyOf(lm))
    const p = planTreatment({ procedure: 'vascularised-fibula', variant: null, landmarks: lm, lesion, collapseDepthMm: 0 })
    const core = p.core!
    expect(core.diameter).toBe(16)
    expect(offNeckAxisDeg(lm, core)).toBeLessThanOrEqual(5)
    const under = shortOf(core, lm.femoralHead.radius)
    expect(under).toBeGreaterThanOrEqual(3)
    expect(under).toBeLessThanOrEqual(5)
    expect(isInLesion(rel(core.tip), lesion)).toBe(true)
    expect(core.entry[1]).toBeGreaterThan(lm.lesserTrochanterTip[1])
    expect(p.strut!.diameter).toBe(14)
    expect(distance(p.strut!.tip, core.tip)).toBe(0)
  })
})

describe('bone grafting', () => {
  const lesion = () => lesionGeometry({ size: 'large', type: 'C1' }, lesionAnatomyOf(lm))

  it('light-bulb: a window at the anterior head–neck junction, a cavity in the lesion that leaves the subchondral plate', () => {
    const g = lesion()
    const p = planTreatment({ procedure: 'bone-grafting', variant: null, landmarks: lm, lesion: g, collapseDepthMm: 0 })
    expect(p.window).not.toBeNull()
    expect(distance(p.window!.surface, lm.headNeckJunction.anterior)).toBe(0)
    // The window faces forward (out of the anterior neck).
    expect(p.window!.axes[2][2]).toBeGreaterThan(0.5)
    const cavity = p.cavity!
    // Every point of the cavity's surface stays ≥ 3 mm inside the bony head, and it is not a speck.
    expect(farthestFromHeadCentre(lm, cavity.centre, cavity.axes, cavity.radii)).toBeLessThanOrEqual(lm.femoralHead.radius - 3)
    expect(Math.min(...cavity.radii)).toBeGreaterThan(3)
    expect(isInLesion(rel(cavity.centre), g)).toBe(true)
    expect(distance(p.channel!.tip, cavity.centre)).toBeLessThan(1e-9)
  })

  it('Phemister: a 10-mm tract and a strut that ends just under the subchondral plate', () => {
    const p = planTreatment({ procedure: 'bone-grafting', variant: 'phemister', landmarks: lm, lesion: lesion(), collapseDepthMm: 0 })
    expect(p.core!.diameter).toBe(10)
    expect(p.strut!.diameter).toBe(9)
    expect(shortOf(p.strut!, lm.femoralHead.radius)).toBeCloseTo(2, 5)
    expect(offNeckAxisDeg(lm, p.strut!)).toBeLessThanOrEqual(5)
  })
})
