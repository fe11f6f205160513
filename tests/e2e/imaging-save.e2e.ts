/**
 * The simulated images in a saved image (issue 13): Save image and hipExplorer.screenshot put
 * the pictures (with their titles, markers, scale bars and captions) in a band under the view
 * when the Images panel shows; `images: true` draws them with the panel closed (and leaves no GPU
 * resources behind), `images: false` leaves them out. During a treatment the pictures show its
 * pieces: after a total hip replacement the X-ray is a post-operative film with the metal stem
 * white along the femoral canal. One shared page.
 */
import type { Page } from 'playwright-core'
import type { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { decodePngDataUrl, picturePng, sample } from './support/pixels.ts'
import { XRAY_FRAME } from '../../src/domain/imaging/imageFrames.ts'
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

/**
 * Where the femoral canal runs on the panel's AP X-ray: the share of a band across the shaft,
 * 35–75 mm under the head's centre and 45 mm toward the patient's side, that is near white
 * (grey ≥ 245), and the longest vertical run of such rows.
 */
async function canalWhite(page: Page): Promise<{ share: number; rows: number }> {
  const png = await picturePng(page.locator('[data-testid="image-xray"]'))
  const size = png.width
  const perMm = size / XRAY_FRAME.sizeMm
  const cx = (XRAY_FRAME.sizeMm / 2 - XRAY_FRAME.offset[0]) * perMm
  const cy = (XRAY_FRAME.sizeMm / 2 + XRAY_FRAME.offset[1]) * perMm
  let white = 0
  let all = 0
  let run = 0
  let rows = 0
  for (let y = Math.round(cy + 35 * perMm); y < Math.min(size, cy + 75 * perMm); y++) {
    let inRow = 0
    for (let x = Math.max(0, Math.round(cx - 45 * perMm)); x < cx; x++) {
      all++
      if (png.data[(y * size + x) * 4]! >= 245) {
        white++
        inRow++
      }
    }
    // A row crossed by a band at least 5 mm wide.
    run = inRow >= 5 * perMm ? run + 1 : 0
    rows = Math.max(rows, run)
  }
  return { share: white / all, rows: rows / perMm }
}

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

  it('after a total hip replacement the X-ray shows the metal stem: a white band down the femoral canal', async () => {
    const { page, problems } = await openApp('?images=1&flow=0&stage=3.2')
    await page.locator('[data-testid="image-xray"][data-stage="3.2"]').waitFor()
    await waitForSettled(page)
    const before = await canalWhite(page)
    const { ignored } = await setState(page, { procedure: 'total-hip-replacement', step: 10 })
    expect(ignored).toEqual([])
    await waitForSettled(page)
    const after = await canalWhite(page)
    // Measured: before 0 mm of white band and 0% of the area; after 41 mm, 43%.
    expect(before.rows, 'no white band along the canal before the operation, mm').toBeLessThan(5)
    expect(after.rows, 'the stem: a white band at least 5 mm wide over this many mm of the canal').toBeGreaterThan(30)
    expect(after.share).toBeGreaterThan(before.share + 0.05)
    expect(describeProblems(problems)).toBe('none')
  })

  it('with the view narrowed by the panel, the caption and the disclaimer are whole: nothing runs off the right edge', async () => {
    const { page } = await openApp('stage=3.2&flow=0&images=1&mode=clinician')
    const png = decodePngDataUrl(await page.evaluate(() => window.hipExplorer!.screenshot({ caption: true, images: false })))
    const band = png.height - (await viewHeight(page))
    expect(band).toBeGreaterThan(0)
    // Text pixels (dark) in the last 8 columns of the caption band: the footer ran off there ("not a diag").
    let cut = 0
    for (let y = png.height - band; y < png.height; y++) {
      for (let x = png.width - 8; x < png.width; x++) if (sample(png, x, y)[0] < 160) cut++
    }
    expect(cut, `${png.width} px wide`).toBe(0)
  })
})

