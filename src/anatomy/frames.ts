/**
 * Anatomical frames of the default hip, derived from the named morphometrics only, so a
 * different patient (or sex) is one call with other numbers.
 *
 * Model frame (docs/contracts.md): right hip, mm, +Y superior, +Z anterior, +X the
 * patient's left (medial for this hip), origin = femoral head centre.
 *
 * The femur is designed in its own "femur frame": origin at the head centre, y along the
 * shaft axis (up), x medial in the coronal plane of the femur, z anterior. The femur
 * frame is the model frame rotated about Z by the shaft adduction, so neck-shaft angle
 * and anteversion are exact in the femur frame whatever posture we display.
 */
import type { MorphometricName } from '../domain/anatomy/morphometrics.ts'
import { cross, dot, madd, norm, perpTo, rad, rotate, scale, type V3 } from './vec.ts'

export type HipNumbers = { readonly [K in MorphometricName]: number }

export interface HipFrames {
  readonly hip: HipNumbers
  /** Femur frame axes expressed in model coordinates. */
  readonly fx: V3
  readonly fy: V3
  readonly fz: V3
  /** Unit neck axis, pointing from the neck base toward the head (model frame). */
  readonly neckDir: V3
  /** Neck axis in the femur frame. */
  readonly neckDirF: V3
  /** Where the neck axis meets the shaft axis (femur frame). */
  readonly neckShaftF: V3
  /** Superior and anterior unit vectors across the neck (femur frame). */
  readonly neckSupF: V3
  readonly neckAntF: V3
  /** Fovea capitis direction from the head centre (femur frame). */
  readonly foveaDirF: V3
  /** Acetabular opening axis (unit, pointing out of the cup, model frame). */
  readonly cupAxis: V3
  /** Rim-plane frame: r0 toward superior, r90 toward anterior (model frame). */
  readonly rimSup: V3
  readonly rimAnt: V3
  /** Offset of the rim plane along cupAxis at the superolateral (CE) point. */
  readonly rimOffsetCE: number
}

export function femurToModel(f: HipFrames, p: V3): V3 {
  return [
    f.fx[0] * p[0] + f.fy[0] * p[1] + f.fz[0] * p[2],
    f.fx[1] * p[0] + f.fy[1] * p[1] + f.fz[1] * p[2],
    f.fx[2] * p[0] + f.fy[2] * p[1] + f.fz[2] * p[2],
  ]
}
export function modelToFemur(f: HipFrames, p: V3): V3 {
  return [dot(p, f.fx), dot(p, f.fy), dot(p, f.fz)]
}

export function buildFrames(hip: HipNumbers): HipFrames {
  const add = rad(hip.shaftAdduction)
  // Rotation about +Z by the adduction: the shaft's top leans laterally (−X).
  const fy: V3 = [-Math.sin(add), Math.cos(add), 0]
  const fx: V3 = [Math.cos(add), Math.sin(add), 0]
  const fz: V3 = [0, 0, 1]

  // Neck axis in the femur frame: angle to the shaft (distal) = neck-shaft angle;
  // its transverse projection is rotated anteriorly by the anteversion.
  const up = rad(180 - hip.neckShaftAngle)
  const av = rad(hip.femoralAnteversion)
  const neckDirF: V3 = [Math.sin(up) * Math.cos(av), Math.cos(up), Math.sin(up) * Math.sin(av)]
  const L = hip.femoralOffset / Math.sin(up)
  const neckShaftF = scale(neckDirF, -L)
  const neckSupF = perpTo([0, 1, 0], neckDirF)
  const neckAntF = norm(cross(neckDirF, neckSupF))

  // Fovea: posteroinferior to the head's apex [Inf: 32° down, 25° back], so that in the
  // neutral standing position it faces the acetabular fossa (as it does in vivo).
  let foveaDirF = rotate(neckDirF, neckAntF, -rad(32))
  foveaDirF = norm(madd(foveaDirF, neckAntF, -Math.tan(rad(25))))

  const inc = rad(hip.rimPlaneInclination)
  const ant = rad(hip.rimAxisAnteversion)
  const cupAxis: V3 = [-Math.sin(inc) * Math.cos(ant), -Math.cos(inc) * Math.cos(ant), Math.sin(ant)]
  const rimSup = perpTo([0, 1, 0], cupAxis)
  let rimAnt = norm(cross(cupAxis, rimSup))
  if (rimAnt[2] < 0) rimAnt = scale(rimAnt, -1)

  // Rim offset so that the lateral centre-edge angle is exact in the coronal plane.
  const ce = rad(hip.centreEdgeAngle)
  const cePoint: V3 = [-Math.sin(ce) * hip.acetabularRadius, Math.cos(ce) * hip.acetabularRadius, 0]
  const rimOffsetCE = dot(cupAxis, cePoint)

  return {
    hip,
    fx,
    fy,
    fz,
    neckDir: norm([
      fx[0] * neckDirF[0] + fy[0] * neckDirF[1],
      fx[1] * neckDirF[0] + fy[1] * neckDirF[1],
      neckDirF[2],
    ]),
    neckDirF,
    neckShaftF,
    neckSupF,
    neckAntF,
    foveaDirF,
    cupAxis,
    rimSup,
    rimAnt,
    rimOffsetCE,
  }
}
