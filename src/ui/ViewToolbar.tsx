/** Named camera views, zoom and reset, docked in a corner of the 3D view (never over its centre). */
import { NAMED_VIEWS, DEFAULT_VIEW_STATE } from '../domain/viewState.ts'
import { VIEW_LABELS } from '../domain/cameraViews.ts'
import { useViewStore } from '../state/viewStore.ts'
import { requestCamera } from '../state/cameraRequests.ts'
import { useNo3d, useStatusStore } from '../state/statusStore.ts'
import { useScrollCue } from './useScrollCue.ts'
import { setDrawing, useSketchStore } from '../state/sketchStore.ts'
import { chooseTool, clearMarks, undoMark } from './sketch/sketchActions.ts'

// The drawing layer comes with the buttons (they load after the first picture), so a stroke begun
// right after Draw is pressed finds it there. (The hip stops turning at once: scene/CameraRig.tsx.)
void import('./sketch/SketchLayer.tsx').catch(() => {})

export default function ViewToolbar() {
  const view = useViewStore((s) => s.view)
  const setView = useViewStore((s) => s.setView)
  const images = useViewStore((s) => s.images)
  const setImages = useViewStore((s) => s.setImages)
  const modelFailed = useStatusStore((s) => s.model === 'error')
  const drawing = useSketchStore((s) => s.drawing)
  const tool = useSketchStore((s) => s.tool)
  const marks = useSketchStore((s) => s.strokes.length)
  const barCue = useScrollCue()
  // Without 3D, or without a model, there is nothing to turn (and the bar covered the message saying so).
  if (useNo3d() || modelFailed) return null
  // With the pen on, the drawing tools take the buttons' place: the same place at every size,
  // never over the picture's middle (changing the view would take the marks away anyway).
  if (drawing) {
    return (
      <nav className="view-toolbar drawing" aria-label="Drawing on the view" data-testid="sketch-bar" ref={barCue}>
        <div className="tool-row">
          <button type="button" data-testid="sketch-pen" aria-pressed={tool === 'pen'} onClick={() => chooseTool('pen')}>Pen</button>
          <button type="button" data-testid="sketch-arrow" aria-pressed={tool === 'arrow'} onClick={() => chooseTool('arrow')}>Arrow</button>
        </div>
        <div className="tool-row">
          <button type="button" data-testid="sketch-undo" disabled={marks === 0} title="Undo (Ctrl+Z)" onClick={undoMark}>Undo</button>
          <button type="button" data-testid="sketch-clear" disabled={marks === 0} onClick={clearMarks}>Clear</button>
        </div>
        <button type="button" className="primary sketch-done" data-testid="sketch-done" title="Stop drawing (Esc or D); the marks stay until the view changes" onClick={() => setDrawing(false)}>
          Done drawing
        </button>
      </nav>
    )
  }
  return (
    <nav className="view-toolbar" aria-label="Camera views" ref={barCue}>
      {NAMED_VIEWS.map((name, index) => (
        <button
          key={name}
          type="button"
          data-testid={`view-${name}`}
          aria-pressed={view === name}
          title={`${VIEW_LABELS[name]} (key ${index + 1})`}
          onClick={() => setView(name)}
        >
          {VIEW_LABELS[name]}
        </button>
      ))}
      <span className="toolbar-gap" />
      {/* Two buttons a row below the views: one column of nine ran past the foot of a 640-px-high window. */}
      <div className="tool-row">
        <button type="button" aria-label="Zoom in" title="Zoom in (+)" onClick={() => requestCamera({ kind: 'zoom', factor: 1.25 })}>+</button>
        <button type="button" aria-label="Zoom out" title="Zoom out (−)" onClick={() => requestCamera({ kind: 'zoom', factor: 0.8 })}>−</button>
        <button type="button" data-testid="reset-view" title="Reset view (Home or R)" onClick={() => setView(DEFAULT_VIEW_STATE.view ?? 'anterior')}>
          Reset
        </button>
      </div>
      <div className="tool-row">
        <button type="button" data-testid="images-toggle" aria-pressed={images} title="Simulated X-ray and MRI of this hip" onClick={() => setImages(!images)}>
          Images
        </button>
        <button type="button" data-testid="sketch-toggle" aria-pressed={drawing} title="Draw on the view: a pen or arrows, for the moment (D)" onClick={() => setDrawing(!drawing)}>
          Draw
        </button>
      </div>
    </nav>
  )
}
