/**
 * The Images panel's own choices and the pictures rendered for it (issue 13). Only the lazily
 * loaded imaging code imports this: the scene's renderer (scene/imaging) writes the pictures
 * when what they show changes, the panel (ui/imaging) shows them and writes its choices.
 * Nothing here changes per frame.
 */
import { create } from 'zustand'
import type { MriWeighting } from '../domain/imaging/mriSignal.ts'
import type { ImageKind, PictureKind } from '../domain/imaging/imageKinds.ts'
import type { FluoroscopyView } from '../domain/imaging/fluoroscopy.ts'
import type { PictureSpot } from '../domain/imaging/picturePoint.ts'
import type { StructureId } from '../domain/anatomy/structures.ts'
import type { Vec3 } from '../domain/viewState.ts'

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

/** A point the user clicked on a picture (their choice: the panel shows its crosshair at once). */
export interface PointedSpot extends PictureSpot {
  readonly kind: ImageKind
}

/**
 * The same point in the hip, found by the scene (scene/imaging/picturePick.ts) for the 3D view's
 * marker: model frame of the hip as drawn (right-hip frame, mm). A radiograph's point is a line
 * through the hip: `from`–`to` is where it crosses the structure, `point` its middle.
 */
export interface FoundPoint {
  readonly spot: PointedSpot
  /** The structure shown there (selected in the 3D view), null where the picture shows none. */
  readonly structure: StructureId | null
  readonly point: Vec3
  readonly from: Vec3
  readonly to: Vec3
}

interface ImagingState {
  weighting: MriWeighting
  /** Device pixels per side the panel shows a picture at (rounded up to 64, capped). */
  size: number
  /** Collapsed to its title bar (a phone's picture-in-picture). */
  collapsed: boolean
  /** The pictures rendered for the panel and the fluoroscopy inset, by kind (absent until rendered). */
  pictures: Readonly<Partial<Record<PictureKind, RenderedImage>>>
  /** The point clicked on a picture, until the next click, Escape or a change of what the pictures show. */
  pointed: PointedSpot | null
  /** Where that point is in the hip (null until the scene has found it, or where nothing is there). */
  found: FoundPoint | null
  pointAt(spot: PointedSpot | null): void
  setFound(found: FoundPoint | null): void
  setWeighting(weighting: MriWeighting): void
  setSize(size: number): void
  setCollapsed(collapsed: boolean): void
  /** The fluoroscopy inset's view: AP (the default) or lateral. */
  fluoroscopyView: FluoroscopyView
  setFluoroscopyView(view: FluoroscopyView): void
  /** The fluoroscopy picture's size, px per side: FLUOROSCOPY_PX, or larger while it is shown enlarged. */
  fluoroscopyPx: number
  setFluoroscopyPx(px: number): void
}

/** The fluoroscopy inset's picture, px per side (the inset is small: ≈ 12em). */
export const FLUOROSCOPY_PX = 320

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
  pointed: null,
  found: null,
  pointAt: (pointed) => set({ pointed, found: null }),
  setFound: (found) => set({ found }),
  setWeighting: (weighting) => set({ weighting }),
  setSize: (size) => set({ size }),
  setCollapsed: (collapsed) => set({ collapsed }),
  fluoroscopyView: 'ap',
  setFluoroscopyView: (fluoroscopyView) => set({ fluoroscopyView }),
  fluoroscopyPx: FLUOROSCOPY_PX,
  setFluoroscopyPx: (fluoroscopyPx) => set({ fluoroscopyPx }),
}))
