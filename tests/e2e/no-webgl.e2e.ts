/**
 * No WebGL at all (a hospital thin client): a plain message, and the text content stays
 * readable and usable. A separate browser launched with --disable-webgl.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appPagesForFile, getState, getStatus } from './support/page.ts'

const appPage = appPagesForFile(['--disable-webgl'])

/** True when the element's centre is not covered by another element. */
function isOnTop(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)
    if (!el) return false
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 8))
    return hit !== null && (el === hit || el.contains(hit))
  }, selector)
}

describe('without WebGL', () => {
  it('says so plainly and keeps captions readable and the controls working', async () => {
    const app = await appPage()
    const { page } = app
    await app.open('?stage=1')
    const message = page.locator('[data-testid="no-webgl"]')
    await message.waitFor({ state: 'visible', timeout: 30_000 })
    expect((await message.innerText()).trim().length).toBeGreaterThan(20)
    await expect.poll(() => getStatus(page)).toMatchObject({ webgl: 'unavailable' })

    const caption = page.locator('[data-testid="caption"]')
    await caption.waitFor({ state: 'visible' })
    const before = (await caption.innerText()).trim()
    expect(before.length).toBeGreaterThan(20)
    expect(await isOnTop(page, '[data-testid="caption"]'), 'caption is not covered').toBe(true)
    const fontSize = await caption.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(fontSize).toBeGreaterThanOrEqual(12)

    // The stage control still drives the text content.
    await page.locator('[data-testid="stage-slider"]').fill('4')
    await expect.poll(() => getState(page)).toMatchObject({ stage: 4 })
    await expect.poll(async () => (await caption.innerText()).trim()).not.toBe(before)

    expect(await page.locator('[data-testid="error-panel"]').isVisible()).toBe(false)
    expect(await page.locator('[data-testid="disclaimer"]').isVisible()).toBe(true)
    expect(app.problems.pageErrors).toEqual([])
    expect(app.problems.offOrigin).toEqual([])
  })
})
