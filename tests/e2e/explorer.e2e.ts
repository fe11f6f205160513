/**
 * The anatomy explorer: picking names what was clicked, hiding a structure changes the picture,
 * and each named view still looks like its committed reference picture (SwiftShader renders
 * deterministically here, so a small tolerance works). After a deliberate change to the model
 * or its look, refresh the references with `UPDATE_REFERENCE_VIEWS=1 npm run test:e2e -- explorer`
 * and look at them before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PNG } from 'pngjs'
import { NAMED_VIEWS } from '../../src/domain/viewState.ts'
import { canvasScreenshot, describeProblems, setState, sharedAppPageForFile, waitForSettled, viewerCanvas, type AppPage } from './support/page.ts'
import { decodePng, diffCount } from './support/pixels.ts'
import { modelLandmarks } from './support/model.ts'
import { GATE } from './support/gate.ts'

const REFERENCES = fileURLToPath(new URL('./reference-views/', import.meta.url))
const UPDATE = process.env.UPDATE_REFERENCE_VIEWS === '1'
/** Small pictures keep the references light and the renders quick. */
const VIEWPORT = { width: 900, height: 620 }
/** Share of pixels that may differ (anti-aliasing noise), and the per-channel tolerance. */
const MAX_DIFF_FRACTION = 0.005
const CHANNEL_TOLERANCE = 24

/**
 * One page for the file, reset to the defaults plus each test's link between tests (see
 * sharedAppPageForFile): the reference pictures must come out the same whether a view is
 * opened from a link or reached from another view, so they are taken on the shared page too.
 */
const open = sharedAppPageForFile({ viewport: VIEWPORT })

async function clickModelPoint(page: AppPage['page'], point: [number, number, number]) {
  const at = await page.evaluate((p) => window.hipExplorer!.project(p), point)
  expect(at?.inView).toBe(true)
  const box = (await viewerCanvas(page).boundingBox())!
  await page.mouse.click(box.x + at!.x, box.y + at!.y)
}

describe('anatomy explorer', GATE, () => {
  it('clicking the femoral head names it; with its cartilage hidden, the bone region is named', async () => {
    const app = await open('?flow=0&mode=clinician')
    const { page } = app
    await clickModelPoint(page, [0, 0, 24])
    const selection = page.locator('[data-testid="selection"]')
    await selection.waitFor({ timeout: 20_000 })
    expect(await selection.innerText()).toMatch(/femoral head/i)
    expect((await page.evaluate(() => window.hipExplorer!.getState())).selected).toBe('femoralHeadCartilage')

    await setState(page, { hidden: ['femoralHeadCartilage'], selected: null })
    await waitForSettled(page)
    await clickModelPoint(page, [0, 0, 22])
    await expect.poll(async () => (await page.evaluate(() => window.hipExplorer!.getState())).selected, { timeout: 20_000 }).toBe('femur')
    await expect.poll(() => page.locator('[data-testid="selection-part"]').innerText().catch(() => '')).toBe('Femoral head')
    expect((await page.evaluate(() => window.hipExplorer!.getState())).selected).toBe('femur')
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('hiding a structure changes the picture, showing it again restores it', async () => {
    const { page } = await open('?flow=0')
    const before = await canvasScreenshot(page)
    await page.locator('[data-testid="toggle-hipBone"]').uncheck()
    await waitForSettled(page)
    const hidden = await canvasScreenshot(page)
    expect(diffCount(before, hidden) / (before.width * before.height)).toBeGreaterThan(0.02)
    await page.locator('[data-testid="toggle-hipBone"]').check()
    await waitForSettled(page)
    expect(diffCount(before, await canvasScreenshot(page))).toBeLessThan(before.width * before.height * MAX_DIFF_FRACTION)
  })

  it('hiding or seeing through the hip bone reaches all of it, far from the joint too', async () => {
    // The bones are split at load into the part near the joint and the rest: both must follow.
    const { page } = await open('?flow=0&view=anterior')
    const asis = modelLandmarks().pelvis.asis
    const selected = async () => (await page.evaluate(() => window.hipExplorer!.getState())).selected
    await clickModelPoint(page, [...asis])
    await expect.poll(selected, { timeout: 20_000 }).toBe('hipBone')
    for (const patch of [{ hidden: ['hipBone' as const] }, { hidden: [], faded: ['hipBone' as const] }]) {
      await setState(page, { ...patch, selected: null })
      await waitForSettled(page)
      await clickModelPoint(page, [...asis])
      await waitForSettled(page) // a click selects synchronously; this lets React commit it
      expect(await selected(), JSON.stringify(patch)).not.toBe('hipBone')
    }
  })

  it('a vessel whose parent is hidden fades out where it would leave it (the deep femoral artery under the hidden femoral artery)', async () => {
    // A surgeon read its end there, flat and then domed, as a cut stump and then a blocked vessel.
    const { page, problems } = await open('flow=0&cam=15,-30,80,10,-40,30')
    const shot = await canvasScreenshot(page)
    const k = shot.width / (await viewerCanvas(page).boundingBox())!.width
    // Its centre line (anatomy/arteries.ts): from [12, -30, 38] down through [9, -48, 31].
    const redAround = async (point: [number, number, number]) => {
      const at = (await page.evaluate((p) => window.hipExplorer!.project(p), point))!
      let red = 0
      for (let y = Math.round(at.y * k) - 6; y <= Math.round(at.y * k) + 6; y++) {
        for (let x = Math.round(at.x * k) - 6; x <= Math.round(at.x * k) + 6; x++) {
          const i = 4 * (y * shot.width + x)
          if (shot.data[i]! > 110 && shot.data[i + 1]! < 90 && shot.data[i + 2]! < 90) red++
        }
      }
      return red
    }
    const origin = await redAround([11.8, -31, 37.6])
    const along = await redAround([9, -48, 31])
    expect(await page.evaluate(() => window.hipExplorer!.project([9, -48, 31])!.inView)).toBe(true)
    // Drawn whole (a domed end), the box at its origin was all the vessel's red: 169 of 169 pixels.
    expect(along, 'red pixels 19 mm along the vessel').toBeGreaterThan(120)
    expect(origin, 'red pixels 1 mm from its origin').toBeLessThan(0.4 * along)
    expect(describeProblems(problems)).toBe('none')
  })

  for (const view of NAMED_VIEWS) {
    it(`the ${view} view matches its reference picture`, async () => {
      const { page } = await open(`?flow=0&view=${view}`)
      const shot = await canvasScreenshot(page)
      const file = join(REFERENCES, `${view}.png`)
      if (UPDATE || !existsSync(file)) {
        if (!UPDATE) throw new Error(`no reference picture ${file}: run with UPDATE_REFERENCE_VIEWS=1 and check it`)
        mkdirSync(REFERENCES, { recursive: true })
        writeFileSync(file, PNG.sync.write(shot))
        return
      }
      const reference = decodePng(readFileSync(file))
      const differing = diffCount(reference, shot, undefined, CHANNEL_TOLERANCE)
      expect(differing / (shot.width * shot.height), `${differing} pixels differ from ${view}.png`).toBeLessThanOrEqual(MAX_DIFF_FRACTION)
    })
  }
})
