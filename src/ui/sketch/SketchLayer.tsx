/**
 * Drawing over the view (issue 14): with the pen on, a drag on the picture draws a freehand
 * stroke or an arrow (mouse, touch, pen) instead of turning the hip. The tools (Pen, Arrow, Undo,
 * Clear, Done) take the place of the view's buttons while the pen is on (../ViewToolbar.tsx); Esc
 * or Ctrl+Z here. The marks lie over the 3D picture's own box (narrower with the Images panel
 * open) and stay over the picture they were drawn on; they go when it changes (a stage, a view,
 * a cut, a step, a turn of the camera: domain/sketch.ts pictureChanged). They are in Save image
 * (api screenshot draws them with ./drawSketch.ts).
 *
 * Loaded with the view's buttons, after the first picture (not part of the first download).
 */
import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react'
import { addStroke, pictureChanged, toSketchPoint, withPoint, type SketchStroke } from '../../domain/sketch.ts'
import { onUserCameraMove } from '../../state/cameraMoves.ts'
import { setDrawing, useSketchStore } from '../../state/sketchStore.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { drawSketch } from './drawSketch.ts'
import { clearMarks, undoMark } from './sketchActions.ts'

/** The 3D picture's canvas (the first in the view; ours comes after it). */
const pictureCanvas = (): HTMLCanvasElement | null => document.querySelector<HTMLCanvasElement>('[data-testid="viewer"] canvas')

export default function SketchLayer() {
  const drawing = useSketchStore((s) => s.drawing)
  const tool = useSketchStore((s) => s.tool)
  const strokes = useSketchStore((s) => s.strokes)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  // The stroke under the pointer: drawn as it grows, stored once it is finished.
  const current = useRef<{ pointerId: number; stroke: SketchStroke } | null>(null)
  const frame = useRef(0)
  const [box, setBox] = useState({ left: 0, top: 0, width: 0, height: 0, ratio: 1 })

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

  // The canvas lies over the 3D picture's canvas, at its size in device pixels (sharp on a 4K
  // screen): the marks' units are the picture's, so they move with it when the Images panel
  // narrows it, and the saved image (that canvas) has them where they were drawn.
  useLayoutEffect(() => {
    const picture = pictureCanvas()
    const parent = canvasRef.current?.offsetParent
    if (!picture || !parent) return
    const follow = () => {
      const at = picture.getBoundingClientRect()
      const from = parent.getBoundingClientRect()
      setBox({ left: at.left - from.left, top: at.top - from.top, width: at.width, height: at.height, ratio: window.devicePixelRatio || 1 })
    }
    // Measured before the first paint too: a stroke begun at once lands on the layer, not the hip.
    follow()
    const observer = new ResizeObserver(follow)
    observer.observe(picture)
    observer.observe(parent)
    return () => observer.disconnect()
  }, [])

  const paint = () => {
    frame.current = 0
    const canvas = canvasRef.current
    // A canvas kept in memory (not on the GPU): drawn a few times per stroke, and Chromium's GPU
    // canvas (SwiftShader) sometimes kept showing, and reading back, marks that had been cleared.
    const ctx = canvas?.getContext('2d', { willReadFrequently: true })
    if (!canvas || !ctx) return
    ctx.clearRect(0, 0, canvas.width, canvas.height)
    const shown = current.current ? [...useSketchStore.getState().strokes, current.current.stroke] : useSketchStore.getState().strokes
    drawSketch(ctx, shown, canvas.width, canvas.height, canvas.width / Math.max(1, canvas.clientWidth))
  }
  const paintSoon = () => {
    frame.current ||= requestAnimationFrame(paint)
  }

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const [width, height] = [Math.round(box.width * box.ratio), Math.round(box.height * box.ratio)]
    // Only when the size changed: set to the same size it cleared the canvas in a way Chromium
    // (software 2D) did not always show, leaving cleared marks on screen.
    if (canvas.width !== width) canvas.width = width
    if (canvas.height !== height) canvas.height = height
    paint()
  }, [box, strokes])

  useEffect(() => () => cancelAnimationFrame(frame.current), [])

  // While the pen is on, no drag selects the page's words: a stroke begun a little off the
  // picture (on the Images panel beside it, or the caption strip when presenting) painted the
  // panel's text blue on the big screen instead.
  useEffect(() => {
    if (!drawing) return
    document.documentElement.classList.add('sketching')
    return () => document.documentElement.classList.remove('sketching')
  }, [drawing])

  // While the pen is on: Esc puts it down (before anything else Esc would do), Ctrl/Cmd+Z undoes.
  useEffect(() => {
    if (!drawing) return
    const onKey = (event: KeyboardEvent) => {
      const undoKey = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z'
      // The store, not this render's flag: a second Esc right after the first (the pen already
      // down, this listener not yet removed) goes on to what Esc does next (leaving presenting).
      if ((event.key !== 'Escape' && !undoKey) || !useSketchStore.getState().drawing) return
      event.preventDefault()
      event.stopPropagation()
      if (undoKey) undoMark()
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
    <canvas
      ref={canvasRef}
      className={drawing ? 'sketch-canvas drawing' : 'sketch-canvas'}
      style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
      data-testid="sketch-canvas"
      aria-hidden="true"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
    />
  )
}
