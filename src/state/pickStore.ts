/**
 * What the pointer is over, and the landmark region of the last pick: transient, so not in the
 * view state or the link. Hovering turns on only once fast picking is ready (a bounding-volume
 * hierarchy per mesh, built after the first picture), since brute-force ray casts against
 * 300k triangles on every pointer move would stall the page.
 */
import { create } from 'zustand'
import type { StructureId } from '../domain/anatomy/structures.ts'
import type { RegionId } from '../domain/anatomy/regions.ts'

/** A clicked point of a structure (model frame, mm; on the femur at its rest position). */
export interface PickedPoint {
  readonly structure: StructureId
  readonly point: readonly [number, number, number]
}

export interface Pick {
  readonly structure: StructureId
  readonly region: RegionId | null
}

interface PickState {
  /** True once hover picking is fast enough to run on pointer moves. */
  hoverReady: boolean
  hovered: Pick | null
  /** Where the pointer is, in CSS px of the 3D view, for the hover tip. */
  pointer: { x: number; y: number }
  /** Region of the structure last selected by clicking it (null when selected from the list). */
  pickedRegion: RegionId | null
  /** Where the structure last selected by clicking it was clicked (the name tag points there). */
  pickedPoint: PickedPoint | null
  setHoverReady(ready: boolean): void
  hover(pick: Pick | null, x?: number, y?: number): void
  setPickedRegion(region: RegionId | null): void
  setPickedPoint(point: PickedPoint | null): void
}

export const usePickStore = create<PickState>()((set) => ({
  hoverReady: false,
  hovered: null,
  pointer: { x: 0, y: 0 },
  pickedRegion: null,
  pickedPoint: null,
  setHoverReady: (hoverReady) => set({ hoverReady }),
  hover: (hovered, x, y) =>
    set((s) => {
      const same = s.hovered?.structure === hovered?.structure && s.hovered?.region === hovered?.region
      const pointer = x === undefined || y === undefined ? s.pointer : { x, y }
      return same && pointer === s.pointer ? s : { hovered, pointer }
    }),
  setPickedRegion: (pickedRegion) => set({ pickedRegion }),
  setPickedPoint: (pickedPoint) => set({ pickedPoint }),
}))
