/**
 * Stage IV: the joint space narrows because the head, deformed and stripped of cartilage, moves
 * up and out into the socket — the superolateral migration characteristic of hip osteoarthritis
 * (Karachalios 2007; the radiographic picture of secondary OA after ONFH: Ficat IV). The femur
 * moves along HEAD_MIGRATION_DIRECTION; the flattened dome settles on the roof and the head is
 * worn flat where it meets the socket, so the narrowest gap between the bones is the staging
 * table's joint-space width and there is bone on bone over the dome at the end.
 */
import { cited, type Cited } from '../evidence.ts'
import type { Vec3 } from '../viewState.ts'
import { stageValue } from './stageValue.ts'

/** Direction the head migrates in (model frame of a right hip): superolateral, 30° from vertical. */
export const HEAD_MIGRATION_DIRECTION: Cited<Vec3> = cited(
  [-0.5, 0.8660254037844386, 0],
  'Inf',
  ['karachalios2007', 'ficat1985', 'ficat-radiopaedia'],
  'superolateral migration is the common pattern of hip OA; 30° from vertical points into the weight-bearing roof',
)

/** How far the collapsed dome has settled against the roof: from none at the start of stage IV to all at its end. */
export function domeSettling(s: number): number {
  const t = Math.min(1, Math.max(0, s - 3))
  return t * t * (3 - 2 * t)
}

/**
 * How far (mm) the head has migrated at stage s: by what the joint space has lost (healthy minus
 * the table's width) plus, through stage IV, the depth of the collapsed dome as it settles against
 * the roof — so that at the end the flattened dome lies on the roof, bone on bone. Where the
 * intact head would then reach into the socket, it is worn and remodelled flat against it
 * (lesion/collapse.ts `drawnHeadPoint`), as end-stage heads are.
 */
export function headMigrationMm(s: number, restJointSpaceMm: number): number {
  return Math.max(0, restJointSpaceMm - stageValue('jointSpaceMm', s)) + domeSettling(s) * stageValue('collapseDepthMm', s)
}

/**
 * The femur's displacement at stage s (model frame, mm): HEAD_MIGRATION_DIRECTION times
 * headMigrationMm. What the scene applies (scene/disease/uniforms.ts does the same product
 * without allocating, in the frame loop).
 */
export function headShift(s: number, restJointSpaceMm: number): [number, number, number] {
  const m = headMigrationMm(s, restJointSpaceMm)
  const [x, y, z] = HEAD_MIGRATION_DIRECTION.value
  return [x * m, y * m, z * m]
}
