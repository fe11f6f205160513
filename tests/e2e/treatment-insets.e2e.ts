/**
 * What issue 11's second framing and inset show in the built app: the BMAC step looks at the
 * back of the pelvis (the PSIS in view, the camera behind it) during its first part and at the
 * hip again for the injection; the fibula's donor-site inset is there, named, during the harvest
 * step only, and leaves the hip uncovered. One shared page; zero console errors. The numbers
 * behind them are unit tests (treatment-insets.test.ts).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { modelLandmarks } from './support/model.ts'
import { describeProblems, setState, sharedAppPageForFile, waitForSettled } from './support/page.ts'
import { decodePngDataUrl } from './support/pixels.ts'

const openApp = sharedAppPageForFile()

/** Moves the player's scrubber as a drag would (React listens to `input`). */
async function scrubTo(page: Page, t: number): Promise<void> {
  await page.locator('[data-testid="treatment-scrubber"]').evaluate((input: HTMLInputElement, value) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(value))
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }, Math.round(t * 1000))
  await waitForSettled(page)
}

describe('treatment insets and second framings', () => {
  it('BMAC: the first part of the step shows the back of the pelvis at the PSIS, then the hip again', async () => {
    const { page, problems } = await openApp()
    await setState(page, { stage: 1.5, procedure: 'core-decompression', variant: null, step: 6, view: 'anterior' })
    await waitForSettled(page)
    await page.locator('[data-testid="treatment-scrubber"]').waitFor({ state: 'visible' })
    const psis = modelLandmarks().pelvis.psis
    await scrubTo(page, 0.25)
    const behind = (await page.evaluate(() => window.hipExplorer!.camera()))!
    expect(behind.position[2], 'the camera behind the pelvis').toBeLessThan(behind.target[2] - 50)
    expect((await page.evaluate((p) => window.hipExplorer!.project(p), psis))!.inView).toBe(true)
    await scrubTo(page, 0.9)
    const front = (await page.evaluate(() => window.hipExplorer!.camera()))!
    expect(front.position[2], 'back in front of the hip').toBeGreaterThan(front.target[2] + 50)
    expect(describeProblems(problems)).toBe('none')
  })

  it('fibula: the donor-site inset is named and shown during the harvest step, clear of the hip, and gone after', async () => {
    const { page, problems } = await openApp()
    await setState(page, { stage: 1.5, procedure: 'vascularised-fibula', variant: null, step: 0, view: 'anterior' })
    await waitForSettled(page)
    const inset = page.getByRole('figure', { name: 'Where the graft comes from' })
    await inset.waitFor({ state: 'visible' })
    const picture = inset.getByRole('img')
    expect(await picture.getAttribute('aria-label')).toMatch(/fibula.*10–15 cm/)
    // Inside the view, and not over the femoral head.
    const box = (await inset.boundingBox())!
    const viewer = (await page.locator('[data-testid="viewer"]').boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(viewer.x)
    expect(box.x + box.width).toBeLessThanOrEqual(viewer.x + viewer.width + 0.5)
    const head = (await page.evaluate(() => window.hipExplorer!.project([0, 0, 0])))!
    expect(head.inView).toBe(true)
    const headX = viewer.x + head.x, headY = viewer.y + head.y
    expect(headX < box.x || headX > box.x + box.width || headY < box.y || headY > box.y + box.height).toBe(true)
    // In a saved image too, where it is on screen: the harvested segment's amber (#e0a43a) is
    // drawn in the inset's box of the capture and nowhere else.
    const png = decodePngDataUrl(await page.evaluate(() => window.hipExplorer!.screenshot({ caption: false })))
    const k = png.width / viewer.width
    const amber = (x0: number, y0: number, x1: number, y1: number) => {
      let n = 0
      for (let y = Math.max(0, Math.floor(y0)); y < Math.min(png.height, y1); y++)
        for (let x = Math.max(0, Math.floor(x0)); x < Math.min(png.width, x1); x++) {
          const i = (y * png.width + x) * 4
          if (Math.abs(png.data[i]! - 0xe0) < 20 && Math.abs(png.data[i + 1]! - 0xa4) < 20 && Math.abs(png.data[i + 2]! - 0x3a) < 24) n++
        }
      return n
    }
    const inBox = amber((box.x - viewer.x) * k, (box.y - viewer.y) * k, (box.x + box.width - viewer.x) * k, (box.y + box.height - viewer.y) * k)
    expect(inBox, 'amber pixels of the harvested segment in the saved inset').toBeGreaterThan(20 * k * k)
    // Clinical words in clinical mode.
    await setState(page, { mode: 'clinician' })
    await page.getByRole('figure', { name: 'Donor site: fibula' }).waitFor({ state: 'visible' })
    await setState(page, { step: 1, mode: 'patient' })
    await waitForSettled(page)
    expect(await page.locator('[data-testid="fibula-donor-inset"]').count()).toBe(0)
    expect(describeProblems(problems)).toBe('none')
  })
})
