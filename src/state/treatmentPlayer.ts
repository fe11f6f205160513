/**
 * What the user does with a treatment: open and close it, choose a variant, step, play, scrub.
 * The one owner of the rules that tie the view state (procedure, variant, step), the player's
 * choices (./playerStore.ts) and the clock within the step (./treatmentClock.ts) together:
 *
 * - A step reached by a choice (opening, a link, Back/Forward, a step in the list, Next,
 *   Previous, the API) shows its end state (t = 1), paused. While playing, Next and Previous
 *   play the step they reach from its start.
 * - Play replays the current step from its start when it stands at its end, then goes on:
 *   after Next the caption already names the step, and a presenter who presses Play wants to
 *   show how that step is done, not skip to the one after. Only at the end of the last step
 *   does Play start again from the first, as the stage bar's Play does at the end stage.
 * - While playing, the end of a step moves to the next one (one store change per step, one
 *   history entry for the whole run: Back returns to where Play was pressed), and playback
 *   stops at the end of the last step. "Skip optional steps" makes Next, Previous and Play pass
 *   over optional steps; a step chosen in the list is shown even when optional.
 * - Closing returns to the disease view as it was before the treatment opened: the fields a
 *   treatment may change (stage, camera, cut, hidden and see-through parts, selection, socket
 *   window, labels) are kept when the procedure goes from none to one, by whatever route.
 */
import type { ProcedureId } from '../domain/procedures.ts'
import { stepShapeOf } from '../domain/procedureStepCounts.ts'
import { STEP_SECONDS } from '../domain/treatment/stepTiming.ts'
import type { ViewState } from '../domain/viewState.ts'
import { endGesture, type HistoryIntent } from './historyIntent.ts'
import { beginWork } from './pendingWork.ts'
import { usePlayerStore } from './playerStore.ts'
import { useStatusStore } from './statusStore.ts'
import { clockT, setClockT } from './treatmentClock.ts'
import { useViewStore } from './viewStore.ts'
import { stageCutWhenPlanned, stagingFor } from './treatmentStaging.ts'

/** What closing a treatment puts back (see above). */
export const DISEASE_VIEW_FIELDS = ['stage', 'view', 'camera', 'section', 'hidden', 'faded', 'selected', 'cutaway', 'labels'] as const
type DiseaseView = Pick<ViewState, (typeof DISEASE_VIEW_FIELDS)[number]>

const PLAY_GESTURE = 'treatment-play'

let diseaseView: DiseaseView | null = null
/** True while the player itself changes the view state (so the change is not taken for an outside one). */
let ownChange = false
let endPlayingWork: (() => void) | null = null

function pickDiseaseView(state: ViewState): DiseaseView {
  const out: Partial<Record<keyof DiseaseView, unknown>> = {}
  for (const key of DISEASE_VIEW_FIELDS) out[key] = state[key]
  return out as DiseaseView
}

function change(patch: Partial<ViewState>, intent: HistoryIntent): void {
  ownChange = true
  try {
    useViewStore.getState().apply(patch, intent)
  } finally {
    ownChange = false
  }
}

/**
 * Goes to a step: the step, with the view it is best seen from and its cut (./treatmentStaging.ts),
 * plus `with` (the treatment or variant chosen with it), in one store change. A step whose cut
 * needs a plan not yet drawn (a clicker pressed while the treatment opens) gets it when the plan
 * comes, in the same history entry.
 */
function changeToStep(procedure: ProcedureId, variant: string | null, step: number, intent: HistoryIntent, with_: Partial<ViewState> = {}): void {
  const staging = stagingFor(procedure, variant, step, useViewStore.getState().section)
  change({ ...with_, ...staging, step }, intent)
  if (!('section' in staging)) stageCutWhenPlanned(procedure, variant, step)
}

