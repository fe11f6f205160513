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

/** Where the dome starts to settle (the end of IIIB) and where it has settled (the end of early IV), in stage units. */
const DOME_SETTLING_FROM = 3
const DOME_SETTLED_AT = 3.5

/**
 * How far the collapsed dome has settled against the roof: none at the end of IIIB (s = 3), all
 * by the end of early stage IV (s = 3.5). A stage point is the fully developed state of the band
 * that ends there (bands.ts): at 3.5 the narrowed joint space of ARCO IV is over the dome, where
 * a radiograph measures it, not only at the head's intact shoulders. Settling over the whole of
 * stage IV left a 3 mm lens of fluid over the dome at 3.5, which a surgeon read as a joint space
 * that had not narrowed.
 */
export function domeSettling(s: number): number {
  const t = Math.min(1, Math.max(0, (s - DOME_SETTLING_FROM) / (DOME_SETTLED_AT - DOME_SETTLING_FROM)))
  return t * t * (3 - 2 * t)
}

/**
 * Share of the collapse's depth by which the dome settles [Inf]. The collapse is deepest at its
 * centre and shallower on the shoulders around it (lesion/collapse.ts): settling by the whole
 * depth pressed the shoulders 2–3 mm into the socket, they were worn to its sphere, and the head
 * looked round in it — less collapsed at IV than at IIIB (a surgeon's review; on the model, the
 * gap over the crater's centre 0.64 mm wider than the narrowest at 3.5). At 0.8: 1.57 mm, while
 * the median gap over the lesion (2.9 mm on the socket's sphere) stays within the table's width
 * + 1 mm. A second review: ship as a step; a 3 mm dip against a round socket needs the socket to
 * remodel (a 5 mm lens otherwise).
 */
export const DOME_SETTLING_SHARE = 0.8

/**
 * How far (mm) the head has migrated at stage s: by what the joint space has lost (healthy minus
 * the table's width) plus, through early stage IV, most of the depth of the collapsed dome as it
 * settles against the roof (DOME_SETTLING_SHARE) — so that the gap over the dome is near the
 * table's width from 3.5 on, and at the end the dome's shoulders lie on the roof, bone on bone.
 * Where the intact head would then reach into the socket, it is worn and remodelled flat against
 * it (lesion/collapse.ts `drawnHeadPoint`), as end-stage heads are.
 */
export function headMigrationMm(s: number, restJointSpaceMm: number): number {
  return Math.max(0, restJointSpaceMm - stageValue('jointSpaceMm', s)) + domeSettling(s) * DOME_SETTLING_SHARE * stageValue('collapseDepthMm', s)
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
