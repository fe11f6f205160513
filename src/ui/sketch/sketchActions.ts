/** What the drawing tools do to the marks (state/sketchStore.ts); shared by the view's buttons and the drawing layer. */
import type { SketchTool } from '../../domain/sketch.ts'
import { useSketchStore } from '../../state/sketchStore.ts'

export function clearMarks(): void {
  if (useSketchStore.getState().strokes.length) useSketchStore.setState({ strokes: [] })
}

export function undoMark(): void {
  useSketchStore.setState((s) => ({ strokes: s.strokes.slice(0, -1) }))
}

export function chooseTool(tool: SketchTool): void {
  useSketchStore.setState({ tool })
}
