/**
 * The Images panel's own choices and the pictures rendered for it (issue 13). Only the lazily
 * loaded imaging code imports this: the scene's renderer (scene/imaging) writes the pictures
 * when what they show changes, the panel (ui/imaging) shows them and writes its choices.
 * Nothing here changes per frame.
 */
import { create } from 'zustand'
import type { MriWeighting } from '../domain/imaging/mriSignal.ts'
import type { ImageKind } from '../domain/imaging/imageKinds.ts'

export interface RenderedImage {
  readonly width: number
  readonly height: number
  /** RGBA rows from the top. */
  readonly data: Uint8ClampedArray
  /** Side of the square picture, mm (for the scale bar). */
  readonly sizeMm: number
  /** The stage the picture shows (the slider's target, not a frame of its easing). */
  readonly stage: number
}

interface ImagingState {
  weighting: MriWeighting
  /** Device pixels per side the panel shows a picture at (rounded up to 64, capped). */
  size: number
  /** Collapsed to its title bar (a phone's picture-in-picture). */
  collapsed: boolean
  /** The pictures rendered for the panel, by kind (absent until rendered). */
  pictures: Readonly<Partial<Record<ImageKind, RenderedImage>>>
  setWeighting(weighting: MriWeighting): void
  setSize(size: number): void
  setCollapsed(collapsed: boolean): void
}

/** Largest picture rendered, px per side: beyond it a 4K screen gets a smoothly scaled picture. */
export const MAX_IMAGE_PX = 768
const MIN_IMAGE_PX = 128

export function imagePixelsFor(cssPx: number, devicePixelRatio: number): number {
  const px = Math.ceil((cssPx * Math.max(1, devicePixelRatio || 1)) / 64) * 64
  return Math.min(MAX_IMAGE_PX, Math.max(MIN_IMAGE_PX, px))
}

export const useImagingStore = create<ImagingState>()((set) => ({
  weighting: 'T1',
  size: 256,
  collapsed: false,
  pictures: {},
  setWeighting: (weighting) => set({ weighting }),
  setSize: (size) => set({ size }),
  setCollapsed: (collapsed) => set({ collapsed }),
}))
