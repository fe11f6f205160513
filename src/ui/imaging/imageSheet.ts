/**
 * The simulated pictures in a saved image (issue 13): a band under the view with each picture as
 * the Images panel shows it — its title, the picture with its orientation markers (the patient's
 * side, superior) and scale bar, and its caption in the chosen words (clinical: with the short
 * source line) — and the panel's note that they are simulated. Side by side on a wide image, one
 * under the other (picture beside its words) on a narrow one, such as a phone's. Sizes are CSS
 * pixels of the page times `k`, the saved image's device pixels per CSS pixel, so the words read
 * as large as on screen.
 *
 * Titles, captions, the scale bar and the note come from the same domain functions as the panel.
 */
import { wrapWords } from '../../domain/wrapWords.ts'
import { scaleBarMm } from '../../domain/imaging/imageFrames.ts'
import { IMAGES_NOTE, imageTitle, type ImageKind } from '../../domain/imaging/imageKinds.ts'
import { imageCaption, imageSourceLine } from '../../domain/imaging/imagingCaptions.ts'
import type { MriWeighting } from '../../domain/imaging/mriSignal.ts'
import type { Mode, Side } from '../../domain/viewState.ts'
import type { RenderedImage } from '../../state/imagingStore.ts'

export interface SheetPicture {
  readonly kind: ImageKind
  readonly image: RenderedImage
}

export interface SheetContext {
  readonly mode: Mode
  readonly side: Side
  readonly stage: number
  readonly weighting: MriWeighting
  /** Device pixels of the saved image per CSS pixel of the page. */
  readonly k: number
}

/** Below this width (CSS px) the pictures go one under the other. */
const SIDE_BY_SIDE_MIN_PX = 720
/** Largest picture in a saved image, CSS px per side. */
const MAX_PICTURE_PX = 420
const PAD_PX = 16
const TITLE_PX = 15
const BODY_PX = 13
const SOURCE_PX = 11
const FONT = 'system-ui, sans-serif'
const MAX_CAPTION_LINES = 8

/** The side of each picture in a saved image of `widthCss` CSS px holding `count` pictures (CSS px). */
export function stillPictureCssPx(widthCss: number, count: number): number {
  if (widthCss >= SIDE_BY_SIDE_MIN_PX) return Math.min(MAX_PICTURE_PX, Math.floor((widthCss - PAD_PX * (count + 1)) / count))
  return Math.min(MAX_PICTURE_PX, Math.floor(widthCss * 0.42))
}

interface Block {
  readonly lines: readonly string[]
  readonly font: string
  readonly colour: string
  readonly lineHeight: number
}

/** The words of a picture (title, caption, source) as wrapped blocks of lines, in device px. */
function wordsOf(ctx: CanvasRenderingContext2D, picture: SheetPicture, context: SheetContext, width: number): Block[] {
  const { k, mode, stage, weighting } = context
  const caption = imageCaption(picture.kind, stage, mode)
  const block = (text: string, px: number, weight: string, colour: string, maxLines: number): Block => {
    const font = `${weight} ${px * k}px ${FONT}`
    ctx.font = font
    return { lines: wrapWords(text, width, (line) => ctx.measureText(line).width).slice(0, maxLines), font, colour, lineHeight: Math.round(px * 1.35 * k) }
  }
  const blocks = [block(imageTitle(picture.kind, weighting), TITLE_PX, '600', '#1b2733', 2), block(caption.text, BODY_PX, '400', '#2c3a47', MAX_CAPTION_LINES)]
  if (mode === 'clinician') blocks.push(block(imageSourceLine(caption), SOURCE_PX, '400', '#5b6875', 3))
  return blocks
}

const heightOf = (blocks: readonly Block[]) => blocks.reduce((h, b) => h + b.lines.length * b.lineHeight, 0)

function drawBlocks(ctx: CanvasRenderingContext2D, blocks: readonly Block[], x: number, y: number): number {
  ctx.textBaseline = 'top'
  for (const b of blocks) {
    ctx.font = b.font
    ctx.fillStyle = b.colour
    for (const line of b.lines) {
      ctx.fillText(line, x, y)
      y += b.lineHeight
    }
  }
  return y
}

