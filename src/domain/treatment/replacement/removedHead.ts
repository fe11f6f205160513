/**
 * The femoral head the neck cut takes off, shown cut open beside the joint (issue 12: "the head
 * removed and shown cut open beside the joint, the dead wedge and collapse of the current stage
 * visible in it"). Pure numbers: which bone it is, which half of it is kept, and where it lies.
 *
 * - The piece is the femur's bone on the head's side of the neck cut (the saw's planes) and behind
 *   a coronal plane through the lesion's centre: the posterior half, so its cut face looks to the
 *   front, as a coronal MRI slice of the head is read (superior up, the lateral side toward the
 *   lateral side of the picture).
 * - It lies beside the hip, lateral to the iliac wing and below the front of the crest (model
 *   frame), its cut face toward the front: in the anterior views of the steps that show it, it is
 *   clear of every bone (a surgeon's review: lying over the pubic ramus and the obturator
 *   foramen, it read as part of the pelvis), of the dislocated femur below it, and of the
 *   reamers and the cup impactor, which come from the lateral, inferior and anterior side along
 *   the cup's axis. It is moved without turning, so the slice reads the way the disease view's
 *   coronal cut does. The offsets are design choices, from the anterior superior iliac spine.
 */
import type { HipLandmarks } from '../../anatomy/landmarks.ts'
import { add, sub, type Vec3 } from '../../vec3.ts'
import type { BoneRemoval, FemurPose } from '../frame.ts'
import type { ThrPlan } from './thrPlanner.ts'

/** How far the coronal cut may lie in front of or behind the head centre (share of the head radius). */
const CUT_OFFSET_MAX_SHARE = 0.5
/** Where the centre of the cut face lies, from the anterior superior iliac spine (mm, model frame +X medial, +Y up, +Z forward): 50 lateral, 30 below, 40 behind it. */
const LYING_FROM_ASIS: Vec3 = [-50, -30, -40]

export interface RemovedHeadPlan {
  /** The bone the piece is (femur rest frame): the head side of the neck cut, behind the coronal cut. */
  readonly removal: BoneRemoval
  /** The whole head the saw frees (femur rest frame), as it is lifted out before it is cut open. */
  readonly whole: BoneRemoval
  /** The coronal cut (femur rest frame): a point on it and its unit normal out of the kept half (anterior). */
  readonly face: { readonly point: Vec3; readonly normal: Vec3 }
  /**
   * Rest frame → where it lies (model frame): a move, no turn; given about `turn`'s pivot and
   * axis (the dislocated femur's), so the lift from the femur to here eases as one motion
   * (../femurMotion.ts partWay).
   */
  readonly pose: FemurPose
  /** Where the centre of its cut face lies (model frame): what the step's framing must hold. */
  readonly lyingFaceCentre: Vec3
  /** The piece's reach from that centre (mm): the head with its cartilage and the neck to the cut. */
  readonly reach: number
}

/** Where the centre of the removed head's cut face lies (model frame): from the landmarks alone, for the steps' framings. */
export function removedHeadLyingPoint(lm: HipLandmarks): Vec3 {
  return add(lm.pelvis.asis, LYING_FROM_ASIS)
}

/**
 * `lesionCentre`: the centre of the necrotic volume (model frame), where the coronal cut goes
 * (within half the head's radius of its centre, so the cut face is a large disc of the head).
 */
export function planRemovedHead(lm: HipLandmarks, thr: ThrPlan, lesionCentre: Vec3, turn: Pick<FemurPose, 'pivot' | 'axis'>): RemovedHeadPlan {
  const head = lm.femoralHead.centre
  const R = lm.femoralHead.cartilageRadius
  const offset = Math.max(-CUT_OFFSET_MAX_SHARE * R, Math.min(CUT_OFFSET_MAX_SHARE * R, lesionCentre[2] - head[2]))
  const facePoint: Vec3 = [head[0], head[1], head[2] + offset]
  const normal: Vec3 = [0, 0, 1]
  const cut = thr.neckCut
  const reach = Math.hypot(...sub(head, cut.point)) + R + 10
  const bound = { centre: cut.point, radius: reach }
  const saw = [{ point: cut.point, normal: cut.normal }, cut.lateralStop] as const
  const whole: BoneRemoval = { kind: 'planes', id: 'removed-head-whole', target: 'femur', planes: saw, bound }
  // The saw's planes (the bone it frees) and the coronal cut, the anterior half taken away.
  const removal: BoneRemoval = { kind: 'planes', id: 'removed-head', target: 'femur', planes: [...saw, { point: facePoint, normal: [0, 0, -1] }], bound }
  const shift = sub(removedHeadLyingPoint(lm), facePoint)
  return {
    removal,
    whole,
    face: { point: facePoint, normal },
    pose: { pivot: turn.pivot, axis: turn.axis, angleDeg: 0, shift, migration: 0 },
    lyingFaceCentre: add(facePoint, shift),
    reach,
  }
}
