/**
 * The plans made lately, shared by whoever asks for the same one: the 3D view's treatment layer
 * and the pictures (scene/imaging), which planned the step again for every picture. Planning a
 * hip-saving operation traces the curetted cavity and takes 20–40 ms (Node, measured), a share
 * of the longest stop while a treatment opens (issue 12). Plans are plain read-only data, so one
 * object may serve every caller.
 *
 * Keyed by the inputs' values, not their identity: each caller parses the landmarks and places
 * the lesion itself. A hip's landmarks are written out once per object (a WeakMap), the rest per
 * call (a few hundred characters).
 */
import type { HipLandmarks } from '../anatomy/landmarks.ts'
import { planTreatment, type PlanInput, type TreatmentPlan } from './planner.ts'

/** How many plans are kept: the ones a step's views and pictures and a stage or two either side need. */
const KEPT = 4

const hipKeys = new WeakMap<HipLandmarks, string>()
const plans = new Map<string, TreatmentPlan>()

function hipKey(landmarks: HipLandmarks): string {
  let key = hipKeys.get(landmarks)
  if (key === undefined) {
    key = JSON.stringify(landmarks)
    hipKeys.set(landmarks, key)
  }
  return key
}

/** planTreatment, or the same plan made lately for equal inputs. */
export function plannedTreatment(input: PlanInput): TreatmentPlan {
  const key = JSON.stringify([input.procedure, input.variant, input.collapseDepthMm, input.lesion]) + hipKey(input.landmarks)
  const kept = plans.get(key)
  if (kept) {
    // The most recent last: the first one is the one to drop.
    plans.delete(key)
    plans.set(key, kept)
    return kept
  }
  const plan = planTreatment(input)
  plans.set(key, plan)
  if (plans.size > KEPT) plans.delete(plans.keys().next().value!)
  return plan
}
