/**
 * The total hip replacement's frames on the committed model (issue 12): the shell placed at the
 * planned 40°/15°, the reamers rising, the femur out and back with the new head where the native
 * one was, every step changing the picture, and a link at step N drawing what stepping to it drew.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/index.ts'
import { REPLACEMENT_SIZES } from '../../src/domain/treatment/replacement/replacementSizes.ts'
import { planTreatment, type TreatmentPlan } from '../../src/domain/treatment/planner.ts'
import { treatmentSteps } from '../../src/domain/treatment/steps.ts'
import { frameAt, type StepRef } from '../../src/domain/treatment/timeline.ts'
import { femurPointAt } from '../../src/domain/treatment/femurMotion.ts'
import type { TreatmentFrame } from '../../src/domain/treatment/frame.ts'
import { cupAngles } from '../../src/domain/treatment/replacement/cupOrientation.ts'
import { distance, normalise, sub, type Vec3 } from '../../src/domain/vec3.ts'
import { focusFraming, hiddenByTreatment, stepFocus } from '../../src/domain/treatment/stepViews.ts'
import { loadLandmarks } from './model-loader.ts'

let lm: HipLandmarks
let plan: TreatmentPlan
let steps: StepRef[]
beforeAll(async () => {
  lm = await loadLandmarks()
  plan = planOf(4)
  steps = treatmentSteps('total-hip-replacement', null).map((s) => ({ id: s.id }))
})

function planOf(collapseDepthMm: number): TreatmentPlan {
  const lesion = lesionGeometry({ size: 'large', type: 'C2' }, lesionAnatomyOf(lm))
  return planTreatment({ procedure: 'total-hip-replacement', variant: null, landmarks: lm, lesion, collapseDepthMm })
}
const index = (id: string) => steps.findIndex((s) => s.id === id)
const at = (id: string, t = 1) => frameAt(plan, steps, index(id), t)
/** Where a piece's point is drawn: moved with the femur when it is on the femur. */
const drawnAt = (f: TreatmentFrame, p: Vec3, onFemur: boolean | undefined): Vec3 => (onFemur && f.femur ? femurPointAt(f.femur, p) : p)

it('has the operation’s steps in order: dislocation before the neck cut, the trial between broaching and the stem (issue 12), reduction last', () => {
  expect(steps.map((s) => s.id)).toEqual(['approach', 'dislocate', 'neck-cut', 'remove-head', 'ream-acetabulum', 'cup', 'liner', 'broach-femur', 'trial', 'stem', 'head', 'reduce'])
})

it('the trial: the hip put back with a trial head on the seated last broach, in the liner; the stem step takes it out again before the stem goes in', () => {
  const end = at('trial')
  const trial = end.instruments.find((i) => i.kind === 'trial-head')!
  const last = plan.thr!.thr.broaches.at(-1)!
  // On the last broach, seated (its tip where the broach's was), the planned head's size and length.
  expect(trial.onFemur).toBe(true)
  expect(trial.broach).toEqual(last.geometry.spec)
  expect(distance(trial.tip, last.tip)).toBeLessThan(1e-9)
  expect(trial.trial).toEqual({ headDiameter: plan.thr!.thr.head.diameter, neckLength: plan.thr!.thr.head.neckLength })
  // Reduced: the trial head's centre (the planned head's) is drawn at the liner's centre.
  expect(end.femur).toEqual(plan.thr!.femur.reduced)
  expect(distance(femurPointAt(end.femur!, plan.thr!.thr.head.centre), plan.thr!.thr.liner.centre)).toBeLessThan(1e-9)
  // No stem yet, and the broached canal is still what the broaches left.
  expect(end.pieces.some((p) => p.kind === 'femoral-stem')).toBe(false)
  // The stem step starts from the reduced trial and ends dislocated, the trial gone, the stem in.
  const start = at('stem', 0)
  expect(start.femur).toEqual(plan.thr!.femur.reduced)
  const stemEnd = at('stem')
  expect(stemEnd.instruments.some((i) => i.kind === 'trial-head')).toBe(false)
  expect(stemEnd.femur).toEqual(plan.thr!.femur.out)
  expect(stemEnd.pieces.some((p) => p.kind === 'femoral-stem')).toBe(true)
  // Mid-way the trial is put back in: the head's centre moves from out of the socket to the liner.
  const halfway = at('trial', 0.3)
  expect(distance(femurPointAt(halfway.femur!, plan.thr!.thr.head.centre), plan.thr!.thr.liner.centre)).toBeGreaterThan(1)
})

