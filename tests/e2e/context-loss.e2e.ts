/**
 * A lost WebGL context (driver reset, GPU process crash) is shown, recovered without a
 * reload, and the same view comes back with the same state.
 */
import { describe, expect, it } from 'vitest'
import {
  canvasScreenshot,
  COMPACT_VIEWPORT,
  getState,
  getStatus,
  appPagesForFile,
  waitForSettled,
  waitForReady,
} from './support/page.ts'
import { countForeground, diffCount } from './support/pixels.ts'
import { GATE } from './support/gate.ts'

const appPage = appPagesForFile()

describe('WebGL context loss', GATE, () => {
  it('shows that it is restoring, then draws the same view with the same state', async () => {
    const app = await appPage({ viewport: COMPACT_VIEWPORT })
    const { page } = app
    await app.open('?stage=3&view=posterior&flow=0')
    await waitForReady(page)
    await waitForSettled(page)
    const state = await getState(page)
    const before = await canvasScreenshot(page)
    const fgBefore = countForeground(before).count
    expect(fgBefore).toBeGreaterThan(1000)
    const navigations: string[] = []
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations.push(f.url())
    })

    const supported = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="viewer"] canvas') as HTMLCanvasElement
      const gl = canvas.getContext('webgl2')
      const ext = gl?.getExtension('WEBGL_lose_context') ?? null
      ;(window as unknown as { __lc: WEBGL_lose_context | null }).__lc = ext
      ext?.loseContext()
      return ext !== null
    })
    expect(supported, 'WEBGL_lose_context is available').toBe(true)
    const overlay = page.locator('[data-testid="context-lost"]')
    await overlay.waitFor({ state: 'visible', timeout: 10_000 })
    expect((await overlay.innerText()).trim().length).toBeGreaterThan(5)
    await expect.poll(() => getStatus(page)).toMatchObject({ webgl: 'lost' })

    await page.evaluate(() => (window as unknown as { __lc: WEBGL_lose_context }).__lc.restoreContext())
    await overlay.waitFor({ state: 'hidden', timeout: 30_000 })
    await expect.poll(() => getStatus(page), { timeout: 30_000 }).toMatchObject({ webgl: 'ok', model: 'ready' })
    await waitForSettled(page)

    expect(navigations, 'recovered without a reload').toEqual([])
    expect(await getState(page)).toEqual(state)
    const after = await canvasScreenshot(page)
    const fgAfter = countForeground(after).count
    expect(Math.abs(fgAfter - fgBefore) / fgBefore, `foreground ${fgBefore} → ${fgAfter}`).toBeLessThan(0.02)
    const changed = diffCount(before, after)
    expect(changed / (after.width * after.height), `${changed} pixels differ`).toBeLessThan(0.01)
    expect(await page.locator('[data-testid="error-panel"]').isVisible()).toBe(false)
    expect(app.problems.pageErrors).toEqual([])
  })
})
