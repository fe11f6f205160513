/**
 * Loading: a clean console, own origin only, a CSP that holds, and a picture on the canvas.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { browserForFile } from './support/browser.ts'
import { distDir } from './support/context.ts'
import { appPagesForFile, canvasScreenshot, describeProblems, getStatus, sharedAppPageForFile, waitForSettled } from './support/page.ts'
import { centreRegion, countForeground, decodePngDataUrl, diffCount, distinctColours, fullRegion } from './support/pixels.ts'
import { GATE } from './support/gate.ts'

const browser = browserForFile()
/**
 * The first test loads the page (ready, then settled) and checks that load; the picture test
 * and, last, the expert-panel test use the same page. The policy test breaks it on purpose
 * and has its own.
 */
const loadedApp = sharedAppPageForFile({}, browser)
const appPage = appPagesForFile(browser)

/** The `content` of the CSP meta tag of the built index.html, or null. */
function builtCsp(): { html: string; csp: string | null } {
  const html = readFileSync(join(distDir(), 'index.html'), 'utf8')
  const meta = /<meta\b[^>]*http-equiv\s*=\s*["']Content-Security-Policy["'][^>]*>/i.exec(html)
  const content = meta && /content\s*=\s*"([^"]*)"/i.exec(meta[0])
  return { html, csp: content ? content[1]!.replace(/&#39;|&apos;/g, "'") : null }
}

describe('loading the app', () => {
  it('loads with zero console errors, page errors, CSP violations and off-origin requests', GATE, async () => {
    const app = await loadedApp()
    const status = await getStatus(app.page)
    expect(status).toMatchObject({ webgl: 'ok', model: 'ready', firstModelFrame: true, modelError: null })
    await expect.poll(() => app.page.locator('[data-testid="model-progress"]').isVisible()).toBe(false)
    for (const id of ['disclaimer', 'caption', 'stage-slider', 'save-image', 'reset-view']) {
      // (some parts load lazily right after the first picture)
      await app.page.locator(`[data-testid="${id}"]`).waitFor({ state: 'visible', timeout: 15_000 })
    }
    for (const id of ['url-notice', 'no-webgl', 'context-lost', 'model-error', 'error-panel']) {
      expect(await app.page.locator(`[data-testid="${id}"]`).isVisible(), id).toBe(false)
    }
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('draws the hip on the canvas (pixels, not just a DOM node)', GATE, async () => {
    const app = await loadedApp()
    const png = await canvasScreenshot(app.page)
    expect(png.width).toBe(await app.page.evaluate(() => document.querySelector('[data-testid="viewer"] canvas')!.clientWidth))
    const centre = centreRegion(png, 0.5)
    const fg = countForeground(png, centre)
    // The hip fills much of the centre of the default view; shading gives many colours.
    expect(fg.fraction, `foreground in the centre (background ${fg.background.map(Math.round)})`).toBeGreaterThan(0.1)
    expect(distinctColours(png, centre)).toBeGreaterThan(32)
    // Some background is left at the border: the model is framed, not cropped.
    expect(countForeground(png).fraction).toBeLessThan(0.9)
  })

  it('ships a Content-Security-Policy meta tag: own origin, no eval, no frame-ancestors', GATE, () => {
    const { html, csp } = builtCsp()
    expect(csp, 'dist/index.html has a CSP <meta http-equiv>').not.toBeNull()
    const directives = new Map(
      csp!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name!.toLowerCase(), values] as const),
    )
    expect(directives.get('default-src')).toEqual(["'self'"])
    const scriptSrc = directives.get('script-src') ?? directives.get('default-src')!
    expect(scriptSrc).toContain("'self'")
    expect(scriptSrc).not.toContain("'unsafe-inline'")
    expect(csp).not.toMatch(/'unsafe-eval'/)
    expect(directives.has('frame-ancestors'), 'frame-ancestors is ignored in a meta tag').toBe(false)
    // No external origin anywhere: only keywords, 'self'-relative schemes (data:, blob:).
    for (const [name, values] of directives) {
      for (const v of values) {
        expect(
          v.startsWith("'") || v === 'data:' || v === 'blob:',
          `${name} allows "${v}", which is not own-origin`,
        ).toBe(true)
      }
    }
    // No inline scripts (they would need 'unsafe-inline'), and every script is local.
    for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
      const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1]
      expect(src, `inline script in index.html: ${tag}`).toBeTruthy()
      expect(src!, `external script ${src}`).not.toMatch(/^(https?:)?\/\//i)
    }
  })

  it('enforces that policy in the served page', GATE, async () => {
    const app = await appPage()
    await app.open()
    const served = await app.page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    )
    expect(served).toBe(builtCsp().csp)
    // An inline script injected now must be refused by the policy (and reported).
    const ran = await app.page.evaluate(() => {
      const w = window as unknown as { __inlineRan?: boolean }
      const s = document.createElement('script')
      s.textContent = 'window.__inlineRan = true'
      document.head.append(s)
      return w.__inlineRan === true
    })
    expect(ran).toBe(false)
    await expect.poll(() => app.problems.cspViolations.length).toBeGreaterThan(0)
  })

  it('saves the finished picture even when asked the moment the hip first shows (stage IV)', async () => {
    const app = await appPage()
    await app.open('stage=4&flow=0&labels=0')
    const save = () => app.page.evaluate(() => window.hipExplorer!.screenshot({ caption: false, images: false }))
    // Right at the first picture the disease's look is still loading: saved then, it showed a healthy hip.
    const early = decodePngDataUrl(await app.page.evaluate(() => window.hipExplorer!.ready().then(() => window.hipExplorer!.screenshot({ caption: false, images: false }))))
    await waitForSettled(app.page)
    const settled = decodePngDataUrl(await save())
    const changed = diffCount(early, settled, fullRegion(early), 24)
    expect(changed / (early.width * early.height), `${changed} pixels differ`).toBeLessThan(0.002)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('keeps the console and the policy clean when the lazy expert panel (leva) loads', GATE, async () => {
    // Last on the shared page: the panel stays open.
    const app = await loadedApp()
    const scripts: string[] = []
    app.page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url())
    })
    await app.page.locator('[data-testid="open-expert"]').click()
    await expect.poll(() => scripts.length, { message: 'the expert panel loads its code on demand', timeout: 30_000 }).toBeGreaterThan(0)
    // leva (stitches) names its elements "leva-c-…"; its panel must actually render under the CSP.
    await app.page.waitForFunction(() => document.querySelector('[class*="leva-c-"]') !== null, null, { timeout: 30_000 })
    await app.page.waitForTimeout(500)
    expect(describeProblems(app.problems)).toBe('none')
  })
})
