/**
 * What the user does with a guided tour (issue 14): open one, play and pause, go to the next or
 * previous scene, restart, end. The one owner of the rules that tie the view state's `tour` and
 * `scene` to the view a scene shows (domain/tours/tours.ts sceneState) and to the scene timer:
 *
 * - Opening a tour shows its first scene and plays: each scene stays for its `seconds`, then the
 *   next one is shown (one history entry for the whole run, as a treatment's Play: Back returns to
 *   where it started), and playback stops on the last scene. Play there starts again from the first.
 * - Next, Previous and a clicker's keys take the pace over from the timer: they pause, and show
 *   the scene reached (one history entry each).
 * - A scene reached by a link, Back/Forward or the API is shown paused, with its view: a link
 *   made by hand (`?tour=blood-supply&scene=3`) gets the scene's view once this module loads.
 * - Ending the tour keeps the view as it is. Any other change by the user ends it too: that rule
 *   is domain/tours/manualChange.ts, applied by the view store itself.
 *
 * The timer is a plain timeout here, not store state (the store never changes per frame); the
 * camera eases between the scenes' views on its own (scene/CameraRig.tsx), and cuts under
 * reduced motion. Loaded on demand: with the first tour key, menu choice, or a view with a tour.
 */
import { neighbourScene, sceneState, tourScene } from '../domain/tours/tours.ts'
import type { TourId } from '../domain/tours/tourCatalogue.ts'
import type { ViewState } from '../domain/viewState.ts'
import { serializeViewQuery } from '../domain/urlState.ts'
import { endGesture, type HistoryIntent } from './historyIntent.ts'
import { beginWork } from './pendingWork.ts'
import { useTourPlayerStore } from './tourPlayerStore.ts'
import { getViewState, useViewStore } from './viewStore.ts'

const PLAY_GESTURE = 'tour-play'

/** True while the player itself changes the view state (so the change is not taken for an outside one). */
let ownChange = false
let timer: ReturnType<typeof setTimeout> | null = null
/** The last scene played to its end: Play starts again from the first. */
let ended = false
let endPlayingWork: (() => void) | null = null

function show(tour: TourId, scene: number, intent: HistoryIntent): void {
  ownChange = true
  try {
    useViewStore.getState().apply(sceneState(tour, scene, getViewState()), intent)
  } finally {
    ownChange = false
  }
}

function setPlaying(playing: boolean): void {
  if (timer !== null) clearTimeout(timer)
  timer = null
  if (useTourPlayerStore.getState().playing !== playing) useTourPlayerStore.setState({ playing })
  // hipExplorer.idle() waits while a tour plays: the picture will change again.
  if (playing) endPlayingWork ??= beginWork('tour playing', { shapesPicture: false })
  else {
    endPlayingWork?.()
    endPlayingWork = null
  }
  if (playing) schedule()
}

/** Starts the shown scene's timer (while playing). */
function schedule(): void {
  if (timer !== null) clearTimeout(timer)
  timer = null
  const { tour, scene } = useViewStore.getState()
  const shown = tour ? tourScene(tour, scene) : null
  if (!tour || !shown || !useTourPlayerStore.getState().playing) return
  timer = setTimeout(advance, shown.seconds * 1000)
}

/** The shown scene's time is up: on to the next one, or stop after the last. */
function advance(): void {
  timer = null
  const { tour, scene } = useViewStore.getState()
  const next = tour ? neighbourScene(tour, scene, 1) : null
  if (!tour || next === null) {
    ended = true
    setPlaying(false)
    return
  }
  show(tour, next, { kind: 'gesture', key: PLAY_GESTURE })
  schedule()
}

/** Opens a tour at its first scene, playing. */
export function openTour(id: TourId): void {
  ended = false
  show(id, 0, { kind: 'push' })
  play()
}

/** Shows a scene of the open tour, paused (a dot in the progress bar, the API's own route aside). */
export function goToScene(scene: number): void {
  const { tour } = useViewStore.getState()
  if (!tour || !tourScene(tour, scene)) return
  ended = false
  setPlaying(false)
  show(tour, scene, { kind: 'push' })
}

/** Next or previous scene, paused; false at either end (nothing changes). */
export function stepBy(dir: 1 | -1): boolean {
  const { tour, scene } = useViewStore.getState()
  if (!tour) return false
  const to = neighbourScene(tour, scene, dir)
  setPlaying(false)
  if (to === null) return false
  goToScene(to)
  return true
}

export function play(): void {
  const { tour } = useViewStore.getState()
  if (!tour) return
  if (ended) {
    ended = false
    show(tour, 0, { kind: 'push' })
  }
  // One history entry for the whole run, even if the last run ended without a key or pointer release.
  endGesture(PLAY_GESTURE)
  setPlaying(true)
}

export function pause(): void {
  setPlaying(false)
}

export function togglePlay(): void {
  if (useTourPlayerStore.getState().playing) pause()
  else play()
}

/** From the first scene, playing. */
export function restart(): void {
  const { tour } = useViewStore.getState()
  if (!tour) return
  ended = false
  show(tour, 0, { kind: 'push' })
  play()
}

/** Ends the tour and keeps the view it shows (a history entry: Back returns to the scene). */
export function endTour(): void {
  setPlaying(false)
  ended = false
  if (useViewStore.getState().tour === null) return
  ownChange = true
  try {
    useViewStore.getState().apply({ tour: null, scene: 0 }, { kind: 'push' })
  } finally {
    ownChange = false
  }
}

/**
 * A tour or scene set from outside (a link, Back/Forward, the API) is shown paused, with the
 * scene's view when the state lacks it (a link made by hand). Changed in the next microtask, not
 * inside the store's own notification (the other listeners still see that change whole); the
 * address of the entry shown is updated, not added to.
 */
function showSceneOf(state: ViewState): void {
  if (!state.tour) return
  const want = sceneState(state.tour, state.scene, state)
  if (serializeViewQuery(want) === serializeViewQuery(state)) return
  queueMicrotask(() => {
    const now = getViewState()
    if (now.tour !== state.tour || now.scene !== state.scene) return
    show(now.tour!, now.scene, { kind: 'replace' })
  })
}

function followViewState(): void {
  useViewStore.subscribe((state, prev) => {
    if (ownChange) return
    if (state.tour === prev.tour && state.scene === prev.scene) return
    ended = false
    setPlaying(false)
    showSceneOf(state)
  })
  showSceneOf(getViewState())
}

followViewState()
