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

/** The memo's key of a plan's inputs: equal for equal values. */
export function planKey(input: PlanInput): string {
  return JSON.stringify([input.procedure, input.variant, input.collapseDepthMm, input.lesion]) + hipKey(input.landmarks)
}

/** The plan made lately for inputs equal to `input`, or undefined: nothing is planned. */
export function knownPlan(input: PlanInput): TreatmentPlan | undefined {
  const key = planKey(input)
  const kept = plans.get(key)
  if (kept) {
    // The most recent last: the first one is the one to drop.
    plans.delete(key)
    plans.set(key, kept)
  }
  return kept
}

/** Keeps `plan`, made elsewhere (the plan worker: scene/treatment/planClient.ts), as the plan of `input`. */
export function keepPlan(input: PlanInput, plan: TreatmentPlan): void {
  const key = planKey(input)
  plans.delete(key)
  plans.set(key, plan)
  if (plans.size > KEPT) plans.delete(plans.keys().next().value!)
}

/** planTreatment, or the same plan made lately for equal inputs. */
export function plannedTreatment(input: PlanInput): TreatmentPlan {
  const kept = knownPlan(input)
  if (kept) return kept
  const plan = planTreatment(input)
  keepPlan(input, plan)
  return plan
}
