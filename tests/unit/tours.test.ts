/**
 * The guided tours as data (issue 14): every scene is a view the link itself accepts unchanged,
 * names treatment steps that exist, cites sources the reference list has, and "Your treatment
 * options" shows every treatment of the domain at a stage where its indication data says it is
 * usually considered. The light catalogue the first download carries matches the data.
 */
import { TOUR_TITLES } from '../../src/domain/tours/tourTitles.ts'
import { stepIdsOf } from '../../src/domain/treatment/stepIds.ts'
import { describe, expect, it } from 'vitest'
import { PROCEDURE_IDS, PROCEDURES } from '../../src/domain/procedures.ts'
import { hasVariant, stepCountOf } from '../../src/domain/procedureStepCounts.ts'
import { indicationVerdict } from '../../src/domain/treatment/indication.ts'
import { isSourceKey, SOURCES } from '../../src/domain/sources.ts'
import { EVIDENCE_TAGS } from '../../src/domain/evidence.ts'
import { sanitizePatch } from '../../src/domain/urlState.ts'
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/domain/viewState.ts'
import { TOUR_CATALOGUE, TOUR_IDS } from '../../src/domain/tours/tourCatalogue.ts'
import { neighbourScene, sceneCaption, sceneState, TOURS } from '../../src/domain/tours/tours.ts'
import { READER_FIELDS, type TourScene } from '../../src/domain/tours/types.ts'
import { STAGE_BANDS } from '../../src/domain/staging/index.ts'

const everyScene = TOUR_IDS.flatMap((tour) => TOURS[tour].scenes.map((scene, i) => ({ tour, i, scene, at: `${tour} scene ${i + 1} (${scene.id})` })))
const stepCount = (procedure: NonNullable<ViewState['procedure']>, variant: string | null) => stepCountOf(procedure, variant)

/** Why a scene is not a valid view: what the link's validation ignored or changed. */
export function sceneProblems(scene: TourScene): string[] {
  const { patch, ignored } = sanitizePatch(scene.view, { stepCount })
  const problems = [...ignored]
  for (const [key, value] of Object.entries(scene.view)) {
    if (JSON.stringify((patch as Record<string, unknown>)[key]) !== JSON.stringify(value)) problems.push(`${key} read as ${JSON.stringify((patch as Record<string, unknown>)[key])}`)
  }
  for (const key of READER_FIELDS) if (key in scene.view) problems.push(`${key} is the reader's choice`)
  if (scene.view.step !== undefined && !scene.view.procedure) problems.push('a step without a procedure')
  return problems
}

