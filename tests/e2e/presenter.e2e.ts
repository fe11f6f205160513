/**
 * Presenter mode (issue 14) in the built app, at 1920×1080 and 3840×2160: the view over the
 * screen above a caption strip in large type (caption ≥ 2.2% of the height, labels ≥ 1.6%),
 * nothing overlapping or cut off; controls that fade after a quiet spell without resizing the
 * view or drawing a frame; the clicker's keys; B / "." blank; Escape leaves; `present=1` in the
 * link changes nothing else. One page (1080p, then resized to 4K for the sizes).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { describeProblems, framesWhileIdle, getState, sharedAppPageForFile, waitForSettled } from './support/page.ts'
import { GATE } from './support/gate.ts'

const openApp = sharedAppPageForFile({ viewport: { width: 1920, height: 1080 } })

type Box = { x: number; y: number; width: number; height: number }

/** Sizes and boxes of what a hall sees, measured in the page. */
function layout(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element | null) => {
      if (!el) return null
      const r = el.getBoundingClientRect()
      return { x: r.x, y: r.y, width: r.width, height: r.height }
    }
    const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0)
    const strip = document.querySelector('[data-testid="presenter-strip"]')
    const labels = [...document.querySelectorAll('.label')].filter((l) => getComputedStyle(l).visibility === 'visible')
    return {
      vw: innerWidth,
      vh: innerHeight,
      strip: box(strip),
      stripCut: strip ? strip.scrollHeight > strip.clientHeight + 1 || strip.scrollWidth > strip.clientWidth + 1 : true,
      title: px(document.querySelector('[data-testid="presenter-title"]')),
      body: px(document.querySelector('[data-testid="presenter-body"]')),
      canvas: box(document.querySelector('[data-testid="viewer"] canvas')),
      labels: labels.map((l) => ({ px: px(l), box: box(l)! })),
      sidepanel: box(document.querySelector('.sidepanel')),
    }
  })
}

const inside = (a: Box, b: Box) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5