/** The picture, with the panel's markers: the patient's side and superior at the top, the scale bar at the bottom right. */
function drawPicture(ctx: CanvasRenderingContext2D, picture: SheetPicture, context: SheetContext, x: number, y: number, side: number): void {
  const { image } = picture
  const pixels = document.createElement('canvas')
  pixels.width = image.width
  pixels.height = image.height
  pixels.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0)
  ctx.imageSmoothingEnabled = true
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(pixels, x, y, side, side)
  const { k } = context
  const inset = 6 * k
  ctx.save()
  ctx.fillStyle = '#ffffff'
  ctx.strokeStyle = '#ffffff'
  ctx.shadowColor = '#000000'
  ctx.shadowBlur = 2 * k
  ctx.textBaseline = 'top'
  ctx.font = `700 ${14 * k}px ${FONT}`
  const sideMark = context.side === 'right' ? 'R' : 'L'
  ctx.textAlign = context.side === 'right' ? 'left' : 'right'
  ctx.fillText(sideMark, context.side === 'right' ? x + inset : x + side - inset, y + inset)
  ctx.font = `600 ${12 * k}px ${FONT}`
  ctx.textAlign = 'center'
  ctx.fillText('S ↑', x + side / 2, y + inset)
  const mm = scaleBarMm(image.sizeMm)
  const bar = (side * mm) / image.sizeMm
  const barRight = x + side - 8 * k
  const barY = y + side - 22 * k
  ctx.lineWidth = 2 * k
  ctx.beginPath()
  ctx.moveTo(barRight - bar, barY)
  ctx.lineTo(barRight, barY)
  ctx.stroke()
  ctx.font = `${11 * k}px ${FONT}`
  ctx.fillText(`${mm} mm`, barRight - bar / 2, barY + 3 * k)
  ctx.restore()
}

/** `image` (the view, with anything drawn into it) with the pictures in a band under it. */
export function withPictures(image: HTMLCanvasElement, pictures: readonly SheetPicture[], context: SheetContext): HTMLCanvasElement {
  if (pictures.length === 0) return image
  const measure = document.createElement('canvas').getContext('2d')
  if (!measure) return image
  const { k } = context
  const width = image.width
  const cssWidth = width / k
  const pad = PAD_PX * k
  const side = stillPictureCssPx(cssWidth, pictures.length) * k
  const sideBySide = cssWidth >= SIDE_BY_SIDE_MIN_PX
  const column = sideBySide ? (width - pad * (pictures.length + 1)) / pictures.length : width - 3 * pad - side
  const words = pictures.map((p) => wordsOf(measure, p, context, column))
  measure.font = `${12 * k}px ${FONT}`
  const note = { lines: wrapWords(IMAGES_NOTE, width - 2 * pad, (line) => measure.measureText(line).width), font: measure.font, colour: '#5b6875', lineHeight: Math.round(12 * 1.35 * k) }
  const titleHeight = (blocks: readonly Block[]) => blocks[0]!.lines.length * blocks[0]!.lineHeight
  const cell = sideBySide
    ? [Math.max(...words.map((w) => titleHeight(w) + pad / 2 + side + pad / 2 + heightOf(w.slice(1))))]
    : words.map((w) => Math.max(side, heightOf(w)))
  const band = pad + cell.reduce((a, b) => a + b + pad, 0) + heightOf([note]) + pad
  const out = document.createElement('canvas')
  out.width = width
  out.height = Math.ceil(image.height + band)
  const ctx = out.getContext('2d')
  if (!ctx) return image
  ctx.drawImage(image, 0, 0)
  ctx.fillStyle = '#f4f6f8'
  ctx.fillRect(0, image.height, width, band)
  ctx.fillStyle = '#d5dbe1'
  ctx.fillRect(0, image.height, width, Math.max(1, k))
  let y = image.height + pad
  pictures.forEach((picture, i) => {
    const blocks = words[i]!
    if (sideBySide) {
      const x = pad + i * (column + pad)
      const at = x + (column - side) / 2
      drawBlocks(ctx, blocks.slice(0, 1), x, y)
      const top = y + titleHeight(blocks) + pad / 2
      drawPicture(ctx, picture, context, at, top, side)
      drawBlocks(ctx, blocks.slice(1), x, top + side + pad / 2)
    } else {
      drawPicture(ctx, picture, context, pad, y, side)
      drawBlocks(ctx, blocks, 2 * pad + side, y)
      y += cell[i]! + pad
    }
  })
  if (sideBySide) y += cell[0]! + pad
  drawBlocks(ctx, [note], pad, y)
  return out
}
