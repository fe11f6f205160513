/**
 * The caption of what the view shows now (stage, mode, lesion; or the treatment step while a
 * treatment is open; or the tour's scene while a tour is open), for the panel and for saved images.
 */
import { stageCaption } from '../domain/staging/captions.ts'
import { DISCLAIMER_SHORT } from '../domain/disclaimer.ts'
import { treatmentTitle } from '../domain/procedures.ts'
import { treatmentSteps } from '../domain/treatment/steps.ts'
import { sceneCaption } from '../domain/tours/tours.ts'
import type { ViewState } from '../domain/viewState.ts'
import { getViewState } from '../state/viewStore.ts'
import type { CaptionLines } from '../scene/screenshot.ts'

export function captionFor(state: ViewState) {
  return stageCaption(state.stage, state.mode, state.stageSystem, { lesion: { size: state.lesionSize, type: state.lesionType }, cause: state.cause })
}

/** The open treatment's step as a saved image's caption: which treatment, which step, its text. */
function stepCaption(state: ViewState): { title: string; body: string } | null {
  if (!state.procedure) return null
  const steps = treatmentSteps(state.procedure, state.variant)
  const step = steps[state.step]
  if (!step) return null
  const name = treatmentTitle(state.procedure, state.variant, state.mode)
  return { title: `${name}, step ${state.step + 1} of ${steps.length}: ${step.title}`, body: state.mode === 'patient' ? step.patient : step.clinical }
}

/** The title and words of what `state` shows: the open tour's scene, else the open treatment's step, else the stage. */
export function shownCaption(state: ViewState): { title: string; body: string } {
  return (state.tour ? sceneCaption(state.tour, state.scene, state.mode) : null) ?? stepCaption(state) ?? captionFor(state)
}

export function currentCaptionLines(): CaptionLines {
  const state = getViewState()
  const caption = shownCaption(state)
  const side = state.side === 'left' ? 'Left hip' : 'Right hip'
  return { title: `${caption.title} — ${side}`, body: caption.body, footer: `Hip AVN Explorer · ${DISCLAIMER_SHORT}` }
}
