/**
 * The page fixture: a fresh browser context on the app that records everything the tests
 * must see stay empty (console errors, page errors, CSP violations, requests to other
 * origins), plus the readiness and settling waits built on `window.hipExplorer`.
 */
import { isDeepStrictEqual } from 'node:util'
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core'
import { afterAll, afterEach, onTestFailed } from 'vitest'
import type { AppStatus, RenderStats } from '../../../src/api/types.ts'
import { parseViewQuery } from '../../../src/domain/urlState.ts'
import { DEFAULT_VIEW_STATE, type ViewState } from '../../../src/domain/viewState.ts'
import { browserForFile } from './browser.ts'
import { appUrl, baseUrl } from './context.ts'
import { profiling, recordProfile, timed } from './profile.ts'

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
  /** Default COMPACT_VIEWPORT (every software-rendered frame costs by its pixels). */
  viewport?: { width: number; height: number }
  acceptDownloads?: boolean
  /** Other origins the test itself serves (e.g. a parent page that embeds the app). */
  extraOrigins?: string[]
  /** Default 1. 2 with a 960×540 viewport is what 200% browser zoom of a 1080p screen gives. */
  deviceScaleFactor?: number
  /** A phone or tablet: touch events and a coarse pointer (`@media (pointer: coarse)`). */
  touch?: boolean
  /**
   * Default 'block': the app's service worker would download the whole app (3.3 MB) into its
   * cache in every fresh context, costing every test; the offline test allows it.
   */
  serviceWorkers?: 'allow' | 'block'
}

/**
 * The default viewport: a smaller desktop with the same layout as 1280×720 (side panel, view
 * toolbar, stage bar). Its canvas (724×398) has 57% of the pixels, and a SwiftShader frame with
 * the disease shown costs about half (570 vs 1020 ms, measured). Tests with committed reference
 * pictures or pixel geometry ask for their own size (DESKTOP_VIEWPORT).
 */
export const COMPACT_VIEWPORT = { width: 1024, height: 640 } as const

/** A common laptop screen, for pictures measured in pixels against committed expectations. */
export const DESKTOP_VIEWPORT = { width: 1280, height: 720 } as const

const CSP_BINDING = '__e2eReportCsp'

export async function newAppPage(browser: Browser, options: AppPageOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? COMPACT_VIEWPORT,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
    reducedMotion: options.reducedMotion ?? 'reduce',
    acceptDownloads: options.acceptDownloads ?? false,
    serviceWorkers: options.serviceWorkers ?? 'block',
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
  recordProfile('context')
  if (profiling()) page.on('load', () => recordProfile('load'))
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
      if (profiling()) {
        const frames = await page.evaluate(() => window.hipExplorer?.stats().frames ?? 0).catch(() => 0)
        recordProfile('close', { frames })
      }
      await context.close()
    },
  }
}

/**
 * The setup every e2e file shares: one browser for the file (launched in `beforeAll`, closed
 * in `afterAll`, see browserForFile) and app pages that are closed after each test. Call it
 * at the top level of the file (with the file's browser getter when it also has a shared page,
 * see sharedAppPageForFile); the function it returns opens a fresh page inside a test.
 */
