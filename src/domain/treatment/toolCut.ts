/**
 * The cut along a treatment's tool path: a plane holding the pass's axis, keeping the back half,
 * so the front view looks straight at the tunnel (the step data asks for it: ./stepViews.ts).
 */
import { NORMAL_DECIMALS, OFFSET_DECIMALS, type SectionState } from '../section.ts'
import type { Side } from '../viewState.ts'
import { round } from '../rounding.ts'
import { dot, madd, normalise, type Vec3 } from '../vec3.ts'
import type { BorePlan, TreatmentPlan } from './planner.ts'
import { stepView } from './stepViews.ts'

/**
 * A cut through a tool's path, lengthwise: the plane holds the pass's axis and faces the front as
 * nearly as it can, keeping the back half, so the front view looks straight at the tunnel.
 */
export function cutAlong(bore: BorePlan): SectionState {
  const normal = cutNormalAlong(bore.axis)
  const rounded = normal.map((c) => round(c, NORMAL_DECIMALS)) as unknown as Vec3
  const offset = round(dot(rounded, bore.tip), OFFSET_DECIMALS)
  return { plane: 'free', offset, flip: false, normal: rounded }
}

/**
 * The normal of the cut along a pass of direction `axis`: the back direction with its component
 * along the axis removed, so the plane holds the axis and keeps the back half.
 */
export function cutNormalAlong(axis: Vec3): Vec3 {
  const back: Vec3 = [0, 0, -1]
  return normalise(madd(back, axis, -dot(back, axis)))
}

/**
 * A free plane (kept as it lies in the view: ../section.ts clipPlaneOf does not mirror it with the
 * hip) for the other side's hip, mirrored in x. (Here, not in ../section.ts, which is in the first
 * download; only the treatments' cuts need it.)
 */
export function mirroredSection(section: SectionState): SectionState {
  const [x, y, z] = section.normal
  // 0 − x: a zero stays +0 (the link writes no "-0").
  return section.plane === 'free' ? { ...section, normal: [0 - x, y, z] } : section
}

/**
 * The cut a step asks for in this plan, or null for none, for the hip on `side`. The plan is in
 * the model's frame (a right hip) and a free plane is kept as it lies in the view (../section.ts:
 * a left hip does not mirror it), so a left hip's cut is the plan's mirrored: before, a left hip's
 * cut missed the tunnel and showed the graft's end only.
 */
export function stepSection(plan: TreatmentPlan, stepId: string, side: Side = 'right'): SectionState | null {
  const want = stepView(plan.procedure, plan.variant, stepId).cut
  const bore = want === 'core' ? (plan.core ?? plan.passes[0] ?? null) : want === 'channel' ? plan.channel : null
  if (!bore) return null
  const cut = cutAlong(bore)
  return side === 'right' ? cut : mirroredSection(cut)
}

