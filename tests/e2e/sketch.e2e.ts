/**
 * Drawing over the view (issue 14): with the pen on, a drag draws instead of turning the hip
 * (mouse, and a finger on a tablet); an arrow has a head; Undo, Ctrl+Z, Clear and Esc; the marks
 * stay while the words change and go when the picture changes (the stage, a turn of the hip); a
 * saved image has them. Checked in the pixels a user sees.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from './support/axe.ts'
import { browserForFile } from './support/browser.ts'
import { decodePngDataUrl, sample } from './support/pixels.ts'
import { appPagesForFile, describeProblems, getState, setState, sharedAppPageForFile, waitForSettled } from './support/page.ts'

const browser = browserForFile()
const openApp = sharedAppPageForFile({}, browser)
const freshPage = appPagesForFile(browser)

/** The 3D picture's box in CSS pixels, relative to the page (narrower than the view with the Images panel open). */
async function viewBox(page: Page) {
  const box = await page.locator('[data-testid="viewer"] canvas').first().boundingBox()
  if (!box) throw new Error('no view')
  return box
}

/** Marker-yellow pixels of the drawing layer within a box given in fractions of the view (x0, y0, x1, y1). */
async function inkIn(page: Page, [x0, y0, x1, y1]: readonly [number, number, number, number]): Promise<number> {
  return page.evaluate(
    ([x0, y0, x1, y1]) => {
      const canvas = document.querySelector('[data-testid="sketch-canvas"]') as HTMLCanvasElement | null
      if (!canvas || canvas.width === 0) return 0
      const [w, h] = [canvas.width, canvas.height]
      const left = Math.floor(x0 * w)
      const top = Math.floor(y0 * h)
      const data = canvas.getContext('2d')!.getImageData(left, top, Math.max(1, Math.floor((x1 - x0) * w)), Math.max(1, Math.floor((y1 - y0) * h))).data
      let n = 0
      for (let i = 0; i < data.length; i += 4) if (data[i]! > 220 && data[i + 1]! > 180 && data[i + 2]! < 90 && data[i + 3]! > 200) n++
      return n
    },
    [x0, y0, x1, y1] as const,
  )
}

const yellow = ([r, g, b]: readonly number[]) => r! > 210 && g! > 170 && b! < 110

