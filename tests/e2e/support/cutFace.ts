/**
 * Telling a cut face from a surface in a canvas screenshot: the cancellous bone's cap is pale and
 * neutral with a fine trabecular pattern (scene/section/sectionCaps.ts), where an uncut surface
 * is smoothly shaded. Shared by the cut tests (section.e2e.ts, picking.e2e.ts).
 */
import type { Page } from 'playwright-core'
import type { PNG } from 'pngjs'
import { expect } from 'vitest'
import { canvasScreenshot, viewerCanvas, waitForSettled } from './page.ts'
import { backgroundColour, type Region, type Rgb } from './pixels.ts'

/** Mean colour of a small square around a point. */
export function meanColour(png: PNG, cx: number, cy: number, half = 3): Rgb {
  const sum: [number, number, number] = [0, 0, 0]
  let n = 0
  for (let y = Math.round(cy) - half; y <= Math.round(cy) + half; y++) {
    for (let x = Math.round(cx) - half; x <= Math.round(cx) + half; x++) {
      const i = (y * png.width + x) * 4
      sum[0] += png.data[i]!
      sum[1] += png.data[i + 1]!
      sum[2] += png.data[i + 2]!
      n++
    }
  }
  return [sum[0] / n, sum[1] / n, sum[2] / n]
}

/**
 * Fine detail around a pixel: the mean absolute luminance step between neighbouring pixels.
 * Smooth shading (an uncut surface) gives well under 1; the trabecular lines of a cut face more.
 */
export function fineDetail(png: PNG, cx: number, cy: number, half: number): number {
  const lum = (x: number, y: number) => {
    const i = (y * png.width + x) * 4
    return 0.2126 * png.data[i]! + 0.7152 * png.data[i + 1]! + 0.0722 * png.data[i + 2]!
  }
  let sum = 0
  let n = 0
  for (let y = Math.round(cy) - half; y < Math.round(cy) + half; y++) {
    for (let x = Math.round(cx) - half; x < Math.round(cx) + half; x++) {
      sum += Math.abs(lum(x + 1, y) - lum(x, y)) + Math.abs(lum(x, y + 1) - lum(x, y))
      n++
    }
  }
  return sum / n
}

export interface LookAt {
  colour: Rgb
  background: Rgb
  /** fineDetail in a square of ±`half` CSS px around the point. */
  detail: number
  /** The screenshot, and the square looked at in its pixels. */
  png: PNG
  region: Region
}

/** How the settled view looks where a model point (default: the head centre) is drawn. */
export async function lookAt(page: Page, point: readonly [number, number, number] = [0, 0, 0], half = 20): Promise<LookAt> {
  await waitForSettled(page)
  const at = await page.evaluate((p) => window.hipExplorer!.project(p), point as [number, number, number])
  expect(at?.inView).toBe(true)
  const png = await canvasScreenshot(page)
  const scale = png.width / (await viewerCanvas(page).boundingBox())!.width
  const [x, y] = [at!.x * scale, at!.y * scale]
  const h = Math.round(half * scale)
  const region = { x: Math.round(x) - h, y: Math.round(y) - h, width: 2 * h, height: 2 * h }
  return { colour: meanColour(png, x, y), background: backgroundColour(png), detail: fineDetail(png, x, y, h), png, region }
}

/** Pale neutral cancellous bone: a faint warm tint, light, and not the background. */
export function expectCancellousColour({ colour, background }: LookAt): void {
  const [r, g, b] = colour
  const shown = `cap colour ${colour.map(Math.round)}`
  expect(r - b, shown).toBeGreaterThan(5)
  expect(r - b, shown).toBeLessThan(40)
  expect(Math.min(r, g, b), shown).toBeGreaterThan(140)
  expect(Math.abs(r - background[0]) + Math.abs(g - background[1]) + Math.abs(b - background[2]), shown).toBeGreaterThan(60)
}
