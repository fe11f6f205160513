/**
 * Issue 11's second framings and donor-site pieces, on the committed model: the marrow harvest is
 * framed at the back of the pelvis (the PSIS in view) for the first part of the BMAC step; the
 * fibula's pedicle is joined on the LFCA's ascending branch the model draws; the fibula sits flush
 * at the lateral cortex, its end under the plate, never hidden by the packed graft.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { fitPointsDistance } from '../../src/domain/cameraViews.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/index.ts'
import { nearestOnLine } from '../../src/domain/treatment/fibulaPedicle.ts'
import { leadFraming } from '../../src/domain/treatment/marrowHarvestView.ts'
import { flushDepth, planTreatment, type TreatmentPlan } from '../../src/domain/treatment/planner.ts'
import { treatmentSteps } from '../../src/domain/treatment/steps.ts'
import { frameAt, MARROW_HARVEST_UNTIL } from '../../src/domain/treatment/timeline.ts'
import { endClearance } from '../../src/domain/treatment/toolEnd.ts'
import { distance, dot, madd, normalise, sub, type Vec3 } from '../../src/domain/vec3.ts'
import { loadLandmarks } from './model-loader.ts'

let lm: HipLandmarks
beforeAll(async () => {
  lm = await loadLandmarks()
})

const lesionOf = () => lesionGeometry({ size: 'medium', type: 'C1' }, lesionAnatomyOf(lm))

function planOf(procedure: 'core-decompression' | 'vascularised-fibula'): TreatmentPlan {
  const lesion = lesionOf()
  return planTreatment({ procedure, variant: null, landmarks: lm, lesion, collapseDepthMm: 0 })
}
const stepList = (procedure: 'core-decompression' | 'vascularised-fibula') => treatmentSteps(procedure, null).map((s) => ({ id: s.id }))
const indexOf = (procedure: 'core-decompression' | 'vascularised-fibula', id: string) => stepList(procedure).findIndex((s) => s.id === id)

describe('marrow harvest (core decompression, BMAC step)', () => {
  it('frames the back of the pelvis with the PSIS in view during the first part of the step, from behind', () => {
    const plan = planOf('core-decompression')
    const lead = leadFraming(plan, 'bmac')
    expect(lead).not.toBeNull()
    const { framing, direction, until } = lead!
    // The PSIS (from the landmarks) is inside the framed box and sphere.
    const psis = lm.pelvis.psis
    expect(distance(psis, framing.centre)).toBeLessThan(framing.radius)
    const xs = framing.corners!.map((c) => c[0]), ys = framing.corners!.map((c) => c[1]), zs = framing.corners!.map((c) => c[2])
    expect(psis[0]).toBeGreaterThan(Math.min(...xs))
    expect(psis[0]).toBeLessThan(Math.max(...xs))
    expect(psis[1]).toBeGreaterThan(Math.min(...ys))
    expect(psis[1]).toBeLessThan(Math.max(...ys))
    expect(psis[2]).toBeGreaterThan(Math.min(...zs))
    expect(psis[2]).toBeLessThan(Math.max(...zs))
    // Seen from behind (the eye on the −Z side), across the needle rather than along it.
    expect(direction[2]).toBeLessThan(-0.2)
    expect(Math.abs(dot(direction, plan.marrowSite.axis))).toBeLessThan(0.3)
    // The camera that fits it is a sane distance away.
    expect(fitPointsDistance(framing.corners!, framing.centre, direction, 30, 16 / 9)).toBeLessThan(800)
    // The hip's framing comes back for the injection: no other step has a second framing.
    expect(until).toBe(MARROW_HARVEST_UNTIL)
    for (const step of treatmentSteps('core-decompression', null)) if (step.id !== 'bmac') expect(leadFraming(plan, step.id)).toBeNull()
  })

  it('the needle enters the crest at the PSIS and a syringe on its hub draws marrow, both gone before the framing returns to the hip', () => {
    const plan = planOf('core-decompression')
    const bmac = indexOf('core-decompression', 'bmac')
    const at = (t: number) => frameAt(plan, stepList('core-decompression'), bmac, t)
    const deep = at(0.25)
    const needle = deep.instruments.find((i) => i.id === 'marrow-needle')!
    // In the ilium: past the spine along the needle's axis, 25 mm.
    expect(dot(sub(needle.tip, lm.pelvis.psis), plan.marrowSite.axis)).toBeCloseTo(25, 0)
    const syringe = deep.instruments.find((i) => i.kind === 'marrow-syringe')!
    expect(distance(syringe.tip, madd(needle.tip, needle.axis, -needle.length))).toBeLessThan(1e-6)
    expect(syringe.open).toBeGreaterThan(0.3)
    expect(at(0.3).instruments.find((i) => i.kind === 'marrow-syringe')!.open).toBeGreaterThan(syringe.open)
    for (const t of [MARROW_HARVEST_UNTIL, 0.6, 1]) expect(at(t).instruments.some((i) => i.id === 'marrow-needle' || i.kind === 'marrow-syringe')).toBe(false)
    // Then the concentrate goes down the core.
    expect(at(1).pieces.find((p) => p.kind === 'marrow-cells')?.fill).toBe(1)
  })
})

describe('vascularised fibula', () => {
  it('joins the pedicle on the LFCA ascending branch the model draws (within 1 mm), from the graft’s lateral end, in front of the femur', () => {
    const plan = planOf('vascularised-fibula')
    const line = lm.vessels!.lfcaAscendingBranch
    const path = plan.pedicle!.path
    const end = path[path.length - 1]!
    expect(nearestOnLine(line, end)!.distance).toBeLessThan(1)
    // The nearest such point to the graft's end on the branch's front part (not a fixed point).
    const front = nearestOnLine(line, plan.strut!.entry, (p) => p[2] >= plan.strut!.entry[2] + 5)!
    expect(distance(front.point, end)).toBeLessThan(1e-6)
    expect(end[2]).toBeGreaterThan(plan.strut!.entry[2])
    // It starts on the graft's lateral end, at its surface.
    expect(distance(path[0]!, plan.strut!.entry)).toBeLessThan(plan.strut!.diameter / 2 + 1.5)
    // The anastomosis step draws it there, joined.
    const anastomosis = frameAt(plan, stepList('vascularised-fibula'), indexOf('vascularised-fibula', 'anastomosis'), 1)
    const pedicle = anastomosis.pieces.find((p) => p.kind === 'vascular-pedicle')!
    expect(pedicle.fill).toBe(1)
    expect(distance(pedicle.path![pedicle.path!.length - 1]!, end)).toBeLessThan(1e-6)
  })

  it('the fibula sits flush at the lateral cortex with its end 3–5 mm under the plate, the graft packed round it and ahead of its end', () => {
    const plan = planOf('vascularised-fibula')
    const inserted = frameAt(plan, stepList('vascularised-fibula'), indexOf('vascularised-fibula', 'insert'), 1)
    const fibula = inserted.pieces.find((p) => p.kind === 'fibula-graft')!
    // On the pass's line, its square end in just far enough that none of it stands out of the cortex.
    expect(distance(fibula.from, madd(plan.core!.entry, plan.core!.axis, flushDepth(lm, plan.core!.entry, plan.core!.axis, fibula.radius)))).toBeLessThan(1e-6)
    // The centre of its end, measured the shortest way to the bony surface, and no point of the end
    // in the plate (treatment-planner.test.ts checks this measure against dense sampling).
    const surface = { centre: lm.femoralHead.centre, radius: lm.femoralHead.radius, collapse: { lesion: lesionOf(), depthMm: 0 } }
    const under = endClearance(fibula.to, plan.core!.axis, 0, surface)
    expect(endClearance(fibula.to, plan.core!.axis, fibula.radius, surface)).toBeGreaterThanOrEqual(1.4)
    expect(under).toBeGreaterThanOrEqual(3)
    expect(under).toBeLessThanOrEqual(5.5)
    // Every graft piece still shown: none of its filled part within 8 mm of the fibula's end (the
    // column packed in the core's end is impacted by it); the cavity's graft, packed round the
    // core, keeps its chips out of a cylinder holding the fibula up to its end and no further: the
    // cavity ahead of its end is packed (it was kept empty a core's width beyond it, a hollow the
    // surgeon's review saw once the cut cut the chips).
    for (const graft of inserted.pieces.filter((p) => p.kind === 'cancellous-graft' && p.fill > 0)) {
      if (graft.keepOut) {
        const k = graft.keepOut
        const axis = normalise(sub(k.to, k.from))
        const off = (q: Vec3) => distance(q, madd(k.from, axis, dot(sub(q, k.from), axis)))
        expect(off(fibula.from)).toBeLessThan(1e-6)
        expect(off(fibula.to)).toBeLessThan(1e-6)
        expect(k.radius).toBeGreaterThanOrEqual(fibula.radius)
        expect(Math.abs(dot(sub(k.to, fibula.to), axis))).toBeLessThan(1e-6)
        continue
      }
      const shownFrom = madd(graft.to, sub(graft.from, graft.to), graft.fill)
      const centre = madd(graft.to, sub(shownFrom, graft.to), 0.5)
      const reach = distance(graft.to, shownFrom) / 2 + graft.radius
      expect(distance(centre, fibula.to) - reach).toBeGreaterThan(8)
    }
  })
})