function setPlaying(playing: boolean): void {
  if (usePlayerStore.getState().playing === playing) return
  usePlayerStore.setState({ playing })
  // hipExplorer.idle() waits while a treatment plays: the picture keeps changing.
  if (playing) endPlayingWork ??= beginWork('treatment playing', { shapesPicture: false })
  else {
    endPlayingWork?.()
    endPlayingWork = null
  }
}

/**
 * The next step from `from` in direction `dir` (+1 / -1), passing over optional steps when the
 * user asked to skip them; null at either end.
 */
export function neighbourStep(procedure: ProcedureId, variant: string | null, from: number, dir: 1 | -1, skipOptional: boolean): number | null {
  const { count, optional } = stepShapeOf(procedure, variant)
  for (let i = from + dir; i >= 0 && i < count; i += dir) {
    if (!skipOptional || !optional.includes(i)) return i
  }
  return null
}

/**
 * A link opened a treatment step without saying how to look at it (urlState.ts leftToStep):
 * the step is staged as the player stages a step the user goes to (its view, its cut along the
 * tool), in the link's own history entry, so a hand-made link shows what the step is about.
 * `linked` is the state the link gave: if the user has moved on since, nothing changes. Closing
 * the treatment returns to what the link said, without the staging.
 */
export function stageLinkedStep(leftToStep: { readonly view: boolean; readonly cut: boolean }, linked: ViewState): void {
  const state = useViewStore.getState()
  const { procedure, variant, step } = state
  if (!procedure || procedure !== linked.procedure || variant !== linked.variant || step !== linked.step) return
  diseaseView ??= pickDiseaseView(linked)
  if (leftToStep.view && state.view === linked.view && state.camera === linked.camera) {
    const { view, camera } = stagingFor(procedure, variant, step, null)
    if (view !== undefined) change({ view, camera: camera ?? null }, { kind: 'replace' })
  }
  if (leftToStep.cut) stageCutWhenPlanned(procedure, variant, step)
}

/** Opens a treatment on its default sequence at its first step's end, paused. */
export function openTreatment(id: ProcedureId): void {
  setPlaying(false)
  if (useViewStore.getState().procedure !== id) changeToStep(id, null, 0, { kind: 'push' }, { procedure: id, variant: null })
  setClockT(1)
}

/** Closes the treatment and puts back the disease view it was opened from. */
export function closeTreatment(): void {
  setPlaying(false)
  if (useViewStore.getState().procedure === null) return
  change({ ...(diseaseView ?? {}), procedure: null, variant: null, step: 0 }, { kind: 'push' })
  setClockT(1)
}

/** Another variant (null: the default sequence), from its first step, paused. */
export function chooseVariant(variant: string | null): void {
  const { procedure, variant: shown } = useViewStore.getState()
  if (!procedure || variant === shown) return
  setPlaying(false)
  changeToStep(procedure, variant, 0, { kind: 'push' }, { variant })
  setClockT(1)
}

/** Shows a step: its end when paused, its start when playing (playback goes on from there). */
export function goToStep(step: number): void {
  const { procedure, variant, step: shown } = useViewStore.getState()
  if (!procedure) return
  const playing = usePlayerStore.getState().playing
  if (step !== shown) changeToStep(procedure, variant, step, { kind: 'push' })
  setClockT(playing ? 0 : 1)
}

/** Next or previous step (honouring "skip optional steps"); false at the end of the list. */
export function stepBy(dir: 1 | -1): boolean {
  const { procedure, variant, step } = useViewStore.getState()
  if (!procedure) return false
  const to = neighbourStep(procedure, variant, step, dir, usePlayerStore.getState().skipOptional)
  if (to === null) return false
  goToStep(to)
  return true
}

