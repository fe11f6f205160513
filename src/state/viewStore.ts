/**
 * The one store of what the user chose (the view state of domain/viewState.ts).
 * It never holds per-frame values: the scene eases toward these targets on its own.
 *
 * Every action says how the change should reach the browser history (see ./historyIntent.ts):
 * discrete choices add an entry, continuous gestures (slider drag, orbit) update one entry.
 */
import { create } from 'zustand'
import { STRUCTURE_IDS, type StructureId } from '../domain/anatomy/structures.ts'
import type { ProcedureId } from '../domain/procedures.ts'
import {
  DEFAULT_VIEW_STATE,
  STAGE_MAX,
  STAGE_MIN,
  type Cause,
  type CameraPose,
  type LesionSize,
  type LesionType,
  type Mode,
  type NamedView,
  type Side,
  type StageSystem,
  type ViewState,
} from '../domain/viewState.ts'
import { applyPatch, round } from '../domain/urlState.ts'
import { cutChoice, linkSection, type SectionPlane, type SectionState } from '../domain/section.ts'
import { constrainCamera } from '../domain/cameraBounds.ts'
import { tourAfterChange } from '../domain/tours/manualChange.ts'
import { setHistoryIntent, type HistoryIntent } from './historyIntent.ts'

export interface ViewActions {
  /** `gesture` marks a continuous change (slider drag, key repeat) that updates one history entry. */
  setStage(stage: number, gesture?: boolean): void
  setStageSystem(system: StageSystem): void
  setLesion(size: LesionSize, type: LesionType): void
  setProcedure(procedure: ProcedureId | null): void
  setStep(step: number): void
  setMode(mode: Mode): void
  setView(view: NamedView): void
  /** The user orbited: a free camera, one history entry per gesture. */
  setCamera(pose: CameraPose): void
  setHidden(id: StructureId, hidden: boolean): void
  /** Draws one or several structures see-through (or solid again). */
  setFaded(ids: StructureId | readonly StructureId[], faded: boolean): void
  showAll(): void
  /** Shows one structure alone (every other one hidden). */
  showOnly(id: StructureId): void
  /** A new cutting plane (null removes it); `gesture` while its offset slider is dragged. */
  setSection(section: SectionState | null, gesture?: boolean): void
  /** The user picks a named plane: fitted to where they look so its face shows (domain/section.ts cutChoice). */
  chooseCut(plane: Exclude<SectionPlane, 'free'>): void
  setLabels(on: boolean): void
  select(id: StructureId | null): void
  setSide(side: Side): void
  setFlow(on: boolean): void
  /** Enters or leaves presenter mode: the link keeps it, history does not (Back is for the view). */
  setPresent(on: boolean): void
  /** Opens or closes the window in the socket over the head (an explicit choice, kept in the link). */
  setCutaway(open: boolean): void
  /** The route to the disease: the common non-traumatic one, or after an injury. */
  setCause(cause: Cause): void
  /** Shows or hides the Images panel (simulated X-ray and MRI). */
  setImages(on: boolean): void
  /** Applies a validated patch (links, back/forward, the API). */
  apply(patch: Partial<ViewState>, intent: HistoryIntent): void
}

export type ViewStore = ViewState & ViewActions

/**
 * Every field of the view state, in the order of DEFAULT_VIEW_STATE. That object names them
 * all as long as no field of ViewState is optional, which `satisfies Required<…>` checks.
 */
const VIEW_STATE_KEYS = Object.keys(DEFAULT_VIEW_STATE satisfies Required<ViewState>) as (keyof ViewState)[]

function pick(state: ViewStore): ViewState {
  const out: Partial<Record<keyof ViewState, unknown>> = {}
  for (const key of VIEW_STATE_KEYS) out[key] = state[key]
  return out as ViewState
}

export const useViewStore = create<ViewStore>()((set, get) => {
  const change = (patch: Partial<ViewState>, intent: HistoryIntent) => {
    setHistoryIntent(intent)
    const prev = pick(get())
    // A change by the user ends an open tour and keeps the view (domain/tours/manualChange.ts).
    set(tourAfterChange(prev, applyPatch(prev, patch), patch))
  }
  return {
    ...DEFAULT_VIEW_STATE,
    setStage: (stage, gesture = false) =>
      change({ stage: round(Math.min(STAGE_MAX, Math.max(STAGE_MIN, stage)), 2) }, gesture ? { kind: 'gesture', key: 'stage' } : { kind: 'push' }),
    setStageSystem: (stageSystem) => change({ stageSystem }, { kind: 'push' }),
    setLesion: (lesionSize, lesionType) => change({ lesionSize, lesionType }, { kind: 'push' }),
    setProcedure: (procedure) => change({ procedure, step: 0 }, { kind: 'push' }),
    setStep: (step) => change({ step: Math.max(0, Math.round(step)) }, { kind: 'push' }),
    setMode: (mode) => change({ mode }, { kind: 'push' }),
    setView: (view) => change({ view, camera: null }, { kind: 'push' }),
    setCamera: (pose) => {
      // Rounded and bounded as a link would be, so the link written reads back the same.
      const camera = constrainCamera(pose.position, pose.target).pose
      if (camera) change({ view: null, camera }, { kind: 'gesture', key: 'camera' })
    },
    setHidden: (id, hidden) => {
      const now = new Set(get().hidden)
      if (hidden) now.add(id)
      else now.delete(id)
      change({ hidden: [...now].sort() }, { kind: 'push' })
    },
    setFaded: (ids, faded) => {
      const now = new Set(get().faded)
      for (const id of typeof ids === 'string' ? [ids] : ids) {
        if (faded) now.add(id)
        else now.delete(id)
      }
      change({ faded: [...now].sort() }, { kind: 'push' })
    },
    showAll: () => change({ hidden: [], faded: [] }, { kind: 'push' }),
    showOnly: (id) => change({ hidden: STRUCTURE_IDS.filter((other) => other !== id) }, { kind: 'push' }),
    setSection: (section, gesture = false) =>
      change({ section: section && linkSection(section) }, gesture ? { kind: 'gesture', key: 'section' } : { kind: 'push' }),
    chooseCut: (plane) => {
      const { section, view } = cutChoice(plane, get())
      change({ section: linkSection(section), ...(view ? { view, camera: null } : {}) }, { kind: 'push' })
    },
    setLabels: (labels) => change({ labels }, { kind: 'push' }),
    select: (selected) => change({ selected }, { kind: 'push' }),
    setSide: (side) => change({ side }, { kind: 'push' }),
    setFlow: (flow) => change({ flow }, { kind: 'push' }),
    setPresent: (present) => change({ present }, { kind: 'replace' }),
    setCutaway: (open) => change({ cutaway: open ? 'on' : 'off' }, { kind: 'push' }),
    setCause: (cause) => change({ cause }, { kind: 'push' }),
    setImages: (images) => change({ images }, { kind: 'push' }),
    apply: (patch, intent) => change(patch, intent),
  }
})

/** The plain view state (no actions), e.g. for the API and the link. */
export function getViewState(): ViewState {
  return pick(useViewStore.getState())
}
