/** The caption of what the view shows now (stage, mode, lesion), for the panel and for saved images. */
import { stageCaption } from '../domain/staging/captions.ts'
import { DISCLAIMER_SHORT } from '../domain/disclaimer.ts'
import type { ViewState } from '../domain/viewState.ts'
import { getViewState } from '../state/viewStore.ts'
import type { CaptionLines } from '../scene/screenshot.ts'

export function captionFor(state: ViewState) {
  return stageCaption(state.stage, state.mode, state.stageSystem, { lesion: { size: state.lesionSize, type: state.lesionType }, cause: state.cause })
}

export function currentCaptionLines(): CaptionLines {
  const state = getViewState()
  const caption = captionFor(state)
  const side = state.side === 'left' ? 'Left hip' : 'Right hip'
  return { title: `${caption.title} — ${side}`, body: caption.body, footer: `Hip AVN Explorer · ${DISCLAIMER_SHORT}` }
}