describe('the tours as data', () => {
  it('the catalogue (links, keys, menu) names every tour with its scene count', () => {
    expect(Object.keys(TOURS).sort()).toEqual([...TOUR_IDS].sort())
    for (const id of TOUR_IDS) {
      expect(TOURS[id].id).toBe(id)
      expect(TOUR_CATALOGUE[id].sceneCount, id).toBe(TOURS[id].scenes.length)
      expect(TOURS[id].scenes.length, id).toBeGreaterThanOrEqual(3)
      expect(new Set(TOURS[id].scenes.map((s) => s.id)).size, `${id}: scene ids unique`).toBe(TOURS[id].scenes.length)
    }
  })

  it('every scene is a view the link accepts as it stands (the same validation as a link)', () => {
    for (const { scene, at } of everyScene) expect(sceneProblems(scene), at).toEqual([])
  })

  it('names no ARCO stage 0 anywhere (ARCO 2019 has none, clinical reference §4.1)', () => {
    const text = JSON.stringify([TOURS, TOUR_TITLES])
    expect(text).not.toMatch(/ARCO 0\b/)
  })

  it('the validation catches a bad scene (so the test above can fail)', () => {
    const good = TOURS['blood-supply'].scenes[0]!
    expect(sceneProblems({ ...good, view: { ...good.view, stage: 7 } })).not.toEqual([])
    expect(sceneProblems({ ...good, view: { ...good.view, selected: 'spleen' as never } })).not.toEqual([])
    // One past the last step.
    expect(sceneProblems({ ...good, view: { procedure: 'total-hip-replacement', step: stepIdsOf('total-hip-replacement', null).length } })).not.toEqual([])
    expect(sceneProblems({ ...good, view: { procedure: 'bone-grafting', variant: 'trapdoor' } })).not.toEqual([])
    expect(sceneProblems({ ...good, view: { ...good.view, mode: 'clinician' } as never })).not.toEqual([])
  })

  it('every treatment step named exists in its procedure (and variant)', () => {
    for (const { scene, at } of everyScene) {
      const { procedure, variant = null, step = 0 } = scene.view
      if (!procedure) continue
      expect(PROCEDURE_IDS, at).toContain(procedure)
      if (variant !== null) expect(hasVariant(procedure, variant), at).toBe(true)
      expect(Number.isInteger(step) && step >= 0 && step < stepCountOf(procedure, variant), `${at}: step ${step}`).toBe(true)
    }
  })

  it('every caption cites at least one source the reference list has, with an evidence tag', () => {
    for (const { scene, at } of everyScene) {
      expect(scene.citation.sources.length, at).toBeGreaterThan(0)
      for (const key of scene.citation.sources) expect(isSourceKey(key), `${at}: ${key}`).toBe(true)
      // A fact in a caption stands on a paper, never on a web page alone (as in the disease data).
      expect(scene.citation.sources.some((key) => SOURCES[key].kind === 'primary'), `${at}: a primary source`).toBe(true)
      expect(EVIDENCE_TAGS, at).toContain(scene.citation.evidence)
      for (const words of [scene.title, scene.caption]) {
        expect(words.patient.trim(), at).not.toBe('')
        expect(words.clinical.trim(), at).not.toBe('')
      }
      expect(scene.seconds, at).toBeGreaterThanOrEqual(5)
      expect(scene.seconds, at).toBeLessThanOrEqual(20)
    }
  })

  it('"Your treatment options" shows every procedure at a stage where it is usually considered', () => {
    const scenes = TOURS['treatment-options'].scenes
    const shown = scenes.flatMap((s) => (s.view.procedure ? [s.view.procedure] : []))
    expect([...new Set(shown)].sort()).toEqual([...PROCEDURE_IDS].sort())
    for (const s of scenes) {
      if (!s.view.procedure) continue
      const stage = s.view.stage ?? DEFAULT_VIEW_STATE.stage
      const { from, to } = PROCEDURES[s.view.procedure].indication.value
      expect(indicationVerdict(s.view.procedure, stage, 'patient').considered, `${s.id} at stage ${stage}, indication (${from}, ${to}]`).toBe(true)
    }
  })

  it('"From a healthy hip to collapse" walks the stages 0, I, II, IIIA, IIIB, IV, with the Images panel at I', () => {
    const scenes = TOURS['healthy-to-collapse'].scenes
    const bandAt = (s: number) => (s === 0 ? 'none' : STAGE_BANDS.find((b) => s > b.from && s <= b.to)?.arco)
    expect([...new Set(scenes.map((s) => bandAt(s.view.stage ?? 0)))]).toEqual(['none', 'I', 'II', 'IIIA', 'IIIB', 'IV'])
    expect(scenes.filter((s) => s.view.images).map((s) => bandAt(s.view.stage ?? 0))).toEqual(['I'])
  })

  it('"How the hip gets its blood" shows the deep MFCA, the retinacular arteries and the ligamentum teres artery', () => {
    const selected = TOURS['blood-supply'].scenes.map((s) => s.view.selected)
    for (const vessel of ['mfcaDeepBranch', 'posterosuperiorRetinacularArteries', 'ligamentumTeresArtery'] as const) expect(selected).toContain(vessel)
  })
})

describe('walking through a tour (pure rules)', () => {
  it('next and previous stop at either end', () => {
    expect(neighbourScene('healthy-to-collapse', 0, -1)).toBeNull()
    expect(neighbourScene('healthy-to-collapse', 0, 1)).toBe(1)
    expect(neighbourScene('healthy-to-collapse', 6, 1)).toBeNull()
    expect(neighbourScene('healthy-to-collapse', 6, -1)).toBe(5)
  })

  it('a scene looks the same whatever came before it, and keeps the reader\'s own choices', () => {
    const reader: ViewState = { ...DEFAULT_VIEW_STATE, mode: 'clinician', side: 'left', stageSystem: 'ficat', present: true, stage: 3.3, labels: true, hidden: [] }
    const fromReader = sceneState('healthy-to-collapse', 3, reader)
    const fromDefault = sceneState('healthy-to-collapse', 3, DEFAULT_VIEW_STATE)
    expect(fromReader).toMatchObject({ mode: 'clinician', side: 'left', stageSystem: 'ficat', present: true, tour: 'healthy-to-collapse', scene: 3, stage: 2, labels: false })
    expect({ ...fromReader, mode: 'patient', side: 'right', stageSystem: 'arco', present: false }).toEqual(fromDefault)
  })

  it('a treatment step without a named view is seen from the step\'s own view', () => {
    const thr = TOURS['treatment-options'].scenes.findIndex((s) => s.view.procedure === 'total-hip-replacement')
    const state = sceneState('treatment-options', thr, DEFAULT_VIEW_STATE)
    expect(state.procedure).toBe('total-hip-replacement')
    expect(state.view).not.toBeNull()
  })

  it('the caption follows the mode and says where the reader is', () => {
    expect(sceneCaption('blood-supply', 2, 'patient')).toEqual({
      title: 'How the hip gets its blood · 3 / 8: Round the back of the hip',
      body: TOURS['blood-supply'].scenes[2]!.caption.patient,
    })
    expect(sceneCaption('blood-supply', 2, 'clinician')?.body).toBe(TOURS['blood-supply'].scenes[2]!.caption.clinical)
    expect(sceneCaption('blood-supply', 99, 'patient')).toBeNull()
  })
})
