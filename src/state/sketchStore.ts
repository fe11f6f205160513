/**
 * The marks drawn over the view for the moment (domain/sketch.ts) and whether the pen is in the
 * presenter's hand. Not in the link: marks belong to the moment, and go when the picture under
 * them changes (ui/sketch/SketchLayer.tsx clears them). Changes once per stroke, never per
 * pointer move (the stroke being drawn lives in the layer until it is finished).
 */
import { create } from 'zustand'
import type { SketchStroke, SketchTool } from '../domain/sketch.ts'

interface SketchState {
  /** The pen is on: the view takes pointer input as drawing, not as turning the hip. */
  readonly drawing: boolean
  readonly tool: SketchTool
  readonly strokes: readonly SketchStroke[]
}

export const useSketchStore = create<SketchState>(() => ({ drawing: false, tool: 'pen', strokes: [] }))

export function setDrawing(drawing: boolean): void {
  useSketchStore.setState({ drawing })
}
