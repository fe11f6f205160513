/**
 * No WebGL at all (a hospital thin client): a plain message, and the text content stays
 * readable and usable. A separate browser launched with --disable-webgl.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appPagesForFile, getState, getStatus } from './support/page.ts'
import { GATE } from './support/gate.ts'

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

describe('without WebGL', GATE, () => {
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

    // What only acts on the 3D picture is gone or disabled: no camera bar over the message, no
    // cuts, no hiding; Save image is disabled and says why. The names and descriptions remain.
    expect(await isOnTop(page, '[data-testid="no-webgl"] h2'), 'the message is not covered').toBe(true)
    expect(await page.locator('.view-toolbar').count()).toBe(0)
    const save = page.locator('[data-testid="save-image"]')
    expect(await save.isDisabled()).toBe(true)
    expect(await save.getAttribute('title')).toMatch(/3D/)
    await page.locator('.structures').waitFor({ state: 'visible' })
    expect(await page.locator('[data-testid="cut-coronal"]').count()).toBe(0)
    expect(await page.locator('[data-testid="toggle-femur"]').isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'info: Thigh bone' }).click()
    await expect.poll(() => page.locator('[data-testid="selection"]').innerText()).toMatch(/thigh bone/i)

    expect(await page.locator('[data-testid="error-panel"]').isVisible()).toBe(false)
    expect(await page.locator('[data-testid="disclaimer"]').isVisible()).toBe(true)
    expect(app.problems.pageErrors).toEqual([])
    expect(app.problems.offOrigin).toEqual([])
  })
})
