/**
 * What the patient handout says (issue 14, "Take-home exports"): the stage shown, always in a
 * patient's words whatever mode the app is in (the page goes home with the patient); the open
 * treatment's steps in those words, with whether it is usually considered at this stage; the
 * sources behind those words; the disclaimer and the date. Pure: the picture and the printing
 * are the UI's (ui/handout/).
 */
import { stageCaption } from './staging/captions.ts'
import { stageDisplayName } from './staging/bands.ts'
import { treatmentTitle } from './procedures.ts'
import { treatmentSteps } from './treatment/steps.ts'
import { indicationVerdict } from './treatment/indication.ts'
import { SOURCES, type SourceKey } from './sources.ts'
import { DISCLAIMER_LONG, DISCLAIMER_SOURCES } from './disclaimerLong.ts'
import type { ViewState } from './viewState.ts'

export interface HandoutStep {
  readonly title: string
  readonly text: string
  readonly optional: boolean
  /** The step the picture shows. */
  readonly shown: boolean
}

export interface Handout {
  /** The page's heading: which hip, and the stage's own title. */
  readonly title: string
  readonly side: 'Right hip' | 'Left hip'
  /** The stage in the chosen staging system ("ARCO IIIB"), in small print; none for a healthy hip. */
  readonly code: string | null
  /** Under the title: general information, drawn with the app's lesion, not a report on the reader's hip. */
  readonly intro: string
  readonly stage: { readonly title: string; readonly paragraphs: readonly string[] }
  /** Under the picture: what it shows, and that its X-ray and MRI are not the reader's own. */
  readonly pictureCaption: string
  readonly treatment: {
    readonly name: string
    /** "Usually considered at this stage" or not, with the data's one-line reason. */
    readonly indication: string
    readonly steps: readonly HandoutStep[]
  } | null
  /** Each source once, as the About dialog cites it, in the order first used. */
  readonly sources: readonly string[]
  readonly disclaimer: string
  /** The day it was made, YYYY-MM-DD in the reader's own time zone. */
  readonly date: string
}

/** The handout for what `state` shows, made on `today`. */
export function handoutFor(state: ViewState, today: Date): Handout {
  const caption = stageCaption(state.stage, 'patient', state.stageSystem, {
    lesion: { size: state.lesionSize, type: state.lesionType },
    cause: state.cause,
  })
  const side = state.side === 'left' ? 'Left hip' : 'Right hip'
  const keys: SourceKey[] = [...caption.sources]
  let treatment: Handout['treatment'] = null
  let shows = `a ${side.toLowerCase()} at this stage, with a simulated X-ray and MRI`
  if (state.procedure) {
    const steps = treatmentSteps(state.procedure, state.variant)
    for (const step of steps) keys.push(...step.citation.sources)
    const verdict = indicationVerdict(state.procedure, state.stage, 'patient')
    const shown = steps[state.step]
    if (shown) shows = `step ${state.step + 1} of ${steps.length}, “${shown.title}”`
    treatment = {
      name: treatmentTitle(state.procedure, state.variant, 'patient'),
      indication: `${verdict.text}. ${verdict.reason}`,
      steps: steps.map((step, i) => ({ title: step.title, text: step.patient, optional: step.optional === true, shown: i === state.step })),
    }
  }
  keys.push(...DISCLAIMER_SOURCES)
  return {
    title: `${side}: ${caption.title}`,
    side,
    code: state.stage === 0 ? null : `Doctors call this stage ${stageDisplayName(state.stage, state.stageSystem)}.`,
    intro:
      state.stage === 0
        ? 'General information about the hip, not a report on your own hip.'
        : `General information about this stage, drawn with a ${state.lesionSize} damaged area, not a report on your own hip: yours may differ.`,
    stage: { title: caption.title, paragraphs: caption.body.split('\n').filter((p) => p.trim() !== '') },
    pictureCaption: `The picture shows ${shows}: an illustration made by the app, not your own images.`,
    treatment,
    sources: [...new Set(keys)].map((key) => SOURCES[key].citation),
    disclaimer: DISCLAIMER_LONG,
    date: localDate(today),
  }
}

function localDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`
}
