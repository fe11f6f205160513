/**
 * The tour player's one choice apart from the view state: whether the scenes advance on their
 * own. A link does not carry it (a shared tour opens paused at its scene, as a treatment step
 * does). Changed only through ./tourPlayer.ts; it changes once per play or pause, never per frame.
 */
import { create } from 'zustand'

export interface TourPlayerState {
  readonly playing: boolean
}

export const useTourPlayerStore = create<TourPlayerState>()(() => ({ playing: false }))
