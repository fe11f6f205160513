/**
 * Bone-marrow cells (the aspirate concentrate) injected down the core: a dark-red column that
 * fills the tunnel from its deep end as `fill` grows (clinical.md §6.1 BMAC). One unit cylinder
 * serves every size: it is stretched to the tunnel's radius and to the filled length.
 */
import type { ObjectModel } from '../objectModel.ts'
import { unitColumn } from './pieceParts.ts'

export function buildMarrowCells(): ObjectModel {
  return unitColumn('cells', 'marrow')
}
