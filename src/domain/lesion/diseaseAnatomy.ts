/**
 * The anatomy the disease is drawn on, derived once from the model's landmarks: what the
 * shaders' anatomy uniforms hold (scene/disease/uniforms.ts applyAnatomy) and what the picking
 * rules that mirror those shaders read (./drawnTissue.ts).
 *
 * Derived values (the head–neck junction angle, the rim angle of the socket) are computed from
 * the landmarks and from each other here, never read back from uniforms: a value read from a
 * uniform before it is written depends on the order of changes, so a link opened fresh and the
 * same view reached by clicks drew the ring of rim osteophytes differently (issue 9).
 */
import type { HipLandmarks } from '../anatomy/landmarks.ts'
import type { Vec3 } from '../viewState.ts'

export interface DiseaseAnatomy {
  readonly headCentre: Vec3
  readonly headRadius: number
  /** Cartilage thickness at the dome of the head and at the roof of the socket, mm. */
  readonly headCartilageMm: number
  readonly acetCartilageMm: number
  /** Healthy superior joint space, mm. */
  readonly jointSpaceRestMm: number
  /** Unit direction from the head centre toward the neck. */
  readonly neckDir: Vec3
  /** Angle (rad) of the head–neck junction from `neckDir`: directions further from it are the head. */
  readonly junctionAngle: number
  readonly acetCentre: Vec3
  readonly acetRadius: number
  /** Unit axis out of the socket's opening. */
  readonly acetAxis: Vec3
  /** Angle (rad) of the socket's rim from `acetAxis`: directions further from it are in the socket. */
  readonly rimAngle: number
}

const unit = (v: readonly number[]): Vec3 => {
  const l = Math.hypot(v[0]!, v[1]!, v[2]!) || 1
  return [v[0]! / l, v[1]! / l, v[2]! / l]
}

/** Angle (rad) between the direction from `origin` to `p` and the unit vector `dir`. */
export function angleFrom(p: readonly number[], origin: readonly number[], dir: Vec3): number {
  const d = unit([p[0]! - origin[0]!, p[1]! - origin[1]!, p[2]! - origin[2]!])
  return Math.acos(Math.min(1, Math.max(-1, d[0] * dir[0] + d[1] * dir[1] + d[2] * dir[2])))
}

export function diseaseAnatomyOf(lm: HipLandmarks): DiseaseAnatomy {
  const h = lm.femoralHead
  // neckAxis points from the neck toward the head: the neck lies the other way.
  const n = lm.neckAxis.direction
  const neckDir = unit([-n[0], -n[1], -n[2]])
  // Head–neck junction: mean angle of its landmark foramina from the neck direction.
  const hn = lm.headNeckJunction
  const junction = [...hn.posterosuperior, hn.anterior, hn.inferior]
  let sum = 0
  for (const p of junction) sum += angleFrom(p, h.centre, neckDir)
  const a = lm.acetabulum
  const acetAxis = unit(a.openingAxis)
  return {
    headCentre: h.centre,
    headRadius: h.radius,
    headCartilageMm: lm.joint.headCartilageDome,
    acetCartilageMm: lm.joint.acetabularCartilageRoof,
    jointSpaceRestMm: lm.joint.jointSpaceSuperior,
    neckDir,
    junctionAngle: sum / junction.length,
    acetCentre: a.centre,
    acetRadius: a.radius,
    acetAxis,
    rimAngle: angleFrom(a.lateralEdge, a.centre, acetAxis),
  }
}
