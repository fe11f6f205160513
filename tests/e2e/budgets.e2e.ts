/**
 * Deterministic budgets (never timings): draw calls, triangles, bytes, no growth of GPU
 * resources over repeated view changes, and an idle page that renders nothing. The tests that
 * only read counts share one page; the growth test has its own (small) one.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { EARLY_SECONDARY_MARK } from '../../src/ui/useAfterFirstFrame.ts'
import { describe, expect, it } from 'vitest'
import type { ViewState } from '../../src/domain/viewState.ts'
import { browserForFile } from './support/browser.ts'
import { programUse, recordProgramUseFromStart } from './support/programLinks.ts'
import { baseUrl, distDir } from './support/context.ts'
import {
  appPagesForFile,
  framesWhileIdle,
  getState,
  getStats,
  IDLE_WINDOW_MS,
  setState,
  sharedAppPageForFile,
  waitForReady,
  waitForSettled,
} from './support/page.ts'
import { GATE } from './support/gate.ts'

const MAX_DRAW_CALLS = 60
const MAX_TRIANGLES = 400_000
const MAX_INITIAL_JS_GZIP = 300 * 1024
const MAX_MODEL_BYTES = 2.5 * 1024 * 1024

const browser = browserForFile()
/** The default view at the default size, for the tests that only read counts from it. */
const openApp = sharedAppPageForFile({}, browser)
const appPage = appPagesForFile(browser)

/**
 * Applies a patch and waits for the frame it causes (up to 8 animation frames: a change
 * that shows nothing new, such as selecting a hidden structure, may draw nothing).
 */
async function change(page: Page, patch: Partial<ViewState>): Promise<void> {
  await page.evaluate(async (p) => {
    const api = window.hipExplorer!
    const before = api.stats().frames
    const was = JSON.stringify(api.getState())
    api.setState(p)
    if (JSON.stringify(api.getState()) === was) return // nothing changed: nothing to draw
    for (let i = 0; i < 8 && api.stats().frames === before; i++) {
      await new Promise((r) => requestAnimationFrame(r))
    }
  }, patch)
}

/** The frames drawn for one change, from a settled view to the next one. */
function framesFor(page: Page, patch: Partial<ViewState>): Promise<number> {
  return page.evaluate(async (p) => {
    const api = window.hipExplorer!
    await api.idle()
    const before = api.stats().frames
    api.setState(p)
    await api.idle()
    return api.stats().frames - before
  }, patch)
}

/**
 * Scripted changes of every kind a visitor makes, one field at a time: named views, the stage
 * from healthy to end stage and back to an early one, hiding and showing, selecting two
 * structures, two treatments. With the change back to the start, each kind changes three times
 * per pass, so a resource made per change of any kind grows the counts of the measured pass;
 * the values are the same in both passes, so one made per value does too.
 */
const SCRIPTED_CHANGES: Partial<ViewState>[] = [
  { view: 'posterior' }, { stage: 4 }, { hidden: ['jointCapsule', 'labrum'] }, { selected: 'femur' }, { procedure: 'core-decompression' },
  { view: 'surgeon' }, { stage: 1 }, { hidden: [] }, { selected: 'hipBone' }, { procedure: 'total-hip-replacement' },
]
const BACK_TO_START: Partial<ViewState> = { view: 'anterior', stage: 0, hidden: [], selected: null, procedure: null }

