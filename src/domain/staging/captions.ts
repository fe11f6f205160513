/**
 * The caption beside the view: plain words for patients, stage name and findings for
 * clinicians and students, and a short sentence for screen readers.
 *
 * Captions change per band, not continuously, so the live region announces a change
 * only when the stage name changes (or the mode, system, lesion or cause does).
 */
import { collapseRisk, collapsedRisk, courseNote, lesionAdvice, type LesionChoice } from '../lesion/index.ts'
import type { SourceKey } from '../sources.ts'
import type { Cause, Mode, StageSystem } from '../viewState.ts'
import { isHealthy, stageBand, stageDisplayName, stageLabel, type StageBandId } from './bands.ts'
import { BAND_KEY_EVENTS } from './bandEvents.ts'
import { IIIA_XRAY_PHASES, PRECLINICAL_AFTER_INJURY, STAGE_FINDINGS } from './findings.ts'
import { HEALTHY_CAPTION, PATIENT_CAPTIONS, PRECLINICAL_BY_CAUSE } from './patientCaptions.ts'
import { steinbergText } from './steinberg.ts'

export interface StageCaption {
  readonly title: string
  /** Paragraphs separated by '\n'. */
  readonly body: string
  /** One short sentence for an aria-live region. */
  readonly announcement: string
  /** Source keys behind the caption. */
  readonly sources: readonly SourceKey[]
}

/** What the caption is for: the stage, and the choices that change its words. */
export interface CaptionContext {
  readonly lesion: LesionChoice
  /** The route to the disease; the common non-traumatic one when not given. */
  readonly cause?: Cause
}

/** Where the IIIA band turns from the crescent to flattening (Ficat IIB → III; ./bands.ts). */
const IIIA_FLATTENING_FROM = 2.25

/** Bands where the picture shows collapse: the note for lesions that rarely get there applies. */
const COLLAPSED_BANDS: ReadonlySet<StageBandId> = new Set(['IIIA', 'IIIB', 'IV-early', 'IV-late'])
/** End stage: the arthritic joint, not the size of the dead area, decides what happens next. */
const END_STAGE_BANDS: ReadonlySet<StageBandId> = new Set(['IV-early', 'IV-late'])

/** The mechanism, for clinicians, in the bands before the lesion is established. */
const MECHANISM: Readonly<Record<Cause, { text: string; sources: readonly SourceKey[] }>> = {
  nontraumatic: {
    text:
      'Mechanism (non-traumatic, the common route): circulation fails inside the head — proposed causes include marrow fat hypertrophy with raised intraosseous pressure, fat emboli, intravascular coagulation, venous stasis and direct cell injury; the extraosseous arteries stay patent. About 90% of atraumatic cases are linked to corticosteroids or alcohol; the other hip is involved in about half to two-thirds of patients.',
    sources: ['cui2021', 'hines2021', 'hamilton2009', 'merle1965', 'kuroda2019'],
  },
  traumatic: {
    text:
      'Mechanism (traumatic route): a displaced femoral-neck fracture or a dislocation tears or kinks the posterosuperior retinacular branches of the deep MFCA, which supply most of the head.',
    sources: ['cui2021', 'gautier2000', 'dewar2016'],
  },
}

function otherSystemNames(s: number, system: StageSystem, lesion: LesionChoice): string {
  const other = system === 'arco' ? stageDisplayName(s, 'ficat') : stageDisplayName(s, 'arco')
  return `Also: ${other}; ${steinbergText(s, lesion.size)}.`
}

function patientCaption(s: number, { lesion, cause = 'nontraumatic' }: CaptionContext): StageCaption {
  const healthy = isHealthy(s)
  const band = stageBand(s)
  const c = healthy ? HEALTHY_CAPTION : band.id === 'preclinical' ? PRECLINICAL_BY_CAUSE[cause] : PATIENT_CAPTIONS[band.id]
  const collapsed = COLLAPSED_BANDS.has(band.id)
  const note = collapsed ? courseNote(lesion, 'patient') : null
  // Before collapse: the risk ahead. After it: why this one collapsed (unless it rarely does: the
  // note says so). At end stage the joint, not the size of the dead area, is the matter: no line.
  const risk =
    healthy || band.id === 'preclinical' || END_STAGE_BANDS.has(band.id) || note ? null : collapsed ? collapsedRisk(lesion) : collapseRisk(lesion, 'patient')
  return {
    title: c.title,
    body: [...c.paragraphs, ...(note ? [note.text] : []), ...(risk ? [risk.text] : [])].join('\n'),
    announcement: `${c.title}.`,
    sources: [...new Set([...c.sources, ...(risk?.sources ?? []), ...(note?.sources ?? [])])],
  }
}

