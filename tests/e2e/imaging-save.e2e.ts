/**
 * The simulated images in a saved image (issue 13): Save image and hipExplorer.screenshot put
 * the pictures (with their titles, markers, scale bars and captions) in a band under the view
 * when the Images panel shows; `images: true` draws them with the panel closed (and leaves no GPU
 * resources behind), `images: false` leaves them out. One shared page.
 */
import type { Page } from 'playwright-core'
import type { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { decodePngDataUrl } from './support/pixels.ts'
import { describeProblems, getStats, setState, sharedAppPageForFile, viewerCanvas, waitForSettled } from './support/page.ts'

const openApp = sharedAppPageForFile()

async function save(page: Page, options: { images?: boolean } = {}): Promise<PNG> {
  return decodePngDataUrl(await page.evaluate((o) => window.hipExplorer!.screenshot({ caption: false, ...o }), options))
}

/** Device pixels of the view's canvas (the saved picture of the view alone). */
async function viewHeight(page: Page): Promise<number> {
  return page.evaluate(() => (document.querySelector('[data-testid="viewer"] canvas') as HTMLCanvasElement).height)
}

/** Pixels of the band under the view that are pure grey and not the band's light background: the simulated pictures. */
function pictureArea(png: PNG, from: number): number {
  let n = 0
  for (let y = from; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!]
      if (r === g && g === b && r < 200) n++
    }
  }
  return n
}

/** Pixels of the band under the view that differ between two saved images of the same size. */
function bandDiff(a: PNG, b: PNG, from: number): number {
  let n = 0
  for (let i = from * a.width * 4; i < a.data.length; i += 4) if (Math.abs(a.data[i]! - b.data[i]!) > 24) n++
  return n
}

/** Two pictures at least 150 px a side, mostly grey: more than 40% of their area. */
const TWO_PICTURES_PX = 2 * 0.4 * 150 * 150

describe('Images in a saved image', () => {
  it('with the panel shown, the saved image carries the pictures under the view; images: false leaves them out', async () => {
    const { page, problems } = await openApp('?images=1&flow=0&stage=2.5')
    await page.locator('[data-testid="image-xray"][data-stage="2.5"]').waitFor()
    await waitForSettled(page)
    const height = await viewHeight(page)
    const png = await save(page)
    expect(png.height, 'saved image taller than the view by a band of pictures').toBeGreaterThan(height + 2 * 150)
    expect(pictureArea(png, height), 'grey pixels of the pictures in the band').toBeGreaterThan(TWO_PICTURES_PX)
    const without = await save(page, { images: false })
    expect(without.height).toBe(height)
    expect(describeProblems(problems)).toBe('none')
  })

  it('with the panel closed: none by default; images: true draws them at the stage shown and frees what it drew with', async () => {
    const { page, problems } = await openApp('?flow=0')
    expect((await viewerCanvas(page).boundingBox())!.width).toBeGreaterThan(0)
    const height = await viewHeight(page)
    expect((await save(page)).height, 'no images unless asked').toBe(height)
    const before = await getStats(page)
    const healthy = await save(page, { images: true })
    expect(healthy.height).toBeGreaterThan(height + 150)
    expect(pictureArea(healthy, height)).toBeGreaterThan(TWO_PICTURES_PX)
    expect(await page.locator('[data-testid="images-panel"]').count(), 'the panel stays closed').toBe(0)
    await setState(page, { stage: 0.75 })
    await waitForSettled(page)
    const early = await save(page, { images: true })
    expect(early.height).toBe(healthy.height)
    // ARCO I: the MRI shows the band while the X-ray is unchanged; the pictures are of the stage shown.
    expect(bandDiff(healthy, early, height), 'band pixels changed from stage 0 to ARCO I').toBeGreaterThan(500)
    const after = await getStats(page)
    expect({ geometries: after.geometries, textures: after.textures }).toEqual({ geometries: before.geometries, textures: before.textures })
    expect(describeProblems(problems)).toBe('none')
  })
})
