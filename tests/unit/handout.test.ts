import { describe, expect, it } from 'vitest'
import { handoutFor } from '../../src/domain/handout.ts'
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/domain/viewState.ts'
import { stageCaption } from '../../src/domain/staging/captions.ts'
import { treatmentSteps } from '../../src/domain/treatment/steps.ts'
import { SOURCES } from '../../src/domain/sources.ts'
import { DISCLAIMER_LONG } from '../../src/domain/disclaimerLong.ts'

const DAY = new Date(2026, 11, 7, 9, 30)
const at = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW_STATE, ...patch })

describe('the patient handout', () => {
  it("speaks a patient's words in clinician mode too: the stage's plain caption, paragraph by paragraph", () => {
    const state = at({ stage: 2.75, mode: 'clinician', lesionSize: 'large' })
    const h = handoutFor(state, DAY)
    const plain = stageCaption(2.75, 'patient', state.stageSystem, { lesion: { size: 'large', type: state.lesionType }, cause: state.cause })
    expect(h.stage.title).toBe(plain.title)
    expect(h.stage.paragraphs).toEqual(plain.body.split('\n'))
    expect(h.title).toBe(`Right hip: ${plain.title}`)
    expect(h.stage.paragraphs.join(' ')).not.toMatch(/ARCO|Ficat/)
  })

  it('names the stage in the staging system chosen, apart from the words, and none for a healthy hip', () => {
    expect(handoutFor(at({ stage: 2.75 }), DAY).code).toBe('Doctors call this stage ARCO IIIB.')
    expect(handoutFor(at({ stage: 2.75, stageSystem: 'ficat' }), DAY).code).toMatch(/^Doctors call this stage Ficat–Arlet /)
    expect(handoutFor(at({ stage: 0 }), DAY).code).toBeNull()
  })

  it('lists every step of the open treatment in plain words, marks the optional ones and the one in the picture', () => {
    const h = handoutFor(at({ stage: 1.5, procedure: 'core-decompression', variant: null, step: 4 }), DAY)
    const steps = treatmentSteps('core-decompression', null)
    expect(h.treatment?.name).toBe('Core decompression')
    expect(h.treatment?.steps.map((s) => s.text)).toEqual(steps.map((s) => s.patient))
    expect(h.treatment?.steps.map((s) => s.optional)).toEqual(steps.map((s) => s.optional === true))
    expect(h.treatment?.steps.filter((s) => s.shown).map((s) => s.title)).toEqual([steps[4]!.title])
    expect(h.treatment?.indication).toMatch(/^Usually considered at this stage\. /)
    expect(handoutFor(at({ stage: 3.5, procedure: 'core-decompression', variant: null, step: 0 }), DAY).treatment?.indication).toMatch(/^Usually not at this stage\. /)
    expect(handoutFor(at({ stage: 1.5 }), DAY).treatment).toBeNull()
  })

  it("follows the variant's own steps", () => {
    const h = handoutFor(at({ stage: 1.5, procedure: 'core-decompression', variant: 'multiple-drilling', step: 0 }), DAY)
    expect(h.treatment?.steps.map((s) => s.title)).toEqual(treatmentSteps('core-decompression', 'multiple-drilling').map((s) => s.title))
  })

  it('cites each source of its words once, the disclaimer’s among them, and carries the full disclaimer and the local date', () => {
    const h = handoutFor(at({ stage: 2.75, procedure: 'total-hip-replacement', variant: null, step: 0 }), DAY)
    expect(new Set(h.sources).size).toBe(h.sources.length)
    expect(h.sources).toContain(SOURCES['ref-scope'].citation)
    for (const key of stageCaption(2.75, 'patient', 'arco', { lesion: { size: DEFAULT_VIEW_STATE.lesionSize, type: DEFAULT_VIEW_STATE.lesionType } }).sources) {
      expect(h.sources).toContain(SOURCES[key].citation)
    }
    for (const step of treatmentSteps('total-hip-replacement', null)) for (const key of step.citation.sources) expect(h.sources).toContain(SOURCES[key].citation)
    expect(h.disclaimer).toBe(DISCLAIMER_LONG)
    expect(h.date).toBe('2026-12-07')
  })

  it('says under the picture what it shows, and that its X-ray and MRI are not the reader’s own', () => {
    expect(handoutFor(at({ stage: 1.5 }), DAY).pictureCaption).toMatch(/^The picture shows a right hip at this stage, with a simulated X-ray and MRI: .*not your own images\.$/)
    const title = treatmentSteps('core-decompression', null)[4]!.title
    expect(handoutFor(at({ stage: 1.5, procedure: 'core-decompression', variant: null, step: 4 }), DAY).pictureCaption).toContain(`step 5 of ${treatmentSteps('core-decompression', null).length}, “${title}”`)
  })

  it('says at the top that it is general information drawn with the app’s lesion, not a report on the reader’s hip', () => {
    expect(handoutFor(at({ stage: 1.5, lesionSize: 'small' }), DAY).intro).toMatch(/^General information about this stage, drawn with a small damaged area, not a report on your own hip/)
    expect(handoutFor(at({ stage: 0 }), DAY).intro).toMatch(/not a report on your own hip/)
  })

  it('says which hip', () => {
    expect(handoutFor(at({ side: 'left', stage: 1 }), DAY).title).toMatch(/^Left hip: /)
  })
})
