/**
 * What a change to the view does to an open tour (issue 14: a tour never leaves the app in a
 * state the user cannot leave). The rule has one owner, here, and the view store asks it on
 * every change:
 * - a change that names the tour or its scene (the tour itself, a link, Back/Forward, the API
 *   with `tour`/`scene`) is a move within the tours: it stands as it is;
 * - a change of how the view is explained or shown, not of what it shows (patient or clinical
 *   words, presenter mode), keeps the tour: its scenes carry captions for both modes;
 * - any other change (a slider, a camera drag, a view button, a treatment step, the API) is the
 *   user taking over: the tour ends and everything the scene showed stays as it is.
 */
import type { ViewState } from '../viewState.ts'

/** Fields that change how the view is explained or laid out, never what it shows. */
export const TOUR_KEEPING_FIELDS = ['mode', 'present'] as const

/** The state after `patch` turned `prev` into `next`, with the tour ended when the user took over. */
export function tourAfterChange(prev: ViewState, next: ViewState, patch: Partial<ViewState>): ViewState {
  if (prev.tour === null || next.tour === null) return next
  if (patch.tour !== undefined || patch.scene !== undefined) return next
  if (!changesWhatIsShown(prev, next)) return next
  return { ...next, tour: null, scene: 0 }
}

const keeping: ReadonlySet<string> = new Set(TOUR_KEEPING_FIELDS)

function changesWhatIsShown(prev: ViewState, next: ViewState): boolean {
  for (const key of Object.keys(next) as (keyof ViewState)[]) {
    if (keeping.has(key)) continue
    if (JSON.stringify(prev[key]) !== JSON.stringify(next[key])) return true
  }
  return false
}
