/**
 * Pixel helpers for canvas screenshots: decode, count what is not background, compare, sample
 * between pixels; and the 3D view's own pixels (viewPixels).
 * SwiftShader output is deterministic here (stack.md §3), so small tolerances work.
 */
import type { Locator, Page } from 'playwright-core'
import { PNG } from 'pngjs'

export type Rgb = readonly [number, number, number]

/** A rectangle in pixels. */
export interface Region {
  x: number
  y: number
  width: number
  height: number
}

export function decodePng(bytes: Buffer | Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(bytes))
}

/** Decodes a `data:image/png;base64,...` URL; throws if it is anything else. */
export function decodePngDataUrl(url: string): PNG {
  const prefix = 'data:image/png;base64,'
  if (!url.startsWith(prefix)) throw new Error(`not a PNG data URL: ${url.slice(0, 40)}...`)
  return decodePng(Buffer.from(url.slice(prefix.length), 'base64'))
}

/** True when the bytes start with the PNG signature. */
export function isPng(bytes: Buffer | Uint8Array): boolean {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  return bytes.length > 8 && sig.every((b, i) => bytes[i] === b)
}

/** The central part of the image: `fraction` of its width and height. */
export function centreRegion(png: PNG, fraction = 0.5): Region {
  const width = Math.round(png.width * fraction)
  const height = Math.round(png.height * fraction)
  return { x: Math.round((png.width - width) / 2), y: Math.round((png.height - height) / 2), width, height }
}

export function fullRegion(png: PNG): Region {
  return { x: 0, y: 0, width: png.width, height: png.height }
}

function pixel(png: PNG, x: number, y: number): Rgb {
  const i = (y * png.width + x) * 4
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!]
}

const channelDistance = (a: Rgb, b: Rgb): number =>
  Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]))

/**
 * The background colour: the most common colour (quantised to 8 levels per channel, then
 * averaged) along the image border, where the model is not.
 */
export function backgroundColour(png: PNG): Rgb {
  const buckets = new Map<number, { n: number; sum: [number, number, number] }>()
  const add = (x: number, y: number) => {
    const c = pixel(png, x, y)
    const key = ((c[0] >> 5) << 6) | ((c[1] >> 5) << 3) | (c[2] >> 5)
    const b = buckets.get(key) ?? { n: 0, sum: [0, 0, 0] }
    b.n++
    b.sum[0] += c[0]
    b.sum[1] += c[1]
    b.sum[2] += c[2]
    buckets.set(key, b)
  }
  for (let x = 0; x < png.width; x++) {
    add(x, 0)
    add(x, png.height - 1)
  }
  for (let y = 0; y < png.height; y++) {
    add(0, y)
    add(png.width - 1, y)
  }
  let best = { n: 0, sum: [0, 0, 0] as [number, number, number] }
  for (const b of buckets.values()) if (b.n > best.n) best = b
  return [best.sum[0] / best.n, best.sum[1] / best.n, best.sum[2] / best.n]
}

export interface ForegroundCount {
  /** Pixels that differ from the background by more than the tolerance. */
  count: number
  total: number
  fraction: number
  background: Rgb
}

/**
 * Counts pixels of `region` (default: whole image) that differ from the background colour
 * by more than `tolerance` in some channel (0..255).
 */
export function countForeground(
  png: PNG,
  region: Region = fullRegion(png),
  { tolerance = 24, background = backgroundColour(png) }: { tolerance?: number; background?: Rgb } = {},
): ForegroundCount {
  let count = 0
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      if (channelDistance(pixel(png, x, y), background) > tolerance) count++
    }
  }
  const total = region.width * region.height
  return { count, total, fraction: count / total, background }
}

/** Pixels of `region` that differ between two images of the same size by more than `tolerance`. */
export function diffCount(a: PNG, b: PNG, region: Region = fullRegion(a), tolerance = 16): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`images differ in size: ${a.width}×${a.height} vs ${b.width}×${b.height}`)
  }
  let n = 0
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      if (channelDistance(pixel(a, x, y), pixel(b, x, y)) > tolerance) n++
    }
  }
  return n
}

/**
 * The share of the pixels inside a disc (centre and radius in image pixels) that are near-black:
 * every channel below `below` (a dark red is not near-black, a dark brown is). Pixels in `except`
 * (what is laid over the view: an inset's words are dark) are not counted.
 */
export function nearBlackShare(png: PNG, cx: number, cy: number, radius: number, below = 64, except: readonly Region[] = []): number {
  let total = 0
  let black = 0
  const covered = (x: number, y: number) => except.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)
  for (let y = Math.max(0, Math.floor(cy - radius)); y <= Math.min(png.height - 1, cy + radius); y++) {
    for (let x = Math.max(0, Math.floor(cx - radius)); x <= Math.min(png.width - 1, cx + radius); x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2 || covered(x, y)) continue
      total++
      if (Math.max(...pixel(png, x, y)) < below) black++
    }
  }
  return total ? black / total : 0
}

/** Number of distinct colours (quantised to 5 bits per channel): a flat image has 1. */
export function distinctColours(png: PNG, region: Region = fullRegion(png)): number {
  const seen = new Set<number>()
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const [r, g, b] = pixel(png, x, y)
      seen.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3))
    }
  }
  return seen.size
}

/** Bilinear sample, so an edge can be found to a fraction of a pixel. */
export function sample(png: PNG, x: number, y: number): Rgb {
  const x0 = Math.floor(x)
  const y0 = Math.floor(y)
  const fx = x - x0
  const fy = y - y0
  const at = (xx: number, yy: number, c: number) => png.data[(yy * png.width + xx) * 4 + c]!
  const ch = (c: number) =>
    (at(x0, y0, c) * (1 - fx) + at(x0 + 1, y0, c) * fx) * (1 - fy) + (at(x0, y0 + 1, c) * (1 - fx) + at(x0 + 1, y0 + 1, c) * fx) * fy
  return [ch(0), ch(1), ch(2)]
}

/**
 * The 3D view's own pixels, as `hipExplorer.screenshot()` renders them: without the HTML over
 * the view (labels, tags, buttons), which a screenshot of the page would include.
 */
export async function viewPixels(page: Page): Promise<PNG> {
  return decodePngDataUrl(await page.evaluate(() => window.hipExplorer!.screenshot({ caption: false })))
}

/**
 * The pixels of a simulated picture on the page (an X-ray, the MRI, the live X-ray): the <img>
 * that `picture` is or holds (ui/imaging/usePictureImage.ts), at its own size, as a PNG data URL;
 * null until it has a picture.
 */
export function pictureDataUrl(picture: Locator): Promise<string | null> {
  return picture.evaluate((el) => {
    const img = el instanceof HTMLImageElement ? el : el.querySelector('img')
    if (!img || !img.complete || img.naturalWidth === 0) return null
    const copy = document.createElement('canvas')
    copy.width = img.naturalWidth
    copy.height = img.naturalHeight
    copy.getContext('2d')!.drawImage(img, 0, 0)
    return copy.toDataURL('image/png')
  })
}

/** `pictureDataUrl`, decoded; throws when there is no picture yet. */
export async function picturePng(picture: Locator): Promise<PNG> {
  const url = await pictureDataUrl(picture)
  if (!url) throw new Error('the picture has no pixels yet')
  return decodePngDataUrl(url)
}
