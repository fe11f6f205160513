/**
 * Per-vertex landmark regions of the femur (ids from src/domain/anatomy/regions.ts),
 * decided in the femur frame from the same landmarks the shape was built from. Rules
 * are tested in order; the first that matches wins.
 */
import { FEMUR_REGION_IDS, type FemurRegionId } from '../domain/anatomy/regions.ts'
import { modelToFemur, type HipFrames } from './frames.ts'
import type { FemurLandmarksF } from './femurShape.ts'
import { headCartilageModel } from './headCartilage.ts'
import { femurToModel } from './frames.ts'
import { angleBetween, dist, dot, norm, sub, type V3 } from './vec.ts'

const segDist = (p: V3, a: V3, b: V3): number => {
  const ab = sub(b, a)
  const t = Math.max(0, Math.min(1, dot(sub(p, a), ab) / dot(ab, ab)))
  return dist(p, [a[0] + ab[0] * t, a[1] + ab[1] * t, a[2] + ab[2] * t])
}

export function femurRegionOf(f: HipFrames, lm: FemurLandmarksF): (p: V3) => FemurRegionId {
  const R = f.hip.headRadius
  const n = f.neckDirF
  const fov = f.foveaDirF
  const cart = headCartilageModel(f)
  const { shaftX: sx, shaftZ: sz } = lm
  return (pm) => {
    const q = modelToFemur(f, pm)
    const r = Math.hypot(q[0], q[1], q[2])
    const t = -dot(q, n)
    if (r < R + 0.6 && angleBetween(q, fov) < 0.27) return 'foveaCapitis'
    const margin = cart.marginAngle(norm(femurToModel(f, q)))
    const aN = angleBetween(q, n)
    if (r < R + 0.6 && aN < margin) return 'femoralHead'
    if (aN >= margin && t < 24 && r < R + 3) return 'headNeckJunction'
    if (dist(q, lm.trochantericFossa) < 9) return 'trochantericFossa'
    if (dist(q, lm.quadrateTubercle) < 7) return 'quadrateTubercle'
    if (segDist(q, lm.lesserTrochanterBase, lm.lesserTrochanterTip) < 9 && q[0] > sx + 6) return 'lesserTrochanter'
    if (segDist(q, lm.crestTop, lm.crestBottom) < 7 && q[2] < sz - 8) return 'intertrochantericCrest'
    if (segDist(q, lm.lineTop, lm.lineBottom) < 6 && q[2] > sz + 4) return 'intertrochantericLine'
    if (dist(q, lm.vastusRidge) < 8 && q[0] < sx - 12) return 'vastusRidge'
    if (q[0] < sx - 4 && q[1] > -31 && t > 30) return 'greaterTrochanter'
    if (q[0] < sx - 9 && q[1] <= -31 && q[1] > -62) return 'lateralCortex'
    if (t < 46 && q[1] > -40 && q[0] > sx - 4) return 'femoralNeck'
    if (q[1] < -95 && Math.abs(q[0] - sx - 1) < 6 && q[2] < sz - 9) return 'lineaAspera'
    if (segDist(q, [sx - 10, -62, sz - 12], [sx - 4, -105, sz - 13.5]) < 5) return 'glutealTuberosity'
    return 'femoralShaft'
  }
}

/** Inner cortex surface: subchondral plate in the head, canal wall in the shaft. */
export function femurInnerRegionOf(f: HipFrames, lm: FemurLandmarksF): (p: V3) => FemurRegionId {
  const R = f.hip.headRadius
  return (pm) => {
    const q = modelToFemur(f, pm)
    if (Math.hypot(q[0], q[1], q[2]) < R && -dot(q, f.neckDirF) < 14) return 'subchondralPlate'
    if (q[1] < lm.canalTopY) return 'medullaryCanal'
    return 'endostealSurface'
  }
}

export function regionIndex(id: FemurRegionId): number {
  return FEMUR_REGION_IDS.indexOf(id)
}
