/**
 * Offline and installable (issue 14: a surgeon in a clinic with poor or no internet):
 * - after one visit, with the network off, the app reloads, changes stage and opens a
 *   treatment, drawing the hip, with nothing failing to load;
 * - Chromium finds nothing that keeps it from being installed (its own installability check),
 *   and the manifest names the app with its icons;
 * - a new version does not replace the running one: a notice offers to reload, and reloading
 *   takes it, on the same view.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { preview } from 'vite'
import { describe, expect, it } from 'vitest'
import { appPagesForFile, describeProblems, getState, setState, waitForReady, waitForSettled } from './support/page.ts'
import { baseUrl, distDir } from './support/context.ts'

const newPage = appPagesForFile()

/** Waits until the service worker is active: Workbox has put every file of the build in its cache by then. */
async function workerActive(page: Page): Promise<string | undefined> {
  const state = () => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)
  await expect.poll(state, { timeout: 60_000 }).toBe('activated')
  return state()
}

describe('offline and installable', () => {
  it('after one visit, with the network off: reloads, changes the stage and opens a treatment, with nothing failing', async () => {
    const app = await newPage({ serviceWorkers: 'allow' })
    const { page, context, problems } = app
    await app.open('?flow=0')
    await waitForReady(page)
    expect(await workerActive(page)).toBe('activated')

    await context.setOffline(true)
    const failed: string[] = []
    page.on('requestfailed', (request) => failed.push(request.url()))
    await page.reload({ waitUntil: 'load' })
    await waitForReady(page)
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is served by the worker').toBe(true)
    await setState(page, { stage: 2.5 })
    await waitForSettled(page)
    await setState(page, { procedure: 'core-decompression', variant: null, step: 4 })
    await waitForSettled(page)
    await expect.poll(() => page.locator('[data-testid="treatment-player"]').isVisible()).toBe(true)
    expect((await getState(page)).stage).toBe(2.5)
    expect(failed.join(' '), 'requests that failed offline').toBe('')
    expect(describeProblems(problems)).toBe('none')
    await context.setOffline(false)
    await app.close()
  })

  it('Chromium finds it installable: a manifest with the app’s name, start, and 192 and 512 px icons', async () => {
    const app = await newPage({ serviceWorkers: 'allow' })
    const { page, context } = app
    await app.open('?flow=0')
    await waitForReady(page)
    await workerActive(page)
    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] }
    // A test's browser context is a private one ('in-incognito'), where no app installs: any other error counts.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([])
    const manifest = (await (await page.request.get(new URL('manifest.webmanifest', baseUrl()).href)).json()) as {
      name: string
      start_url: string
      display: string
      icons: { src: string; sizes: string; purpose?: string }[]
    }
    expect(manifest.name).toBe('Hip AVN Explorer')
    expect(manifest.display).toBe('standalone')
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i) => i.sizes === size && i.purpose !== 'maskable')!
      const response = await page.request.get(new URL(icon.src, baseUrl()).href)
      expect(response.headers()['content-type']).toBe('image/png')
      // The PNG's own header says its size (IHDR width at byte 16).
      expect((await response.body()).readUInt32BE(16)).toBe(Number(size.split('x')[0]))
    }
    await app.close()
  })

  it('a new version waits: a notice offers to reload, and reloading takes it on the same view', async () => {
    // A copy of the build on an origin of its own, whose worker script the test can change as a
    // new deployment would (the browser fetches a worker's script past any page-level routing).
    const dir = mkdtempSync(join(tmpdir(), 'hip-next-version-'))
    cpSync(distDir(), dir, { recursive: true })
    const server = await preview({ root: dir, configFile: false, build: { outDir: dir }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'silent' })
    try {
      const origin = server.resolvedUrls!.local[0]!
      const app = await newPage({ serviceWorkers: 'allow', extraOrigins: [new URL(origin).origin] })
      const { page, problems } = app
      await page.goto(`${origin}?flow=0&stage=1.5`, { waitUntil: 'load' })
      await waitForReady(page)
      await workerActive(page)
      appendFileSync(join(dir, 'sw.js'), '\n// the next version\n')
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update())
      const notice = page.locator('[data-testid="notice"][data-notice="new-version"]')
      await notice.waitFor({ state: 'visible', timeout: 60_000 })
      expect(await notice.textContent()).toContain('new version')
      const url = page.url()
      await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), notice.locator('[data-testid="notice-action"]').click()])
      await waitForReady(page)
      expect(page.url()).toBe(url)
      expect((await getState(page)).stage).toBe(1.5)
      const registration = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration()
        return { waiting: r?.waiting !== null, active: r?.active?.scriptURL }
      })
      expect(registration.waiting, 'no version left waiting').toBe(false)
      expect(describeProblems(problems)).toBe('none')
    } finally {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