it('places the shell at 40 ± 1° inclination and 15 ± 1° anteversion, measured from the placed piece', () => {
  const shell = at('cup').pieces.find((p) => p.kind === 'acetabular-shell')!
  // The piece's dome points from `from` to `to`: its opening axis is the other way.
  const angles = cupAngles(normalise(sub(shell.from, shell.to)))
  expect(Math.abs(angles.inclinationDeg - 40)).toBeLessThanOrEqual(1)
  expect(Math.abs(angles.anteversionDeg - 15)).toBeLessThanOrEqual(1)
  // Seated: centred on the reamed socket's centre.
  expect(distance(shell.to, plan.thr!.thr.reamedSocket.centre)).toBeLessThan(1e-6)
})

it('reams the pelvis with rising sizes, every pass in the socket', () => {
  const reamed = at('ream-acetabulum').removals.filter((r) => r.id.startsWith('ream-'))
  expect(reamed.length).toBe(plan.thr!.thr.reaming.length)
  expect(reamed.length).toBeGreaterThanOrEqual(3)
  const radii = reamed.map((r) => (r.kind === 'ellipsoid' ? r.radii[0] : Number.NaN))
  for (let i = 1; i < radii.length; i++) expect(radii[i]!).toBeGreaterThan(radii[i - 1]!)
  for (const r of reamed) expect(r.target).toBe('pelvis')
  // The last reamer's sphere is the reamed socket's.
  expect(2 * radii.at(-1)!).toBeCloseTo(plan.thr!.thr.reamedSocket.outerDiameter, 9)
})

it('broaches the canal in rising sizes from the femur, to the stem’s size', () => {
  const broached = at('broach-femur').removals.filter((r) => r.kind === 'stem')
  const sizes = broached.map((r) => (r.kind === 'stem' ? r.spec.size : Number.NaN))
  expect(sizes.length).toBeGreaterThanOrEqual(2)
  for (let i = 1; i < sizes.length; i++) expect(sizes[i]!).toBeGreaterThan(sizes[i - 1]!)
  expect(sizes.at(-1)).toBe(plan.thr!.thr.stem.geometry.spec.size)
  for (const r of broached) expect(r.target).toBe('femur')
})

it('cuts the neck once, at the planned plane, with the lateral stop that keeps the greater trochanter', () => {
  const cuts = at('reduce').removals.filter((r) => r.kind === 'planes')
  expect(cuts.map((r) => r.id)).toEqual(['neck-cut'])
  const cut = cuts[0]!
  if (cut.kind !== 'planes') return
  const insideCut = (p: Vec3) => cut.planes.every((h) => h.normal[0] * (p[0] - h.point[0]) + h.normal[1] * (p[1] - h.point[1]) + h.normal[2] * (p[2] - h.point[2]) > 0) && distance(p, cut.bound.centre) < cut.bound.radius
  expect(insideCut(lm.femoralHead.centre)).toBe(true)
  expect(insideCut(lm.greaterTrochanterTip)).toBe(false)
  expect(insideCut(lm.lesserTrochanterTip)).toBe(false)
})

it('dislocates: the head centre leaves the socket by more than its radius while the femur is out', () => {
  for (const id of ['neck-cut', 'ream-acetabulum', 'broach-femur', 'head']) {
    const f = at(id)
    expect(f.femur, id).toBeDefined()
    expect(distance(femurPointAt(f.femur!, lm.femoralHead.centre), lm.acetabulum.centre), id).toBeGreaterThan(lm.femoralHead.cartilageRadius + 10)
  }
})