export function play(): void {
  const { procedure, variant, step } = useViewStore.getState()
  if (!procedure || usePlayerStore.getState().playing) return
  // Without a 3D view nothing would run the clock (and idle() would wait for ever): stepping still works.
  if (useStatusStore.getState().webgl === 'unavailable') return
  if (clockT() >= 1) {
    const last = neighbourStep(procedure, variant, step, 1, usePlayerStore.getState().skipOptional) === null
    if (last) {
      const first = neighbourStep(procedure, variant, -1, 1, usePlayerStore.getState().skipOptional) ?? 0
      if (first !== step) changeToStep(procedure, variant, first, { kind: 'push' })
    }
    setClockT(0)
  }
  // One history entry for the whole run (see above), even if the last run ended without a key or pointer release.
  endGesture(PLAY_GESTURE)
  setPlaying(true)
}

export function pause(): void {
  setPlaying(false)
}

export function togglePlay(): void {
  if (usePlayerStore.getState().playing) pause()
  else play()
}

/** The scrubber: a time within the step; pauses, so the picture stays where the reader put it. */
export function scrubTo(t: number): void {
  setPlaying(false)
  setClockT(t)
}

export function setSkipOptional(skipOptional: boolean): void {
  usePlayerStore.setState({ skipOptional })
}

/**
 * The current step has played to its end: on to the next step (from its start, or at its end
 * under reduced motion, where each step jumps to its end state), or stop after the last.
 */
export function finishStep(reducedMotion: boolean): void {
  const { procedure, variant, step } = useViewStore.getState()
  const next = procedure ? neighbourStep(procedure, variant, step, 1, usePlayerStore.getState().skipOptional) : null
  if (!procedure || next === null) {
    setClockT(1)
    setPlaying(false)
    return
  }
  setClockT(reducedMotion ? 1 : 0)
  changeToStep(procedure, variant, next, { kind: 'gesture', key: PLAY_GESTURE })
}

/**
 * Advances the clock by `seconds` of playback (the scene's driver, every frame while playing).
 * A step that reaches its end is drawn at its end in this frame; the next step begins in a task
 * of its own (`nextStepSoon`), not inside the frame: the new step's React commit (caption, step
 * list, the scene's new parts, their effects) added to a frame's drawing made one main-thread
 * task of 60–100 ms with software WebGL (measured), against issue 11's 50.
 */
export function advanceClock(seconds: number): void {
  if (!usePlayerStore.getState().playing) return
  const t = clockT() + seconds / STEP_SECONDS
  if (t < 1) {
    setClockT(t)
    return
  }
  setClockT(1)
  nextStepSoon()
}

let nextStepTimer: ReturnType<typeof setTimeout> | null = null

/** Whether the step has played to its end and the next one is about to begin (no frame is needed meanwhile). */
export function stepEnding(): boolean {
  return nextStepTimer !== null
}

/** Moves on from the step now shown, in the next task, if nothing else moved or paused it meanwhile. */
function nextStepSoon(): void {
  if (nextStepTimer !== null) return
  const { procedure, variant, step } = useViewStore.getState()
  nextStepTimer = setTimeout(() => {
    nextStepTimer = null
    const now = useViewStore.getState()
    const same = now.procedure === procedure && now.variant === variant && now.step === step
    if (same && usePlayerStore.getState().playing && clockT() >= 1) finishStep(false)
  }, 0)
}

/**
 * Follows the view state from the moment this module loads (with the side panel, after the
 * first picture, or with the first treatment key: never before the link has been applied, so a
 * treatment opened by the first link returns, when closed, to the rest of that link's view):
 * - when a treatment opens, by any route, the disease view it leaves is kept for closing;
 * - a step, variant or procedure changed by anything but the player (Back/Forward, the API)
 *   pauses and shows the step's end, as a link does.
 * The player stays out of the first download (its budget is tight); until it loads nothing plays.
 */
function followViewState(): void {
  useViewStore.subscribe((state, prev) => {
    if (prev.procedure === null && state.procedure !== null) diseaseView = pickDiseaseView(prev)
    const moved = state.procedure !== prev.procedure || state.variant !== prev.variant || state.step !== prev.step
    if (!moved || ownChange) return
    setPlaying(false)
    setClockT(1)
  })
}

followViewState()
