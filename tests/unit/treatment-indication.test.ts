/** The treatments panel's verdict (issue 11): from the indication range in the data and the stage. */
import { describe, expect, it } from 'vitest'
import { PROCEDURE_IDS, PROCEDURES } from '../../src/domain/procedures.ts'
import { indicationVerdict, offIndicationNote } from '../../src/domain/treatment/indication.ts'
import { measureText } from '../../src/domain/treatment/measureText.ts'

describe('indicationVerdict', () => {
  it('core decompression: considered before collapse (ARCO I–II), not from IIIA on nor in a healthy hip', () => {
    expect(indicationVerdict('core-decompression', 1, 'patient')).toEqual({
      considered: true,
      text: 'Usually considered at this stage',
      reason: PROCEDURES['core-decompression'].indicationText.patient,
    })
    expect(indicationVerdict('core-decompression', 2.7, 'clinician')).toEqual({
      considered: false,
      text: 'Usually not at this stage',
      reason: PROCEDURES['core-decompression'].indicationText.clinical,
    })
    expect(indicationVerdict('core-decompression', 0, 'patient').considered).toBe(false)
  })

  it('reads the range as (from, to], like the stage bands, for every treatment', () => {
    for (const id of PROCEDURE_IDS) {
      const { from, to } = PROCEDURES[id].indication.value
      expect(indicationVerdict(id, from, 'patient').considered, `${id} at ${from}`).toBe(false)
      expect(indicationVerdict(id, from + 0.01, 'patient').considered, `${id} just above ${from}`).toBe(true)
      expect(indicationVerdict(id, to, 'patient').considered, `${id} at ${to}`).toBe(true)
      if (to < 4) expect(indicationVerdict(id, to + 0.01, 'patient').considered, `${id} above ${to}`).toBe(false)
    }
  })

  it('the off-indication note quotes the data\'s reason in the mode\'s words', () => {
    expect(offIndicationNote('total-hip-replacement', 'patient')).toContain(PROCEDURES['total-hip-replacement'].indicationText.patient)
    expect(offIndicationNote('total-hip-replacement', 'clinician')).toContain(PROCEDURES['total-hip-replacement'].indicationText.clinical)
  })
})

describe('measureText', () => {
  it('writes sizes with their units, ranges with an en dash and tolerances with ±', () => {
    expect(measureText({ what: 'core', value: [8, 10], unit: 'mm' })).toBe('8–10\u00a0mm')
    expect(measureText({ what: 'pin', value: 3.2, unit: 'mm' })).toBe('3.2\u00a0mm')
    expect(measureText({ what: 'cup inclination', value: 40, unit: '°', tolerance: 10 })).toBe('40° ± 10°')
  })
})

describe('the caption of a saved image', () => {
  it('names the treatment step shown, in the mode\'s words; the stage caption otherwise', async () => {
    const { currentCaptionLines } = await import('../../src/ui/currentCaption.ts')
    const { useViewStore } = await import('../../src/state/viewStore.ts')
    const { DEFAULT_VIEW_STATE } = await import('../../src/domain/viewState.ts')
    const { treatmentSteps } = await import('../../src/domain/treatment/steps.ts')
    const step = treatmentSteps('core-decompression', 'multiple-drilling')[4]!
    useViewStore.getState().apply({ ...DEFAULT_VIEW_STATE, procedure: 'core-decompression', variant: 'multiple-drilling', step: 4 }, { kind: 'none' })
    const lines = currentCaptionLines()
    expect(lines.title).toBe(`Core decompression, step 5 of 5: ${step.title} — Right hip`)
    expect(lines.body).toBe(step.patient)
    useViewStore.getState().apply(DEFAULT_VIEW_STATE, { kind: 'none' })
    expect(currentCaptionLines().title).not.toContain('step')
  })
})
