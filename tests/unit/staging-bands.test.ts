import { describe, expect, it } from 'vitest'
import {
  STAGE_BANDS,
  STAGE_FINDINGS,
  STAGE_POINTS,
  isHealthy,
  stageBand,
  stageDisplayName,
  stageLabel,
  stageParameters,
  stageValue,
} from '../../src/domain/staging/index.ts'
import { DEFAULT_LESION } from '../../src/domain/lesion/index.ts'
import { isProcedureId } from '../../src/domain/procedures.ts'

describe('stage bands (§4.2 crosswalk)', () => {
  it('tile 0–4 without gaps, with edges on stage points', () => {
    expect(STAGE_BANDS[0]!.from).toBe(0)
    expect(STAGE_BANDS[STAGE_BANDS.length - 1]!.to).toBe(4)
    for (let i = 1; i < STAGE_BANDS.length; i++) expect(STAGE_BANDS[i]!.from).toBe(STAGE_BANDS[i - 1]!.to)
    for (const b of STAGE_BANDS) expect(STAGE_POINTS).toContain(b.to)
  })

  // Boundaries belong to the band below them: (from, to].
  it.each([
    [0, 'none', '0'],
    [0.25, 'none', '0'],
    [0.5, 'none', '0'],
    [0.51, 'I', 'I'],
    [1, 'I', 'I'],
    [1.01, 'II', 'IIA'],
    [2, 'II', 'IIA'],
    [2.01, 'IIIA', 'IIB'],
    [2.25, 'IIIA', 'IIB'],
    [2.26, 'IIIA', 'III'],
    [2.5, 'IIIA', 'III'],
    [2.51, 'IIIB', 'III'],
    [3, 'IIIB', 'III'],
    [3.01, 'IV', 'IV'],
    [3.5, 'IV', 'IV'],
    [4, 'IV', 'IV'],
    [-1, 'none', '0'],
    [9, 'IV', 'IV'],
  ] as const)('s = %s is ARCO %s and Ficat–Arlet %s', (s, arco, ficat) => {
    expect(stageLabel(s, 'arco')).toBe(arco)
    expect(stageLabel(s, 'ficat')).toBe(ficat)
  })

  it('names the bands for display', () => {
    expect(stageDisplayName(0.2, 'arco')).toBe('before ARCO stage I')
    expect(stageDisplayName(2.4, 'arco')).toBe('ARCO IIIA')
    expect(stageDisplayName(2.1, 'ficat')).toBe('Ficat–Arlet IIB')
    expect(stageBand(3.7).id).toBe('IV-late')
  })

  it('treats only s = 0 as a healthy hip', () => {
    expect(isHealthy(0)).toBe(true)
    expect(isHealthy(0.01)).toBe(false)
  })

  // The names must agree with the parameters the scene draws at the same stage.
  it('agrees with the parameter table at every sampled stage', () => {
    for (let i = 0; i <= 4000; i++) {
      const s = i / 1000
      const arco = stageLabel(s, 'arco')
      const collapse = stageValue('collapseDepthMm', s)
      const crescent = stageValue('crescentExtent', s)
      if (arco === 'none' || arco === 'I') {
        expect(stageValue('scleroticRim', s), `X-ray normal at ${s}`).toBe(0)
      }
      if (arco === 'II') expect(stageValue('scleroticRim', s), `sclerosis at ${s}`).toBeGreaterThan(0)
      if (arco === 'none' || arco === 'I' || arco === 'II') {
        expect(crescent, `no fracture at ${s}`).toBe(0)
        expect(collapse, `no flattening at ${s}`).toBe(0)
      }
      if (arco === 'IIIA') {
        expect(crescent, `fracture at ${s}`).toBeGreaterThan(0)
        expect(collapse).toBeLessThanOrEqual(2)
      }
      if (arco === 'IIIB') expect(collapse, `> 2 mm at ${s}`).toBeGreaterThan(2)
      if (arco === 'IV') {
        expect(stageValue('jointSpaceMm', s), `narrowing at ${s}`).toBeLessThan(4.2)
        expect(stageValue('cartilageElsewhere', s)).toBeLessThan(1)
      }
      if (stageLabel(s, 'ficat') === 'III') expect(collapse, `flattening at ${s}`).toBeGreaterThan(0)
    }
  })
})

describe('stage findings (§4.3)', () => {
  it('have X-ray, MRI, symptoms and treatment for every band, all different between bands', () => {
    for (const key of ['xray', 'symptoms', 'treatment'] as const) {
      const texts = STAGE_BANDS.map((b) => STAGE_FINDINGS[b.id][key].value)
      for (const t of texts) expect(t.length).toBeGreaterThan(5)
      expect(new Set(texts).size, key).toBe(texts.length)
    }
  })

  it('show cartilage damage that only worsens', () => {
    const order = ['intact', 'flap', 'fissured', 'worn-through']
    const ranks = STAGE_BANDS.map((b) => order.indexOf(STAGE_FINDINGS[b.id].cartilage.value))
    for (let i = 1; i < ranks.length; i++) expect(ranks[i]!).toBeGreaterThanOrEqual(ranks[i - 1]!)
    expect(stageParameters(4, DEFAULT_LESION).cartilageIntegrity).toBe('worn-through')
    expect(stageParameters(2.4, DEFAULT_LESION).cartilageIntegrity).toBe('intact')
  })

  it('link only to known procedures, and only to arthroplasty after collapse beyond 2 mm', () => {
    for (const b of STAGE_BANDS) for (const p of STAGE_FINDINGS[b.id].procedures) expect(isProcedureId(p)).toBe(true)
    expect(STAGE_FINDINGS.IIIB.procedures).not.toContain('core-decompression')
    expect(STAGE_FINDINGS['IV-late'].procedures).toEqual(['total-hip-replacement'])
  })
})
