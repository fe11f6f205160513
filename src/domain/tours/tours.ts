/**
 * The guided tours (issue 14) and the pure rules of walking through them: which scene comes
 * next, and the view a scene shows. Loaded with the tour player, not in the first download (the
 * ids and counts are in ./tourCatalogue.ts).
 */
import { stepView } from '../treatment/stepViews.ts'
import { stepIdsOf } from '../treatment/stepIds.ts'
import { DEFAULT_VIEW_STATE, type Mode, type ViewState } from '../viewState.ts'
import { BLOOD_SUPPLY_TOUR } from './bloodSupply.ts'
import { HEALTHY_TO_COLLAPSE_TOUR } from './healthyToCollapse.ts'
import { TREATMENT_OPTIONS_TOUR } from './treatmentOptions.ts'
import type { TourId } from './tourCatalogue.ts'
import { TOUR_TITLES } from './tourTitles.ts'
import type { Tour, TourScene } from './types.ts'

export const TOURS: Readonly<Record<TourId, Tour>> = {
  'blood-supply': BLOOD_SUPPLY_TOUR,
  'healthy-to-collapse': HEALTHY_TO_COLLAPSE_TOUR,
  'treatment-options': TREATMENT_OPTIONS_TOUR,
}

export function tourScene(id: TourId, scene: number): TourScene | null {
  return TOURS[id].scenes[scene] ?? null
}

/** The scene after (+1) or before (-1) `scene`; null past either end. */
export function neighbourScene(id: TourId, scene: number, dir: 1 | -1): number | null {
  const to = scene + dir
  return to >= 0 && to < TOURS[id].scenes.length ? to : null
}

/**
 * The whole view of a scene: the default view with the scene's own fields over it, the reader's
 * choices (mode, side, staging system, language, presenter mode) kept from `current`, and the
 * tour's place. A treatment step named without a view is seen from the step's own view.
 */
export function sceneState(id: TourId, scene: number, current: ViewState): ViewState {
  const shown = tourScene(id, scene)
  const view = shown?.view ?? {}
  const stepLook = view.procedure && view.view === undefined && view.camera === undefined ? stepLookOf(view.procedure, view.variant ?? null, view.step ?? 0) : {}
  return {
    ...DEFAULT_VIEW_STATE,
    ...stepLook,
    ...view,
    mode: current.mode,
    side: current.side,
    stageSystem: current.stageSystem,
    lang: current.lang,
    present: current.present,
    tour: id,
    scene,
  }
}

function stepLookOf(procedure: NonNullable<ViewState['procedure']>, variant: string | null, step: number): Partial<ViewState> {
  const id = stepIdsOf(procedure, variant)[step]
  return id ? { view: stepView(procedure, variant, id).view, camera: null } : {}
}

/** The scene's caption in the mode's words, titled with the tour, the place in it and the scene. */
export function sceneCaption(id: TourId, scene: number, mode: Mode): { title: string; body: string } | null {
  const shown = tourScene(id, scene)
  if (!shown) return null
  const count = TOURS[id].scenes.length
  const words = mode === 'patient' ? 'patient' : 'clinical'
  return { title: `${TOUR_TITLES[id][words]} · ${scene + 1} / ${count}: ${shown.title[words]}`, body: shown.caption[words] }
}
