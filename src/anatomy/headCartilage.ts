/**
 * Articular cartilage of the femoral head, built analytically on the head sphere:
 * ≈2.0 mm at the weight-bearing dome (thickest just anterior to the zenith), thinning to
 * ≈1.0 mm at an irregular margin that reaches further onto the anterosuperior neck,
 * with a hole at the fovea (clinical.md §2.1, §4.3). The inner surface sits 0.3 mm
 * inside the bone so no gap shows. Parametrised around the fovea, so the sheet is an
 * annulus: a watertight ring-shaped shell.
 */
import { femurToModel, type HipFrames } from './frames.ts'
import type { MeshData } from './meshData.ts'
import { shellFromGrids } from './shellGrid.ts'
import { add, angleBetween, cross, norm, perpTo, rad, scale, smoothstep, type V3 } from './vec.ts'

export interface HeadCartilageModel {
  /** Angular limit (rad, from the neck axis) of the cartilage in a given direction. */
  marginAngle(dir: V3): number
  thickness(dir: V3, s: number): number
  /** Direction of the thickest, weight-bearing dome (model frame). */
  readonly domeDir: V3
  readonly foveaDir: V3
  readonly foveaAngularRadius: number
}

export function headCartilageModel(f: HipFrames): HeadCartilageModel {
  const sup = femurToModel(f, f.neckSupF)
  const ant = femurToModel(f, f.neckAntF)
  const domeDir = norm([-0.05, 1, 0.22])
  const foveaDir = femurToModel(f, f.foveaDirF)
  const marginAngle = (dir: V3) => {
    const psi = Math.atan2(
      dir[0] * ant[0] + dir[1] * ant[1] + dir[2] * ant[2],
      dir[0] * sup[0] + dir[1] * sup[1] + dir[2] * sup[2],
    )
    // Base 122°, reaching further onto the anterosuperior neck (psi ≈ +45°) and less far
    // posteroinferiorly; low harmonics make the margin irregular rather than a planar cut
    // [Inf]. Capped below the angle where the neck leaves the head sphere (≈135°), so the
    // sheet always lies on bone.
    const deg =
      122 + 8 * Math.cos(psi - rad(45)) + 3.5 * Math.sin(3 * psi + 1.1) + 2 * Math.sin(7 * psi + 0.4)
    return rad(Math.min(132.5, deg))
  }
  const tD = f.hip.headCartilageDome
  const tM = f.hip.headCartilageMargin
  const thickness = (dir: V3, s: number) => {
    const g = 1 - smoothstep(0, rad(95), angleBetween(dir, domeDir))
    const toMargin = smoothstep(0, 0.35, 1 - s)
    // Thinning out into the fovea over the sheet's first quarter, to a feathered edge: a wall of
    // three quarters' thickness round a round pit read as a drill hole (a surgeon's review).
    const nearFovea = 0.12 + 0.88 * smoothstep(0, 0.25, s)
    return (tM + (tD - tM) * g * toMargin) * nearFovea
  }
  return { marginAngle, thickness, domeDir, foveaDir, foveaAngularRadius: (f.hip.foveaRadius + 0.6) / f.hip.headRadius }
}

export function headCartilageMesh(f: HipFrames, rings = 44, cols = 180): MeshData {
  const R = f.hip.headRadius
  const model = headCartilageModel(f)
  const n = f.neckDir
  const P = model.foveaDir
  const e1 = perpTo([0, 1, 0], P)
  const e2 = norm(cross(P, e1))
  const outer: V3[][] = []
  const inner: V3[][] = []
  // The fovea's bare patch: ovoid and a little irregular (a round hole read as drilled), never
  // smaller than the bony pit it surrounds, so the sheet never overhangs the pit [Inf].
  const theta0At = (ps: number) => model.foveaAngularRadius * (1 + 0.16 * (0.5 + 0.5 * Math.cos(ps - 0.8)) + 0.05 * (0.5 + 0.5 * Math.sin(3 * ps + 1)))
  // Margin angle (from the fovea pole) per column, by bisection on the neck-axis limit.
  const dirAt = (th: number, ps: number): V3 =>
    norm(add(scale(P, Math.cos(th)), add(scale(e1, Math.sin(th) * Math.cos(ps)), scale(e2, Math.sin(th) * Math.sin(ps)))))
  const thetaMin: number[] = []
  const thetaMax: number[] = []
  for (let j = 0; j < cols; j++) {
    const ps = (2 * Math.PI * j) / cols
    thetaMin.push(theta0At(ps))
    let lo = thetaMin[j]!
    let hi = Math.PI
    for (let it = 0; it < 40; it++) {
      const mid = (lo + hi) / 2
      const d = dirAt(mid, ps)
      if (angleBetween(d, n) < model.marginAngle(d)) lo = mid
      else hi = mid
    }
    thetaMax.push(lo)
  }
  for (let i = 0; i <= rings; i++) {
    const s = i / rings
    const ro: V3[] = []
    const ri: V3[] = []
    for (let j = 0; j < cols; j++) {
      const ps = (2 * Math.PI * j) / cols
      // Denser rings near both borders (cosine spacing) keep the thin edges smooth.
      const sc = 0.5 - 0.5 * Math.cos(Math.PI * s)
      const th = thetaMin[j]! + (thetaMax[j]! - thetaMin[j]!) * sc
      const d = dirAt(th, ps)
      ro.push(scale(d, R + model.thickness(d, sc)))
      ri.push(scale(d, R - 0.3))
    }
    outer.push(ro)
    inner.push(ri)
  }
  return shellFromGrids(outer, inner, true)
}
