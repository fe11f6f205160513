/** Labels with leader lines name the landmarks, in plain words or anatomical terms, and follow the view. */
import { describe, expect, it } from 'vitest'
import { describeProblems, sharedAppPageForFile, waitForSettled, type AppPage } from './support/page.ts'

/** One page for both tests, reset to the defaults plus each test's link (see sharedAppPageForFile). */
const openApp = sharedAppPageForFile()

const visibleLabels = (page: AppPage['page']) =>
  page.$$eval('[data-testid="labels-layer"] .label', (els) =>
    els.filter((el) => getComputedStyle(el).visibility === 'visible').map((el) => el.textContent ?? ''),
  )

describe('labels', () => {
  it('names landmarks with leader lines, switches wording with the mode, and hides labels behind bone', async () => {
    const app = await openApp('?flow=0&labels=1&mode=clinician&view=lateral')
    const { page } = app
    await expect.poll(() => visibleLabels(page), { timeout: 20_000 }).toContain('Greater trochanter')
    const lateral = await visibleLabels(page)
    expect(lateral).toContain('Femoral head')
    // Each visible label has a leader line drawn to its anchor.
    const lines = await page.$$eval('[data-testid="labels-layer"] line', (els) => els.filter((el) => getComputedStyle(el).visibility === 'visible').length)
    expect(lines).toBe(lateral.length)

    await page.locator('[data-testid="mode-patient"]').click()
    await expect.poll(() => visibleLabels(page)).toContain('Bony bump on the outer hip')

    // From the back, the front of the femoral head is behind bone: its label goes.
    await page.locator('[data-testid="view-posterior"]').click()
    await waitForSettled(page)
    await expect.poll(() => visibleLabels(page), { timeout: 20_000 }).not.toContain('Ball (head of the thigh bone)')
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('turns off from the panel and leaves no labels behind', async () => {
    const { page } = await openApp('?flow=0&labels=1')
    await expect.poll(() => visibleLabels(page), { timeout: 20_000 }).not.toEqual([])
    await page.locator('[data-testid="labels"]').uncheck()
    await expect.poll(() => page.locator('[data-testid="labels-layer"]').count()).toBe(0)
    expect(await page.evaluate(() => window.hipExplorer!.getState().labels)).toBe(false)
  })
})
