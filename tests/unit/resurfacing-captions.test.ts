/**
 * Hip resurfacing's captions after a hip surgeon's review (issue 12): the cement step says the
 * hollow left by the dead bone is filled so the cap sits on solid support, and tags that fill as
 * an inference; the flat cut says what is drawn at a collapsed dome; the femoral component range
 * is given once, with the cap.
 */
import { describe, expect, it } from 'vitest'
import { HIP_RESURFACING } from '../../src/domain/procedures/hipResurfacing.ts'

const step = (id: string) => HIP_RESURFACING.steps.find((s) => s.id === id)!

describe('hip resurfacing captions', () => {
  it('the cement step fills the hole left by the dead bone, so the cap sits on solid support, as an inference from Amstutz 2017', () => {
    const cement = step('cement')
    expect(cement.patient).toMatch(/hole left by the dead bone is filled with bone cement/)
    expect(cement.patient).toMatch(/solid/)
    expect(cement.clinical).toMatch(/curetted defect/)
    expect(cement.clinical).toMatch(/collapsed dome/)
    expect(cement.citation.evidence).toBe('Inf')
    expect(cement.citation.sources).toContain('amstutz2017')
  })

  it('the flat cut says that over a sunken dome little bone comes off and the gap is filled with cement later', () => {
    const cut = step('head-cut')
    expect(cut.patient).toMatch(/level/)
    expect(cut.patient).toMatch(/sunk.*little bone comes off.*cement/)
    expect(cut.clinical).toMatch(/collapsed dome.*filled with cement/)
  })

  it('gives the femoral component range (42–58 mm, mean 48 mm) once, with the cap', () => {
    const withText = HIP_RESURFACING.steps.filter((s) => /42–58 mm/.test(s.clinical) || /42–58 mm/.test(s.patient))
    const withSize = HIP_RESURFACING.steps.filter((s) => s.sizes.some((z) => /femoral component/.test(z.value.what)))
    expect(withText.map((s) => s.id)).toEqual(['impact-cap'])
    expect(withSize.map((s) => s.id)).toEqual(['impact-cap'])
  })
})
