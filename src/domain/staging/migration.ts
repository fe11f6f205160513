/**
 * Stage IV: the joint space narrows because the head, deformed and stripped of cartilage, moves
 * up and out into the socket — the superolateral migration characteristic of hip osteoarthritis
 * (Karachalios 2007; the radiographic picture of secondary OA after ONFH: Ficat IV). The femur
 * moves along HEAD_MIGRATION_DIRECTION by just as much as makes the narrowest gap between the
 * (collapsed) head and the socket equal the staging table's joint-space width. Where the dome has
 * collapsed the gap stays wider, so the contact comes where the head is still intact.
 */
import type { HipLandmarks } from '../anatomy/landmarks.ts'
import { cited, type Cited } from '../evidence.ts'
import { collapseDepthAt } from '../lesion/collapse.ts'
import type { LesionGeometry } from '../lesion/geometry.ts'
import type { Vec3 } from '../viewState.ts'
import { stageValue } from './stageParameters.ts'

/** Direction the head migrates in (model frame of a right hip): superolateral, 30° from vertical. */
export const HEAD_MIGRATION_DIRECTION: Cited<Vec3> = cited(
  [-0.5, 0.8660254037844386, 0],
  'Inf',
  ['karachalios2007', 'ficat-radiopaedia'],
  'superolateral migration is the common pattern of hip OA; 30° from vertical points into the weight-bearing roof',
)

/** What the migration is solved against: the socket's bony surface directions and the healthy gap. */
export interface JointGeometry {
  /** Healthy superior joint space (radiographic: bone to bone), mm. */
  readonly restJointSpaceMm: number
  /** Unit directions from the head centre over the part of the head the socket covers. */
  readonly socketDirections: readonly Vec3[]
}

const DEG = Math.PI / 180

/**
 * Directions (from the head centre) the bony socket covers, well inside its rim: the sphere
 * sampled about every 5°, kept where the angle from the opening axis exceeds the rim's.
 */
export function jointGeometry(lm: HipLandmarks): JointGeometry {
  const c = lm.femoralHead.centre
  const axis = lm.acetabulum.openingAxis
  const e = lm.acetabulum.lateralEdge
  const el = Math.hypot(e[0] - c[0], e[1] - c[1], e[2] - c[2])
  const rim = Math.acos((axis[0] * (e[0] - c[0]) + axis[1] * (e[1] - c[1]) + axis[2] * (e[2] - c[2])) / el)
  const cosLimit = Math.cos(rim + 0.02)
  const out: Vec3[] = []
  for (let polar = 3; polar < 180; polar += 5) {
    const n = Math.max(1, Math.round(72 * Math.sin(polar * DEG)))
    for (let k = 0; k < n; k++) {
      const az = (2 * Math.PI * k) / n
      const d: Vec3 = [Math.sin(polar * DEG) * Math.cos(az), Math.cos(polar * DEG), Math.sin(polar * DEG) * Math.sin(az)]
      if (d[0] * axis[0] + d[1] * axis[1] + d[2] * axis[2] < cosLimit) out.push(d)
    }
  }
  return { restJointSpaceMm: lm.joint.jointSpaceSuperior, socketDirections: out }
}

/** Narrowest gap (mm) with the head moved by `mm` along the migration direction. */
function narrowest(mm: number, depthMm: number, lesion: LesionGeometry, joint: JointGeometry): number {
  const [wx, wy, wz] = HEAD_MIGRATION_DIRECTION.value
  const collapse = { lesion, depthMm }
  let min = Infinity
  for (const d of joint.socketDirections) {
    const gap = joint.restJointSpaceMm + collapseDepthAt(d, collapse) - mm * (wx * d[0] + wy * d[1] + wz * d[2])
    if (gap < min) min = gap
  }
  return min
}

/**
 * How far (mm) the head has migrated at stage s: none while the table's joint space is at least
 * the healthy one; then as much as makes the narrowest gap equal to it (bisection: the gap only
 * shrinks as the head moves in).
 */
export function headMigrationMm(s: number, lesion: LesionGeometry, joint: JointGeometry): number {
  const target = stageValue('jointSpaceMm', s)
  if (target >= joint.restJointSpaceMm) return 0
  const depth = stageValue('collapseDepthMm', s)
  let lo = 0
  let hi = 2 * joint.restJointSpaceMm + stageValue('collapseDepthMm', 4)
  for (let i = 0; i < 22; i++) {
    const mid = (lo + hi) / 2
    if (narrowest(mid, depth, lesion, joint) > target) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}
