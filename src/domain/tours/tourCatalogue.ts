/**
 * The guided tours' ids and scene counts, apart from their words (./tourTitles.ts, ./tours.ts):
 * links, the API and the keys need only these, so the words stay out of the first download.
 * A unit test keeps this table equal to the tours' data.
 */
export const TOUR_IDS = ['blood-supply', 'healthy-to-collapse', 'treatment-options'] as const
export type TourId = (typeof TOUR_IDS)[number]

export interface TourEntry {
  readonly sceneCount: number
}

export const TOUR_CATALOGUE: Readonly<Record<TourId, TourEntry>> = {
  'blood-supply': { sceneCount: 8 },
  'healthy-to-collapse': { sceneCount: 7 },
  'treatment-options': { sceneCount: 6 },
}

const ID_SET: ReadonlySet<string> = new Set(TOUR_IDS)
export function isTourId(value: string): value is TourId {
  return ID_SET.has(value)
}

export function sceneCountOf(id: TourId): number {
  return TOUR_CATALOGUE[id].sceneCount
}
