/**
 * Hip resurfacing's timeline on the committed model, measured on its frames: the cap's axis as
 * drawn (within 10° of the neck axis, never in varus), no femoral cut below the cap's rim and the
 * rim no narrower than the bone where it sits (no notch), the cuts the cap's own inside, a new
 * picture at every step, a link at any step drawing what stepping through drew, and the femoral
 * work mirrored exactly for a left hip.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { parseLandmarks, type HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/index.ts'
import type { BoneRemoval, Piece, TreatmentFrame } from '../../src/domain/treatment/frame.ts'
import { planTreatment, type TreatmentPlan } from '../../src/domain/treatment/planner.ts'
import { RESURFACING_SCRIPTS } from '../../src/domain/treatment/resurfacingTimeline.ts'
import { stepView } from '../../src/domain/treatment/stepViews.ts'
import { VIEW_DIRECTIONS } from '../../src/domain/cameraViews.ts'
import { treatmentSteps } from '../../src/domain/treatment/steps.ts'
import { frameAt, type Leftover } from '../../src/domain/treatment/timeline.ts'
import { angleDeg, cross, dot, madd, normalise, scale, sub, type Vec3 } from '../../src/domain/vec3.ts'
import { capInnerRadius, cementFillProfile } from '../../src/domain/treatment/replacement/capDesign.ts'
import { turnAbout } from '../../src/domain/treatment/femurMotion.ts'
import { stageValue } from '../../src/domain/staging/stageValue.ts'
import { loadModel, type LoadedModel } from './model-loader.ts'

let lm: HipLandmarks
let model: LoadedModel
beforeAll(async () => {
  model = await loadModel()
  const parsed = parseLandmarks(model.sceneExtras.landmarks)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  lm = parsed.value
})

const steps = () => treatmentSteps('hip-resurfacing', null).map((s) => ({ id: s.id }))
const planFor = (landmarks: HipLandmarks): TreatmentPlan =>
  planTreatment({ procedure: 'hip-resurfacing', variant: null, landmarks, lesion: lesionGeometry({ size: 'large', type: 'C2' }, lesionAnatomyOf(landmarks)), collapseDepthMm: 0 })
const indexOf = (id: string) => steps().findIndex((s) => s.id === id)
const end = (plan: TreatmentPlan, id: string): TreatmentFrame => frameAt(plan, steps(), indexOf(id), 1)
const capOf = (frame: TreatmentFrame): Piece => frame.pieces.find((p) => p.kind === 'resurfacing-cap')!

describe('the cap as drawn', () => {
  it('is seated on the native head centre, its axis within 10° of the neck axis and in valgus, not varus', () => {
    const plan = planFor(lm)
    const cap = capOf(end(plan, 'reduce'))
    const axis = normalise(sub(cap.to, cap.from))
    expect(Math.hypot(...sub(cap.to, lm.femoralHead.centre))).toBeLessThan(1e-9)
    expect(angleDeg(axis, lm.neckAxis.direction)).toBeLessThan(10)
    // Valgus: the axis stands nearer the shaft's line than the neck does (further from straight down it).
    const shaftDown = scale(lm.shaftAxis.direction, -1)
    expect(angleDeg(axis, shaftDown)).toBeGreaterThan(angleDeg(lm.neckAxis.direction, shaftDown))
  })

  it('does not notch the neck: no femoral cut reaches below its rim, and its rim is no narrower than the bone where it sits', () => {
    const plan = planFor(lm)
    const r = plan.resurfacing!
    const cap = capOf(end(plan, 'reduce'))
    if (cap.implant?.kind !== 'cap') throw new Error('the cap piece carries its cap spec')
    const g = cap.implant.cap
    const axis = normalise(sub(cap.to, cap.from))
    const s = (p: Vec3) => dot(sub(p, cap.to), axis)
    const femoral = end(plan, 'reduce').removals.filter((x) => (x.target ?? 'femur') === 'femur')
    const lowest = (x: BoneRemoval): number => {
      switch (x.kind) {
        case 'turned':
          return Math.min(...x.profile.map((p) => p.at))
        case 'planes':
          return s(x.planes[0]!.point)
        case 'cylinder':
          return Math.min(s(x.from), s(x.to))
        case 'ellipsoid': {
          let low = Infinity
          for (let i = 0; i < 400; i++) {
            const polar = Math.acos(1 - (2 * (i + 0.5)) / 400)
            const turn = i * 2.399963229728653
            const l = [Math.sin(polar) * Math.cos(turn), Math.sin(polar) * Math.sin(turn), Math.cos(polar)]
            let q: Vec3 = x.centre
            for (let k = 0; k < 3; k++) q = [q[0] + x.axes[k]![0] * l[k]! * x.radii[k]!, q[1] + x.axes[k]![1] * l[k]! * x.radii[k]!, q[2] + x.axes[k]![2] * l[k]! * x.radii[k]!]
            low = Math.min(low, s(q))
          }
          return low
        }
        default:
          throw new Error(`unexpected ${x.kind}`)
      }
    }
    expect(femoral.map((x) => x.id).sort()).toEqual(['chamfer', 'head-height', 'necrosis', 'peg-hole', 'sleeve'])
    for (const x of femoral) {
      // Only the peg's hole goes on down the neck, inside the peg's own width.
      if (x.id === 'peg-hole' && x.kind === 'cylinder') {
        expect(x.radius).toBeCloseTo(g.peg.radius, 9)
        expect(lowest(x)).toBeCloseTo(g.peg.tipY, 6)
        continue
      }
      expect(lowest(x), x.id).toBeGreaterThanOrEqual(g.rimY - 1e-9)
    }
    // The sleeve's bore is the cap's inside, and it stops at the rim.
    const sleeve = femoral.find((x) => x.id === 'sleeve')
    expect(sleeve?.kind === 'turned' && sleeve.profile.every((p) => Math.abs(p.radius - g.innerDiameter / 2) < 1e-9)).toBe(true)
    expect(lowest(sleeve!)).toBeCloseTo(g.rimY, 9)
    // The bone where the rim sits (the femur's surface in a 1.5-mm slab at the rim's level) lies
    // inside the rim: the skirt closes on bone the reamer left, never bites into the neck.
    const femur = model.meshes.get('femur')!
    let widest = 0
    let counted = 0
    for (let v = 0; v < femur.positions.length / 3; v++) {
      const p: Vec3 = [femur.positions[v * 3]!, femur.positions[v * 3 + 1]!, femur.positions[v * 3 + 2]!]
      const y = s(p)
      if (Math.abs(y - g.rimY) > 0.75) continue
      const rel = sub(sub(p, cap.to), scale(axis, y))
      const radial = Math.hypot(...rel)
      if (radial > 40) continue // the trochanter, far from the head
      counted++
      widest = Math.max(widest, radial)
    }
    expect(counted).toBeGreaterThan(20)
    expect(widest).toBeLessThanOrEqual(g.innerDiameter / 2)
    expect(r.valgusDeg).toBeGreaterThan(0)
  })

  it('the cuts are the cap’s inside: the flat top at its top, the chamfer from its chamfer start to the top at its slope', () => {
    const plan = planFor(lm)
    const g = plan.resurfacing!.cap
    const frame = end(plan, 'chamfer')
    const top = frame.removals.find((x) => x.id === 'head-height')
    const axis = plan.resurfacing!.axis
    expect(top?.kind === 'planes' && dot(sub(top.planes[0]!.point, plan.resurfacing!.capCentre), axis)).toBeCloseTo(g.topY, 9)
    const chamfer = frame.removals.find((x) => x.id === 'chamfer')
    if (chamfer?.kind !== 'turned') throw new Error('the chamfer is a turned cut')
    expect(chamfer.profile.map((p) => [p.at, p.radius])).toEqual([
      [g.chamferY, g.innerDiameter / 2],
      [g.topY, expect.closeTo(g.topRadius, 9)],
    ])
  })
})

describe('the steps', () => {
  it('each step leaves a new picture: the opening by what it hides (the capsule), every later step by its frame', () => {
    const plan = planFor(lm)
    const list = steps()
    expect(stepView('hip-resurfacing', null, 'approach').hidden).toContain('jointCapsule')
    for (let i = 1; i < list.length; i++) expect(JSON.stringify(frameAt(plan, list, i, 1)), list[i]!.id).not.toBe(JSON.stringify(frameAt(plan, list, i - 1, 1)))
  })

  it('dislocates the femur for the socket and the head, and puts it back, its height restored, at the end', () => {
    const plan = planFor(lm)
    const r = plan.resurfacing!
    expect(end(plan, 'dislocate').femur).toEqual(r.femur.out)
    for (const id of ['cup', 'guide-pin', 'cement', 'impact-cap']) expect(end(plan, id).femur, id).toEqual(r.femur.out)
    expect(end(plan, 'reduce').femur).toEqual(r.femur.reduced)
    expect(r.femur.reduced.angleDeg).toBe(0)
    expect(r.femur.reduced.migration).toBe(0)
    // What works on the head moves with the femur; the socket's reamers and cup stay with the pelvis.
    const list = steps()
    for (const id of ['guide-pin', 'sleeve-ream', 'head-cut', 'chamfer', 'peg-hole', 'clear-necrosis', 'impact-cap']) {
      const tools = frameAt(plan, list, indexOf(id), 0.5).instruments
      expect(tools.length, id).toBeGreaterThan(0)
      for (const t of tools) expect(t.onFemur, `${id} ${t.id}`).toBe(true)
    }
    for (const t of frameAt(plan, list, indexOf('cup'), 0.3).instruments) expect(t.onFemur).toBeUndefined()
    const pieces = end(plan, 'reduce').pieces
    expect(pieces.filter((p) => p.onFemur).map((p) => p.id).sort()).toEqual(['cap', 'cement', 'cement-fill'])
    expect(pieces.find((p) => p.id === 'cup')?.onFemur).toBeUndefined()
  })

  it('a link at any step and time draws what stepping through from the start drew', () => {
    const plan = planFor(lm)
    const list = steps()
    let left: Leftover = { removals: [], pieces: [] }
    list.forEach((step, i) => {
      const script = RESURFACING_SCRIPTS[step.id]!
      for (const t of [0, 0.25, 0.5, 0.75, 1]) expect(JSON.stringify(frameAt(plan, list, i, t)), `${step.id} ${t}`).toBe(JSON.stringify(script(plan, t, left)))
      const done = script(plan, 1, left)
      left = { removals: done.removals, pieces: done.pieces, ...(done.femur ? { femur: done.femur } : {}) }
    })
  })

  it('ends with the cap and its cement seated, the cup in, and no tool left', () => {
    const plan = planFor(lm)
    const last = end(plan, 'reduce')
    expect(last.instruments).toEqual([])
    // The cement in the cap and the cement packed into the shaped head.
    expect(last.pieces.map((p) => p.kind).sort()).toEqual(['bone-cement', 'bone-cement', 'resurfacing-cap', 'resurfacing-cup'])
    expect(last.removals.filter((x) => x.target === 'pelvis').map((x) => x.id)).toEqual(['socket-ream-0', 'socket-ream-1', 'socket-ream-2', 'socket-ream-3'])
  })
})

/** Whether (r, y) lies inside a turned profile closed along its axis (even–odd rule). */
function insideProfile(profile: readonly { r: number; y: number }[], r: number, y: number): boolean {
  let inside = false
  for (let i = 0, j = profile.length - 1; i < profile.length; j = i++) {
    const a = profile[i]!
    const b = profile[j]!
    if (a.y > y !== b.y > y && r < a.r + ((y - a.y) * (b.r - a.r)) / (b.y - a.y)) inside = !inside
  }
  return inside
}

