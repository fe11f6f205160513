/**
 * A drilled channel (multiple drilling's pin passes), drawn where the bone is seen through: a
 * thin blood-dark rod as wide as the pin along the pass, so the fan of channels through one
 * entry reads at a glance. One unit cylinder serves every pass: stretched to the pin's radius and
 * the pass's length.
 */
import type { ObjectModel } from '../objectModel.ts'
import { unitColumn } from './pieceParts.ts'

export function buildDrillTrack(): ObjectModel {
  return unitColumn('track', 'channel')
}
