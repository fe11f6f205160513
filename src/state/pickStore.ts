/**
 * What the pointer is over, and the landmark region of the last pick: transient, so not in the
 * view state or the link. Hovering turns on only once fast picking is ready (a bounding-volume
 * hierarchy per mesh, built after the first picture), since brute-force ray casts against
 * 300k triangles on every pointer move would stall the page.
 */
import { create } from 'zustand'
import type { StructureId } from '../domain/anatomy/structures.ts'
import type { RegionId } from '../domain/anatomy/regions.ts'
import type { TreatmentObjectRef } from '../domain/treatment/frame.ts'
import { useViewStore } from './viewStore.ts'

/** A clicked point of a structure (model frame, mm; on the femur at its rest position). */
export interface PickedPoint {
  readonly structure: StructureId
  readonly point: readonly [number, number, number]
}

export interface Pick {
  readonly structure: StructureId
  readonly region: RegionId | null
}

/** A treatment's instrument or piece under the pointer (drawn only while a treatment is open). */
export interface ObjectPick {
  readonly object: TreatmentObjectRef
}

/** What the pointer is over: a structure of the hip, or a treatment's tool or graft. */
export type Hovered = Pick | ObjectPick

export const isObjectPick = (hovered: Hovered): hovered is ObjectPick => 'object' in hovered

/**
 * A clicked treatment object and where it was clicked (in its own frame, so the tag follows it
 * as it moves). Not in the view state or the link: the objects exist only within one step.
 */
export interface PickedObject {
  readonly object: TreatmentObjectRef
  readonly point: readonly [number, number, number]
}

interface PickState {
  /** True once hover picking is fast enough to run on pointer moves. */
  hoverReady: boolean
  hovered: Hovered | null
  /** Where the pointer is, in CSS px of the 3D view, for the hover tip. */
  pointer: { x: number; y: number }
  /** Region of the structure last selected by clicking it (null when selected from the list). */
  pickedRegion: RegionId | null
  /** Where the structure last selected by clicking it was clicked (the name tag points there). */
  pickedPoint: PickedPoint | null
  /** The treatment object whose name tag is shown (null: none); a selected structure replaces it. */
  pickedObject: PickedObject | null
  setHoverReady(ready: boolean): void
  hover(pick: Hovered | null, x?: number, y?: number): void
  setPickedRegion(region: RegionId | null): void
  setPickedPoint(point: PickedPoint | null): void
  setPickedObject(picked: PickedObject | null): void
}

function sameHovered(a: Hovered | null, b: Hovered | null): boolean {
  if (a === null || b === null) return a === b
  if (isObjectPick(a) || isObjectPick(b)) {
    return isObjectPick(a) && isObjectPick(b) && a.object.id === b.object.id && a.object.role === b.object.role && a.object.kind === b.object.kind
  }
  return a.structure === b.structure && a.region === b.region
}

export const usePickStore = create<PickState>()((set) => ({
  hoverReady: false,
  hovered: null,
  pointer: { x: 0, y: 0 },
  pickedRegion: null,
  pickedPoint: null,
  pickedObject: null,
  setHoverReady: (hoverReady) => set({ hoverReady }),
  hover: (hovered, x, y) =>
    set((s) => {
      const same = sameHovered(s.hovered, hovered)
      const pointer = x === undefined || y === undefined ? s.pointer : { x, y }
      return same && pointer === s.pointer ? s : { hovered, pointer }
    }),
  setPickedRegion: (pickedRegion) => set({ pickedRegion }),
  setPickedPoint: (pickedPoint) => set({ pickedPoint }),
  setPickedObject: (pickedObject) => set({ pickedObject }),
}))

// One tag at a time: selecting a structure (by a click, the list or a link) closes a tool's tag,
// and so does closing or stepping the treatment (the object belongs to one step's picture).
useViewStore.subscribe((state, previous) => {
  if (!usePickStore.getState().pickedObject) return
  const selectedNow = state.selected !== null && state.selected !== previous.selected
  const moved = state.procedure !== previous.procedure || state.variant !== previous.variant || state.step !== previous.step
  if (selectedNow || moved) usePickStore.getState().setPickedObject(null)
})