function clinicalCaption(s: number, system: StageSystem, { lesion, cause = 'nontraumatic' }: CaptionContext): StageCaption {
  const band = stageBand(s)
  const f = STAGE_FINDINGS[band.id]
  if (isHealthy(s)) {
    return {
      title: 'Normal hip',
      body: [
        'X-ray: normal; superior joint space ≈ 4.2 mm (4.19 ± 0.92 mm).',
        'MRI: normal marrow signal.',
        'Blood supply: ≈ 82% of the head from the MFCA (deep branch → posterosuperior retinacular vessels), ≈ 18% from the LFCA; the artery of the ligamentum teres adds little in adults.',
      ].join('\n'),
      announcement: 'Normal hip.',
      sources: ['lequesne2004', 'dewar2016', 'gautier2000', 'ligteres1971'],
    }
  }
  const name = stageDisplayName(s, system)
  const label = stageLabel(s, system)
  const mechanism = band.id === 'preclinical' || band.id === 'I' ? MECHANISM[cause] : null
  const injury = band.id === 'preclinical' && cause === 'traumatic'
  const xray = band.id === 'IIIA' ? (s <= IIIA_FLATTENING_FROM ? IIIA_XRAY_PHASES.crescent : IIIA_XRAY_PHASES.flattening) : f.xray
  const symptoms = injury ? PRECLINICAL_AFTER_INJURY.symptoms : f.symptoms
  const treatment = injury ? PRECLINICAL_AFTER_INJURY.treatment : f.treatment
  const lines = [
    `X-ray: ${xray.value}`,
    `MRI: ${f.mri.value}`,
    `Symptoms: ${symptoms.value}`,
    `Usual treatment options: ${treatment.value}`,
    otherSystemNames(s, system, lesion),
    ...(mechanism ? [mechanism.text] : []),
  ]
  const collapsed = COLLAPSED_BANDS.has(band.id)
  const note = collapsed ? courseNote(lesion, 'clinician') : null
  if (note) lines.push(note.text)
  const advice = band.id === 'I' || band.id === 'II' ? lesionAdvice(lesion) : null
  if (advice) lines.push(`For this lesion: ${advice.value}`)
  // Once collapsed, what the risk was (a small or medial lesion's is in the note above); not at
  // end stage, where the arthritic joint decides.
  const risk = band.id !== 'preclinical' && !END_STAGE_BANDS.has(band.id) && !note ? collapseRisk(lesion, 'clinician') : null
  if (risk) lines.push(collapsed ? `Before collapse, the risk for this lesion was: ${risk.text}` : `Collapse risk: ${risk.text}`)
  const title = label === 'none' ? `Preclinical (${stageDisplayName(s, 'ficat')})` : name
  return {
    title: `${title}: ${BAND_KEY_EVENTS[band.id].value}`,
    body: lines.join('\n'),
    announcement: `${title}: ${BAND_KEY_EVENTS[band.id].value}.`,
    sources: [
      ...new Set([
        ...BAND_KEY_EVENTS[band.id].sources,
        ...xray.sources,
        ...f.mri.sources,
        ...symptoms.sources,
        ...treatment.sources,
        ...(advice?.sources ?? []),
        'steinberg1995' as const,
        ...(mechanism?.sources ?? []),
        ...(note?.sources ?? []),
        ...(risk?.sources ?? []),
      ]),
    ],
  }
}

/** Caption for stage s in the chosen mode and stage system, for this lesion and cause. */
export function stageCaption(s: number, mode: Mode, system: StageSystem, context: CaptionContext): StageCaption {
  return mode === 'patient' ? patientCaption(s, context) : clinicalCaption(s, system, context)
}
