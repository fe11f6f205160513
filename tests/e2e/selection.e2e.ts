/**
 * Selection is visible (issue 9): the selected structure gets a two-tone outline (dark ink
 * outside, yellow inside) in the 3D view's own pixels, with the disease shown and in a cut; a
 * name tag on the model names it in the mode's words, stays inside the view and off the camera
 * toolbar, follows the model when the camera turns, and its Hide / See-through / Only / close
 * buttons act on the selection. One page for the whole file (reset between tests).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { PNG } from 'pngjs'
import { STRUCTURE_IDS } from '../../src/domain/anatomy/structures.ts'
import { COMPACT_VIEWPORT, describeProblems, getState, setState, sharedAppPageForFile, waitForSettled } from './support/page.ts'
import { diffCount, viewPixels, type Rgb } from './support/pixels.ts'

const open = sharedAppPageForFile({ viewport: COMPACT_VIEWPORT })

/** The outline's colours (scene/highlight/StructureHighlight.tsx), drawn unlit, as given. */
const YELLOW: Rgb = [0xff, 0xd2, 0x1a]
const INK: Rgb = [0x0f, 0x1e, 0x2c]

/** Pixels within `tolerance` (per channel) of `colour`. */
function countColour(png: PNG, colour: Rgb, tolerance: number): number {
  let n = 0
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i]! - colour[0]) <= tolerance && Math.abs(png.data[i + 1]! - colour[1]) <= tolerance && Math.abs(png.data[i + 2]! - colour[2]) <= tolerance) n++
  }
  return n
}

const outlinePixels = (png: PNG) => ({ yellow: countColour(png, YELLOW, 40), ink: countColour(png, INK, 24) })

const tag = (page: Page) => page.locator('[data-testid="selection-tag"]')

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox()
  if (!b) throw new Error(`${selector} has no box`)
  return b
}

