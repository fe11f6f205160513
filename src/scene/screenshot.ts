/**
 * A PNG of the current view, optionally with the caption and the disclaimer under it.
 * The scene is rendered and read back in the same task, because without preserveDrawingBuffer
 * the browser may clear the drawing buffer after it has been shown.
 */
import { wrapWords } from '../domain/wrapWords.ts'
import { getRenderHandle } from './renderHandle.ts'
import type { PictureKind } from '../domain/imaging/imageKinds.ts'

/**
 * Things that move on screen but must not show in a still picture (the blood-flow pulses: frozen
 * mid-stride they read as stripes). Each registers a function that makes the scene still and
 * returns how to undo it; the capture calls them around its one render.
 */
const stillers = new Set<() => () => void>()

export function registerStillImageHook(hook: () => () => void): () => void {
  stillers.add(hook)
  return () => stillers.delete(hook)
}

/**
 * User Timing names for what a saved image renders and reads back in its one task (the 3D view
 * here, each simulated picture in ./imaging/stillImages.ts): visible in the browser's performance
 * panel, and how `npm run bench` compares one picture's cost with one 3D frame's (issue 13). Each
 * measure includes waiting for the GPU: the pixels are read back before it ends. Here rather than
 * in a module of their own: a shared chunk more would add its name to the first download.
 */
export const STILL_VIEW_MEASURE = 'hip:still:view'

export function stillPictureMeasure(kind: PictureKind): string {
  return `hip:still:${kind}`
}

/** Runs `work` under a User Timing measure named `name`. */
export function measured<T>(name: string, work: () => T): T {
  const start = performance.now()
  try {
    return work()
  } finally {
    performance.measure(name, { start, end: performance.now() })
  }
}

export interface CaptionLines {
  readonly title: string
  readonly body: string
  readonly footer: string
}

export function captureViewCanvas(): HTMLCanvasElement {
  const handle = getRenderHandle()
  if (!handle) throw new Error('The 3D view is not available, so there is no picture to save.')
  const { gl, scene, camera } = handle
  // A lost context draws nothing: the copy would be an all-transparent PNG that looks saved.
  if (gl.getContext().isContextLost()) {
    throw new Error('The 3D view is being restored after a graphics reset, so there is no picture to save yet. Try again in a moment.')
  }
  return measured(STILL_VIEW_MEASURE, () => {
    const undo = [...stillers].map((still) => still())
    try {
      gl.render(scene, camera)
    } finally {
      for (const restore of undo) restore()
    }
    const source = gl.domElement
    const copy = document.createElement('canvas')
    copy.width = source.width
    copy.height = source.height
    copy.getContext('2d')?.drawImage(source, 0, 0)
    // One pixel read back: waits for the GPU to finish the frame (the copy does not), so the
    // measure is the frame's whole cost, and the pictures rendered next are measured alone.
    const context = gl.getContext()
    context.readPixels(0, 0, 1, 1, context.RGBA, context.UNSIGNED_BYTE, new Uint8Array(4))
    return copy
  })
}

/** Where the view's canvas is on screen (for overlays drawn into a capture), or null without a view. */
export function viewCanvasRect(): DOMRect | null {
  return getRenderHandle()?.gl.domElement.getBoundingClientRect() ?? null
}

/** The width of a line in the context's current font (read when measured: the font changes between uses). */
const widthIn = (ctx: CanvasRenderingContext2D) => (line: string) => ctx.measureText(line).width

/** A caption longer than this many lines in the saved image ends with an ellipsis. */
const MAX_BODY_LINES = 16

/** Adds a caption band under the picture. */
export function withCaption(image: HTMLCanvasElement, caption: CaptionLines): HTMLCanvasElement {
  const width = image.width
  const scale = Math.max(1, width / 1280)
  const pad = Math.round(24 * scale)
  const measure = document.createElement('canvas').getContext('2d')
  if (!measure) return image
  const titleFont = `600 ${Math.round(26 * scale)}px system-ui, sans-serif`
  const bodyFont = `${Math.round(19 * scale)}px system-ui, sans-serif`
  const footFont = `${Math.round(15 * scale)}px system-ui, sans-serif`
  measure.font = titleFont
  // A treatment step's title is long ("…, step 1 of 6: …"): it wraps too, never runs off the edge.
  const titleLines = wrapWords(caption.title, width - 2 * pad, widthIn(measure)).slice(0, 3)
  const titleHeight = Math.round(34 * scale)
  measure.font = bodyFont
  // The whole caption: cut at six lines, a narrow picture (the view beside the Images panel) lost
  // half of it mid-sentence. A very long one ends with an ellipsis rather than a page-long band.
  const allBody = wrapWords(caption.body, width - 2 * pad, widthIn(measure))
  const bodyLines = allBody.length > MAX_BODY_LINES ? [...allBody.slice(0, MAX_BODY_LINES - 1), `${allBody[MAX_BODY_LINES - 1]} …`] : allBody
  const lineHeight = Math.round(27 * scale)
  measure.font = footFont
  // The disclaimer wraps too: on a narrow picture it ran off the edge ("not a diag").
  const footLines = wrapWords(caption.footer, width - 2 * pad, widthIn(measure))
  const footHeight = Math.round(21 * scale)
  const band = pad * 2 + titleLines.length * titleHeight + bodyLines.length * lineHeight + Math.round(28 * scale) + (footLines.length - 1) * footHeight
  const out = document.createElement('canvas')
  out.width = width
  out.height = image.height + band
  const ctx = out.getContext('2d')
  if (!ctx) return image
  ctx.drawImage(image, 0, 0)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, image.height, width, band)
  let y = image.height + pad + Math.round(26 * scale)
  ctx.fillStyle = '#1b2733'
  ctx.font = titleFont
  titleLines.forEach((line, i) => ctx.fillText(line, pad, y + i * titleHeight))
  y += (titleLines.length - 1) * titleHeight
  ctx.font = bodyFont
  ctx.fillStyle = '#2c3a47'
  for (const line of bodyLines) {
    y += lineHeight
    ctx.fillText(line, pad, y)
  }
  ctx.font = footFont
  ctx.fillStyle = '#5b6875'
  const footTop = out.height - pad / 1.5 - (footLines.length - 1) * footHeight
  footLines.forEach((line, i) => ctx.fillText(line, pad, footTop + i * footHeight))
  return out
}
