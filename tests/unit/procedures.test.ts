import { describe, expect, it } from 'vitest'
import {
  PROCEDURES,
  PROCEDURE_IDS,
  isProcedureId,
  procedureSteps,
  proceduresForStage,
  treatmentTitle,
  type Measure,
} from '../../src/domain/procedures.ts'
import { STAGE_BANDS, STAGE_FINDINGS } from '../../src/domain/staging/index.ts'
import type { Cited } from '../../src/domain/evidence.ts'

const sizesOf = (id: (typeof PROCEDURE_IDS)[number]): Cited<Measure>[] => procedureSteps(id).flatMap((s) => [...s.sizes])
const find = (id: (typeof PROCEDURE_IDS)[number], what: RegExp): Cited<Measure> => {
  const m = sizesOf(id).find((c) => what.test(c.value.what))
  if (!m) throw new Error(`no size matching ${what} in ${id}`)
  return m
}

describe('procedures', () => {
  it('keeps the ids and the guard', () => {
    expect(PROCEDURE_IDS).toEqual(['core-decompression', 'bone-grafting', 'vascularised-fibula', 'total-hip-replacement', 'hip-resurfacing'])
    expect(isProcedureId('hip-resurfacing')).toBe(true)
    expect(isProcedureId('osteotomy')).toBe(false)
    expect(Object.keys(PROCEDURES).sort()).toEqual([...PROCEDURE_IDS].sort())
  })

  it.each(PROCEDURE_IDS)('%s: named plainly and clinically, with distinct, kebab-case step ids', (id) => {
    const p = PROCEDURES[id]
    expect(p.plainName).not.toBe(p.clinicalName)
    expect(p.steps.length).toBeGreaterThanOrEqual(4)
    expect(procedureSteps(id)).toBe(p.steps)
    const ids = p.steps.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const sid of ids) expect(sid).toMatch(/^[a-z]+(-[a-z]+)*$/)
  })

  it('heads each sequence with its own name: the Phemister strut graft is not called the light-bulb technique (surgeon review)', () => {
    expect(treatmentTitle('bone-grafting', 'phemister', 'clinician')).toBe('Non-vascularised bone grafting (NVBG): Phemister strut graft')
    expect(treatmentTitle('bone-grafting', null, 'clinician')).toBe('Non-vascularised bone grafting (NVBG): light-bulb technique')
    expect(treatmentTitle('core-decompression', 'multiple-drilling', 'clinician')).toMatch(/^Core decompression .*: Multiple small drillings$/)
    expect(treatmentTitle('total-hip-replacement', null, 'clinician')).toBe('Total hip arthroplasty (THA)')
    expect(treatmentTitle('bone-grafting', 'phemister', 'patient')).toBe('Bone grafting')
  })

  it.each(PROCEDURE_IDS)('%s: every step has a title and a patient and a clinical caption that differ', (id) => {
    for (const s of procedureSteps(id)) {
      expect(s.title.length).toBeGreaterThan(3)
      expect(s.patient.length).toBeGreaterThan(15)
      expect(s.clinical.length).toBeGreaterThan(10)
      expect(s.patient).not.toBe(s.clinical)
      expect(s.patient).not.toMatch(/\b(will|guarantee[sd]?|cure[sd]?|always|definitely)\b/i)
    }
    const patientTexts = procedureSteps(id).map((s) => s.patient)
    expect(new Set(patientTexts).size).toBe(patientTexts.length)
  })

  it.each(PROCEDURE_IDS)('%s: sizes are positive, ranges ordered', (id) => {
    for (const { value: m } of sizesOf(id)) {
      const [lo, hi] = typeof m.value === 'number' ? [m.value, m.value] : m.value
      expect(lo).toBeGreaterThan(0)
      expect(hi).toBeGreaterThanOrEqual(lo)
      if (m.tolerance !== undefined) expect(m.tolerance).toBeLessThan(lo)
    }
  })

  it('quotes the sourced sizes of §6', () => {
    expect(find('core-decompression', /trephine/).value.value).toEqual([8, 10])
    expect(find('core-decompression', /pin/).value.value).toBe(3.2)
    const gap = find('core-decompression', /below the articular surface/)
    // No primary source gives the stop distance: 5 mm is the model's choice, not a sourced fact.
    expect(gap.value.value).toBe(5)
    expect(gap.evidence).toBe('Inf')
    expect(gap.sources).not.toContain('droracle-cd')
    expect(find('total-hip-replacement', /head diameter/).value.value).toEqual([32, 36])
    expect(find('total-hip-replacement', /inclination/).value).toMatchObject({ value: 40, tolerance: 10, unit: '°' })
    expect(find('total-hip-replacement', /anteversion/).value).toMatchObject({ value: 15, tolerance: 10, unit: '°' })
    expect(find('hip-resurfacing', /cup outer diameter/).value.value).toEqual([44, 66])
    expect(find('hip-resurfacing', /femoral component/).value.value).toEqual([42, 58])
  })

  it('uses the light-bulb sequence by default for bone grafting, with Phemister as a variant', () => {
    const g = PROCEDURES['bone-grafting']
    expect(g.steps.map((s) => s.id)).toEqual(['approach', 'window', 'curettage', 'pack-graft', 'close-window'])
    expect(g.variants.map((v) => v.id)).toContain('phemister')
    expect(g.defaultSequence?.value).toMatch(/light-bulb/i)
  })

  it('has indication ranges on the slider that match the reference', () => {
    for (const id of PROCEDURE_IDS) {
      const { from, to } = PROCEDURES[id].indication.value
      expect(from).toBeGreaterThanOrEqual(0)
      expect(to).toBeLessThanOrEqual(4)
      expect(from).toBeLessThan(to)
    }
    expect(PROCEDURES['core-decompression'].indication.value).toEqual({ from: 0.5, to: 2 }) // ARCO I–II
    expect(PROCEDURES['total-hip-replacement'].indication.value).toEqual({ from: 2.5, to: 4 }) // IIIB–IV
    expect(proceduresForStage(0.25)).toEqual([])
    expect(proceduresForStage(2.75)).not.toContain('core-decompression')
    expect(proceduresForStage(3.9)).toEqual(['total-hip-replacement'])
  })

  it('agrees with the treatment options listed for each stage band', () => {
    for (const band of STAGE_BANDS) {
      for (const s of [band.from + 1e-6, (band.from + band.to) / 2, band.to]) {
        expect([...proceduresForStage(s)].sort(), `${band.id} at ${s}`).toEqual([...STAGE_FINDINGS[band.id].procedures].sort())
      }
    }
  })
})
