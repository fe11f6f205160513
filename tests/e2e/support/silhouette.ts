/**
 * Measuring the rendered outline of the model in a canvas screenshot: where, walking out from a
 * point along a screen direction, the picture turns into background. Used to check surface
 * heights (collapse depth, migration) against the domain's numbers to a fraction of a millimetre.
 */
import type { Page } from 'playwright-core'
import type { PNG } from 'pngjs'
import { decodePngDataUrl, type Rgb } from './pixels.ts'

/** Bilinear sample, so the edge can be found to a fraction of a pixel. */
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
 * Distance in pixels from `from` along the unit screen direction `dir` to the outline: where
 * the difference from the background falls to half its value just inside the edge.
 */
export function edgeDistance(png: PNG, from: readonly [number, number], dir: readonly [number, number], bg: Rgb): number {
  const diff = (t: number) => {
    const c = sample(png, from[0] + dir[0] * t, from[1] + dir[1] * t)
    return Math.max(Math.abs(c[0] - bg[0]), Math.abs(c[1] - bg[1]), Math.abs(c[2] - bg[2]))
  }
  let t = 0
  const limit = Math.hypot(png.width, png.height)
  while (diff(t) > 12) {
    t += 0.5 // walk out to the background
    if (t > limit) throw new Error('no background found along the direction')
  }
  const inside = diff(t - 3)
  const half = inside / 2
  let lo = t - 3
  let hi = t
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2
    if (diff(mid) > half) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/**
 * The 3D view's own pixels, as `hipExplorer.screenshot()` renders them: without the HTML over
 * the view (labels, tags, buttons), which a screenshot of the page would include.
 */
export async function viewPixels(page: Page): Promise<PNG> {
  return decodePngDataUrl(await page.evaluate(() => window.hipExplorer!.screenshot({ caption: false })))
}