describe('presenter mode', () => {
  it('the Present button shows the view above a large caption strip; the link keeps every other field', GATE, async () => {
    const { page, problems } = await openApp('flow=0&stage=2')
    const before = await getState(page)
    const panelTitle = await page.locator('#caption-title').innerText()
    await page.locator('[data-testid="present"]').click()
    await page.locator('[data-testid="presenter-strip"]').waitFor({ state: 'visible' })
    await waitForSettled(page)
    const after = await getState(page)
    expect(after).toEqual({ ...before, present: true })
    expect(new URL(page.url()).searchParams.get('present')).toBe('1')
    expect(await page.locator('[data-testid="presenter-title"]').innerText()).toBe(panelTitle)
    const l = await layout(page)
    expect(l.sidepanel!.width, 'the side panel steps aside').toBe(0)
    expect(l.canvas!.width).toBe(l.vw)
    expect(describeProblems(problems)).toBe('none')
  })

  for (const [width, height] of [
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    it(`${width}×${height}: caption ≥ 2.2% and labels ≥ 1.6% of the height, nothing overlapping or cut off`, async () => {
      const { page } = await openApp('flow=0&stage=3&labels=1&present=1&proc=core-decompression&step=4')
      await page.setViewportSize({ width, height })
      await waitForSettled(page)
      const l = await layout(page)
      expect(l.title / l.vh).toBeGreaterThanOrEqual(0.022)
      expect(l.body / l.vh).toBeGreaterThanOrEqual(0.022)
      expect(l.stripCut, 'the caption strip shows all its text').toBe(false)
      expect(inside(l.strip!, { x: 0, y: 0, width: l.vw, height: l.vh })).toBe(true)
      // The view ends where the strip begins.
      expect(l.canvas!.y + l.canvas!.height).toBeLessThanOrEqual(l.strip!.y + 0.5)
      expect(l.labels.length, 'labels are shown').toBeGreaterThan(2)
      for (const label of l.labels) {
        expect(label.px / l.vh).toBeGreaterThanOrEqual(0.016)
        expect(inside(label.box, l.canvas!), `label inside the view: ${JSON.stringify(label.box)}`).toBe(true)
      }
      await page.setViewportSize({ width: 1920, height: 1080 })
    })
  }

  it('on a phone (390×844) the view keeps over half the screen, the caption strip stays on it, and the view buttons sit under the top bar', async () => {
    const { page } = await openApp('flow=0&stage=2&present=1')
    await page.setViewportSize({ width: 390, height: 844 })
    await waitForSettled(page)
    await page.mouse.move(200, 300)
    const l = await layout(page)
    expect(l.canvas!.height / l.vh).toBeGreaterThanOrEqual(0.5)
    expect(l.strip!.y + l.strip!.height).toBeLessThanOrEqual(l.vh + 0.5)
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(l.vh)
    const top = (await page.locator('.topbar').boundingBox())!
    const tools = (await page.locator('.view-toolbar').boundingBox())!
    expect(tools.y).toBeGreaterThanOrEqual(top.y + top.height)
    await page.setViewportSize({ width: 1920, height: 1080 })
  })

  it('controls fade after a quiet spell without resizing the view or drawing, and come back on a move', async () => {
    const { page } = await openApp('flow=0&present=1')
    await page.mouse.move(400, 300)
    const topbar = page.locator('.topbar')
    expect(await topbar.evaluate((el) => getComputedStyle(el).pointerEvents)).not.toBe('none')
    // The stage bar floats just above the strip while shown.
    const bar = (await page.locator('.stagebar').boundingBox())!
    const strip = (await page.locator('[data-testid="presenter-strip"]').boundingBox())!
    expect(bar.y + bar.height).toBeLessThanOrEqual(strip.y + 0.5)
    const canvasBefore = await page.evaluate(() => window.hipExplorer!.stats())
    await expect.poll(() => page.locator('.app.controls-hidden').count(), { timeout: 8000 }).toBe(1)
    expect(await topbar.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none')
    expect(await framesWhileIdle(page)).toBe(0)
    const canvasAfter = await page.evaluate(() => window.hipExplorer!.stats())
    expect([canvasAfter.width, canvasAfter.height]).toEqual([canvasBefore.width, canvasBefore.height])
    await page.mouse.move(420, 320)
    await expect.poll(() => page.locator('.app.controls-hidden').count()).toBe(0)
  })

  it('clicker keys step (→ too, with the view focused), "." blanks and B brings it back, Escape leaves', async () => {
    const { page, problems } = await openApp('flow=0&present=1')
    const camera = await page.evaluate(() => window.hipExplorer!.camera())
    await page.locator('[data-testid="viewer"]').focus()
    await page.keyboard.press('ArrowRight')
    await waitForSettled(page)
    expect((await getState(page)).stage, '→ steps forward, not a turn').toBeGreaterThan(0)
    expect(await page.evaluate(() => window.hipExplorer!.camera())).toEqual(camera)
    await page.keyboard.press('PageUp')
    await expect.poll(async () => (await getState(page)).stage).toBe(0)
    await page.keyboard.press('.')
    const blank = page.locator('[data-testid="presenter-blank"]')
    await blank.waitFor({ state: 'visible' })
    const shot = await page.screenshot({ clip: { x: 900, y: 500, width: 4, height: 4 } })
    const { decodePng } = await import('./support/pixels.ts')
    const png = decodePng(shot)
    expect([png.data[0], png.data[1], png.data[2]]).toEqual([0, 0, 0])
    await page.keyboard.press('b')
    await blank.waitFor({ state: 'detached' })
    // In a treatment, the clicker walks its steps and Escape leaves presenting, not the treatment.
    await page.evaluate(() => window.hipExplorer!.setState({ procedure: 'core-decompression', stage: 1.5 }))
    await waitForSettled(page)
    await page.keyboard.press('PageDown')
    await expect.poll(async () => (await getState(page)).step).toBe(1)
    await expect.poll(() => page.locator('[data-testid="presenter-title"]').innerText()).toMatch(/step 2 of/)
    await page.keyboard.press('Escape')
    await expect.poll(async () => (await getState(page)).present).toBe(false)
    expect((await getState(page)).procedure).toBe('core-decompression')
    await page.locator('.sidepanel').waitFor({ state: 'visible' })
    expect(new URL(page.url()).searchParams.get('present')).toBeNull()
    expect(describeProblems(problems)).toBe('none')
  })
})
