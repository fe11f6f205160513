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
import { fluoroscopyCaption, fluoroscopyMoment, fluoroscopyStepAhead, fluoroscopySteps, fluoroscopyTool, underFluoroscopy } from '../../src/domain/imaging/fluoroscopy.ts'
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
    expect(fluoroscopyCaption('patient', 'pin')).toMatchObject({ title: expect.stringMatching(/X-ray/), text: expect.stringMatching(/pin/) })
    expect(fluoroscopyCaption('clinician', 'drill')).toMatchObject({ title: 'Fluoroscopy, AP', text: expect.stringMatching(/trephine/) })
  })
})
