/**
 * How a treatment step is staged when the player goes to it: the view it is best seen from
 * (domain/treatment/stepViews.ts) and, where a tool path needs one, a cut along it. The cut
 * depends on the plan (the hip's landmarks and the lesion), which only the scene has: the
 * treatment layer registers a provider for the plan it draws. Merged into the same store change
 * as the step, so Back and Forward restore a step with its view and cut in one entry.
 */
import type { ProcedureId } from '../domain/procedures.ts'
import { stepIdsOf } from '../domain/treatment/stepIds.ts'
import { stepView } from '../domain/treatment/stepViews.ts'
import type { ViewState } from '../domain/viewState.ts'
import { useViewStore } from './viewStore.ts'

export interface StagingProvider {
  readonly procedure: ProcedureId
  readonly variant: string | null
  /** The cut a step asks for in this plan (null: none). */
  section(step: number): ViewState['section']
}

let provider: StagingProvider | null = null

interface StepRef {
  readonly procedure: ProcedureId
  readonly variant: string | null
  readonly step: number
}
/** A step whose cut waits for its plan (the model, the treatment layer or the plan come after the step). */
let pendingCut: StepRef | null = null

/** Registers the plan's provider; returns the function that removes it. */
export function setTreatmentStaging(next: StagingProvider): () => void {
  provider = next
  applyPendingCut()
  return () => {
    if (provider === next) provider = null
  }
}

/**
 * The view (and the cut, when the plan is known) of a step, as a store patch. A step that needs
 * no cut takes away a cut along a tool (a free plane) that would hide what it shows, e.g. the
 * window put back at the front; a named cut the user chose stays.
 */
export function stagingFor(procedure: ProcedureId, variant: string | null, step: number, current: ViewState['section']): Partial<ViewState> {
  const id = stepIdsOf(procedure, variant)[step]
  if (!id) return {}
  const view = stepView(procedure, variant, id)
  const patch: { -readonly [K in keyof ViewState]?: ViewState[K] } = { view: view.view, camera: null }
  if (!view.cut) {
    if (current?.plane === 'free') patch.section = null
  }
  else if (provider && provider.procedure === procedure && provider.variant === variant) patch.section = provider.section(step)
  return patch
}

/**
 * The cut of a step shown without one (a link that names no cut, urlState.ts leftToStep; a
 * step the player went to before its plan was drawn), the one the player would show there: at
 * once when the step's plan is drawn, else when it is. Written into the step's own history
 * entry. Dropped when the user has gone elsewhere or chosen a cut first.
 */
export function stageCutWhenPlanned(procedure: ProcedureId, variant: string | null, step: number): void {
  const id = stepIdsOf(procedure, variant)[step]
  pendingCut = id && stepView(procedure, variant, id).cut ? { procedure, variant, step } : null
  applyPendingCut()
}

function applyPendingCut(): void {
  const wanted = pendingCut
  if (!wanted || !provider || provider.procedure !== wanted.procedure || provider.variant !== wanted.variant) return
  pendingCut = null
  const { procedure, variant, step, section, apply } = useViewStore.getState()
  if (procedure !== wanted.procedure || variant !== wanted.variant || step !== wanted.step || section !== null) return
  const cut = provider.section(step)
  if (cut) apply({ section: cut }, { kind: 'replace' })
}