/** A mouse drag across the view between two points given in fractions of it. */
async function drag(page: Page, from: readonly [number, number], to: readonly [number, number]): Promise<void> {
  const box = await viewBox(page)
  const at = ([fx, fy]: readonly [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const
  const [ax, ay] = at(from)
  const [bx, by] = at(to)
  await page.mouse.move(ax, ay)
  await page.mouse.down()
  await page.mouse.move(bx, by, { steps: 12 })
  await page.mouse.up()
}

/** The pen is on and its layer lies over the picture (it loads with the view's buttons). */
async function penReady(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-testid="sketch-bar"]').isVisible()).toBe(true)
  await expect.poll(() => page.locator('.sketch-canvas.drawing').evaluate((c) => c.getBoundingClientRect().width).catch(() => 0)).toBeGreaterThan(0)
}

const liveCamera = (page: Page) => page.evaluate(() => JSON.stringify(window.hipExplorer!.camera()))

describe('drawing over the view', () => {
  it('draws with the mouse instead of turning the hip; an arrow has a head; undo, clear, Esc; the marks go when the picture changes and are in a saved image', async () => {
    const app = await openApp('flow=0')
    const { page } = app
    const camera = await liveCamera(page)
    // Every view button, Draw among them, lies within the view at 1024×640 (Images ran past its foot, over the stage bar).
    const view = await viewBox(page)
    const tools = await page.locator('.view-toolbar button').evaluateAll((els) => els.map((e) => ({ name: e.textContent, ...e.getBoundingClientRect().toJSON() })))
    expect(tools.map((t) => t.name)).toContain('Draw')
    for (const t of tools) expect(t.bottom <= view.y + view.height && t.top >= view.y, `${t.name} within the view`).toBe(true)
    await page.locator('[data-testid="sketch-toggle"]').click()
    await penReady(page)

    // A pen stroke across the middle of the view: ink along it, and the hip did not turn.
    await drag(page, [0.3, 0.55], [0.7, 0.55])
    await expect.poll(() => inkIn(page, [0.3, 0.5, 0.7, 0.6])).toBeGreaterThan(200)
    expect(await liveCamera(page), 'the drag drew; it did not turn the hip').toBe(camera)
    const box = await viewBox(page)
    const seen = decodePngDataUrl(`data:image/png;base64,${(await page.screenshot({ clip: { x: box.x + box.width * 0.5 - 2, y: box.y + box.height * 0.55 - 2, width: 5, height: 5 } })).toString('base64')}`)
    expect(yellow(sample(seen, 2, 2)), `on screen: ${sample(seen, 2, 2).join(',')}`).toBe(true)

    // An arrow pointing down at (0.8, 0.45): beside its tip, the head's barbs; beside its tail, nothing.
    await page.locator('[data-testid="sketch-arrow"]').click()
    await drag(page, [0.8, 0.15], [0.8, 0.45])
    await expect.poll(() => inkIn(page, [0.785, 0.41, 0.797, 0.45])).toBeGreaterThan(3)
    expect(await inkIn(page, [0.785, 0.16, 0.797, 0.22]), 'no barbs at the tail').toBe(0)

    // A saved image has the marks, where they are on screen.
    const saved = decodePngDataUrl(await page.evaluate(() => window.hipExplorer!.screenshot({ caption: false, images: false })))
    expect(yellow(sample(saved, Math.round(saved.width * 0.5), Math.round(saved.height * 0.55)))).toBe(true)

    // Undo takes the arrow away; Ctrl+Z the stroke; Clear is then off.
    await page.locator('[data-testid="sketch-undo"]').click()
    await expect.poll(() => inkIn(page, [0.77, 0.16, 0.83, 0.46])).toBe(0)
    expect(await inkIn(page, [0.3, 0.5, 0.7, 0.6])).toBeGreaterThan(200)
    await page.keyboard.press('Control+z')
    await expect.poll(() => inkIn(page, [0.3, 0.5, 0.7, 0.6])).toBe(0)
    expect(await page.locator('[data-testid="sketch-clear"]').isDisabled()).toBe(true)
    expect(await axeViolations(page, 'drawing bar')).toEqual([])

    // Marks stay while the words change; Esc puts the pen down and keeps them.
    await page.locator('[data-testid="sketch-pen"]').click()
    await drag(page, [0.3, 0.55], [0.7, 0.55])
    await page.locator('[data-testid="mode-clinician"]').click()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-testid="sketch-bar"]').count()).toBe(0)
    expect(await inkIn(page, [0.3, 0.5, 0.7, 0.6]), 'kept across the mode and Esc').toBeGreaterThan(200)
    // With the pen down a drag turns the hip again, and the marks go with the picture under them.
    await drag(page, [0.45, 0.5], [0.6, 0.5])
    await expect.poll(() => inkIn(page, [0.3, 0.5, 0.7, 0.6])).toBe(0)
    await waitForSettled(page)
    expect(await liveCamera(page)).not.toBe(camera)

    // D takes the pen up; a new stage clears the marks.
    await page.locator('[data-testid="viewer"]').focus()
    await page.keyboard.press('d')
    await penReady(page)
    await drag(page, [0.3, 0.55], [0.7, 0.55])
    await expect.poll(() => inkIn(page, [0.3, 0.5, 0.7, 0.6])).toBeGreaterThan(200)
    await setState(page, { stage: 2 })
    await expect.poll(() => inkIn(page, [0.3, 0.5, 0.7, 0.6])).toBe(0)
    await page.locator('[data-testid="sketch-done"]').click()
    expect((await getState(page)).stage).toBe(2)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('draws with a finger on a tablet, and the hip does not turn', async () => {
    const app = await freshPage({ touch: true, viewport: { width: 1024, height: 768 } })
    const { page } = app
    await app.open('flow=0')
    await page.evaluate(() => window.hipExplorer!.ready())
    await waitForSettled(page)
    const camera = await liveCamera(page)
    await page.locator('[data-testid="sketch-toggle"]').tap()
    await penReady(page)
    const box = await viewBox(page)
    const cdp = await page.context().newCDPSession(page)
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', fx: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: box.x + box.width * fx, y: box.y + box.height * 0.6 }] })
    await touch('touchStart', 0.3)
    for (let i = 1; i <= 10; i++) await touch('touchMove', 0.3 + 0.04 * i)
    await touch('touchEnd', 0.7)
    await expect.poll(() => inkIn(page, [0.3, 0.55, 0.7, 0.65])).toBeGreaterThan(150)
    await waitForSettled(page)
    expect(await liveCamera(page), 'the finger drew; it did not turn the hip').toBe(camera)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('over the picture beside the Images panel, the marks are saved where they were drawn; presenting, Esc puts the pen down and keeps presenting', async () => {
    const app = await openApp('flow=0&images=1')
    const { page } = app
    await page.locator('[data-testid="sketch-toggle"]').click()
    await penReady(page)
    await drag(page, [0.3, 0.55], [0.7, 0.55])
    await expect.poll(() => inkIn(page, [0.3, 0.5, 0.7, 0.6])).toBeGreaterThan(150)
    // The layer covered the whole view: the saved picture (the 3D canvas alone) had the stroke 128 px to the left.
    const saved = decodePngDataUrl(await page.evaluate(() => window.hipExplorer!.screenshot({ caption: false, images: false })))
    for (const fx of [0.35, 0.5, 0.65]) {
      expect(yellow(sample(saved, Math.round(saved.width * fx), Math.round(saved.height * 0.55))), `saved at ${fx}`).toBe(true)
    }
    // Presenting: the first Esc is Done (it left presenting too), the second leaves presenting.
    await setState(page, { present: true })
    // Presenting's keys come with its caption strip (loaded on demand): an Esc before it is not presenting's.
    await page.locator('[data-testid="presenter-strip"]').waitFor({ state: 'visible' })
    await expect.poll(() => page.locator('[data-testid="sketch-bar"]').isVisible()).toBe(true)
    // A stroke begun on the Images panel beside the picture selects none of its words.
    const panel = await page.locator('[data-testid="images-panel"]').boundingBox()
    expect(panel).not.toBeNull()
    await page.mouse.move(panel!.x + panel!.width * 0.8, panel!.y + panel!.height * 0.5)
    await page.mouse.down()
    await page.mouse.move(panel!.x + panel!.width * 0.1, panel!.y + panel!.height * 0.2, { steps: 12 })
    await page.mouse.move(panel!.x - 40, panel!.y + panel!.height * 0.2, { steps: 6 })
    await page.mouse.up()
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-testid="sketch-bar"]').count()).toBe(0)
    expect((await getState(page)).present).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(async () => (await getState(page)).present).toBe(false)
    expect(describeProblems(app.problems)).toBe('none')
  })
})

