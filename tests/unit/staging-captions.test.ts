import { describe, expect, it } from 'vitest'
import { isSourceKey } from '../../src/domain/sources.ts'
import { STAGE_BANDS, stageCaption, stageLabel } from '../../src/domain/staging/index.ts'
import { DEFAULT_LESION, collapseRiskText } from '../../src/domain/lesion/index.ts'
import { MODES, STAGE_SYSTEMS } from '../../src/domain/viewState.ts'

/** A stage inside each band (the middle), plus 0 for the healthy hip. */
const MIDS = STAGE_BANDS.map((b) => (b.from + b.to) / 2)
const STAGES = [0, ...MIDS]

describe('stage captions', () => {
  it.each(MODES)('%s: every stage has a title, body and announcement, and sources that resolve', (mode) => {
    for (const s of STAGES) {
      const c = stageCaption(s, mode, 'arco', DEFAULT_LESION)
      expect(c.title.length).toBeGreaterThan(3)
      expect(c.body.length).toBeGreaterThan(20)
      expect(c.announcement.length).toBeGreaterThan(3)
      expect(c.announcement.length).toBeLessThanOrEqual(120)
      expect(c.sources.length).toBeGreaterThan(0)
      for (const k of c.sources) expect(isSourceKey(k), k).toBe(true)
    }
  })

  it.each(MODES)('%s: titles, bodies and announcements differ from stage to stage', (mode) => {
    const caps = STAGES.map((s) => stageCaption(s, mode, 'arco', DEFAULT_LESION))
    for (const key of ['title', 'body', 'announcement'] as const) {
      expect(new Set(caps.map((c) => c[key])).size, key).toBe(STAGES.length)
    }
  })

  it('differ between patient and clinician mode at every stage', () => {
    for (const s of STAGES) {
      const p = stageCaption(s, 'patient', 'arco', DEFAULT_LESION)
      const c = stageCaption(s, 'clinician', 'arco', DEFAULT_LESION)
      expect(p.title).not.toBe(c.title)
      expect(p.body).not.toBe(c.body)
    }
  })

  it('name the stage in the chosen system in clinician mode', () => {
    for (const s of MIDS.slice(1)) {
      for (const system of STAGE_SYSTEMS) {
        const c = stageCaption(s, 'clinician', system, DEFAULT_LESION)
        const prefix = system === 'arco' ? 'ARCO' : 'Ficat–Arlet'
        expect(c.title).toContain(`${prefix} ${stageLabel(s, system)}`)
      }
    }
    const clinical = stageCaption(2.4, 'clinician', 'arco', DEFAULT_LESION).body
    for (const heading of ['X-ray:', 'MRI:', 'Symptoms:', 'Usual treatment options:']) expect(clinical).toContain(heading)
  })

  it('keep patient captions plain, hedged and free of promises', () => {
    for (const s of STAGES) {
      const { title, body } = stageCaption(s, 'patient', 'arco', DEFAULT_LESION)
      const text = `${title} ${body}`
      expect(text).not.toMatch(/\b(ARCO|Ficat|JIC|subchondral|necrosis|MFCA|LFCA)\b/)
      expect(text).not.toMatch(/\b(will|guarantee[sd]?|cure[sd]?|always|definitely)\b/i)
      if (s > 0) expect(text, `hedge at ${s}`).toMatch(/\b(typically|often|usually|may|can|some|common)\b/i)
    }
  })

  it('say what the lesion means for collapse while the head is still round, and only then', () => {
    const small = { size: 'small', type: 'A' } as const
    const large = { size: 'large', type: 'C2' } as const
    for (const mode of MODES) {
      for (const s of [0.75, 1.5]) {
        expect(stageCaption(s, mode, 'arco', small).body).toContain(collapseRiskText(small, mode))
        expect(stageCaption(s, mode, 'arco', small).body).not.toBe(stageCaption(s, mode, 'arco', large).body)
      }
      for (const s of [0, 0.25, 2.75, 3.75]) {
        expect(stageCaption(s, mode, 'arco', small).body).toBe(stageCaption(s, mode, 'arco', large).body)
      }
    }
    expect(collapseRiskText(large, 'clinician')).toContain('57.8%')
  })

  it('stay the same within a band, so screen readers hear a change only when the stage changes', () => {
    for (const b of STAGE_BANDS) {
      const a = stageCaption(b.from + 0.01 * (b.to - b.from), 'patient', 'arco', DEFAULT_LESION)
      const z = stageCaption(b.to, 'patient', 'arco', DEFAULT_LESION)
      expect(z.announcement).toBe(a.announcement)
    }
  })
})
