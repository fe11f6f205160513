/**
 * The automation API (`window.hipExplorer`, src/api/types.ts) and the save-image button.
 * The tests share one page (reset through the API between them), except the embedding test,
 * which needs a parent page on another origin.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/domain/viewState.ts'
import { browserForFile } from './support/browser.ts'
import { appUrl } from './support/context.ts'
import {
  appPagesForFile,
  canvasScreenshot,
  COMPACT_VIEWPORT,
  getState,
  getStats,
  IDLE_WINDOW_MS,
  setState,
  sharedAppPageForFile,
  waitForSettled,
} from './support/page.ts'
import { countForeground, decodePng, decodePngDataUrl, diffCount, distinctColours, isPng } from './support/pixels.ts'
import { GATE } from './support/gate.ts'

const browser = browserForFile()
const openApp = sharedAppPageForFile({ acceptDownloads: true, viewport: COMPACT_VIEWPORT }, browser)
const appPage = appPagesForFile(browser)

describe('window.hipExplorer', () => {
  it('reports version, status and the default state', GATE, async () => {
    const { page } = await openApp()
    const info = await page.evaluate(() => ({ version: window.hipExplorer!.version, status: window.hipExplorer!.status() }))
    expect(info.version).toMatch(/\d+\.\d+/)
    expect(info.status).toMatchObject({ webgl: 'ok', model: 'ready', modelProgress: 1, firstModelFrame: true })
    expect(await getState(page)).toEqual(DEFAULT_VIEW_STATE)
  })

  it('idle() resolves once the picture is final: no frame and no pixel changes after it', async () => {
    const { page } = await openApp('?flow=0')
    // A change with work behind it: a new view and the disease (its code and shaders on first
    // use). (That idle() waits for a lazily loaded part is checked with a slow one in section.e2e.ts.)
    const frames = await page.evaluate(async () => {
      const api = window.hipExplorer!
      api.setState({ view: 'posterior', stage: 3 })
      await api.idle()
      return api.stats().frames
    })
    const first = await canvasScreenshot(page)
    await page.waitForTimeout(IDLE_WINDOW_MS)
    const later = await canvasScreenshot(page)
    // Read in the same task as idle() resolving: had it resolved before the change was drawn
    // (or before its code arrived), the frames that draw it would come after.
    expect((await getStats(page)).frames, 'frames drawn after idle() resolved').toBe(frames)
    expect(diffCount(first, later, undefined, 0), 'pixels that changed after idle() resolved').toBe(0)
    expect(countForeground(first).fraction).toBeGreaterThan(0.05)
  })

  it('idle() keeps waiting while the blood flow moves, and resolves once it is paused', async () => {
    const { page } = await openApp() // flow on (the default)
    await page.emulateMedia({ reducedMotion: 'no-preference' }) // moving pulses only without reduced motion
    const seen = await page.evaluate(async () => {
      const api = window.hipExplorer!
      let resolved = false
      void api.idle().then(() => {
        resolved = true
      })
      // Watched for a number of frames, not a time: a busy machine draws a frame a second.
      const start = api.stats().frames
      const deadline = performance.now() + 90_000
      while (!resolved && api.stats().frames < start + 8 && performance.now() < deadline) {
        await new Promise((r) => requestAnimationFrame(r))
      }
      return { resolved, frames: api.stats().frames - start }
    })
    expect(seen.resolved, `idle() resolved while the flow moved (${seen.frames} frames drawn meanwhile)`).toBe(false)
    expect(seen.frames, 'the flow animates: frames keep coming with nobody touching anything').toBeGreaterThanOrEqual(8)
    await setState(page, { flow: false })
    await waitForSettled(page, { timeoutMs: 60_000 }) // throws if idle() never resolves
  })

  it('setState applies valid values, names invalid ones, and updates the link and the UI', GATE, async () => {
    const app = await openApp()
    const { page } = app
    const ok = await setState(page, { stage: 3, view: 'superior', mode: 'clinician', procedure: 'core-decompression' })
    expect(ok.ignored).toEqual([])
    expect(ok.state).toMatchObject({ stage: 3, view: 'superior', mode: 'clinician', procedure: 'core-decompression' })
    expect(await getState(page)).toEqual(ok.state)
    await expect.poll(() => new URL(page.url()).searchParams.get('proc')).toBe('core-decompression')
    expect(Number(await page.locator('[data-testid="stage-slider"]').inputValue())).toBeCloseTo(3, 2)

    const bad = await page.evaluate(() =>
      window.hipExplorer!.setState({ stage: 'banana', view: 'nowhere', hidden: ['notABone'] } as unknown as Partial<ViewState>),
    )
    expect(bad.ignored.join(' | ')).toMatch(/stage/)
    expect(bad.ignored.join(' | ')).toMatch(/view/)
    expect(bad.ignored.join(' | ')).toMatch(/notABone/)
    expect(bad.state).toEqual(ok.state)

    const clamped = await setState(page, { stage: 99 })
    expect(clamped.state.stage).toBe(4)
    expect(clamped.ignored.length).toBe(1)
    expect(app.problems.pageErrors).toEqual([])
  })

  it('camera() reports the live camera in model millimetres, mirrored for a left hip', async () => {
    const { page } = await openApp()
    const camera = () => page.evaluate(() => window.hipExplorer!.camera()!)
    // Front view: in front of the joint (+Z), looking at it; the fov is the viewer's 30°.
    const front = await camera()
    expect(front.fov).toBe(30)
    expect(front.position[2] - front.target[2]).toBeGreaterThan(100)
    // What the camera looks at projects to the middle of the view.
    const middle = await page.evaluate((t) => window.hipExplorer!.project(t)!, front.target)
    const size = await page.locator('[data-testid="viewer"] canvas').boundingBox()
    expect(Math.abs(middle.x - size!.width / 2)).toBeLessThan(2)
    expect(Math.abs(middle.y - size!.height / 2)).toBeLessThan(2)
    // Side view of a right hip: the camera is lateral, at −X (+X is the patient's left).
    await setState(page, { view: 'lateral' })
    await waitForSettled(page)
    const side = await camera()
    expect(side.target[0] - side.position[0]).toBeGreaterThan(100)
    // The same view of a left hip, in the same right-hip frame: the same numbers.
    await setState(page, { side: 'left' })
    await waitForSettled(page)
    const left = await camera()
    for (let i = 0; i < 3; i++) expect(left.position[i]).toBeCloseTo(side.position[i]!, 0)
  })

  it('subscribe calls back on every change until unsubscribed', async () => {
    const { page } = await openApp()
    const seen = await page.evaluate(async () => {
      const api = window.hipExplorer!
      const calls: ViewState[] = []
      const off = api.subscribe((s) => calls.push(s))
      api.setState({ view: 'posterior' })
      api.setState({ stage: 1.25 })
      await new Promise((r) => setTimeout(r, 50))
      const whileSubscribed = calls.length
      const last = calls.at(-1)
      off()
      api.setState({ view: 'lateral' })
      await new Promise((r) => setTimeout(r, 50))
      return { whileSubscribed, after: calls.length, last }
    })
    expect(seen.whileSubscribed).toBeGreaterThanOrEqual(2)
    expect(seen.after).toBe(seen.whileSubscribed)
    expect(seen.last).toMatchObject({ view: 'posterior', stage: 1.25 })
    // UI changes are reported too.
    await page.evaluate(() => {
      const w = window as unknown as { __seen: ViewState[]; __stopSeen: () => void }
      w.__seen = []
      w.__stopSeen = window.hipExplorer!.subscribe((s) => w.__seen.push(s))
    })
    await page.locator('[data-testid="mode-clinician"]').click()
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __seen: ViewState[] }).__seen.at(-1)?.mode))
      .toBe('clinician')
    await page.evaluate(() => (window as unknown as { __stopSeen: () => void }).__stopSeen())
  })

  it('screenshot() returns a PNG data URL of the view, with and without the caption', async () => {
    const { page } = await openApp('?flow=0')
    const urls = await page.evaluate(async () => ({
      withCaption: await window.hipExplorer!.screenshot(),
      plain: await window.hipExplorer!.screenshot({ caption: false }),
    }))
    const plain = decodePngDataUrl(urls.plain)
    const withCaption = decodePngDataUrl(urls.withCaption)
    const stats = await page.evaluate(() => window.hipExplorer!.stats())
    expect([plain.width, plain.height]).toEqual([stats.width, stats.height])
    expect(countForeground(plain).fraction, 'the hip is in the picture, not a blank buffer').toBeGreaterThan(0.05)
    expect(distinctColours(plain)).toBeGreaterThan(32)
    // The caption is drawn in: the image differs from the plain one (usually taller).
    expect(withCaption.width).toBe(plain.width)
    expect(
      withCaption.height !== plain.height || !Buffer.from(withCaption.data).equals(Buffer.from(plain.data)),
      'the caption changes the image',
    ).toBe(true)
  })

  it('the save-image button downloads a PNG of the view', async () => {
    const app = await openApp('?stage=2&flow=0')
    const { page } = app
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.locator('[data-testid="save-image"]').click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.png$/i)
    // (The browser is shared over a connection: the download has no local path, so stream it.)
    const chunks: Buffer[] = []
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer)
    const bytes = Buffer.concat(chunks)
    expect(isPng(bytes)).toBe(true)
    const png = decodePng(bytes)
    expect(png.width).toBeGreaterThan(200)
    expect(countForeground(png).fraction).toBeGreaterThan(0.05)
    expect(app.problems.pageErrors).toEqual([])
  })

  it('answers over postMessage when embedded in an iframe on another origin', async () => {
    const viewer = appUrl('?stage=1&flow=0')
    // The parent page comes from a real server on another port, i.e. another origin. (A page
    // fulfilled by page.route counts as public, and Chromium blocks it from framing 127.0.0.1.)
    const portalServer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(portalPage(viewer))
    })
    await new Promise<void>((done) => portalServer.listen(0, '127.0.0.1', done))
    const portal = `http://127.0.0.1:${(portalServer.address() as AddressInfo).port}/`
    try {
      await postMessageScenario(portal, viewer)
    } finally {
      portalServer.close()
    }
  })
})

/** A patient portal that embeds the viewer and calls it as docs/api.md shows. */
function portalPage(viewer: string): string {
  return `<!doctype html><html><head><link rel="icon" href="data:,"></head><body style="margin:0">
<iframe id="hip" src="${viewer}" style="width:960px;height:600px;border:0"></iframe>
<script>
  const pending = new Map(); let next = 1; window.events = []
  window.addEventListener('message', (e) => {
    const d = e.data
    if (!d || d.channel !== 'hip-explorer') return
    if (d.event) { window.events.push(d); return }
    const p = pending.get(d.id); if (!p) return
    pending.delete(d.id); 'error' in d ? p.reject(new Error(d.error)) : p.resolve({ result: d.result, origin: e.origin })
  })
  window.call = (method, ...args) => new Promise((resolve, reject) => {
    const id = next++; pending.set(id, { resolve, reject })
    document.getElementById('hip').contentWindow.postMessage({ channel: 'hip-explorer', id, method, args }, '*')
  })
</script></body></html>`
}

