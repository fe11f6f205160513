/**
 * The treatment player's own choices, apart from the view state because a link does not carry
 * them: a link opens at a step's end, paused, whatever the sender was doing.
 * Changed only through ./treatmentPlayer.ts, which keeps them in step with the view state.
 */
import { create } from 'zustand'

export interface PlayerState {
  /** The steps play one after the other (the clock runs). */
  readonly playing: boolean
  /** Next, Previous and Play pass over the optional steps (e.g. the BMAC adjunct). */
  readonly skipOptional: boolean
}

export const usePlayerStore = create<PlayerState>()(() => ({ playing: false, skipOptional: false }))
