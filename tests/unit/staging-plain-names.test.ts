/**
 * Plain stage names for patient mode (issue 9, "patient mode hides jargon"): the stage bar's
 * headline names the stage in plain words; the staging code goes beside it in small print.
 */
import { describe, expect, it } from 'vitest'
import { STAGE_BANDS, stageBand, stageDisplayName } from '../../src/domain/staging/index.ts'
import { HEALTHY_STAGE_NAME, PLAIN_STAGE_NAMES, plainStageName, stageCode } from '../../src/domain/staging/plainNames.ts'
import { STAGE_SYSTEMS } from '../../src/domain/viewState.ts'

/** Staging codes and terms a patient should not meet as a headline. */
const JARGON = /ARCO|Ficat|Steinberg|JIC|\b(?:0|I{1,3}|IV|V|VI)[ABC]?\b|necros|subchondral|crescent|osteo|sclero|ischaem|acetabul/i

const MIDS = STAGE_BANDS.map((b) => (b.from + b.to) / 2)

describe('plainStageName', () => {
  it('names the healthy hip at 0 and each band by its own name, across the whole band', () => {
    expect(plainStageName(0)).toBe(HEALTHY_STAGE_NAME)
    for (const band of STAGE_BANDS) {
      for (const s of [band.from === 0 ? 0.01 : band.from + 1e-6, (band.from + band.to) / 2, band.to]) {
        expect(plainStageName(s), `s = ${s}`).toBe(PLAIN_STAGE_NAMES[band.id])
      }
    }
  })

  it('follows the band boundaries of the staging (a band is (from, to])', () => {
    expect(plainStageName(2.5)).toBe(PLAIN_STAGE_NAMES.IIIA)
    expect(plainStageName(2.51)).toBe(PLAIN_STAGE_NAMES.IIIB)
    expect(plainStageName(3.5)).toBe(PLAIN_STAGE_NAMES['IV-early'])
    expect(plainStageName(4)).toBe(PLAIN_STAGE_NAMES['IV-late'])
    // Ficat–Arlet III (the late half of the IIIA band) is defined by the flattening.
    expect(plainStageName(2.2, 'ficat')).toBe(PLAIN_STAGE_NAMES.IIIA)
    expect(plainStageName(2.3, 'ficat')).toBe(PLAIN_STAGE_NAMES.IIIB)
    expect(plainStageName(2.3, 'arco')).toBe(PLAIN_STAGE_NAMES.IIIA)
  })

  it('is short, free of staging codes and medical terms, and different for every stage', () => {
    const names = [plainStageName(0), ...MIDS.map((s) => plainStageName(s))]
    expect(new Set(names).size).toBe(names.length)
    for (const name of names) {
      expect(name, name).not.toMatch(JARGON)
      expect(name.length, name).toBeLessThanOrEqual(50)
    }
  })

  it('says what an X-ray shows where the stage is defined by it (ARCO I: normal; II: visible)', () => {
    expect(plainStageName(0.75)).toMatch(/no change on X-ray/)
    expect(plainStageName(1.5)).toMatch(/seen on X-ray/)
    expect(plainStageName(0.25)).toMatch(/X-ray normal/)
  })
})

describe('stageCode', () => {
  it('is the staging system’s own name of the stage, and none for a healthy hip', () => {
    for (const system of STAGE_SYSTEMS) {
      expect(stageCode(0, system)).toBeNull()
      for (const s of MIDS) expect(stageCode(s, system)).toBe(stageDisplayName(s, system))
    }
    expect(stageCode(3.5, 'arco')).toBe('ARCO IV')
    expect(stageCode(2.75, 'arco')).toBe('ARCO IIIB')
    expect(stageCode(1.5, 'ficat')).toBe('Ficat–Arlet IIA')
    expect(stageBand(2.75).id).toBe('IIIB')
  })
})
