/**
 * Any uncaught error or unhandled rejection shows the error panel (never a white page),
 * with a way to continue and a way to reload.
 */
import { describe, expect, it } from 'vitest'
import { appPagesForFile, COMPACT_VIEWPORT, getState, setState, waitForReady } from './support/page.ts'

const appPage = appPagesForFile()

describe('error panel', () => {
  it('shows an uncaught error; "continue" closes it and the app goes on', async () => {
    const app = await appPage({ viewport: COMPACT_VIEWPORT })
    const { page } = app
    await app.open()
    await waitForReady(page)
    await page.evaluate(() => {
      window.setTimeout(() => {
        throw new Error('e2e: deliberate uncaught error')
      }, 0)
    })
    const panel = page.locator('[data-testid="error-panel"]')
    await panel.waitFor({ state: 'visible', timeout: 10_000 })
    expect((await panel.innerText()).trim().length).toBeGreaterThan(10)
    expect(await page.locator('[data-testid="error-reload"]').isVisible()).toBe(true)
    expect(app.problems.pageErrors.join('\n')).toMatch(/deliberate uncaught error/)

    await page.locator('[data-testid="error-continue"]').click()
    await panel.waitFor({ state: 'hidden', timeout: 5_000 })
    await page.locator('[data-testid="view-superior"]').click()
    await expect.poll(() => getState(page)).toMatchObject({ view: 'superior' })
    expect(await page.locator('[data-testid="viewer"] canvas').isVisible()).toBe(true)
  })

  it('shows an unhandled promise rejection; "reload" reloads the same view', async () => {
    const app = await appPage({ viewport: COMPACT_VIEWPORT })
    const { page } = app
    await app.open('?stage=1.5')
    await waitForReady(page)
    await setState(page, { view: 'lateral' })
    await expect.poll(() => getState(page)).toMatchObject({ view: 'lateral' })
    await page.evaluate(() => {
      void Promise.reject(new Error('e2e: deliberate unhandled rejection'))
    })
    const panel = page.locator('[data-testid="error-panel"]')
    await panel.waitFor({ state: 'visible', timeout: 10_000 })
    expect(await page.locator('[data-testid="error-continue"]').isVisible()).toBe(true)

    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.locator('[data-testid="error-reload"]').click()])
    await waitForReady(page)
    expect(await panel.isVisible()).toBe(false)
    expect(await getState(page)).toMatchObject({ stage: 1.5, view: 'lateral' })
  })
})
