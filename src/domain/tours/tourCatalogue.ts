/**
 * The guided tours' ids, titles and scene counts, apart from their scenes (./tours.ts): links,
 * the API, the keys and the Tours menu need only these, so the scenes' words (several KB) stay
 * out of the first download. A unit test keeps this table equal to the tours' data.
 */
export const TOUR_IDS = ['blood-supply', 'healthy-to-collapse', 'treatment-options'] as const
export type TourId = (typeof TOUR_IDS)[number]

export interface TourEntry {
  /** In plain words (patient mode) and in clinical terms. */
  readonly title: { readonly patient: string; readonly clinical: string }
  readonly sceneCount: number
}

export const TOUR_CATALOGUE: Readonly<Record<TourId, TourEntry>> = {
  'blood-supply': {
    title: { patient: 'How the hip gets its blood', clinical: 'Blood supply of the femoral head' },
    sceneCount: 8,
  },
  'healthy-to-collapse': {
    title: { patient: 'From a healthy hip to collapse', clinical: 'Natural course: ARCO 0 to IV' },
    sceneCount: 7,
  },
  'treatment-options': {
    title: { patient: 'Your treatment options', clinical: 'Treatment options by stage' },
    sceneCount: 6,
  },
}

const ID_SET: ReadonlySet<string> = new Set(TOUR_IDS)
export function isTourId(value: string): value is TourId {
  return ID_SET.has(value)
}

export function sceneCountOf(id: TourId): number {
  return TOUR_CATALOGUE[id].sceneCount
}
