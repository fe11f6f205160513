import { describe, expect, it } from 'vitest'
import { EVIDENCE_TAGS } from '../../src/domain/evidence.ts'
import { CONTENT_LAST_REVIEWED, SOURCES, isSourceKey } from '../../src/domain/sources.ts'
import { PROCEDURES } from '../../src/domain/procedures.ts'
import { DISCLAIMER_SOURCES } from '../../src/domain/disclaimer.ts'
import {
  HEALTHY_CAPTION,
  PARAMETER_TABLE,
  PATIENT_CAPTIONS,
  STAGE_BANDS,
  STAGE_FINDINGS,
  VESSEL_BASELINE_FLOW,
  stageCaption,
} from '../../src/domain/staging/index.ts'
import { HEAD_MIGRATION_DIRECTION } from '../../src/domain/staging/migration.ts'
import * as lesion from '../../src/domain/lesion/index.ts'
import { CAUSES, LESION_SIZES, LESION_TYPES, MODES, STAGE_SYSTEMS } from '../../src/domain/viewState.ts'

interface Found {
  path: string
  sources: readonly string[]
  evidence?: unknown
  note?: unknown
}

/** Every object carrying a `sources` array, anywhere inside `value`. */
function collect(value: unknown, path: string, out: Found[]): Found[] {
  if (Array.isArray(value)) value.forEach((v, i) => collect(v, `${path}[${i}]`, out))
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>
    if (Array.isArray(o.sources)) out.push({ path, sources: o.sources as string[], evidence: o.evidence, note: o.note })
    for (const [k, v] of Object.entries(o)) collect(v, `${path}.${k}`, out)
  }
  return out
}

const lesionData = {
  sizes: lesion.LESION_SIZE_CLASSES,
  types: lesion.JIC_TYPES,
  constants: [
    lesion.LESION_SHAPES,
    lesion.C2_OVERHANG_DEG,
    lesion.FOVEA_CLEARANCE_DEG,
    lesion.KERBOUL_RADIOGRAPHIC,
    lesion.MODIFIED_KERBOUL_COLLAPSE,
    lesion.CRESCENT_ORIGIN,
    lesion.CRESCENT_DEPTH_MM,
    HEAD_MIGRATION_DIRECTION,
  ],
  risk: lesion.collapseRiskCitations(),
}
const captions = STAGE_SYSTEMS.flatMap((system) =>
  MODES.flatMap((mode) =>
    LESION_SIZES.flatMap((size) =>
      LESION_TYPES.flatMap((type) =>
        CAUSES.flatMap((cause) => [0, 0.25, 0.75, 1.5, 2.1, 2.4, 2.75, 3.25, 3.75].map((s) => stageCaption(s, mode, system, { lesion: { size, type }, cause }))),
      ),
    ),
  ),
)

const ALL: Found[] = [
  ...collect(PARAMETER_TABLE, 'PARAMETER_TABLE', []),
  ...collect(STAGE_BANDS, 'STAGE_BANDS', []),
  ...collect(STAGE_FINDINGS, 'STAGE_FINDINGS', []),
  ...collect(VESSEL_BASELINE_FLOW, 'VESSEL_BASELINE_FLOW', []),
  ...collect({ HEALTHY_CAPTION, PATIENT_CAPTIONS }, 'captions', []),
  ...collect(captions, 'stageCaption', []),
  ...collect(lesionData, 'lesion', []),
  ...collect(PROCEDURES, 'PROCEDURES', []),
  { path: 'DISCLAIMER_SOURCES', sources: DISCLAIMER_SOURCES },
]

describe('sources', () => {
  it('finds the citations it is meant to check', () => {
    // Guards the walker itself: if it silently found nothing, the checks below would pass.
    expect(ALL.length).toBeGreaterThan(250)
  })

  it('resolves every citation key used anywhere in the domain data', () => {
    const missing = ALL.flatMap((f) => f.sources.filter((k) => !isSourceKey(k)).map((k) => `${f.path}: ${k}`))
    expect(missing).toEqual([])
    for (const f of ALL) expect(f.sources.length, f.path).toBeGreaterThan(0)
  })

  it('tags every cited value with a known evidence tag, and gives every [Inf] a reason', () => {
    for (const f of ALL.filter((x) => x.evidence !== undefined)) {
      expect(EVIDENCE_TAGS, f.path).toContain(f.evidence)
      if (f.evidence === 'Inf') expect(typeof f.note === 'string' && f.note.length > 5, `${f.path} needs a reason`).toBe(true)
    }
  })

  it('lists no reference that nothing cites, so the About panel shows only what is used', () => {
    const used = new Set(ALL.flatMap((f) => f.sources))
    const unused = Object.keys(SOURCES).filter((k) => !used.has(k))
    expect(unused).toEqual([])
  })

  it('has a citation and, where given, a web link for every entry', () => {
    for (const [key, s] of Object.entries(SOURCES)) {
      expect(s.citation.length, key).toBeGreaterThan(10)
      if ('link' in s) expect(s.link, key).toMatch(/^https?:\/\/\S+$/)
    }
  })

  it('states when the content was last reviewed', () => {
    expect(CONTENT_LAST_REVIEWED).toBe('2026-12-02')
  })
})