it('reduces: at the end the femur is at rest (leg length restored) and the new head is in the liner, the joint’s centre moved in by the reaming as far as the source measured', () => {
  const end = at('reduce')
  const f = end.femur!
  expect(f.angleDeg).toBe(0)
  // The femur follows its new ball into the liner's centre: a shift of at most the planner's 3 mm.
  expect(Math.hypot(...f.shift)).toBeLessThanOrEqual(3)
  expect(f.migration).toBe(0)
  const head = end.pieces.find((p) => p.kind === 'prosthetic-head')!
  expect(head.onFemur).toBe(true)
  const centre = drawnAt(end, head.to, head.onFemur)
  // The joint's centre is the cup's: reamed to the floor, medial of and above the native one,
  // within the mean shift measured after reaming to the floor (replacementSizes.ts floorShift).
  const [medial, up] = sub(centre, lm.femoralHead.centre)
  expect(medial).toBeGreaterThan(0)
  expect(medial).toBeLessThanOrEqual(REPLACEMENT_SIZES.floorShift.value.medial)
  expect(up).toBeGreaterThan(0)
  expect(up).toBeLessThanOrEqual(REPLACEMENT_SIZES.floorShift.value.superior)
  const liner = end.pieces.find((p) => p.kind === 'acetabular-liner')!
  expect(distance(centre, liner.to)).toBeLessThan(1e-9)
  // The stem and head move with the femur; the socket's pieces do not.
  expect(end.pieces.filter((p) => p.onFemur).map((p) => p.kind).sort()).toEqual(['femoral-stem', 'prosthetic-head'])
})

it('moves the femur continuously: each step starts with the femur where the step before left it', () => {
  // A frame without a pose draws the femur where the disease view does: with the stage's migration.
  const migration: Vec3 = [-2, 3, 0]
  const drawn = (f: TreatmentFrame, p: Vec3) => (f.femur ? femurPointAt(f.femur, p, migration) : sub(p, [-migration[0], -migration[1], -migration[2]]))
  const probes: Vec3[] = [lm.femoralHead.centre, lm.greaterTrochanterTip, lm.lesserTrochanterTip]
  for (let i = 1; i < steps.length; i++) {
    const end = frameAt(plan, steps, i - 1, 1)
    const start = frameAt(plan, steps, i, 0)
    for (const p of probes) expect(distance(drawn(start, p), drawn(end, p)), steps[i]!.id).toBeLessThan(1e-9)
  }
})

it('every step changes the picture: its end frame differs from the step before’s', () => {
  for (let i = 1; i < steps.length; i++) {
    const before = JSON.stringify(frameAt(plan, steps, i - 1, 1))
    const after = JSON.stringify(frameAt(plan, steps, i, 1))
    const hiddenChanged = hiddenByTreatment('total-hip-replacement', null, i).join() !== hiddenByTreatment('total-hip-replacement', null, i - 1).join()
    expect(after !== before || hiddenChanged, steps[i]!.id).toBe(true)
  }
})

it('a link opened at step N draws what stepping through to it drew (frameAt is pure)', () => {
  const fresh = planOf(4)
  for (let i = 0; i < steps.length; i++) {
    for (const t of [0, 0.5, 1]) expect(JSON.stringify(frameAt(fresh, steps, i, t)), `${steps[i]!.id} ${t}`).toBe(JSON.stringify(frameAt(plan, steps, i, t)))
  }
})

describe('what goes with the head', () => {
  it('once the head is out, its cartilage and the arteries on the neck are hidden to the end', () => {
    for (let i = index('remove-head'); i < steps.length; i++) {
      const hidden = hiddenByTreatment('total-hip-replacement', null, i)
      expect(hidden, steps[i]!.id).toContain('femoralHeadCartilage')
      expect(hidden, steps[i]!.id).toContain('posterosuperiorRetinacularArteries')
    }
  })
})

describe('the removed head, cut open beside the joint', () => {
  const headPiece = (f: TreatmentFrame) => f.pieces.find((p) => p.kind === 'removed-head')
  it('is lifted whole from the femur once the cut is through, lies cut open from the end of that step until early in the liner’s, then goes', () => {
    expect(headPiece(at('remove-head', 0.2))).toBeUndefined()
    const lifting = headPiece(at('remove-head', 0.5))!
    expect(lifting.boneOut!.removal.id).toBe('removed-head-whole')
    for (const [id, t] of [['remove-head', 1], ['ream-acetabulum', 0.5], ['cup', 1], ['liner', 0.1]] as const) {
      const piece = headPiece(at(id, t))
      expect(piece?.boneOut?.removal.id, `${id} at ${t}`).toBe('removed-head')
    }
    for (const id of ['liner', 'broach-femur', 'reduce']) expect(headPiece(at(id, 1)), id).toBeUndefined()
  })

  it('is the bone the saw frees, behind a coronal cut through the lesion, and lies clear of the pelvis, lateral to the iliac wing, in the framing of the steps that show it', () => {
    const r = plan.thr!.removedHead
    const removal = r.removal
    if (removal.kind !== 'planes') throw new Error('a saw cut')
    // The saw's own planes, and the coronal cut keeping the posterior half.
    expect(removal.planes.slice(0, 2)).toEqual([{ point: plan.thr!.thr.neckCut.point, normal: plan.thr!.thr.neckCut.normal }, plan.thr!.thr.neckCut.lateralStop])
    expect(removal.planes[2]!.normal).toEqual([0, 0, -1])
    expect(Math.abs(r.face.point[2] - plan.target[2])).toBeLessThan(1e-9)
    // The head centre lies in the piece (on the saw's removed side).
    const c = lm.femoralHead.centre
    for (const h of removal.planes.slice(0, 2)) expect(dot3(sub(c, h.point), h.normal)).toBeGreaterThan(0)
    // Lying: moved, not turned; its cut face's medial edge lateral to the anterior superior iliac
    // spine (clear of the pelvis from the front: over the pubis it read as part of it).
    expect(r.pose.angleDeg).toBe(0)
    expect(r.lyingFaceCentre[0] + lm.femoralHead.cartilageRadius).toBeLessThan(lm.pelvis.asis[0])
    for (const id of ['remove-head', 'ream-acetabulum', 'cup']) {
      const framing = focusFraming(stepFocus('total-hip-replacement', null, index(id)), lm)!
      expect(distance(framing.centre, r.lyingFaceCentre) + lm.femoralHead.cartilageRadius, id).toBeLessThan(framing.radius)
    }
  })
})

