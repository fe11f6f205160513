/**
 * The fluoroscopy inset's domain (issue 13): which steps are done under fluoroscopy, and which
 * moment of each the picture shows (the instrument at its deepest, in the bone).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/index.ts'
import { planTreatment } from '../../src/domain/treatment/planner.ts'
import { treatmentSteps } from '../../src/domain/treatment/steps.ts'
import { frameAt } from '../../src/domain/treatment/timeline.ts'
import { stepIdsOf } from '../../src/domain/treatment/stepIds.ts'
import { PROCEDURE_IDS } from '../../src/domain/procedureIds.ts'
import { OUT_BY_STEP_END, fluoroscopyCaption, fluoroscopyMoment, fluoroscopyMomentMarker, fluoroscopyPicture, fluoroscopyStepAhead, fluoroscopySteps, fluoroscopyTool, underFluoroscopy } from '../../src/domain/imaging/fluoroscopy.ts'
import { FLUOROSCOPY_LATERAL_FRAME } from '../../src/domain/imaging/imageFrames.ts'
import { frogLegRotation, rotate } from '../../src/domain/imaging/frogLeg.ts'
import { distance } from '../../src/domain/vec3.ts'
import { loadLandmarks } from './model-loader.ts'

let lm: HipLandmarks
beforeAll(async () => {
  lm = await loadLandmarks()
})

describe('steps under fluoroscopy', () => {
  it('are the guide wire and drilling steps of a core decompression and of the Phemister graft, and each is a real step', () => {
    const listed = fluoroscopySteps().map(({ procedure, variant, step }) => `${procedure}/${variant ?? ''}/${step}`)
    expect(listed.sort()).toEqual(
      [
        'core-decompression//guidewire',
        'core-decompression//core',
        'core-decompression/multiple-drilling/first-pass',
        'core-decompression/multiple-drilling/more-passes',
        'bone-grafting/phemister/guidewire',
        'bone-grafting/phemister/tract',
      ].sort(),
    )
    for (const { procedure, variant, step } of fluoroscopySteps()) expect(stepIdsOf(procedure, variant)).toContain(step)
  })

  it('are none of the joint replacements’ or the other grafts’ steps', () => {
    for (const procedure of PROCEDURE_IDS)
      for (const asked of [null, 'multiple-drilling', 'phemister']) {
        // A variant without its own step list is the default's.
        const variant = asked !== null && stepIdsOf(procedure, asked) !== stepIdsOf(procedure, null) ? asked : null
        for (const id of stepIdsOf(procedure, asked)) {
          const listed = fluoroscopySteps().some((s) => s.procedure === procedure && s.variant === variant && s.step === id)
          expect(underFluoroscopy(procedure, asked, id), `${procedure} ${asked} ${id}`).toBe(listed)
        }
      }
    expect(underFluoroscopy(null, null, 'guidewire')).toBe(false)
    expect(underFluoroscopy('core-decompression', null, undefined)).toBe(false)
  })

  it('show the moment an instrument is deepest in the bone: the wire at its end, the trephine and the pins before they come out', () => {
    for (const { procedure, variant, step } of fluoroscopySteps()) {
      const lesion = lesionGeometry({ size: 'medium', type: 'C1' }, lesionAnatomyOf(lm))
      const plan = planTreatment({ procedure, variant, landmarks: lm, lesion, collapseDepthMm: 0 })
      const steps = treatmentSteps(procedure, variant).map((s) => ({ id: s.id }))
      const index = steps.findIndex((s) => s.id === step)
      const t = fluoroscopyMoment((at) => frameAt(plan, steps, index, at))
      const frame = frameAt(plan, steps, index, t)
      expect(frame.instruments.length, `${procedure} ${variant} ${step} at ${t}`).toBeGreaterThan(0)
      // Its tip inside the head (within the head's radius of its centre): in the bone, not withdrawn.
      const deepest = Math.min(...frame.instruments.map((p) => distance(p.tip, lm.femoralHead.centre)))
      expect(deepest, `${procedure} ${variant} ${step}: tip to head centre`).toBeLessThan(lm.femoralHead.radius)
      if (step === 'guidewire') expect(t).toBe(1)
    }
  })

  it('name the picture’s moment on it when the instrument has come out by the step’s end, exactly when the timeline takes it out', () => {
    for (const { procedure, variant, step } of fluoroscopySteps()) {
      const lesion = lesionGeometry({ size: 'medium', type: 'C1' }, lesionAnatomyOf(lm))
      const plan = planTreatment({ procedure, variant, landmarks: lm, lesion, collapseDepthMm: 0 })
      const steps = treatmentSteps(procedure, variant).map((s) => ({ id: s.id }))
      const end = frameAt(plan, steps, steps.findIndex((s) => s.id === step), 1)
      const inHead = end.instruments.some((p) => distance(p.tip, lm.femoralHead.centre) < lm.femoralHead.radius)
      const tool = fluoroscopyTool(procedure, variant, step)!
      expect(OUT_BY_STEP_END[tool], `${procedure} ${variant} ${step}`).toBe(!inHead)
      expect(fluoroscopyMomentMarker('patient', tool), `${procedure} ${variant} ${step}`).toBe(inHead ? null : tool === 'drill' ? 'Drill at its deepest' : 'Pin at its deepest')
      expect(fluoroscopyMomentMarker('clinician', tool)).toBe(inHead ? null : tool === 'drill' ? 'Trephine at maximal depth' : 'Pin at maximal depth')
    }
  })

  it('keeps ready the fluoroscopy of the step shown, else the next one done under it, else the first', () => {
    const under = [false, false, true, true, false, false]
    expect([0, 1, 2, 3, 4, 5].map((step) => fluoroscopyStepAhead(under, step))).toEqual([2, 2, 2, 3, 2, 2])
    expect(fluoroscopyStepAhead([false, false], 0)).toBeNull()
  })

  it('names what each step checks, in each mode', () => {
    expect(fluoroscopyTool('core-decompression', null, 'guidewire')).toBe('wire')
    expect(fluoroscopyTool('core-decompression', null, 'core')).toBe('drill')
    expect(fluoroscopyTool('core-decompression', 'multiple-drilling', 'first-pass')).toBe('pin')
    expect(fluoroscopyTool('core-decompression', 'multiple-drilling', 'more-passes')).toBe('passes')
    expect(fluoroscopyTool('bone-grafting', 'phemister', 'tract')).toBe('drill')
    expect(fluoroscopyTool('total-hip-replacement', null, 'ream-acetabulum')).toBeNull()
    expect(fluoroscopyCaption('patient', 'pin', 'ap', 1.5)).toMatchObject({ title: expect.stringMatching(/X-ray/), text: expect.stringMatching(/pin/) })
    expect(fluoroscopyCaption('clinician', 'drill', 'ap', 1.5)).toMatchObject({ title: 'Fluoroscopy, AP', text: expect.stringMatching(/trephine/) })
    expect(fluoroscopyCaption('clinician', 'wire', 'lateral', 1.5)).toMatchObject({ title: 'Fluoroscopy, lateral', text: expect.stringMatching(/frog-leg lateral.*cross-table lateral.*guidewire central in the neck \(neither anterior nor posterior\)/) })
    expect(fluoroscopyCaption('patient', 'passes', 'lateral', 1.5).text).toMatch(/from the side.*knee bent and let fall outwards.*front and the back/)
    // Each view judges one spread of the passes (a surgeon's review: the AP's line had it backwards),
    // and the picture is of one pass, not the fan (a later review: "the inset shows one pin while
    // the caption says the spread shows").
    expect(fluoroscopyCaption('clinician', 'passes', 'ap', 1.5).text).toMatch(/^Intra-operative AP view: one pass at its deepest.*medial to lateral here and front to back on the lateral/)
    expect(fluoroscopyCaption('clinician', 'passes', 'lateral', 1.5).text).toMatch(/: one pass at its deepest/)
    for (const view of ['ap', 'lateral'] as const) {
      expect(fluoroscopyCaption('patient', 'passes', view, 1.5).text).toMatch(/one pass is shown here/)
      expect(fluoroscopyCaption('clinician', 'passes', view, 1.5).text).not.toMatch(/shows here/)
    }
    // Before stage II the X-ray shows no lesion: the caption says the aim comes from the MRI (a
    // surgeon's review: "into the dead bone" over a picture with nothing to see there).
    for (const mode of ['patient', 'clinician'] as const) {
      for (const stage of [0, 0.75, 1]) expect(fluoroscopyCaption(mode, 'wire', 'ap', stage).text, `${mode} at ${stage}`).toMatch(/MRI/)
      for (const stage of [1.25, 2.5, 4]) expect(fluoroscopyCaption(mode, 'wire', 'ap', stage).text, `${mode} at ${stage}`).not.toMatch(/MRI/)
    }
    expect(fluoroscopyPicture('ap')).toBe('fluoroscopy')
    expect(fluoroscopyPicture('lateral')).toBe('fluoroscopyLateral')
  })
})

describe('the lateral fluoroscopy (the leg in the frog-leg position)', () => {
  it('frames every instrument of every step under fluoroscopy, for every lesion, from its tip to where it enters the bone', () => {
    const rotation = frogLegRotation()
    const centre = lm.femoralHead.centre
    const half = FLUOROSCOPY_LATERAL_FRAME.sizeMm / 2
    let worst = Infinity
    for (const size of ['small', 'medium', 'large'] as const)
      for (const type of ['A', 'B', 'C1', 'C2'] as const)
        for (const { procedure, variant, step } of fluoroscopySteps()) {
          const lesion = lesionGeometry({ size, type }, lesionAnatomyOf(lm))
          const plan = planTreatment({ procedure, variant, landmarks: lm, lesion, collapseDepthMm: 0 })
          const steps = treatmentSteps(procedure, variant).map((s) => ({ id: s.id }))
          const index = steps.findIndex((s) => s.id === step)
          const frame = frameAt(plan, steps, index, fluoroscopyMoment((at) => frameAt(plan, steps, index, at)))
          const bores = [plan.core, plan.guideWire, ...(plan.passes ?? [])].filter((b) => b !== null && b !== undefined)
          const points = [...frame.instruments.map((p) => p.tip), ...bores.flatMap((b) => [b.tip, b.entry])]
          for (const point of points) {
            // The point as the lateral picture shows it: turned with the femur about the head's centre, seen front to back.
            const [x, y] = rotate(rotation, [point[0] - centre[0], point[1] - centre[1], point[2] - centre[2]])
            const margin = Math.min(half - Math.abs(x - FLUOROSCOPY_LATERAL_FRAME.offset[0]), half - Math.abs(y - FLUOROSCOPY_LATERAL_FRAME.offset[1]))
            expect(margin, `${size} ${type} ${procedure} ${variant} ${step}: (${x.toFixed(1)}, ${y.toFixed(1)}) mm inside the frame`).toBeGreaterThan(5)
            worst = Math.min(worst, margin)
          }
        }
    expect(worst).toBeLessThan(30) // the frame is not needlessly large
  })
})
