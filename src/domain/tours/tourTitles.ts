/**
 * The guided tours' names, in plain words (patient mode) and in clinical terms: for the Tours
 * menu, the open tour and its captions, all loaded on demand (./tourCatalogue.ts is the part in
 * the first download).
 */
import type { Words } from './types.ts'
import type { TourId } from './tourCatalogue.ts'

export const TOUR_TITLES: Readonly<Record<TourId, Words>> = {
  'blood-supply': { patient: 'How the hip gets its blood', clinical: 'Blood supply of the femoral head' },
  'healthy-to-collapse': { patient: 'From a healthy hip to collapse', clinical: 'Natural course: healthy hip to ARCO IV' },
  'treatment-options': { patient: 'Your treatment options', clinical: 'Treatment options by stage' },
}
