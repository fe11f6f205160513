/**
 * The caption beside the view: plain words for patients, stage name and findings for
 * clinicians and students, and a short sentence for screen readers.
 *
 * Captions change per band, not continuously, so the live region announces a change
 * only when the stage name changes (or the mode, system or lesion does).
 */
import { collapseRisk, type LesionChoice } from '../lesion/index.ts'
import type { SourceKey } from '../sources.ts'
import type { Mode, StageSystem } from '../viewState.ts'
import { isHealthy, stageBand, stageDisplayName, stageLabel, type StageBandId } from './bands.ts'
import { STAGE_FINDINGS } from './findings.ts'
import { HEALTHY_CAPTION, PATIENT_CAPTIONS } from './patientCaptions.ts'

export interface StageCaption {
  readonly title: string
  /** Paragraphs separated by '\n'. */
  readonly body: string
  /** One short sentence for an aria-live region. */
  readonly announcement: string
  /** Source keys behind the caption. */
  readonly sources: readonly SourceKey[]
}

/** Bands where the lesion is visible but the head has not collapsed: collapse risk matters. */
const RISK_BANDS: ReadonlySet<StageBandId> = new Set(['I', 'II'])

function otherSystemNames(s: number, system: StageSystem): string {
  const band = stageBand(s)
  const other = system === 'arco' ? stageDisplayName(s, 'ficat') : stageDisplayName(s, 'arco')
  return `Also: ${other}; Steinberg ${band.steinberg}.`
}

function patientCaption(s: number, lesion: LesionChoice): StageCaption {
  const healthy = isHealthy(s)
  const band = stageBand(s)
  const c = healthy ? HEALTHY_CAPTION : PATIENT_CAPTIONS[band.id]
  const risk = !healthy && RISK_BANDS.has(band.id) ? collapseRisk(lesion, 'patient') : null
  return {
    title: c.title,
    body: [...c.paragraphs, ...(risk ? [risk.text] : [])].join('\n'),
    announcement: `${c.title}.`,
    sources: [...new Set([...c.sources, ...(risk?.sources ?? [])])],
  }
}

function clinicalCaption(s: number, system: StageSystem, lesion: LesionChoice): StageCaption {
  const band = stageBand(s)
  const f = STAGE_FINDINGS[band.id]
  if (isHealthy(s)) {
    return {
      title: 'Normal hip',
      body: [
        'X-ray: normal; superior joint space ≈ 4.2 mm (4.19 ± 0.92 mm).',
        'MRI: normal marrow signal.',
        'Blood supply: ≈ 82% of the head from the MFCA via the posterosuperior retinacular vessels, ≈ 18% from the LFCA.',
      ].join('\n'),
      announcement: 'Normal hip.',
      sources: ['lequesne2004', 'dewar2016', 'gautier2000'],
    }
  }
  const name = stageDisplayName(s, system)
  const label = stageLabel(s, system)
  const lines = [
    `X-ray: ${f.xray.value}`,
    `MRI: ${f.mri.value}`,
    `Symptoms: ${f.symptoms.value}`,
    `Usual treatment options: ${f.treatment.value}`,
    otherSystemNames(s, system),
  ]
  const risk = RISK_BANDS.has(band.id) ? collapseRisk(lesion, 'clinician') : null
  if (risk) lines.push(`Collapse risk: ${risk.text}`)
  const title = label === 'none' ? `Preclinical (${stageDisplayName(s, 'ficat')})` : name
  return {
    title: `${title}: ${band.keyEvent.value}`,
    body: lines.join('\n'),
    announcement: `${title}: ${band.keyEvent.value}.`,
    sources: [
      ...new Set([
        ...band.keyEvent.sources,
        ...f.xray.sources,
        ...f.mri.sources,
        ...f.symptoms.sources,
        ...f.treatment.sources,
        ...(risk?.sources ?? []),
      ]),
    ],
  }
}

/** Caption for stage s in the chosen mode and stage system, for this lesion. */
export function stageCaption(s: number, mode: Mode, system: StageSystem, lesion: LesionChoice): StageCaption {
  return mode === 'patient' ? patientCaption(s, lesion) : clinicalCaption(s, system, lesion)
}