describe('what a hip surgeon corrected', () => {
  // At ARCO IV (stage 3.2): the dome sunk, the largest lesion, where the hollow under the cap is biggest.
  const planIV = (): TreatmentPlan =>
    planTreatment({
      procedure: 'hip-resurfacing',
      variant: null,
      landmarks: lm,
      lesion: lesionGeometry({ size: 'large', type: 'C2' }, lesionAnatomyOf(lm)),
      collapseDepthMm: stageValue('collapseDepthMm', 3.2),
    })

  it('after the cement step no point of the cleared cavity or of the cap’s inside is empty: cement fills it, and stays under the cap to the end', () => {
    const plan = planIV()
    const r = plan.resurfacing!
    const g = r.cap
    const cavity = plan.cavity!
    // Points (femur rest frame) of the cap's inside when seated, the peg's hole, and the curetted cavity.
    const across = normalise(cross(r.axis, [0, 0, 1]))
    const across2 = cross(r.axis, across)
    const inCap: Vec3[] = []
    for (let y = g.peg.tipY + 0.25; y < g.topY; y += 1)
      for (let radius = 0; radius < g.innerDiameter / 2; radius += 1.5)
        for (let k = 0; k < 12; k++) {
          const limit = y < g.rimY ? g.peg.radius : capInnerRadius(g, y)!
          if (radius >= limit - 0.05) continue
          const a = (k / 12) * 2 * Math.PI
          inCap.push(madd(madd(madd(r.capCentre, r.axis, y), across, radius * Math.cos(a)), across2, radius * Math.sin(a)))
        }
    const inCavity: Vec3[] = []
    for (let i = -4; i <= 4; i++)
      for (let j = -4; j <= 4; j++)
        for (let k = -4; k <= 4; k++) {
          const l = [i / 4.5, j / 4.5, k / 4.5] as const
          if (l[0] ** 2 + l[1] ** 2 + l[2] ** 2 >= 1) continue
          let q: Vec3 = cavity.centre
          for (let n = 0; n < 3; n++) q = madd(q, cavity.axes[n]!, l[n]! * cavity.radii[n]!)
          // Cavity outside the cap's inside was already cut away by the sleeve, the flat cut or the chamfer.
          const y = dot(sub(q, r.capCentre), r.axis)
          const limit = capInnerRadius(g, y)
          const radial = Math.hypot(...sub(sub(q, r.capCentre), scale(r.axis, y)))
          if (limit !== null && radial < limit) inCavity.push(q)
        }
    expect(inCap.length).toBeGreaterThan(1000)
    expect(inCavity.length).toBeGreaterThan(100)
    for (const id of ['cement', 'impact-cap', 'reduce']) {
      // The cement that fills: a piece of cement moved with the femur, its turned solid in its own frame.
      // (The layer in the cap is still held above the head at the cement step's end.)
      const fills = end(plan, id).pieces.filter((p) => p.kind === 'bone-cement' && p.onFemur && p.implant?.kind === 'cap-fill')
      const filled = (q: Vec3) =>
        fills.some((p) => {
          const axis = normalise(sub(p.to, p.from))
          const y = dot(sub(q, p.to), axis)
          const radial = Math.hypot(...sub(sub(q, p.to), scale(axis, y)))
          return p.implant?.kind === 'cap-fill' && insideProfile(cementFillProfile(p.implant.cap), radial, y)
        })
      const empty = [...inCap, ...inCavity].filter((q) => !filled(q))
      expect(empty.length, `${id}: ${empty.length} of ${inCap.length + inCavity.length} points without cement (the bone left is cement-backed too)`).toBe(0)
    }
  })

  it('the flat cut is drawn: at its step’s end the cutter’s disc rests on the cut, wider than the reamed top', () => {
    const plan = planIV()
    const r = plan.resurfacing!
    const cutter = end(plan, 'head-cut').instruments.find((t) => t.kind === 'head-cutter')
    expect(cutter, 'the head cutter at the step’s end').toBeDefined()
    expect(dot(sub(cutter!.tip, r.capCentre), r.axis)).toBeCloseTo(r.cap.topY, 6)
    expect(angleDeg(cutter!.axis, scale(r.axis, -1))).toBeLessThan(1e-6)
    expect(cutter!.diameter).toBeGreaterThan(r.cap.innerDiameter)
    // Gone once the chamfer reamer takes over.
    expect(end(plan, 'chamfer').instruments.some((t) => t.kind === 'head-cutter')).toBe(false)
  })

  it('the dislocation is seen where the dislocated head’s dead segment faces the camera (from the front only its edge showed)', () => {
    const r = planIV().resurfacing!
    const out = r.femur.out
    const lesion = lesionGeometry({ size: 'large', type: 'C2' }, lesionAnatomyOf(lm))
    const drawn = turnAbout(lesion.centre, normalise(out.axis), out.angleDeg)
    const seen = angleDeg(VIEW_DIRECTIONS[stepView('hip-resurfacing', null, 'dislocate').view], drawn)
    console.log(`[resurfacing] dislocation: the dead segment's middle ${seen.toFixed(1)}° off the camera's direction`)
    expect(seen).toBeLessThan(45)
  })

  it('the peg hole is seen at its step’s end: the step’s view looks within 30° of down the dislocated head’s axis, onto the flat top', () => {
    const r = planIV().resurfacing!
    const out = r.femur.out
    const drawnAxis = turnAbout(r.axis, normalise(out.axis), out.angleDeg)
    // The camera sits along the view direction from the target: the flat top faces it.
    expect(angleDeg(VIEW_DIRECTIONS[stepView('hip-resurfacing', null, 'peg-hole').view], drawnAxis)).toBeLessThan(30)
  })

  it('while the cap is filled its inside faces the side view’s camera, and it is turned back onto the head’s axis to be impacted', () => {
    const plan = planIV()
    const r = plan.resurfacing!
    const capAt = (id: string, t: number) => frameAt(plan, steps(), indexOf(id), t).pieces.find((p) => p.id === 'cap')!
    const cap = capAt('cement', 1)
    // The dome's direction as drawn (the dislocated femur's turn applied); the camera looks from −X.
    const out = r.femur.out
    const dome = turnAbout(normalise(sub(cap.to, cap.from)), normalise(out.axis), out.angleDeg)
    expect(dot(dome, [-1, 0, 0]), 'the opening toward the lateral camera').toBeLessThan(-0.8)
    expect(end(plan, 'cement').pieces.some((p) => p.id === 'cement')).toBe(true)
    const seated = capAt('impact-cap', 0.5)
    expect(angleDeg(sub(seated.to, seated.from), r.axis)).toBeLessThan(1e-6)
    // Continuous: the impaction starts where the cement step left the cap.
    expect(JSON.stringify(capAt('impact-cap', 0))).toBe(JSON.stringify(cap))
  })
})

