import { describe, expect, it } from 'vitest'
import { EVIDENCE_TAGS } from '../../src/domain/evidence.ts'
import { isSourceKey } from '../../src/domain/sources.ts'
import {
  PARAMETER_TABLE,
  STAGE_PARAMETER_IDS,
  STAGE_POINTS,
  stageParameters,
  stageValue,
  VESSEL_BASELINE_FLOW,
} from '../../src/domain/staging/index.ts'
import { DEFAULT_LESION } from '../../src/domain/lesion/index.ts'

describe('staging table', () => {
  it('has strictly increasing stage points from 0 to 4', () => {
    expect(STAGE_POINTS[0]).toBe(0)
    expect(STAGE_POINTS[STAGE_POINTS.length - 1]).toBe(4)
    for (let i = 1; i < STAGE_POINTS.length; i++) expect(STAGE_POINTS[i]!).toBeGreaterThan(STAGE_POINTS[i - 1]!)
  })

  describe.each(STAGE_PARAMETER_IDS)('%s', (id) => {
    const track = PARAMETER_TABLE[id]

    it('has one cited value per stage point, inside its bounds', () => {
      expect(track.values).toHaveLength(STAGE_POINTS.length)
      expect(track.min).toBeLessThan(track.max)
      for (const c of track.values) {
        expect(Number.isFinite(c.value)).toBe(true)
        expect(c.value).toBeGreaterThanOrEqual(track.min)
        expect(c.value).toBeLessThanOrEqual(track.max)
        expect(EVIDENCE_TAGS).toContain(c.evidence)
        expect(c.sources.length).toBeGreaterThan(0)
        for (const key of c.sources) expect(isSourceKey(key), key).toBe(true)
        if (c.evidence === 'Inf') expect(c.note, `${id}: [Inf] needs a reason`).toBeTruthy()
      }
    })

    it('table values move only in the declared direction', () => {
      if (track.monotone === null) return
      const sign = track.monotone === 'rising' ? 1 : -1
      for (let i = 1; i < track.values.length; i++) {
        expect(sign * (track.values[i]!.value - track.values[i - 1]!.value)).toBeGreaterThanOrEqual(0)
      }
    })

    it('stageParameters and stageValue equal the table at every stage point', () => {
      STAGE_POINTS.forEach((s, i) => {
        const expected = track.values[i]!.value
        expect(stageParameters(s, DEFAULT_LESION)[id]).toBeCloseTo(expected, 12)
        expect(stageValue(id, s)).toBeCloseTo(expected, 12)
      })
    })
  })

  it('keeps the reference values (§4.3) for the key tracks', () => {
    const col = (id: (typeof STAGE_PARAMETER_IDS)[number]) => PARAMETER_TABLE[id].values.map((c) => c.value)
    expect(col('perfusionPosterosuperior')).toEqual([100, 30, 10, 0, 0, 0, 0, 0])
    expect(col('lesionDemarcation')).toEqual([0, 0.5, 1, 1, 1, 1, 1, 1])
    // Corrected 2026-12-02 (reference §3): the band comes first; oedema arrives with pain and the
    // subchondral fracture (pericollapse) and fades later.
    expect(col('marrowOedema')).toEqual([0, 0, 0, 0.2, 0.9, 0.6, 0.35, 0.2])
    expect(col('headTerritoryPerfusion')).toEqual([100, 30, 10, 0, 0, 0, 0, 0])
    expect(col('acetabularSclerosis')).toEqual([0, 0, 0, 0, 0, 0.15, 0.6, 1])
    expect(col('crescentExtent')).toEqual([0, 0, 0, 0, 1, 1, 1, 1])
    expect(col('collapseDepthMm')).toEqual([0, 0, 0, 0, 2, 4, 5, 6])
    expect(col('cartilageOverLesion')).toEqual([1, 1, 1, 1, 1, 0.7, 0.3, 0.1])
    expect(col('cartilageElsewhere')).toEqual([1, 1, 1, 1, 1, 0.95, 0.7, 0.5])
    expect(col('jointSpaceMm')).toEqual([4.2, 4.2, 4.2, 4.2, 4.4, 3.6, 2.2, 0.8])
    expect(col('osteophytes')).toEqual([0, 0, 0, 0, 0, 0, 0.5, 1])
  })

  it('secondary vessels stay perfused at every stage (§3)', () => {
    for (let s = 0; s <= 4; s += 0.05) {
      expect(stageValue('perfusionInferiorRetinacular', s)).toBe(100)
      expect(stageValue('perfusionLfcaAnterior', s)).toBe(100)
      expect(stageValue('perfusionMfcaTrunk', s)).toBe(100)
      expect(stageValue('perfusionLigamentumTeres', s)).toBe(100)
    }
  })

  it('gives every perfusion track a baseline, and draws the ligamentum teres artery as trace flow', () => {
    const perfusion = STAGE_PARAMETER_IDS.filter((id) => id.startsWith('perfusion'))
    expect(Object.keys(VESSEL_BASELINE_FLOW).sort()).toEqual([...perfusion].sort())
    expect(VESSEL_BASELINE_FLOW.perfusionLigamentumTeres.value).toBe('trace')
    expect(VESSEL_BASELINE_FLOW.perfusionPosterosuperior.value).toBe('main')
  })

  it('marks 2 mm as sourced [S] and the values beyond 4 mm as design choices', () => {
    const collapse = PARAMETER_TABLE.collapseDepthMm.values
    expect(collapse[4]!.evidence).toBe('S')
    expect(collapse[6]!.evidence).toBe('Inf')
    expect(collapse[7]!.evidence).toBe('Inf')
  })

  it('lesion size does not change with stage', () => {
    const early = stageParameters(0.6, DEFAULT_LESION).lesion
    const late = stageParameters(3.9, DEFAULT_LESION).lesion
    expect(late).toEqual(early)
    expect(STAGE_PARAMETER_IDS.some((id) => /size|fraction/i.test(id))).toBe(false)
  })
})
