/** Each step says how it is best seen, and its cut really runs along the tool's path. */
import { beforeAll, describe, expect, it } from 'vitest'
import type { HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/index.ts'
import { PROCEDURE_IDS } from '../../src/domain/procedures.ts'
import { clipPlaneOf } from '../../src/domain/section.ts'
import { planTreatment } from '../../src/domain/treatment/planner.ts'
import { treatmentSteps, variantIds } from '../../src/domain/treatment/steps.ts'
import { focusFraming, hasStepView, hiddenByTreatment, seenThroughByTreatment, stepView } from '../../src/domain/treatment/stepViews.ts'
import { stepSection } from '../../src/domain/treatment/toolCut.ts'
import { hasTimeline, waitingGraft } from '../../src/domain/treatment/timeline.ts'
import { distance, dot, madd } from '../../src/domain/vec3.ts'
import { loadLandmarks } from './model-loader.ts'

let lm: HipLandmarks
beforeAll(async () => {
  lm = await loadLandmarks()
})

const playable = PROCEDURE_IDS.flatMap((procedure) => [null, ...variantIds(procedure)].map((variant) => ({ procedure, variant }))).filter((s) =>
  hasTimeline(s.procedure, s.variant),
)

it('opens the capsule for the light-bulb window, and only while its steps are shown', () => {
  const steps = treatmentSteps('bone-grafting', null)
  steps.forEach((_, i) => expect(hiddenByTreatment('bone-grafting', null, i)).toEqual(['jointCapsule']))
  expect(hiddenByTreatment('core-decompression', null, 3)).toEqual([])
  expect(hiddenByTreatment(null, null, 0)).toEqual([])
})

it('shows the multiple-drilling passes through a see-through femur, not in one cut (they fan out of any one plane)', () => {
  const list = treatmentSteps('core-decompression', 'multiple-drilling').map((s) => s.id)
  for (const id of ['more-passes', 'close']) {
    const index = list.indexOf(id)
    expect(stepView('core-decompression', 'multiple-drilling', id).cut, id).toBeNull()
    expect(seenThroughByTreatment('core-decompression', 'multiple-drilling', index), id).toEqual(['femur', 'femurCancellous', 'femoralHeadCartilage'])
  }
  // The first pass is still seen in the cut along it; nothing is faded for it, nor without a treatment.
  expect(seenThroughByTreatment('core-decompression', 'multiple-drilling', list.indexOf('first-pass'))).toEqual([])
  expect(seenThroughByTreatment(null, null, 0)).toEqual([])
})

it('frames the harvested fibula with the hip while it waits beside it (it lay out of frame)', () => {
  const plan = planTreatment({ procedure: 'vascularised-fibula', variant: null, landmarks: lm, lesion: lesionGeometry({ size: 'medium', type: 'C1' }, lesionAnatomyOf(lm)), collapseDepthMm: 0 })
  const ends = waitingGraft(plan)
  expect(ends).toHaveLength(2)
  const view = stepView('vascularised-fibula', null, 'harvest')
  const framing = focusFraming(view.focus, lm, ends)!
  expect(framing).not.toBeNull()
  for (const p of [...ends, lm.femoralHead.centre, lm.greaterTrochanterTip]) expect(distance(p, framing.centre)).toBeLessThan(framing.radius)
  expect(waitingGraft(planTreatment({ procedure: 'core-decompression', variant: null, landmarks: lm, lesion: lesionGeometry({ size: 'medium', type: 'C1' }, lesionAnatomyOf(lm)), collapseDepthMm: 0 }))).toEqual([])
})

describe.each(playable)('$procedure $variant', ({ procedure, variant }) => {
  it('frames every step on landmarks, and cuts along the tool where it asks to', () => {
    const plan = planTreatment({ procedure, variant, landmarks: lm, lesion: lesionGeometry({ size: 'medium', type: 'C1' }, lesionAnatomyOf(lm)), collapseDepthMm: 0 })
    for (const step of treatmentSteps(procedure, variant)) {
      expect(hasStepView(procedure, variant, step.id), step.id).toBe(true)
      const view = stepView(procedure, variant, step.id)
      const framing = focusFraming(view.focus, lm)
      if (view.focus !== 'hip') {
        expect(framing, step.id).not.toBeNull()
        expect([...framing!.centre, framing!.radius].every(Number.isFinite)).toBe(true)
        expect(framing!.radius).toBeGreaterThan(20)
      }
      const section = stepSection(plan, step.id)
      if (!view.cut) {
        expect(section, step.id).toBeNull()
        continue
      }
      const bore = view.cut === 'core' ? (plan.core ?? plan.passes[0]!) : plan.channel!
      const clip = clipPlaneOf(section!, 'right')
      // The tool's whole path lies in the plane (to the rounding of the link: < 0.1 mm).
      for (const p of [bore.entry, bore.tip, madd(bore.entry, bore.axis, -20)]) expect(Math.abs(dot(clip.normal, p) + clip.constant), step.id).toBeLessThan(0.1)
      // It keeps the back half, so the front view looks at the cut face.
      expect(clip.normal[2]).toBeLessThan(-0.8)
      // A left hip is the model mirrored in x, and a free cut is kept as it lies in the view: its
      // cut holds the mirrored path. (Before, a left hip was given the right hip's plane, which
      // missed the tunnel by up to 8 mm.)
      const left = clipPlaneOf(stepSection(plan, step.id, 'left')!, 'left')
      for (const p of [bore.entry, bore.tip, madd(bore.entry, bore.axis, -20)]) {
        expect(Math.abs(left.normal[0] * -p[0] + left.normal[1] * p[1] + left.normal[2] * p[2] + left.constant), `${step.id} left`).toBeLessThan(0.1)
      }
    }
  })
})