describe('left hip', () => {
  const mirror = ([x, y, z]: Vec3): Vec3 => [-x, y, z]
  /** Every point and direction of the landmarks mirrored across the sagittal plane. */
  function mirrored<T>(value: T): T {
    if (Array.isArray(value)) {
      if (value.length === 3 && value.every((n) => typeof n === 'number')) return mirror(value as unknown as Vec3) as unknown as T
      return value.map(mirrored) as unknown as T
    }
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mirrored(v)])) as T
    return value
  }

  it('the head is shaped and capped as the right hip’s, mirrored', () => {
    const right = planFor(lm)
    const left = planFor(mirrored(lm))
    const femoralCuts = (plan: TreatmentPlan) => end(plan, 'peg-hole').removals.filter((x) => ['sleeve', 'head-height', 'chamfer', 'peg-hole'].includes(x.id))
    const round = (v: unknown) => JSON.stringify(v, (_k, n: unknown) => (typeof n === 'number' ? Math.round(n * 1e6) / 1e6 + 0 : n))
    expect(round(femoralCuts(left))).toBe(round(mirrored(femoralCuts(right))))
    const capRight = capOf(end(right, 'impact-cap'))
    const capLeft = capOf(end(left, 'impact-cap'))
    expect(round([capLeft.from, capLeft.to])).toBe(round([mirror(capRight.from), mirror(capRight.to)]))
    expect(left.resurfacing!.valgusDeg).toBeCloseTo(right.resurfacing!.valgusDeg, 9)
  })
})