export function appPagesForFile(browserOrArgs: (() => Browser) | readonly string[] = []): (options?: AppPageOptions) => Promise<AppPage> {
  const browser = typeof browserOrArgs === 'function' ? browserOrArgs : browserForFile(browserOrArgs)
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
 * One loaded app page shared by the tests of a file that need no fresh page: an app load costs
 * 3–5 s on a quiet machine (more with shader compiles), a reset through the API well under one.
 * Call it at the top level of the file; the function it returns, called inside a test, gives
 * the page showing the defaults plus `query` (a link's query string, as for `open`):
 *
 * - the first test, a test after one that failed or timed out, and a test after a page that
 *   looks used in a way a reset does not undo (a recorded problem, the error panel, a link
 *   notice, the stages playing) get a freshly loaded page;
 * - otherwise the same page is reset: pointer off the view, focus released, the
 *   reduced-motion preference restored, the whole view state set through `hipExplorer.setState`
 *   to the defaults plus the query (checked);
 * - either way the test begins on a settled view (`waitForSettled`);
 * - the problem lists hold only what happened since the test asked for the page (its load or
 *   its reset): a used page is reset only when they are empty.
 *
 * Not for tests that need a first load (load, links, bad links), count or walk history
 * entries (a reset adds one), break the page on purpose, or watch page events from the start:
 * those use `appPagesForFile`. Listeners a test adds to the shared page stay on it.
 */
export function sharedAppPageForFile(
  options: AppPageOptions = {},
  browser: () => Browser = browserForFile(),
): (query?: string) => Promise<AppPage> {
  let shared: AppPage | undefined
  let failed = false
  afterAll(async () => {
    await shared?.close()
  })
  return async (query = '') => {
    onTestFailed(() => {
      failed = true
    })
    if (shared && !failed && (await reusable(shared))) {
      const page = shared.page
      await timed('reset', () => resetTo(page, query, options.reducedMotion ?? 'reduce'))
    } else {
      await shared?.close().catch(() => {})
      shared = undefined
      failed = false
      const app = await newAppPage(browser(), options)
      await openSettled(app, query)
      shared = app
    }
    return shared
  }
}

/** Opens the app at `query` on this page and waits for the first picture and a settled view. */
export async function openSettled(app: AppPage, query = ''): Promise<void> {
  await app.open(query)
  await waitForReady(app.page)
  await waitForSettled(app.page)
}

/** Whether a page used by an earlier (passed) test can be reset instead of reloaded. */
async function reusable(app: AppPage): Promise<boolean> {
  const p = app.problems
  if (p.consoleErrors.length || p.pageErrors.length || p.cspViolations.length || p.offOrigin.length) return false
  if (app.page.isClosed()) return false
  return app.page
    .evaluate(() => {
      const shown = (id: string) => {
        const el = document.querySelector(`[data-testid="${id}"]`)
        return el !== null && el.checkVisibility({ visibilityProperty: true })
      }
      const status = window.hipExplorer?.status()
      return (
        status?.model === 'ready' &&
        status.webgl === 'ok' &&
        !['error-panel', 'url-notice', 'context-lost', 'model-error'].some(shown) &&
        document.querySelector('[data-testid="stage-play"][aria-pressed="true"]') === null
      )
    })
    .catch(() => false)
}

/** Puts a used page back to the defaults plus `query` (see sharedAppPageForFile). */
async function resetTo(page: Page, query: string, reducedMotion: 'reduce' | 'no-preference'): Promise<void> {
  const { patch, ignored } = parseViewQuery(query)
  if (ignored.length) throw new Error(`the test's query "${query}" has values the app ignores: ${ignored.join('; ')}`)
  const wanted: ViewState = { ...DEFAULT_VIEW_STATE, ...patch }
  await page.mouse.move(0, 0) // no hover left on the model
  await page.emulateMedia({ reducedMotion })
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.())
  // A step without a procedure is refused (like in a link); without one the step is 0 anyway.
  const request = Object.fromEntries(Object.entries(wanted).filter(([key]) => key !== 'step' || wanted.procedure)) as Partial<ViewState>
  const { state, ignored: refused } = await setState(page, request)
  if (refused.length || !isDeepStrictEqual(state, wanted)) {
    throw new Error(`resetting the shared page failed: ${refused.join('; ')}\n  wanted ${JSON.stringify(wanted)}\n  got    ${JSON.stringify(state)}`)
  }
  await waitForSettled(page)
  // The address is replaced up to 250 ms after a change (replacements are coalesced:
  // src/state/linkSync.ts), and a reset that draws little settles sooner: a test that reads the
  // link at once read the previous test's (seen once in CI: cutaway=on after a reset to auto).
  for (let waited = 0; ; waited += 50) {
    const shown = { ...DEFAULT_VIEW_STATE, ...parseViewQuery(new URL(page.url()).search).patch }
    if (isDeepStrictEqual(shown, wanted)) break
    if (waited >= 5000) throw new Error(`the link did not follow the reset: ${page.url()}`)
    await page.waitForTimeout(50)
  }
}

/**
 * Frames the view draws in `ms` milliseconds (page clock) in which nobody touches anything.
 * Call it on a settled view: an idle view draws none. (A frame loop that never stops already
 * keeps `waitForSettled` from returning; the window catches re-renders that a timer starts.)
 */
export async function framesWhileIdle(page: Page, ms = IDLE_WINDOW_MS): Promise<number> {
  return page.evaluate(async (wait) => {
    const api = window.hipExplorer!
    const before = api.stats().frames
    await new Promise((resolve) => window.setTimeout(resolve, wait))
    return api.stats().frames - before
  }, ms)
}

/**
 * How long a settled view is watched for stray frames. A frame loop that never stops already
 * keeps `waitForSettled` from returning; what is left are frames that a timer requests later
 * (the app's own delays are 120–300 ms) or periodically. The page clock keeps running while
 * a busy machine renders slowly, so the window does not need to grow with the load.
 */
export const IDLE_WINDOW_MS = 1000

/**
 * Waits until `window.hipExplorer.ready()` resolves: the first frame showing the hip.
 * ready() never rejects, so this fails early (with status()) when the model or WebGL failed.
 */
export function waitForReady(page: Page, timeoutMs = 90_000): Promise<void> {
  return timed('ready', () => readyWithin(page, timeoutMs))
}

async function readyWithin(page: Page, timeoutMs: number): Promise<void> {
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
export function waitForSettled(page: Page, { timeoutMs = 120_000 } = {}): Promise<number> {
  return timed('settle', () => settledWithin(page, timeoutMs))
}

async function settledWithin(page: Page, timeoutMs: number): Promise<number> {
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
