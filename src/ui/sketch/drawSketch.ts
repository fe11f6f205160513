/**
 * Paints the marks (domain/sketch.ts) onto a 2D canvas of the view's size: the live layer over
 * the view, and the saved image (api screenshot), which may be larger than the screen. Marker
 * yellow with a dark edge, so a stroke reads on pale bone, on red vessels and on black alike.
 */
import { arrowBarbs, fromSketchPoint, sketchLineWidth, type SketchStroke } from '../../domain/sketch.ts'

const INK = '#ffd60a'
const EDGE = 'rgba(20, 20, 20, 0.6)'

/** `width` × `height`: the view, in the canvas's own pixels; `pixelRatio` of them per CSS pixel. */
export function drawSketch(ctx: CanvasRenderingContext2D, strokes: readonly SketchStroke[], width: number, height: number, pixelRatio: number): void {
  const line = sketchLineWidth(height, pixelRatio)
  ctx.save()
  ctx.lineCap = 'round'
  ctx.lineJoin = 'round'
  // The dark edge under every stroke first, then the ink: crossing strokes stay one colour.
  for (const [colour, w] of [[EDGE, line + Math.max(2, line * 0.5)], [INK, line]] as const) {
    ctx.strokeStyle = colour
    ctx.fillStyle = colour
    ctx.lineWidth = w
    for (const stroke of strokes) tracePath(ctx, stroke, width, height, line, w)
  }
  ctx.restore()
}

function tracePath(ctx: CanvasRenderingContext2D, stroke: SketchStroke, width: number, height: number, line: number, w: number): void {
  const points = stroke.points.map((p) => fromSketchPoint(p, width, height))
  const first = points[0]
  if (!first) return
  if (points.length === 1) {
    // A tap with the pen: a dot.
    ctx.beginPath()
    ctx.arc(first[0], first[1], w / 2, 0, Math.PI * 2)
    ctx.fill()
    return
  }
  ctx.beginPath()
  ctx.moveTo(first[0], first[1])
  for (const p of points.slice(1)) ctx.lineTo(p[0], p[1])
  if (stroke.tool === 'arrow') {
    const tip = points[points.length - 1]!
    const barbs = arrowBarbs(first, tip, line * 4.5)
    if (barbs) {
      ctx.moveTo(barbs[0][0], barbs[0][1])
      ctx.lineTo(tip[0], tip[1])
      ctx.lineTo(barbs[1][0], barbs[1][1])
    }
  }
  ctx.stroke()
}
