import { describe, expect, it } from 'vitest'
import { isSourceKey } from '../../src/domain/sources.ts'
import { STAGE_BANDS, stageCaption, stageLabel } from '../../src/domain/staging/index.ts'
import { DEFAULT_LESION, collapseRiskText, courseNote } from '../../src/domain/lesion/index.ts'
import { MODES, STAGE_SYSTEMS } from '../../src/domain/viewState.ts'

/** A stage inside each band (the middle), plus 0 for the healthy hip. */
const MIDS = STAGE_BANDS.map((b) => (b.from + b.to) / 2)
const STAGES = [0, ...MIDS]

describe('stage captions', () => {
  it('speaks of the collapse risk before collapse, of why it collapsed at IIIA–IIIB, and not at all at end stage', () => {
    const at = (s: number, mode: 'patient' | 'clinician') => stageCaption(s, mode, 'arco', { lesion: DEFAULT_LESION }).body
    expect(at(2, 'patient')).toMatch(/more likely to weaken the surface/)
    expect(at(3, 'patient')).toMatch(/as this one has/)
    expect(at(3, 'clinician')).toMatch(/Before collapse, the risk for this lesion was/)
    for (const s of [3.5, 4]) {
      expect(at(s, 'patient')).not.toMatch(/collapse/i)
      expect(at(s, 'clinician')).not.toMatch(/risk for this lesion|Collapse risk/)
    }
  })

  it.each(MODES)('%s: every stage has a title, body and announcement, and sources that resolve', (mode) => {
    for (const s of STAGES) {
      const c = stageCaption(s, mode, 'arco', { lesion: DEFAULT_LESION })
      expect(c.title.length).toBeGreaterThan(3)
      expect(c.body.length).toBeGreaterThan(20)
      expect(c.announcement.length).toBeGreaterThan(3)
      expect(c.announcement.length).toBeLessThanOrEqual(120)
      expect(c.sources.length).toBeGreaterThan(0)
      for (const k of c.sources) expect(isSourceKey(k), k).toBe(true)
    }
  })

  it.each(MODES)('%s: titles, bodies and announcements differ from stage to stage', (mode) => {
    const caps = STAGES.map((s) => stageCaption(s, mode, 'arco', { lesion: DEFAULT_LESION }))
    for (const key of ['title', 'body', 'announcement'] as const) {
      expect(new Set(caps.map((c) => c[key])).size, key).toBe(STAGES.length)
    }
  })

  it('differ between patient and clinician mode at every stage', () => {
    for (const s of STAGES) {
      const p = stageCaption(s, 'patient', 'arco', { lesion: DEFAULT_LESION })
      const c = stageCaption(s, 'clinician', 'arco', { lesion: DEFAULT_LESION })
      expect(p.title).not.toBe(c.title)
      expect(p.body).not.toBe(c.body)
    }
  })

  it('name the stage in the chosen system in clinician mode', () => {
    for (const s of MIDS.slice(1)) {
      for (const system of STAGE_SYSTEMS) {
        const c = stageCaption(s, 'clinician', system, { lesion: DEFAULT_LESION })
        const prefix = system === 'arco' ? 'ARCO' : 'Ficat–Arlet'
        expect(c.title).toContain(`${prefix} ${stageLabel(s, system)}`)
      }
    }
    const clinical = stageCaption(2.4, 'clinician', 'arco', { lesion: DEFAULT_LESION }).body
    for (const heading of ['X-ray:', 'MRI:', 'Symptoms:', 'Usual treatment options:']) expect(clinical).toContain(heading)
  })

  it('keep patient captions plain, hedged and free of promises', () => {
    for (const s of STAGES) {
      const { title, body } = stageCaption(s, 'patient', 'arco', { lesion: DEFAULT_LESION })
      const text = `${title} ${body}`
      expect(text).not.toMatch(/\b(ARCO|Ficat|JIC|subchondral|necrosis|MFCA|LFCA)\b/)
      expect(text).not.toMatch(/\b(will|guarantee[sd]?|cure[sd]?|always|definitely)\b/i)
      if (s > 0) expect(text, `hedge at ${s}`).toMatch(/\b(typically|often|usually|may|can|some|common)\b/i)
    }
  })

  it('say what the lesion means for collapse at every stage of the disease, and that small or medial lesions rarely collapse while collapse is shown', () => {
    const small = { size: 'small', type: 'A' } as const
    const large = { size: 'large', type: 'C2' } as const
    for (const mode of MODES) {
      // Before collapse: the risk ahead, for this lesion.
      for (const s of [0.75, 1.5]) {
        expect(stageCaption(s, mode, 'arco', { lesion: small }).body).toContain(collapseRiskText(small, mode))
        expect(stageCaption(s, mode, 'arco', { lesion: large }).body).toContain(collapseRiskText(large, mode))
      }
      // After it the caption still depends on the lesion, but no longer says it "may collapse".
      for (const s of [2.75, 3.75]) {
        expect(stageCaption(s, mode, 'arco', { lesion: small }).body).not.toBe(stageCaption(s, mode, 'arco', { lesion: large }).body)
        expect(stageCaption(s, mode, 'arco', { lesion: large }).body).not.toMatch(/likely to weaken the surface above it and collapse over time/)
      }
      for (const s of [0, 0.25]) {
        expect(stageCaption(s, mode, 'arco', { lesion: small }).body).toBe(stageCaption(s, mode, 'arco', { lesion: large }).body)
      }
      // While the picture shows collapse, it says so plainly for a lesion that rarely gets there...
      for (const s of [2.4, 2.75, 3.25, 3.75]) {
        expect(stageCaption(s, mode, 'arco', { lesion: small }).body).toContain(courseNote(small, mode)!.text)
        expect(stageCaption(s, mode, 'arco', { lesion: large }).body).not.toContain(courseNote(small, mode)!.text)
      }
      // ...and not before collapse.
      expect(stageCaption(1.5, mode, 'arco', { lesion: small }).body).not.toContain(courseNote(small, mode)!.text)
    }
    expect(courseNote(large, 'patient')).toBeNull()
    expect(collapseRiskText(large, 'clinician')).toContain('57.8%')
    // C2 collapses because the loaded surface at the rim has no living lateral pillar, not because the overhang is loaded.
    expect(collapseRiskText(large, 'clinician')).toMatch(/unloaded/)
    expect(collapseRiskText(large, 'patient')).not.toMatch(/load is highest/)
  })

  it('name the route to the disease: the common non-traumatic one (causes, the other hip) or an injury', () => {
    const lesion = { size: 'large', type: 'C1' } as const
    const common = stageCaption(0.25, 'patient', 'arco', { lesion, cause: 'nontraumatic' })
    expect(common.body).toMatch(/steroid/)
    expect(common.body).toMatch(/other hip/)
    expect(common.body).toMatch(/arteries outside the bone stay open/)
    const injury = stageCaption(0.25, 'patient', 'arco', { lesion, cause: 'traumatic' })
    expect(injury.body).toMatch(/tear/)
    expect(injury.body).not.toMatch(/steroid/)
    expect(stageCaption(0.75, 'clinician', 'arco', { lesion, cause: 'nontraumatic' }).body).toMatch(/extraosseous arteries stay patent/)
    expect(stageCaption(0.75, 'clinician', 'arco', { lesion, cause: 'traumatic' }).body).toMatch(/retinacular/)
    // The healthy hip does not tell patients the vessels at the back of the neck are what fails.
    expect(stageCaption(0, 'patient', 'arco', { lesion }).body).not.toMatch(/when that supply fails/)
  })

  it('keep Steinberg’s stage and extent grade apart', () => {
    const large = { size: 'large', type: 'C1' } as const
    const small = { size: 'small', type: 'C1' } as const
    expect(stageCaption(1.5, 'clinician', 'arco', { lesion: large }).body).toContain('Steinberg II-C')
    expect(stageCaption(1.5, 'clinician', 'arco', { lesion: small }).body).toContain('Steinberg II-A')
    // Flattening under 2 mm: grade A only for a small lesion; a large one is C by its extent.
    expect(stageCaption(2.4, 'clinician', 'arco', { lesion: small }).body).toContain('Steinberg IV-A')
    expect(stageCaption(2.4, 'clinician', 'arco', { lesion: large }).body).toContain('Steinberg IV-C')
    for (const s of [0.75, 1.5, 2.1, 2.4, 2.75, 3.25, 3.75]) expect(stageCaption(s, 'clinician', 'arco', { lesion: large }).body).not.toMatch(/III–IV-A/)
  })

  it('stay the same within a band, so screen readers hear a change only when the stage changes', () => {
    for (const b of STAGE_BANDS) {
      const a = stageCaption(b.from + 0.01 * (b.to - b.from), 'patient', 'arco', { lesion: DEFAULT_LESION })
      const z = stageCaption(b.to, 'patient', 'arco', { lesion: DEFAULT_LESION })
      expect(z.announcement).toBe(a.announcement)
    }
  })
})
