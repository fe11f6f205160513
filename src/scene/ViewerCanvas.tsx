/**
 * The WebGL canvas, built on R3F's createRoot so that only the three.js classes we use are
 * registered (see three/registerThreeElements.ts), with:
 * - frameloop "demand": an idle page renders no frames;
 * - a pixel-ratio cap, so a 4K screen does not ask for more pixels than it can fill;
 * - the canvas and its WebGL 2 context made once (three/viewContext.ts: multisampled on a GPU
 *   only), its absence, context-loss tracking and an error boundary reported to the status store.
 */
import { Component, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { createRoot, events, type ReconcilerRoot, type RootState } from '@react-three/fiber'
import type { WebGLRenderer } from 'three'
import { registerThreeElements } from './three/registerThreeElements.ts'
import { setRenderHandle } from './renderHandle.ts'
import { createViewContext, rendererFor, type ViewContext } from './three/viewContext.ts'
import { useStatusStore } from '../state/statusStore.ts'

// Hoisted: the root re-applies configuration that changed, and a new camera object would reset the view.
const CAMERA_OPTIONS = { fov: 30, near: 5, far: 5000, position: [0, 0, 600] as [number, number, number] }

/** Drawing-buffer pixels above which we lower the pixel ratio (a 4K screen at ratio 1). */
const MAX_BUFFER_PIXELS = 3840 * 2160

export function pixelRatioFor(width: number, height: number, devicePixelRatio: number): number {
  const wanted = Math.min(Math.max(devicePixelRatio || 1, 1), 2)
  const cap = Math.sqrt(MAX_BUFFER_PIXELS / Math.max(1, width * height))
  return Math.max(0.75, Math.min(wanted, cap))
}

interface BoundaryProps {
  children: ReactNode
}

/** Catches errors thrown while rendering the 3D tree, which R3F would otherwise rethrow. */
class SceneErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override componentDidCatch(error: unknown) {
    useStatusStore.getState().reportFatal({
      message: 'The 3D view stopped working.',
      detail: error instanceof Error ? error.message : String(error),
    })
  }
  override render() {
    return this.state.failed ? null : this.props.children
  }
}

export interface ViewerCanvasProps {
  children: ReactNode
  /** Accessible description of what the canvas shows. */
  label: string
}

export function ViewerCanvas({ children, label }: ViewerCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  /** The view's canvas and context, and R3F's way to its renderer (made once per mount). */
  const viewRef = useRef<{ view: ViewContext; gl: () => WebGLRenderer } | null>(null)
  const rootRef = useRef<ReconcilerRoot<HTMLCanvasElement> | null>(null)
  const [size, setSize] = useState<{ width: number; height: number } | null>(null)
  const webgl = useStatusStore((s) => s.webgl)

  useLayoutEffect(() => {
    const element = containerRef.current
    if (!element) return
    const view = createViewContext()
    if (!view) {
      useStatusStore.getState().setWebgl('unavailable')
      return
    }
    view.canvas.setAttribute('role', 'img')
    element.appendChild(view.canvas)
    viewRef.current = { view, gl: () => rendererFor(view) }
    const observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect
      if (rect) setSize({ width: Math.floor(rect.width), height: Math.floor(rect.height) })
    })
    observer.observe(element)
    return () => {
      observer.disconnect()
      view.canvas.remove()
    }
  }, [])

  useLayoutEffect(() => {
    viewRef.current?.view.canvas.setAttribute('aria-label', label)
  }, [label])

  // Where three could not start on it after all, the canvas goes (the page says why instead).
  useLayoutEffect(() => {
    if (webgl === 'unavailable') viewRef.current?.view.canvas.remove()
  }, [webgl])

  useLayoutEffect(() => {
    const made = viewRef.current
    if (!made || !size || size.width === 0 || size.height === 0 || webgl === 'unavailable') return
    registerThreeElements()
    const root = (rootRef.current ??= createRoot(made.view.canvas))
    root
      .configure({
        size: { ...size, top: 0, left: 0 },
        events,
        frameloop: 'demand',
        dpr: pixelRatioFor(size.width, size.height, window.devicePixelRatio),
        // On the context made above; stencil and local clipping: the cross-section caps need them.
        gl: made.gl,
        camera: CAMERA_OPTIONS,
        onCreated,
      })
      .then(() => root.render(<SceneErrorBoundary>{children}</SceneErrorBoundary>))
      .catch((error: unknown) => {
        useStatusStore.getState().setWebgl('unavailable')
        console.warn('WebGL could not start:', error)
      })
  })

  useEffect(
    () => () => {
      rootRef.current?.unmount()
      rootRef.current = null
      setRenderHandle(null)
    },
    [],
  )

  // The canvas is put in by the first effect above: its context decides how it is made.
  return <div ref={containerRef} className="viewer-canvas" />
}

function onCreated(state: RootState): void {
  const status = useStatusStore.getState()
  const canvas = state.gl.domElement
  setRenderHandle({
    gl: state.gl,
    scene: state.scene,
    camera: state.camera,
    invalidate: () => state.invalidate(),
    pendingFrames: () => state.get().internal.frames,
  })
  status.setWebgl('ok')
  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault() // tells the browser we want the context back
    useStatusStore.getState().setWebgl('lost')
  })
  canvas.addEventListener('webglcontextrestored', () => {
    useStatusStore.getState().setWebgl('ok')
    // three re-uploads geometry and textures from its CPU copies; one frame redraws the view.
    state.invalidate()
  })
}
