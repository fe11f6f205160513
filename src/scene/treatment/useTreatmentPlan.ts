/**
 * The plan a treatment layer draws: kept in the memo, or asked of the plan worker
 * (./planClient.ts) and drawn when it comes, so opening a treatment never plans in the page's
 * render. While a new plan of the same treatment is made (the stage or lesion moved), the one
 * drawn stays: the tools do not blink out. `hipExplorer.idle()` waits for it (state/pendingWork.ts).
 */
import { useEffect, useState } from 'react'
import type { PlanInput, TreatmentPlan } from '../../domain/treatment/planner.ts'
import { knownPlan } from '../../domain/treatment/planMemo.ts'
import { beginWork } from '../../state/pendingWork.ts'
import { PlanDropped, planInBackground } from './planClient.ts'

export function useTreatmentPlan(input: PlanInput | null): TreatmentPlan | null {
  // The plan last drawn by this layer: kept on screen while the next one of the same treatment is made.
  const [held, setHeld] = useState<TreatmentPlan | null>(null)
  const [failure, setFailure] = useState<Error | null>(null)
  const known = input ? (knownPlan(input) ?? null) : null
  // A plan kept in the memo (made here or for the pictures) is drawn at once.
  if (known && known !== held) setHeld(known)

  useEffect(() => {
    if (!input || knownPlan(input)) return
    let live = true
    const done = beginWork('treatment plan')
    planInBackground(input)
      .then(
        (plan) => live && setHeld(plan),
        // A plan dropped for a newer one is this layer's older input: nothing to show.
        (error: Error) => live && !(error instanceof PlanDropped) && setFailure(error),
      )
      .finally(done)
    return () => {
      live = false
      done()
    }
  }, [input])

  // As when it was planned in the render: the scene's error boundary says so.
  if (failure) throw failure
  if (known) return known
  return input && held && held.procedure === input.procedure && held.variant === input.variant ? held : null
}
