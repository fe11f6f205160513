/**
 * The first Tab stop of the page: "Skip to the stage slider". Without it a keyboard user passed
 * about 115 controls (top bar, camera views, side panel) before reaching the page's main
 * control. Out of sight until it has focus. The link also works as a plain fragment link; the
 * handler focuses the slider without writing "#stage-slider" into the address (the address is
 * the view's link, state/linkSync.ts).
 */
import type { MouseEvent } from 'react'

export const STAGE_SLIDER_ID = 'stage-slider'

function focusSlider(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault()
  document.getElementById(STAGE_SLIDER_ID)?.focus()
}

export function SkipLink() {
  return (
    <a className="skip-link" href={`#${STAGE_SLIDER_ID}`} onClick={focusSlider}>
      Skip to the stage slider
    </a>
  )
}
