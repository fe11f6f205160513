/**
 * Drawing over the view (issue 14): with the pen on, a drag on the view draws a freehand stroke
 * or an arrow (mouse, touch, pen) instead of turning the hip; Undo, Clear, and Done (or Esc)
 * put the pen down. The marks stay over the picture they were drawn on, and go when it changes
 * (a stage, a view, a cut, a step, a turn of the camera: domain/sketch.ts pictureChanged). They
 * are in Save image (api screenshot draws them with ./drawSketch.ts).
 *
 * Loaded when the pen is first taken up (not part of the first download).
 */
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react'
import { addStroke, pictureChanged, toSketchPoint, withPoint, type SketchStroke, type SketchTool } from '../../domain/sketch.ts'
import { onUserCameraMove } from '../../state/cameraMoves.ts'
import { setDrawing, useSketchStore } from '../../state/sketchStore.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { drawSketch } from './drawSketch.ts'

function clearMarks(): void {
  if (useSketchStore.getState().strokes.length) useSketchStore.setState({ strokes: [] })
}

function undo(): void {
  useSketchStore.setState((s) => ({ strokes: s.strokes.slice(0, -1) }))
}

function chooseTool(tool: SketchTool): void {
  useSketchStore.setState({ tool })
}

export default function SketchLayer() {
  const drawing = useSketchStore((s) => s.drawing)
  const tool = useSketchStore((s) => s.tool)
  const strokes = useSketchStore((s) => s.strokes)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  // The stroke under the pointer: drawn as it grows, stored once it is finished.
  const current = useRef<{ pointerId: number; stroke: SketchStroke } | null>(null)
  const frame = useRef(0)
  const [size, setSize] = useState({ width: 0, height: 0, ratio: 1 })

  // The picture changes under the marks: they go.
  useEffect(() => {
    const offView = useViewStore.subscribe((next, prev) => {
      if (pictureChanged(prev, next)) clearMarks()
    })
    const offCamera = onUserCameraMove(clearMarks)
    return () => {
      offView()
      offCamera()
    }
  }, [])

  // The canvas follows the view's size, in device pixels (sharp on a 4K screen).
  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const observer = new ResizeObserver(() => {
      const ratio = window.devicePixelRatio || 1
      setSize({ width: canvas.clientWidth, height: canvas.clientHeight, ratio })
    })
    observer.observe(canvas)
    return () => observer.disconnect()
  }, [])

  const paint = () => {
    frame.current = 0
    const canvas = canvasRef.current
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx) return
    ctx.clearRect(0, 0, canvas.width, canvas.height)
    const shown = current.current ? [...useSketchStore.getState().strokes, current.current.stroke] : useSketchStore.getState().strokes
    drawSketch(ctx, shown, canvas.width, canvas.height)
  }
  const paintSoon = () => {
    frame.current ||= requestAnimationFrame(paint)
  }

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    canvas.width = Math.round(size.width * size.ratio)
    canvas.height = Math.round(size.height * size.ratio)
    paint()
  }, [size, strokes])

  useEffect(() => () => cancelAnimationFrame(frame.current), [])

  // While the pen is on: Esc puts it down (before anything else Esc would do), Ctrl/Cmd+Z undoes.
  useEffect(() => {
    if (!drawing) return
    const onKey = (event: KeyboardEvent) => {
      const undoKey = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z'
      if (event.key !== 'Escape' && !undoKey) return
      event.preventDefault()
      event.stopPropagation()
      if (undoKey) undo()
      else setDrawing(false)
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [drawing])

  const pointAt = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    return toSketchPoint(event.clientX - box.left, event.clientY - box.top, box.width, box.height)
  }
  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (!drawing || current.current || (event.pointerType === 'mouse' && event.button !== 0)) return
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    current.current = { pointerId: event.pointerId, stroke: { tool, points: [pointAt(event)] } }
    paintSoon()
  }
  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const at = current.current
    if (!at || at.pointerId !== event.pointerId) return
    const box = event.currentTarget.getBoundingClientRect()
    // Every position the pointer reported since the last event: a fast stroke stays smooth.
    const moves = event.nativeEvent.getCoalescedEvents?.() ?? []
    for (const move of moves.length ? moves : [event.nativeEvent]) {
      at.stroke = withPoint(at.stroke, toSketchPoint(move.clientX - box.left, move.clientY - box.top, box.width, box.height))
    }
    paintSoon()
  }
  const onPointerUp = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const at = current.current
    if (!at || at.pointerId !== event.pointerId) return
    current.current = null
    useSketchStore.setState((s) => ({ strokes: addStroke(s.strokes, at.stroke) }))
    paintSoon()
  }
  const onPointerCancel = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (current.current?.pointerId !== event.pointerId) return
    current.current = null
    paintSoon()
  }

  return (
    <>
      <canvas
        ref={canvasRef}
        className={drawing ? 'sketch-canvas drawing' : 'sketch-canvas'}
        data-testid="sketch-canvas"
        aria-hidden="true"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
      />
      {drawing && (
        <div className="sketch-bar" role="toolbar" aria-label="Drawing on the view" data-testid="sketch-bar">
          <button type="button" data-testid="sketch-pen" aria-pressed={tool === 'pen'} onClick={() => chooseTool('pen')}>Pen</button>
          <button type="button" data-testid="sketch-arrow" aria-pressed={tool === 'arrow'} onClick={() => chooseTool('arrow')}>Arrow</button>
          <button type="button" data-testid="sketch-undo" disabled={strokes.length === 0} title="Undo (Ctrl+Z)" onClick={undo}>Undo</button>
          <button type="button" data-testid="sketch-clear" disabled={strokes.length === 0} onClick={clearMarks}>Clear</button>
          <button type="button" className="primary" data-testid="sketch-done" title="Stop drawing (Esc); the marks stay until the view changes" onClick={() => setDrawing(false)}>Done</button>
        </div>
      )}
    </>
  )
}
