import { describe, expect, it } from 'vitest'
import { STAGE_SYSTEMS } from '../../src/domain/viewState.ts'
import { stageLabel, stageSpans } from '../../src/domain/staging/index.ts'

describe('stage spans: one stretch per stage name, with the point that stands for it', () => {
  it('ARCO: IV is one stretch over both end-stage bands; each representative is the middle', () => {
    expect(stageSpans('arco').map((s) => [s.label, s.from, s.to, s.representative])).toEqual([
      ['none', 0, 0.5, 0.25],
      ['I', 0.5, 1, 0.75],
      ['II', 1, 2, 1.5],
      ['IIIA', 2, 2.5, 2.25],
      ['IIIB', 2.5, 3, 2.75],
      ['IV', 3, 4, 3.5],
    ])
  })

  it('Ficat–Arlet: IIB is the first half of the IIIA band, III runs on through IIIB', () => {
    expect(stageSpans('ficat').map((s) => [s.label, s.from, s.to, s.representative])).toEqual([
      ['0', 0, 0.5, 0.25],
      ['I', 0.5, 1, 0.75],
      ['IIA', 1, 2, 1.5],
      ['IIB', 2, 2.25, 2.13],
      ['III', 2.25, 3, 2.63],
      ['IV', 3, 4, 3.5],
    ])
  })

  it.each(STAGE_SYSTEMS)('%s: spans tile 0–4, and each representative is named by its own stage, away from both ends', (system) => {
    const spans = stageSpans(system)
    expect(spans[0]!.from).toBe(0)
    expect(spans[spans.length - 1]!.to).toBe(4)
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.from).toBe(spans[i - 1]!.to)
    for (const span of spans) {
      expect(stageLabel(span.representative, system)).toBe(span.label)
      expect(span.representative).toBeGreaterThan(span.from)
      expect(span.representative).toBeLessThan(span.to)
      // On the link's 0.01 grid, so a tap writes the same value a link reads back.
      expect(Math.round(span.representative * 100) / 100).toBe(span.representative)
    }
  })
})
