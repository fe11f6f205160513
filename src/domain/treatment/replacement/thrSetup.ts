/**
 * What the total hip replacement's timeline (../thrTimeline.ts) needs beyond the implant plan
 * (./thrPlanner.ts): where the femur goes when the hip is dislocated (./dislocation.ts) and
 * where it comes back to.
 */
import type { HipLandmarks } from '../../anatomy/landmarks.ts'
import { normalise, sub, type Vec3 } from '../../vec3.ts'
import type { FemurPose } from '../frame.ts'
import { turnAbout } from '../femurMotion.ts'
import { dislocatedFemur } from './dislocation.ts'
import { planThr, type ThrPlan } from './thrPlanner.ts'
import { planRemovedHead, type RemovedHeadPlan } from './removedHead.ts'

export interface ThrSetup {
  readonly thr: ThrPlan
  readonly femur: {
    /** Untouched: where the disease view draws it (with the stage's migration). */
    readonly rest: FemurPose
    /** Dislocated: turned outward and drawn out of the socket. */
    readonly out: FemurPose
    /** The new joint reduced: the leg's length restored (no migration left), the new ball seated in the liner's centre. */
    readonly reduced: FemurPose
  }
  /**
   * The direction toward the wound (the front) while the femur is dislocated, in the femur's rest
   * frame: the side its tools come from.
   */
  readonly woundOnFemur: Vec3
  /** The bony head's radius (mm): how far past the head the saw cut may reach. */
  readonly headRadius: number
  /** The head the neck cut frees, shown cut open beside the joint (./removedHead.ts). */
  readonly removedHead: RemovedHeadPlan
}

/** `lesionCentre`: the necrotic volume's centre (model frame), where the removed head is cut open. */
export function thrSetup(lm: HipLandmarks, lesionCentre: Vec3): ThrSetup {
  const out = dislocatedFemur(lm)
  const { pivot, axis } = out
  const rest: FemurPose = { pivot, axis, angleDeg: 0, shift: [0, 0, 0], migration: 1 }
  const thr = planThr(lm)
  // Reduced, the new ball sits in the liner: the femur follows it onto the cup's centre (the
  // planner puts the head within 3 mm of the native centre, the cup on it).
  const reduced: FemurPose = { pivot, axis, angleDeg: 0, shift: sub(thr.liner.centre, thr.head.centre), migration: 0 }
  return {
    thr,
    femur: { rest, out, reduced },
    woundOnFemur: normalise(turnAbout([0, 0, 1], axis, -out.angleDeg)),
    headRadius: lm.femoralHead.radius,
    removedHead: planRemovedHead(lm, thr, lesionCentre, out),
  }
}