async function postMessageScenario(portal: string, viewer: string): Promise<void> {
  const app = await appPage({ extraOrigins: [new URL(portal).origin] })
  const { page } = app
  await page.goto(portal)
  const frame = page.frameLocator('#hip')
  await frame.locator('[data-testid="viewer"] canvas').waitFor({ state: 'visible', timeout: 60_000 })
  type Call = (method: string, ...args: unknown[]) => Promise<{ result: unknown; origin: string }>
  const call = (method: string, ...args: unknown[]) =>
    page.evaluate(([m, a]) => (window as unknown as { call: Call }).call(m as string, ...(a as unknown[])), [method, args] as const)

  // 'ready' may be sent before the viewer listens: retry until it answers.
  await expect
    .poll(() => Promise.race([call('ready').then(() => true), new Promise((r) => setTimeout(() => r(false), 2000))]), {
      timeout: 90_000,
    })
    .toBe(true)
  const state = await call('getState')
  expect(state.origin).toBe(new URL(viewer).origin)
  expect(state.result).toEqual({ ...DEFAULT_VIEW_STATE, stage: 1, flow: false })

  expect((await call('subscribe')).result).toBe(true)
  const set = await call('setState', { view: 'posterior', stage: 2 })
  expect(set.result).toMatchObject({ state: { view: 'posterior', stage: 2 }, ignored: [] })
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { events: { state: ViewState }[] }).events.at(-1)?.state))
    .toMatchObject({ view: 'posterior', stage: 2 })
  const status = (await call('status')).result as { model: string }
  expect(status.model).toBe('ready')
  const stats = (await call('stats')).result as { calls: number }
  expect(stats.calls).toBeGreaterThan(0)
  const camera = (await call('camera')).result as { fov: number }
  expect(camera.fov).toBe(30)
  const shot = (await call('screenshot', { caption: false })).result as string
  expect(countForeground(decodePngDataUrl(shot)).fraction).toBeGreaterThan(0.05)

  // The iframe's link follows the changes too (the portal can read it back).
  const frameUrl = page.frames().find((f) => f.url().startsWith(new URL(viewer).origin))!.url()
  expect(new URL(frameUrl).searchParams.get('view')).toBe('posterior')
  expect(app.problems.pageErrors).toEqual([])
  expect(app.problems.cspViolations).toEqual([])
  expect(app.problems.offOrigin).toEqual([])
}
