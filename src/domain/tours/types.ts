/**
 * The shape of a guided tour (issue 14): data, not code. A tour is an ordered list of scenes;
 * each scene is the view it shows (a partial view state, checked with the link's own validation
 * by tests/unit/tours.test.ts), what it says in plain words and in clinical terms, where that
 * comes from, and how long it stays while the tour plays.
 */
import type { Citation } from '../evidence.ts'
import type { ViewState } from '../viewState.ts'
import type { TourId } from './tourCatalogue.ts'

/**
 * Fields a scene never sets: the reader's own choices (words, hip side, staging system, language,
 * presenter mode) and the tour's place, which the player writes.
 */
export const READER_FIELDS = ['mode', 'side', 'stageSystem', 'lang', 'present', 'tour', 'scene'] as const
type ReaderField = (typeof READER_FIELDS)[number]

/**
 * What a scene shows, over the default view (not over the scene before: a scene reached by any
 * route, forward, back or by a link, looks the same). A treatment step without a named view or
 * camera is seen from the view the step is best seen from (domain/treatment/stepViews.ts).
 */
export type SceneView = Partial<Omit<ViewState, ReaderField>>

export interface Words {
  readonly patient: string
  readonly clinical: string
}

export interface TourScene {
  /** Stable within its tour (kebab-case). */
  readonly id: string
  readonly view: SceneView
  /** A few words naming what the scene shows. */
  readonly title: Words
  /** The scene's caption: plain and hedged for patients, in clinical terms for clinicians. */
  readonly caption: Words
  /** Where the caption's facts come from (clinical reference ids, ../sources.ts). */
  readonly citation: Citation
  /** How long the scene stays while the tour plays, seconds. */
  readonly seconds: number
}

export interface Tour {
  readonly id: TourId
  readonly scenes: readonly TourScene[]
}
