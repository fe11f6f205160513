/**
 * Marks a presenter draws over the view for the moment (issue 14): freehand pen strokes and
 * arrows. Pure: no DOM. Points are in view units, so a mark stays on the same part of the
 * picture when the view is resized (a window resized, presenting full screen): x from the view's
 * centre and y from its top, both in view heights. The 3D picture scales with the view's height
 * and stays centred (the camera's field of view is vertical).
 */
import type { ViewState } from './viewState.ts'

export type SketchTool = 'pen' | 'arrow'
export type SketchPoint = readonly [number, number]

export interface SketchStroke {
  readonly tool: SketchTool
  readonly points: readonly SketchPoint[]
}

/** Beyond these a page would slow down for nothing a lecture needs (the oldest strokes go first). */
export const MAX_STROKES = 100
export const MAX_POINTS_PER_STROKE = 1500
/** A new point is kept only this far (view heights) from the last: a drag reports many per pixel. */
const MIN_STEP = 0.002
/** An arrow shorter than this (view heights) is a slip, not an arrow. */
const MIN_ARROW = 0.02

/**
 * Line width, in view heights: 6.5 px on a 1080-line screen, legible from the back of a hall
 * (issue 14 asks labels of ≥ 1.6% of the height; a line of 0.6% reads as a marker stroke).
 */
const LINE_WIDTH = 0.006
/** Never thinner than this many CSS pixels (a phone's small view). */
const MIN_LINE_CSS_PX = 3

export function toSketchPoint(x: number, y: number, width: number, height: number): SketchPoint {
  return [(x - width / 2) / height, y / height]
}

export function fromSketchPoint(p: SketchPoint, width: number, height: number): [number, number] {
  return [p[0] * height + width / 2, p[1] * height]
}

/** In device pixels, for a view `heightPx` device pixels high with `pixelRatio` device pixels per CSS pixel. */
export function sketchLineWidth(heightPx: number, pixelRatio = 1): number {
  return Math.max(MIN_LINE_CSS_PX * pixelRatio, LINE_WIDTH * heightPx)
}

/** The stroke with `p` added, or the same stroke when `p` is too close to its last point or it is full. */
export function withPoint(stroke: SketchStroke, p: SketchPoint): SketchStroke {
  const last = stroke.points[stroke.points.length - 1]
  if (last && Math.hypot(p[0] - last[0], p[1] - last[1]) < MIN_STEP) return stroke
  if (stroke.points.length >= MAX_POINTS_PER_STROKE) return stroke
  // An arrow is its first and last point: the shaft follows the drag, straight.
  if (stroke.tool === 'arrow' && stroke.points.length >= 2) return { ...stroke, points: [stroke.points[0]!, p] }
  return { ...stroke, points: [...stroke.points, p] }
}

/** Whether a finished stroke is worth keeping: a pen tap is a dot; an arrow needs a length. */
export function isMark(stroke: SketchStroke): boolean {
  if (stroke.points.length === 0) return false
  if (stroke.tool === 'pen') return true
  const [a, b] = [stroke.points[0]!, stroke.points[stroke.points.length - 1]!]
  return Math.hypot(b[0] - a[0], b[1] - a[1]) >= MIN_ARROW
}

/** The strokes with one more, the oldest dropped beyond MAX_STROKES. */
export function addStroke(strokes: readonly SketchStroke[], stroke: SketchStroke): readonly SketchStroke[] {
  if (!isMark(stroke)) return strokes
  const next = [...strokes, stroke]
  return next.length > MAX_STROKES ? next.slice(next.length - MAX_STROKES) : next
}

/**
 * The two ends of an arrow head's barbs at `tip`, for a shaft coming from `from`, in the same
 * units as the points: 28° either side of the shaft, `length` long. Null for a shaft of no length.
 */
export function arrowBarbs(from: readonly [number, number], tip: readonly [number, number], length: number): [[number, number], [number, number]] | null {
  const dx = tip[0] - from[0]
  const dy = tip[1] - from[1]
  const shaft = Math.hypot(dx, dy)
  if (shaft === 0) return null
  const angle = Math.atan2(dy, dx)
  const spread = (28 * Math.PI) / 180
  // Never longer than half the shaft, so a short arrow stays an arrow.
  const l = Math.min(length, shaft / 2)
  const barb = (a: number): [number, number] => [tip[0] - l * Math.cos(a), tip[1] - l * Math.sin(a)]
  return [barb(angle - spread), barb(angle + spread)]
}

/**
 * The view-state fields whose change leaves the picture under the marks as it was, so the marks
 * stay: words (mode, language, staging system), what is laid over the picture (labels, the
 * selection's highlight, the blood flow) and how the view is framed on screen (presenting, the
 * images beside it). Any other change (stage, camera, cut, parts shown, treatment step, side)
 * moves what the marks pointed at, and they are cleared.
 */
const MARKS_OUTLIVE: ReadonlySet<keyof ViewState> = new Set<keyof ViewState>(['mode', 'lang', 'stageSystem', 'labels', 'selected', 'flow', 'present', 'images'])

export function pictureChanged(prev: ViewState, next: ViewState): boolean {
  for (const key of Object.keys(next) as (keyof ViewState)[]) {
    if (MARKS_OUTLIVE.has(key)) continue
    // A list or a camera set again with the same values is the same picture.
    if (prev[key] !== next[key] && JSON.stringify(prev[key]) !== JSON.stringify(next[key])) return true
  }
  return false
}
