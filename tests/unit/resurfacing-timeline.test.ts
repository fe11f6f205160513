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
import { treatmentSteps } from '../../src/domain/treatment/steps.ts'
import { frameAt, type Leftover } from '../../src/domain/treatment/timeline.ts'
import { angleDeg, dot, normalise, scale, sub, type Vec3 } from '../../src/domain/vec3.ts'
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
    expect(pieces.filter((p) => p.onFemur).map((p) => p.id).sort()).toEqual(['cap', 'cement'])
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
    expect(last.pieces.map((p) => p.kind).sort()).toEqual(['bone-cement', 'resurfacing-cap', 'resurfacing-cup'])
    expect(last.removals.filter((x) => x.target === 'pelvis').map((x) => x.id)).toEqual(['socket-ream-0', 'socket-ream-1', 'socket-ream-2', 'socket-ream-3'])
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