type Box = { x: number; y: number; width: number; height: number }
const inside = (a: Box, b: Box) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('selection', () => {
  /** Outline pixels of the femur selected in the healthy default view (the first test measures them). */
  let healthyFemur = { yellow: 0, ink: 0 }
  let plainInk = 0

  it('outlines the selected structure in ink and yellow on pale bone', async () => {
    const app = await open('?flow=0')
    const { page } = app
    const plain = await viewPixels(page)
    const none = outlinePixels(plain)
    plainInk = none.ink

    await setState(page, { selected: 'femur' })
    await waitForSettled(page)
    const femur = await viewPixels(page)
    healthyFemur = outlinePixels(femur)
    console.log(`[selection] outline pixels (yellow/ink): none ${none.yellow}/${none.ink}, femur ${healthyFemur.yellow}/${healthyFemur.ink}`)
    // A ring of several hundred pixels of each colour along the femur's silhouette; no yellow
    // before (the model's deepest creases are as dark as the ink: counted as a base).
    expect(none.yellow, 'yellow before selecting').toBeLessThan(20)
    expect(healthyFemur.yellow, 'yellow ring of the femur').toBeGreaterThan(400)
    expect(healthyFemur.ink - none.ink, 'ink ring of the femur').toBeGreaterThan(400)
    expect(diffCount(plain, femur)).toBeGreaterThan(800)
    expect(describeProblems(app.problems)).toBe('none')
  })

  // The steps below each compile shaders (in software, slowly on a busy machine): a test each.
  it('see-through, the outline stays outside the faded bone (it does not fill it)', async () => {
    const app = await open('?flow=0&sel=femur&fade=femur')
    const { page } = app
    const faded = outlinePixels(await viewPixels(page))
    console.log(`[selection] see-through femur: ${faded.yellow}/${faded.ink}`)
    expect(faded.yellow, 'see-through femur').toBeGreaterThan(200)
    expect(faded.yellow, 'see-through femur, not filled').toBeLessThan(Math.max(healthyFemur.yellow, 700) * 2)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('the outline shows with the disease shown (the window in the socket open)', async () => {
    const app = await open('?flow=0&stage=3')
    const { page } = app
    // The disease's programs replace the bones'; the outline follows them.
    await setState(page, { selected: 'hipBone' })
    await waitForSettled(page)
    const diseased = outlinePixels(await viewPixels(page))
    console.log(`[selection] hip bone at stage 3: ${diseased.yellow}/${diseased.ink}`)
    expect(diseased.yellow, 'hip bone at stage IIIA').toBeGreaterThan(400)
    expect(diseased.ink - plainInk, 'hip bone at stage IIIA').toBeGreaterThan(400)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('the outline is cut with its structure', async () => {
    const app = await open('?flow=0&stage=3')
    const { page } = app
    // In a cut: the outline is cut with the femur (its cut face is not filled with the outline's
    // colour: about as many yellow pixels as the whole femur had, not the thousands of a fill).
    await setState(page, { section: { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] }, selected: 'femur' })
    await waitForSettled(page)
    const cut = outlinePixels(await viewPixels(page))
    console.log(`[selection] femur in the cut: ${cut.yellow}/${cut.ink}`)
    expect(cut.yellow, 'femur in the coronal cut').toBeGreaterThan(200)
    expect(cut.yellow, 'no fill of the cut face').toBeLessThan(Math.max(healthyFemur.yellow, 700) * 2)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('puts a name tag on the model in the words of the mode, inside the view and off the camera toolbar', async () => {
    const app = await open('?flow=0&mode=clinician')
    const { page } = app
    await expect(tag(page).count()).resolves.toBe(0)
    await setState(page, { selected: 'femur' })
    await waitForSettled(page)
    await expect.poll(() => tag(page).isVisible(), { timeout: 20_000 }).toBe(true)
    expect(await page.locator('[data-testid="selection-tag-name"]').innerText()).toBe('Femur (proximal part)')
    await setState(page, { mode: 'patient' })
    await expect.poll(() => page.locator('[data-testid="selection-tag-name"]').innerText()).toBe('Thigh bone')

    await waitForSettled(page)
    const viewer = await box(page, '[data-testid="viewer"]')
    const toolbar = await box(page, '.view-toolbar')
    const stageBar = await box(page, '.stagebar')
    await expect.poll(async () => inside((await tag(page).boundingBox())!, viewer)).toBe(true)
    const t = (await tag(page).boundingBox())!
    expect(overlaps(t, toolbar), `tag ${JSON.stringify(t)} over the toolbar ${JSON.stringify(toolbar)}`).toBe(false)
    expect(overlaps(t, stageBar), 'tag over the stage bar').toBe(false)

    // Keyboard: from the 3D view, Tab reaches the tag's buttons; each is named by its visible words.
    await page.locator('[data-testid="viewer"]').focus()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="selection-tag"]'))).toBe(true)
    for (const name of ['Hide', 'See-through', 'Only', 'Close']) {
      await expect(tag(page).getByRole('button', { name, exact: true }).count(), name).resolves.toBe(1)
    }
    const mismatched = await tag(page).evaluate((el) =>
      [...el.querySelectorAll('button')]
        .filter((b) => {
          const visible = b.innerText.trim().toLowerCase()
          const name = (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().toLowerCase()
          return visible !== '' && !name.includes(visible)
        })
        .map((b) => b.outerHTML),
    )
    expect(mismatched).toEqual([])
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('the tag follows the model when the camera turns', async () => {
    const { page } = await open('?flow=0&view=anterior')
    await setState(page, { selected: 'hipBone' })
    await waitForSettled(page)
    await expect.poll(() => tag(page).isVisible(), { timeout: 20_000 }).toBe(true)
    const dot = async () => page.locator('.selection-tag-leader circle').evaluate((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))])
    const front = await dot()
    const frontTag = (await tag(page).boundingBox())!
    await setState(page, { view: 'superior' })
    await waitForSettled(page)
    await expect.poll(async () => Math.hypot(...(await dot()).map((v, i) => v - front[i]!))).toBeGreaterThan(20)
    const top = (await tag(page).boundingBox())!
    expect(Math.hypot(top.x - frontTag.x, top.y - frontTag.y)).toBeGreaterThan(10)
    expect(inside(top, await box(page, '[data-testid="viewer"]'))).toBe(true)
  })

  it("the tag's Hide hides the structure (state and picture) and the tag goes; close clears the selection", async () => {
    const app = await open('?flow=0')
    const { page } = app
    await setState(page, { selected: 'hipBone' })
    await waitForSettled(page)
    await expect.poll(() => tag(page).isVisible(), { timeout: 20_000 }).toBe(true)
    const before = await viewPixels(page)
    await page.locator('[data-testid="selection-tag-hide"]').click()
    await waitForSettled(page)
    expect((await getState(page)).hidden).toContain('hipBone')
    // The tag is gone with its button: focus went back to the 3D view, not to the page's start.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('viewer')
    const after = await viewPixels(page)
    expect(diffCount(before, after) / (before.width * before.height), 'the hip bone left the picture').toBeGreaterThan(0.05)
    await expect.poll(() => tag(page).count()).toBe(0)

    await setState(page, { hidden: [], selected: 'femur' })
    await waitForSettled(page)
    await expect.poll(() => tag(page).isVisible(), { timeout: 20_000 }).toBe(true)
    await page.locator('[data-testid="selection-tag-close"]').click()
    await waitForSettled(page)
    expect((await getState(page)).selected).toBeNull()
    await expect.poll(() => tag(page).count()).toBe(0)
    expect(outlinePixels(await viewPixels(page)).yellow, 'no outline once closed').toBeLessThan(20)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it("the tag's See-through and Only act on the selection; its buttons are 44 px on a touch screen", async () => {
    const app = await open('?flow=0')
    const { page } = app
    await setState(page, { selected: 'femur' })
    await waitForSettled(page)
    await expect.poll(() => tag(page).isVisible(), { timeout: 20_000 }).toBe(true)
    const fade = page.locator('[data-testid="selection-tag-fade"]')
    await fade.click()
    await waitForSettled(page)
    expect((await getState(page)).faded).toEqual(['femur'])
    await expect.poll(() => fade.getAttribute('aria-pressed')).toBe('true')
    await fade.click()
    await waitForSettled(page)
    expect((await getState(page)).faded).toEqual([])

    await page.locator('[data-testid="selection-tag-only"]').click()
    await waitForSettled(page)
    expect([...(await getState(page)).hidden].sort()).toEqual(STRUCTURE_IDS.filter((id) => id !== 'femur').sort())
    await expect.poll(() => tag(page).isVisible()).toBe(true)

    // A coarse pointer (touch emulation: `pointer: coarse` matches): every button ≥ 44 × 44 px.
    const cdp = await app.context.newCDPSession(page)
    try {
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 })
      expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true)
      const sizes = await tag(page).locator('button').evaluateAll((els) => els.map((b) => [b.getBoundingClientRect().width, b.getBoundingClientRect().height]))
      expect(sizes.length).toBe(4)
      for (const [w, h] of sizes) expect(Math.min(w!, h!)).toBeGreaterThanOrEqual(44)
    } finally {
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false })
      await cdp.detach()
    }
    expect(describeProblems(app.problems)).toBe('none')
  })
})
