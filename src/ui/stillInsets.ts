/**
 * Pictures laid over the 3D view (the fibula's donor-site inset) belong in a saved image too: a
 * patient takes home what the surgeon showed. An overlay says so with the attribute
 * `data-still-inset`; the capture (api screenshot) draws each one where it is on screen, scaled
 * to the saved image: its box, its title and caption (the figcaption's lines) and its drawing (an
 * SVG, with the styles the page gives it written into a copy, a canvas or an image).
 *
 * Only what is inside the view is drawn, so a saved image looks like the screen.
 */
import { wrapWords } from '../domain/wrapWords.ts'

export const STILL_INSET_ATTRIBUTE = 'data-still-inset'

/** SVG presentation properties a stylesheet may set, copied onto a standalone copy of the drawing. */
const SVG_STYLE_PROPERTIES = ['fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor', 'dominant-baseline'] as const

/** A standalone copy of a drawing on the page: computed styles inlined, sized in pixels. */
function standaloneSvg(svg: SVGSVGElement, width: number, height: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement
  const originals = [svg, ...svg.querySelectorAll('*')]
  const copies = [copy, ...copy.querySelectorAll('*')]
  originals.forEach((element, i) => {
    const style = getComputedStyle(element)
    const target = copies[i] as SVGElement
    target.removeAttribute('class')
    for (const property of SVG_STYLE_PROPERTIES) target.style.setProperty(property, style.getPropertyValue(property))
  })
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  copy.setAttribute('width', String(width))
  copy.setAttribute('height', String(height))
  return new XMLSerializer().serializeToString(copy)
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error('An inset drawing could not be turned into an image.'))
    image.src = url
  })
}

/** The text blocks of a figcaption, each child element one block (hidden ones left out), as laid out on screen. */
function captionBlocks(inset: Element): { text: string; style: CSSStyleDeclaration; box: DOMRect }[] {
  const caption = inset.querySelector('figcaption')
  if (!caption) return []
  const blocks = [...caption.children].filter((block) => (block as HTMLElement).offsetParent !== null && block.textContent?.trim())
  return blocks.map((block) => ({ text: block.textContent!.trim().replace(/\s+/g, ' '), style: getComputedStyle(block), box: block.getBoundingClientRect() }))
}

/**
 * Draws the overlays marked as still insets onto `image`, a capture of the view whose element
 * occupies `view` on screen.
 */
export async function drawStillInsets(image: HTMLCanvasElement, view: DOMRect): Promise<void> {
  const insets = [...document.querySelectorAll(`[${STILL_INSET_ATTRIBUTE}]`)]
  if (insets.length === 0 || view.width <= 0) return
  const ctx = image.getContext('2d')
  if (!ctx) return
  const k = image.width / view.width
  const x = (left: number) => (left - view.left) * k
  const y = (top: number) => (top - view.top) * k
  for (const inset of insets) {
    const box = inset.getBoundingClientRect()
    if (box.width <= 0 || box.right <= view.left || box.left >= view.right || box.bottom <= view.top || box.top >= view.bottom) continue
    const style = getComputedStyle(inset)
    ctx.save()
    ctx.fillStyle = style.backgroundColor
    ctx.strokeStyle = style.borderTopColor
    ctx.lineWidth = Math.max(1, k)
    ctx.beginPath()
    ctx.roundRect(x(box.left), y(box.top), box.width * k, box.height * k, (parseFloat(style.borderTopLeftRadius) || 0) * k)
    ctx.fill()
    ctx.stroke()
    // The caption's words, broken into lines the way the page broke them (same font, same width).
    for (const { text, style: look, box: at } of captionBlocks(inset)) {
      const size = parseFloat(look.fontSize) * k
      const lineHeight = (parseFloat(look.lineHeight) || parseFloat(look.fontSize) * 1.25) * k
      ctx.fillStyle = look.color
      ctx.font = `${look.fontWeight} ${size}px ${look.fontFamily}`
      ctx.textBaseline = 'top'
      wrapWords(text, at.width * k + 0.5, (line) => ctx.measureText(line).width).forEach((line, i) => ctx.fillText(line, x(at.left), y(at.top) + i * lineHeight))
    }
    for (const drawing of inset.querySelectorAll('svg, canvas, img')) {
      const at = drawing.getBoundingClientRect()
      if (at.width <= 0 || at.height <= 0) continue
      const w = Math.round(at.width * k)
      const h = Math.round(at.height * k)
      if (drawing instanceof HTMLCanvasElement || (drawing instanceof HTMLImageElement && drawing.complete && drawing.naturalWidth > 0)) {
        ctx.drawImage(drawing, x(at.left), y(at.top), w, h)
      } else if (drawing instanceof SVGSVGElement) {
        const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(standaloneSvg(drawing, w, h))}`
        ctx.drawImage(await loadImage(url), x(at.left), y(at.top), w, h)
      }
    }
    ctx.restore()
  }
}
