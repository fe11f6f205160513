/**
 * The 3D view's canvas and its WebGL 2 context, made once, here.
 *
 * Whether the view multisamples its edges (MSAA): on a GPU it costs little and smooths every
 * outline. In software WebGL (SwiftShader: a PC or thin client without a usable GPU, and the
 * test machines) every sample is rasterised on the CPU: with it, a frame of the diseased hip at
 * 1280×720 took about twice as long (eight view changes: 14.3 s against 7.5 s, 17.2 against 9.2,
 * 24.8 against 14.6, alternating runs on one loaded 2-core machine). There the view draws
 * without it, and a patient's thin client turns the hip twice as smoothly.
 *
 * How we know: the browser refuses a context asked for with `failIfMajorPerformanceCaveat` when
 * it would run in software (Firefox does; Chromium hands SwiftShader out anyway), or the
 * renderer names a software rasteriser. Multisampling is fixed when a context is made, so the
 * first context is asked for without it and kept where software draws (the view's own context:
 * no throwaway). Only a GPU, where contexts are cheap, gets a second one, with it. Before, the
 * page made two throwaway contexts (three's WebGL 2 check and this probe) before the view's own:
 * with software WebGL each stopped the page for 150–780 ms while it started (measured).
 */
import { WebGLRenderer } from 'three'

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render driver/i

/** The view's context attributes besides multisampling (R3F's defaults, and the stencil the cross-section caps need). */
const ATTRIBUTES = {
  alpha: true,
  depth: true,
  stencil: true,
  premultipliedAlpha: true,
  preserveDrawingBuffer: false,
  powerPreference: 'high-performance',
} as const satisfies WebGLContextAttributes

export interface ViewContext {
  readonly canvas: HTMLCanvasElement
  readonly context: WebGL2RenderingContext
  /** Whether the context multisamples (a GPU: see above). */
  readonly antialias: boolean
}

function ask(canvas: HTMLCanvasElement, attributes: WebGLContextAttributes): WebGL2RenderingContext | null {
  try {
    return canvas.getContext('webgl2', attributes)
  } catch {
    return null // a browser that throws here has no usable WebGL 2
  }
}

function namesSoftware(gl: WebGL2RenderingContext): boolean {
  const info = gl.getExtension('WEBGL_debug_renderer_info')
  const renderer: unknown = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)
  return typeof renderer === 'string' && SOFTWARE_RENDERERS.test(renderer)
}

/** A canvas with the view's WebGL 2 context, multisampled on a GPU only; null without WebGL 2. */
export function createViewContext(): ViewContext | null {
  const canvas = document.createElement('canvas')
  const first = ask(canvas, { ...ATTRIBUTES, antialias: false, failIfMajorPerformanceCaveat: true })
  if (first === null) {
    // Refused for its caveat (software, as Firefox says), or no WebGL 2 at all.
    const context = ask(canvas, { ...ATTRIBUTES, antialias: false })
    return context ? { canvas, context, antialias: false } : null
  }
  if (namesSoftware(first)) return { canvas, context: first, antialias: false }
  const multisampled = document.createElement('canvas')
  const context = ask(multisampled, { ...ATTRIBUTES, antialias: true })
  if (!context) return { canvas, context: first, antialias: false }
  first.getExtension('WEBGL_lose_context')?.loseContext()
  return { canvas: multisampled, context, antialias: true }
}

/** three's renderer on the view's context (for R3F's `gl`), with the local clipping the cut needs. */
export function rendererFor(view: ViewContext): WebGLRenderer {
  const renderer = new WebGLRenderer({ ...ATTRIBUTES, canvas: view.canvas, context: view.context, antialias: view.antialias })
  renderer.localClippingEnabled = true
  return renderer
}
