/**
 * The page fixture: a fresh browser context on the app that records everything the tests
 * must see stay empty (console errors, page errors, CSP violations, requests to other
 * origins), plus the readiness and settling waits built on `window.hipExplorer`.
 */
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core'
import { afterEach } from 'vitest'
import type { AppStatus, RenderStats } from '../../../src/api/types.ts'
import type { ViewState } from '../../../src/domain/viewState.ts'
import { browserForFile } from './browser.ts'
import { appUrl, baseUrl } from './context.ts'

export interface Problems {
  /** console.error messages (includes Chromium's own "Failed to load resource", "Refused to ..."). */
  consoleErrors: string[]
  /** Uncaught exceptions and unhandled rejections (Playwright's `pageerror`). */
  pageErrors: string[]
  /** `securitypolicyviolation` events from any frame: "directive blocked-uri". */
  cspViolations: string[]
  /** Requests to any origin other than the test server (all of them aborted). */
  offOrigin: string[]
}

export interface AppPage {
  page: Page
  context: BrowserContext
  problems: Problems
  /** Navigates to the app with a query string (`stage=2` or `?stage=2`). */
  open(query?: string): Promise<void>
  close(): Promise<void>
}

export interface AppPageOptions {
  /** Default 'reduce': camera transitions snap, so pictures and frame counts are deterministic. */
  reducedMotion?: 'reduce' | 'no-preference'
  viewport?: { width: number; height: number }
  acceptDownloads?: boolean
  /** Other origins the test itself serves (e.g. a parent page that embeds the app). */
  extraOrigins?: string[]
}

const CSP_BINDING = '__e2eReportCsp'

export async function newAppPage(browser: Browser, options: AppPageOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    deviceScaleFactor: 1,
    reducedMotion: options.reducedMotion ?? 'reduce',
    acceptDownloads: options.acceptDownloads ?? false,
  })
  const problems: Problems = { consoleErrors: [], pageErrors: [], cspViolations: [], offOrigin: [] }
  const origins = new Set([new URL(baseUrl()).origin, ...(options.extraOrigins ?? [])])

  await context.route('**/*', (route) => {
    const url = route.request().url()
    let ok = url.startsWith('data:') || url.startsWith('blob:')
    try {
      ok ||= origins.has(new URL(url).origin)
    } catch {
      ok = false
    }
    if (ok) return route.fallback()
    problems.offOrigin.push(url)
    return route.abort('blockedbyclient')
  })

  await context.exposeBinding(CSP_BINDING, (_source, line: string) => {
    problems.cspViolations.push(line)
  })
  await context.addInitScript((binding: string) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as Record<string, (line: string) => void>)[binding]
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`)
    })
  }, CSP_BINDING)

  const page = await context.newPage()
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => problems.pageErrors.push(`${e.name}: ${e.message}`))

  return {
    page,
    context,
    problems,
    async open(query = '') {
      await page.goto(appUrl(query), { waitUntil: 'load', timeout: 60_000 })
    },
    async close() {
      await context.close()
    },
  }
}

/**
 * The setup every e2e file shares: one browser for the file (launched in `beforeAll`, closed
 * in `afterAll`, see browserForFile) and app pages that are closed after each test. Call it
 * at the top level of the file; the function it returns opens a fresh page inside a test.
 */
export function appPagesForFile(extraArgs: readonly string[] = []): (options?: AppPageOptions) => Promise<AppPage> {
  const browser = browserForFile(extraArgs)
  const opened: AppPage[] = []
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((app) => app.close()))
  })
  return async (options) => {
    const app = await newAppPage(browser(), options)
    opened.push(app)
    return app
  }
}

/**
 * Waits until `window.hipExplorer.ready()` resolves: the first frame showing the hip.
 * ready() never rejects, so this fails early (with status()) when the model or WebGL failed.
 */
export async function waitForReady(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.waitForFunction(() => typeof window.hipExplorer?.ready === 'function', null, { timeout: timeoutMs })
  await page.evaluate(async (ms) => {
    const api = window.hipExplorer!
    let timer = 0
    let poll = 0
    const failed = new Promise<never>((_, reject) => {
      const fail = (why: string) => reject(new Error(`hipExplorer.ready(): ${why}; status() = ${JSON.stringify(api.status())}`))
      timer = window.setTimeout(() => fail(`not resolved in ${ms} ms`), ms)
      poll = window.setInterval(() => {
        const s = api.status()
        if (s.model === 'error') fail('the model failed to load')
        else if (s.webgl === 'unavailable') fail('WebGL is unavailable')
      }, 100)
    })
    try {
      await Promise.race([api.ready(), failed])
    } finally {
      window.clearTimeout(timer)
      window.clearInterval(poll)
    }
  }, timeoutMs)
}

export const getState = (page: Page): Promise<ViewState> => page.evaluate(() => window.hipExplorer!.getState())
export const getStats = (page: Page): Promise<RenderStats> => page.evaluate(() => window.hipExplorer!.stats())
export const getStatus = (page: Page): Promise<AppStatus> => page.evaluate(() => window.hipExplorer!.status())

export function setState(page: Page, patch: Partial<ViewState>): Promise<{ state: ViewState; ignored: string[] }> {
  return page.evaluate((p) => window.hipExplorer!.setState(p), patch)
}

/**
 * Waits until the view has finished drawing what the state asks for (`hipExplorer.idle()`: no
 * frame requested, no lazy part loading, no shaders compiling) and returns the frame count.
 * Event-driven, so it costs about two animation frames on an idle page instead of a fixed quiet
 * period. Throws with the frame counts if that never happens within `timeoutMs`: a page that
 * keeps rendering while nothing moves is a bug the budgets test reports.
 */
export async function waitForSettled(page: Page, { timeoutMs = 60_000 } = {}): Promise<number> {
  const settled = await page.evaluate(async (ms) => {
    const api = window.hipExplorer!
    let timer = 0
    const late = new Promise<false>((resolve) => {
      timer = window.setTimeout(() => resolve(false), ms)
    })
    try {
      return await Promise.race([api.idle().then(() => true as const), late])
    } finally {
      window.clearTimeout(timer)
    }
  }, timeoutMs)
  const { frames, pendingFrames } = await getStats(page)
  if (!settled) throw new Error(`the page kept rendering for ${timeoutMs} ms (frames now ${frames}, pending ${pendingFrames}); it never went idle`)
  return frames
}

/** The 3D view's canvas. */
export const viewerCanvas = (page: Page) => page.locator('[data-testid="viewer"] canvas').first()

/** Fails with a readable list when any problem was recorded. */
export function describeProblems(p: Problems): string {
  const parts: string[] = []
  if (p.consoleErrors.length) parts.push(`console errors:\n  ${p.consoleErrors.join('\n  ')}`)
  if (p.pageErrors.length) parts.push(`page errors:\n  ${p.pageErrors.join('\n  ')}`)
  if (p.cspViolations.length) parts.push(`CSP violations:\n  ${p.cspViolations.join('\n  ')}`)
  if (p.offOrigin.length) parts.push(`off-origin requests:\n  ${p.offOrigin.join('\n  ')}`)
  return parts.join('\n') || 'none'
}

/** A PNG screenshot of the 3D view as the compositor shows it (works without preserveDrawingBuffer). */
export async function canvasScreenshot(page: Page) {
  const { decodePng } = await import('./pixels.ts')
  return decodePng(await viewerCanvas(page).screenshot({ timeout: 60_000 }))
}
