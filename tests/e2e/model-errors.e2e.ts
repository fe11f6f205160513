/**
 * A missing, truncated or corrupt model file: an error that names the problem, a retry that
 * works once the file is back, and the rest of the UI alive meanwhile.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { distDir } from './support/context.ts'
import {
  canvasScreenshot,
  COMPACT_VIEWPORT,
  getState,
  getStatus,
  appPagesForFile,
  waitForReady,
  waitForSettled,
} from './support/page.ts'
import { countForeground } from './support/pixels.ts'
import { GATE } from './support/gate.ts'

const appPage = appPagesForFile()

const MODEL = '**/models/hip.glb'
const modelBytes = () => readFileSync(join(distDir(), 'models', 'hip.glb'))

interface Breakage {
  name: string
  serve: (route: Route) => Promise<void>
  /** The message must name the problem. */
  message: RegExp
  /** In the gate (`npm test`); every case runs in `npm run test:full`. */
  gate?: boolean
}

const BREAKAGES: Breakage[] = [
  {
    name: 'missing (HTTP 404)',
    gate: true,
    serve: (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }),
    message: /not found|404|missing/i,
  },
  {
    name: 'truncated (half the bytes)',
    serve: (route) => {
      const bytes = modelBytes()
      return route.fulfill({ status: 200, contentType: 'model/gltf-binary', body: bytes.subarray(0, bytes.length >> 1) })
    },
    message: /truncated|incomplete|damaged|corrupt/i,
  },
  {
    name: 'corrupt (garbage)',
    serve: (route) => {
      const garbage = Buffer.alloc(64 * 1024)
      for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) & 0xff
      return route.fulfill({ status: 200, contentType: 'model/gltf-binary', body: garbage })
    },
    message: /corrupt|damaged|not a .*model|invalid|unreadable|format/i,
  },
  {
    name: 'an HTML page instead of the model (a misconfigured server)',
    serve: (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><body>hello</body></html>' }),
    message: /corrupt|damaged|not a .*model|invalid|unreadable|format|html/i,
  },
]

describe('model file problems', () => {
  for (const b of BREAKAGES) {
    it(`${b.name}: names the problem, keeps the UI alive, and retry works`, b.gate ? GATE : {}, async () => {
      const app = await appPage({ viewport: COMPACT_VIEWPORT })
      const { page } = app
      await page.route(MODEL, b.serve)
      await app.open('?stage=2')
      const error = page.locator('[data-testid="model-error"]')
      await error.waitFor({ state: 'visible', timeout: 30_000 })
      expect(await error.innerText()).toMatch(b.message)
      const status = await getStatus(page)
      expect(status.model).toBe('error')
      expect(status.modelError ?? '').toMatch(b.message)
      expect(status.firstModelFrame).toBe(false)

      // The rest of the UI is alive: no error panel, controls still change the state.
      expect(await page.locator('[data-testid="error-panel"]').isVisible()).toBe(false)
      // (the side panel with the caption loads lazily once the model has failed)
      await page.locator('[data-testid="caption"]').waitFor({ state: 'visible', timeout: 15_000 })
      await page.locator('[data-testid="mode-clinician"]').click()
      await expect.poll(() => getState(page)).toMatchObject({ mode: 'clinician', stage: 2 })

      // The file comes back; retry loads it without a page reload.
      await page.unroute(MODEL)
      await page.locator('[data-testid="model-retry"]').click()
      await waitForReady(page)
      await error.waitFor({ state: 'hidden', timeout: 10_000 })
      expect(await getStatus(page)).toMatchObject({ model: 'ready', modelError: null, firstModelFrame: true })
      await waitForSettled(page)
      expect(countForeground(await canvasScreenshot(page)).fraction).toBeGreaterThan(0.05)
      expect(await getState(page)).toMatchObject({ mode: 'clinician', stage: 2 })
      expect(app.problems.pageErrors).toEqual([])
      expect(app.problems.offOrigin).toEqual([])
    })
  }
})
