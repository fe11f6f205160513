/**
 * Per-vertex landmark regions of the hip bone (ids from src/domain/anatomy/regions.ts),
 * from the same landmarks and acetabulum geometry that built the shape. First match wins.
 */
import type { HipBoneRegionId } from '../domain/anatomy/regions.ts'
import type { AcetabulumGeometry } from './acetabulumGeometry.ts'
import type { IliacFrame, PelvisLandmarks } from './pelvisShape.ts'
import { dist, dot, norm, sub, type V3 } from './vec.ts'

const segDist = (p: V3, a: V3, b: V3): number => {
  const ab = sub(b, a)
  const t = Math.max(0, Math.min(1, dot(sub(p, a), ab) / dot(ab, ab)))
  return dist(p, [a[0] + ab[0] * t, a[1] + ab[1] * t, a[2] + ab[2] * t])
}

export function hipBoneRegionOf(acet: AcetabulumGeometry, il: IliacFrame, lm: PelvisLandmarks): (p: V3) => HipBoneRegionId {
  const R = acet.radius
  const a = acet.axis
  return (p) => {
    const r = Math.hypot(p[0], p[1], p[2])
    const ap = dot(p, a)
    const phi = acet.azimuth(p)
    const h = acet.rimHeight(phi)
    const dir = norm(p)
    if (dist(dir, acet.notchDir) < 0.42 && r < R + 14 && ap > h - 14) return 'acetabularNotch'
    if (r < R + 0.5 && ap < h - 0.8) return 'lunateSurface'
    if (r < R + acet.fossaDepth + 0.6 && acet.fossaAngle(dir) < 0.02 && ap < h) return 'acetabularFossa'
    if (dist(p, lm.iliopubicEminence) < 8) return 'iliopubicEminence'
    if (r < R + 11 && ap > h - 4.5) {
      const deg = (phi * 180) / Math.PI
      return deg > 52 && deg < 92 ? 'psoasNotch' : 'acetabularRim'
    }
    if (dist(p, lm.asis) < 12) return 'anteriorSuperiorIliacSpine'
    if (dist(p, lm.aiis) < 11) return 'anteriorInferiorIliacSpine'
    if (dist(p, lm.psis) < 12) return 'posteriorSuperiorIliacSpine'
    if (dist(p, lm.piis) < 9) return 'posteriorInferiorIliacSpine'
    if (dist(p, lm.iliacTubercle) < 13) return 'iliacTubercle'
    if (dist(p, lm.ischialSpine) < 9) return 'ischialSpine'
    if (dist(p, lm.ischialTuberosity) < 17) return 'ischialTuberosity'
    if (dist(p, lm.pubicTubercle) < 8) return 'pubicTubercle'
    if (segDist(p, [16, -12, 20], [42, -21, 31]) < 6.5) return 'obturatorGroove'
    if (Math.min(segDist(p, [22, 4, 12], [37, -3, 30]), segDist(p, [37, -3, 30], [64, -19, 37])) < 3.6) return 'pectinealLine'
    if (dist(p, lm.lesserSciaticNotch) < 11) return 'lesserSciaticNotch'
    const u = dot(p, il.u0)
    const v = dot(p, il.v0)
    const w = dot(p, il.w0)
    const edge = il.outlineSdf(u, v)
    const medial = w > il.mid(u, v)
    if (medial && Math.abs(u - 92) < 15 && Math.abs(v - 45) < 21) return 'auricularSurface'
    if (medial && dist(p, lm.iliacTuberosity) < 13) return 'iliacTuberosity'
    if (medial && Math.abs(u - 55) < 45 && segDist(p, il.point(95, 38, 5), [26, 14, 10]) < 4) return 'arcuateLine'
    if (edge > -9 && v > 58 && u > -48 && u < 112) return 'iliacCrest'
    if (edge > -10 && u > 68 && u < 108 && v > -5 && v < 42) return 'greaterSciaticNotch'
    if (dist(p, lm.obturatorForamen) < 27 && p[1] < -8 && p[1] > -62) return 'obturatorForamen'
    if (p[0] > 58 && p[1] < -10 && p[1] > -66) return p[1] > lm.pubicBody[1] + 14 ? 'pubicCrest' : 'pubicBody'
    if (segDist(p, [6, 0, 24], [68, -28, 42]) < 14) return 'superiorPubicRamus'
    if (p[1] < -55 && p[0] > 28) return 'ischiopubicRamus'
    if (p[1] < -5 && p[2] < 5) return 'ischium'
    if (v > 25) return medial ? 'iliacFossa' : 'glutealSurface'
    return 'ilium'
  }
}
