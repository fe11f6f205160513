/**
 * Rendering preferences of the expert panel (leva). Not part of the link: they tune how the
 * picture looks on a given screen or projector, not what it shows.
 */
import { create } from 'zustand'

export interface RenderSettings {
  /** Multiplier of the key light. */
  keyLight: number
  /** Multiplier of fill and rim lights. */
  fillLight: number
  /** Tone-mapping exposure. */
  exposure: number
  background: string
  set(patch: Partial<Omit<RenderSettings, 'set'>>): void
}

export const RENDER_DEFAULTS = { keyLight: 1, fillLight: 1, exposure: 1, background: '#e6e9ed' }

export const useRenderSettings = create<RenderSettings>()((set) => ({
  ...RENDER_DEFAULTS,
  set: (patch) => set(patch),
}))