const dot3 = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]

describe('the new joint in motion at the reduction', () => {
  it('seats the new ball in the liner and moves through flexion 0→40→0° and rotation ±20° about it: the head centre stays within 0.5 mm of the cup centre; the step ends at neutral', () => {
    const s = plan.thr!
    const cup = s.thr.liner.centre
    const reduceAt = (t: number) => at('reduce', t).femur!
    let flexion = 0
    let rotation = [0, 0]
    const knee = lm.lesserTrochanterTip
    const kneeRest = femurPointAt(reduceAt(0.5), knee)
    for (let k = 0; k <= 100; k++) {
      const t = 0.5 + (0.5 * k) / 100
      const pose = reduceAt(t)
      expect(distance(femurPointAt(pose, s.thr.head.centre), cup), `t ${t}`).toBeLessThan(0.5)
      const [ax, ay] = pose.axis
      if (ax === 1) flexion = Math.max(flexion, -pose.angleDeg)
      if (ay === 1) rotation = [Math.min(rotation[0]!, pose.angleDeg), Math.max(rotation[1]!, pose.angleDeg)]
      // Flexion brings the femur below the hip forward.
      if (ax === 1 && pose.angleDeg < -5) expect(femurPointAt(pose, knee)[2]).toBeGreaterThan(kneeRest[2])
    }
    expect(flexion).toBeCloseTo(40, 0)
    expect(rotation[0]).toBeCloseTo(-20, 0)
    expect(rotation[1]).toBeCloseTo(20, 0)
    // The step's end (a chosen step, and reduced motion, show it): the reduced joint at neutral.
    expect(reduceAt(1)).toEqual(s.femur.reduced)
    expect(distance(femurPointAt(reduceAt(1), s.thr.head.centre), cup)).toBeLessThan(1e-9)
  })
})

describe('the Lewinnek safe zone', () => {
  it('is a cone from the cup centre about the planned 40°/15° axis whose rim walks the border of 40 ± 10° inclination × 15 ± 10° anteversion', async () => {
    const { lewinnekCone } = await import('../../src/domain/treatment/replacement/safeZone.ts')
    const shell = plan.thr!.thr.shell
    const cone = lewinnekCone(shell.centre, 60)
    expect(distance(cone.axis, shell.axis)).toBeLessThan(1e-9)
    expect(cone.halfAngles).toEqual({ inclinationDeg: 10, anteversionDeg: 10 })
    for (const p of cone.rim) {
      expect(distance(p, cone.apex)).toBeCloseTo(60, 6)
      const { inclinationDeg: i, anteversionDeg: a } = cupAngles(sub(p, cone.apex))
      expect(i).toBeGreaterThan(30 - 1e-6)
      expect(i).toBeLessThan(50 + 1e-6)
      expect(a).toBeGreaterThan(5 - 1e-6)
      expect(a).toBeLessThan(25 + 1e-6)
      // On the border: one of the two angles at its limit.
      expect(Math.min(Math.abs(i - 30), Math.abs(i - 50), Math.abs(a - 5), Math.abs(a - 25))).toBeLessThan(1e-6)
    }
  })
})