describe('budgets', () => {
  it(`default view: ≤ ${MAX_DRAW_CALLS} draw calls, ≤ ${MAX_TRIANGLES / 1000}k triangles`, async () => {
    const app = await openApp()
    const s = await getStats(app.page)
    expect(s.calls).toBeGreaterThan(0)
    expect(s.triangles).toBeGreaterThan(1000)
    expect(s.calls).toBeLessThanOrEqual(MAX_DRAW_CALLS)
    expect(s.triangles).toBeLessThanOrEqual(MAX_TRIANGLES)
    expect([s.width, s.height]).toEqual(
      await app.page.evaluate(() => {
        const c = document.querySelector('[data-testid="viewer"] canvas') as HTMLCanvasElement
        return [c.width, c.height]
      }),
    )
    // Software WebGL (SwiftShader, as here and on a PC without a GPU): no multisampling, which
    // would double the cost of every frame (scene/three/antialiasing.ts).
    expect(s.antialias, 'multisampling in software WebGL').toBe(false)
    expect(
      await app.page.evaluate(() => {
        const gl = document.createElement('canvas').getContext('webgl2')!
        return gl.getParameter(gl.getExtension('WEBGL_debug_renderer_info')!.UNMASKED_RENDERER_WEBGL) as string
      }),
      'this test machine renders in software',
    ).toMatch(/SwiftShader/)
  })

  it('bytes: initial JavaScript ≤ 300 KB gzip, model ≤ 2.5 MB', GATE, async () => {
    // The page's own first load (its resource timings stay with the document on a shared page).
    const app = await openApp()
    // The first download: every script the page requested before the frame that first showed
    // the hip (the app notes that frame's time on the page's own clock). Parts loaded after it
    // (side panel, picking, disease layer) do not delay the first picture; nor do they when a
    // slow download (a loaded machine) lets them load before it (ui/useAfterFirstFrame.ts marks
    // that moment), so the count does not depend on the machine's load.
    const initial = await app.page.evaluate((mark) => {
      const frameAt = window.hipExplorer!.status().firstModelFrameAt
      if (frameAt === null) return []
      const early = performance.getEntriesByName(mark, 'mark')[0]?.startTime ?? Infinity
      const at = Math.min(frameAt, early)
      return performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.endsWith('.js') && e.startTime <= at)
        .map((e) => e.name)
    }, EARLY_SECONDARY_MARK)
    expect(initial.length).toBeGreaterThan(0)
    let gzip = 0
    for (const url of initial) {
      const path = new URL(url).pathname.slice(new URL(baseUrl()).pathname.length)
      gzip += gzipSync(readFileSync(join(distDir(), decodeURIComponent(path))), { level: 9 }).length
    }
    expect(gzip, `initial JS (gzip) of ${initial.length} script(s): ${initial.map((u) => u.split('/').pop()).join(', ')}`).toBeLessThanOrEqual(
      MAX_INITIAL_JS_GZIP,
    )
    expect(statSync(join(distDir(), 'models', 'hip.glb')).size).toBeLessThanOrEqual(MAX_MODEL_BYTES)
  })

  for (const motion of ['reduce', 'no-preference'] as const) {
    it(`an idle page renders no frames (prefers-reduced-motion: ${motion})`, async () => {
      // Moving blood-flow pulses are on by default and animate at display rate by design
      // (issue 4); paused, or under reduced motion (colour only, no pulses), nothing may render.
      const { page } = await openApp(motion === 'reduce' ? '' : '?flow=0')
      await page.emulateMedia({ reducedMotion: motion })
      // The default view (as a visitor first sees it): let a view change and its transition
      // finish, then watch a while in which nobody touches anything.
      await page.locator('[data-testid="view-lateral"]').click()
      await waitForSettled(page, { timeoutMs: 30_000 })
      const idle = await framesWhileIdle(page)
      expect(idle, `frames rendered in ${IDLE_WINDOW_MS} idle ms of the default view (${JSON.stringify(await getState(page))})`).toBe(0)
    })
  }

  it('a change draws what it needs and no more: one frame per change of stage, none to show the labels, at most six to open the app', async () => {
    // Each frame costs 0.1–0.3 s with software WebGL, so a frame drawn twice is a slower slider.
    // Today's build drew three per change of stage (new pointer handlers re-applied to the hip's
    // group, and the labels asking for a frame of their own) and eight or nine to open.
    const { page } = await openApp()
    const counts: Record<string, number> = {}
    for (const patch of [{ stage: 1.5 }, { stage: 3 }, { labels: true }, { stage: 3.5 }, { stage: 0.75 }, { labels: false }] as Partial<ViewState>[]) {
      counts[JSON.stringify(patch)] = await framesFor(page, patch)
    }
    expect(counts).toEqual({
      '{"stage":1.5}': 1, '{"stage":3}': 1, '{"labels":true}': 0, '{"stage":3.5}': 1, '{"stage":0.75}': 1, '{"labels":false}': 0,
    })

    const fresh = await appPage()
    await fresh.open('')
    await waitForReady(fresh.page)
    const opened = await waitForSettled(fresh.page)
    expect(opened, 'frames drawn from opening the app to a settled view').toBeLessThanOrEqual(6)
  })

  it('a treatment step that takes no bone out draws one frame (its tools are placed before the frame that draws them)', async () => {
    // Today's build drew two for the guide wire, the marrow cells and the closing: the tools
    // moved in one frame were drawn again in the next.
    const { page } = await openApp('stage=1.5')
    const frames: Record<string, number> = {}
    await setState(page, { procedure: 'core-decompression', step: 0 })
    // Step by step, as the player goes: the core (4) and the scraping (5) take bone out, whose
    // new surface comes from a worker a moment later and is drawn in a frame of its own.
    for (const step of [1, 2, 3, 4, 5, 6, 7]) frames[step] = await framesFor(page, { step })
    expect([frames[1], frames[2], frames[3], frames[6], frames[7]]).toEqual([1, 1, 1, 1, 1])
  })

  it('with the blood flow animating, every shader program set up ahead has its first use soon after the hip shows, between frames', async () => {
    // A program's first use waits for the GPU to finish what is queued. With software WebGL the
    // page asks for the next frame while the GPU still draws the last, so in the animating
    // default view the warm-up never found the GPU done: programs waited until a treatment step
    // drew them, then stopped it for 0.2–0.6 s each (long tasks in a played hip replacement).
    const app = await appPage({ reducedMotion: 'no-preference' })
    await recordProgramUseFromStart(app.context)
    await app.open()
    await waitForReady(app.page)
    await expect.poll(async () => (await programUse(app.page)).linked, { timeout: 30_000, message: 'the treatments’ looks are set up ahead' }).toBeGreaterThan(20)
    expect((await app.page.evaluate(() => window.hipExplorer!.getState())).flow).toBe(true)
    await expect
      .poll(() => programUse(app.page), { timeout: 60_000, interval: 1000, message: 'programs set up and not yet used' })
      .toMatchObject({ waiting: 0 })
    const frames = await app.page.evaluate(() => window.hipExplorer!.stats().frames)
    await app.page.waitForTimeout(1000)
    expect(await app.page.evaluate(() => window.hipExplorer!.stats().frames), 'the flow still animates').toBeGreaterThan(frames)
  })

  it(`${SCRIPTED_CHANGES.length} scripted view changes, after two warm-up passes, do not grow geometries, textures or programs`, async () => {
    // A small view of its own: the counts do not depend on its size, and each change waits for its frame.
    const app = await appPage({ viewport: { width: 480, height: 270 } })
    const { page } = app
    await app.open()
    await waitForReady(page)
    // Two warm-up passes: things made once on first use (a procedure's tools, the socket
    // window's cut faces) are not leaks, and some are made a little after the change that asks
    // for them, so one pass sometimes ended before they were (26 vs 25 geometries, now and then).
    const counts: string[] = []
    for (let pass = 0; pass < 2; pass++) {
      for (const c of SCRIPTED_CHANGES) await change(page, c)
      await change(page, BACK_TO_START)
      await waitForSettled(page)
      const s = await getStats(page)
      counts.push(`${s.geometries}/${s.textures}/${s.programs}`)
    }
    const warm = await getStats(page)
    for (const c of SCRIPTED_CHANGES) await change(page, c)
    await change(page, BACK_TO_START)
    await waitForSettled(page)
    const after = await getStats(page)
    console.log(`[budgets] geometries/textures/programs after each warm-up pass: ${counts.join(', ')}; after the measured pass: ${after.geometries}/${after.textures}/${after.programs}`)
    expect(after.frames).toBeGreaterThan(warm.frames)
    expect(after.geometries, 'geometries').toBeLessThanOrEqual(warm.geometries)
    expect(after.textures, 'textures').toBeLessThanOrEqual(warm.textures)
    expect(after.programs, 'shader programs').toBeLessThanOrEqual(warm.programs)
    expect(app.problems.pageErrors).toEqual([])
  })
})
