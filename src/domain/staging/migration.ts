/**
 * Stage IV: the joint space narrows because the head, deformed and stripped of cartilage, moves
 * up and out into the socket — the superolateral migration characteristic of hip osteoarthritis
 * (Karachalios 2007; the radiographic pattern in secondary OA after ONFH: Ficat IV). The model
 * moves the femur by what the table's joint space has lost since the healthy hip, so the narrowest
 * gap between the bones is the table's joint-space width.
 */
import { cited, type Cited } from '../evidence.ts'
import type { Vec3 } from '../viewState.ts'
import { stageValue } from './stageParameters.ts'

/** Direction the head migrates in (model frame of a right hip): superolateral, 30° from vertical. */
export const HEAD_MIGRATION_DIRECTION: Cited<Vec3> = cited(
  [-0.5, 0.8660254037844386, 0],
  'Inf',
  ['karachalios2007', 'ficat1985', 'ficat-radiopaedia'],
  'superolateral migration is the common pattern of hip OA; 30° from vertical points into the weight-bearing roof',
)

/** How far (mm) the head has migrated at stage s, given the healthy superior joint space (mm). */
export function headMigrationMm(s: number, healthyJointSpaceMm: number): number {
  return Math.max(0, healthyJointSpaceMm - stageValue('jointSpaceMm', s))
}
