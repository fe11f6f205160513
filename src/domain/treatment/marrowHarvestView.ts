/**
 * The second framing of the BMAC step (issue 11: marrow "drawn from the posterior iliac crest,
 * shown as an inset or a second framing, then injected down the core"): during the first part of
 * the step the camera looks at the back of the pelvis, where the needle enters the crest at the
 * posterior superior iliac spine, then returns to the hip for the injection. Framed from the
 * plan's marrow site (landmarks: the PSIS and the ASIS it aims at), never from screen positions.
 */
import type { Framing } from '../cameraViews.ts'
import { cross, madd, normalise, type Vec3 } from '../vec3.ts'
import type { TreatmentPlan } from './planner.ts'
import { MARROW_HARVEST_UNTIL } from './timeline.ts'

export interface LeadFraming {
  /** The framing holds while the step's time is below this (0…1). */
  readonly until: number
  /** Changes with the framing, so the camera glides to it. */
  readonly key: string
  /** Unit direction from the framed centre toward the eye (right hip; mirrored like the named views). */
  readonly direction: Vec3
  readonly framing: Framing
}

/**
 * How far into the ilium the framing reaches along the needle (mm): the corridor a trocar can
 * advance from the PSIS before meeting the inner table, ≈ 6.7–7.5 cm (Hirahara AM et al., MRI of
 * 26 pelves, 2018), so the picture holds the wing the needle goes into, not only its tip.
 */
const REACH_MM = 70
/** The needle's hub and most of the syringe on it (timeline: a 110-mm needle 25 mm in, a 94-mm syringe). */
const HUB_MM = 150
const MARGIN_MM = 22

/**
 * Seen across the needle, from behind, the outer side and a little above: looking along the
 * needle would show its syringe end-on over the spine.
 */
export function marrowHarvestFraming(plan: TreatmentPlan): LeadFraming {
  const { point: psis, axis } = plan.marrowSite
  const across = normalise(cross(axis, [0, 1, 0]))
  // The side of the needle that faces backward (−Z): the back of the pelvis.
  const back = across[2] <= 0 ? across : ([-across[0], -across[1], -across[2]] as Vec3)
  const direction = normalise(madd(back, [0, 1, 0], 0.45))
  const points = [psis, madd(psis, axis, REACH_MM), madd(psis, axis, -HUB_MM)]
  const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity]
  for (const p of points) for (let k = 0; k < 3; k++) { lo[k] = Math.min(lo[k]!, p[k]! - MARGIN_MM); hi[k] = Math.max(hi[k]!, p[k]! + MARGIN_MM) }
  const corners: Vec3[] = []
  for (const x of [lo[0]!, hi[0]!]) for (const y of [lo[1]!, hi[1]!]) for (const z of [lo[2]!, hi[2]!]) corners.push([x, y, z])
  const centre: Vec3 = [(lo[0]! + hi[0]!) / 2, (lo[1]! + hi[1]!) / 2, (lo[2]! + hi[2]!) / 2]
  const radius = Math.hypot(hi[0]! - lo[0]!, hi[1]! - lo[1]!, hi[2]! - lo[2]!) / 2
  return { until: MARROW_HARVEST_UNTIL, key: 'marrowSite', direction, framing: { centre, radius, corners } }
}

/** The framing a step shows before its own, if it has one (the BMAC step of core decompression). */
export function leadFraming(plan: TreatmentPlan, stepId: string): LeadFraming | null {
  if (plan.procedure === 'core-decompression' && plan.variant === null && stepId === 'bmac') return marrowHarvestFraming(plan)
  return null
}
