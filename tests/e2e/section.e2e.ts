/**
 * The cross-section closes cut bone with solid caps: at the centre of the femoral head, a
 * coronal cut shows the cancellous core (pale, neutral: a healthy hip must not look like the
 * disease's colours, issue 8) with its trabecular pattern, where the uncut view shows the
 * smooth cartilage of the head and the background shows neither.
 * One page for both tests: the first one is the page's first cut (it checks that), whose code
 * loads then.
 */
import { describe, expect, it } from 'vitest'
import type { PNG } from 'pngjs'
import { canvasScreenshot, COMPACT_VIEWPORT, describeProblems, getStats, sharedAppPageForFile, waitForSettled, type AppPage } from './support/page.ts'
import { backgroundColour, type Rgb } from './support/pixels.ts'

const openApp = sharedAppPageForFile({ viewport: COMPACT_VIEWPORT })

/** The cut's own chunk (src/scene/HipScene.tsx loads it lazily, on the first cut). */
const CUT_CODE = /\/CrossSection-[^/]*\.js$/

/** Mean colour of a small square around a point. */
function meanColour(png: PNG, cx: number, cy: number, half = 3): Rgb {
  const sum: [number, number, number] = [0, 0, 0]
  let n = 0
  for (let y = Math.round(cy) - half; y <= Math.round(cy) + half; y++) {
    for (let x = Math.round(cx) - half; x <= Math.round(cx) + half; x++) {
      const i = (y * png.width + x) * 4
      sum[0] += png.data[i]!
      sum[1] += png.data[i + 1]!
      sum[2] += png.data[i + 2]!
      n++
    }
  }
  return [sum[0] / n, sum[1] / n, sum[2] / n]
}

/**
 * Fine detail around a pixel: the mean absolute luminance step between neighbouring pixels.
 * Smooth shading (an uncut surface) gives well under 1; the trabecular lines of a cut face more.
 */
function fineDetail(png: PNG, cx: number, cy: number, half: number): number {
  const lum = (x: number, y: number) => {
    const i = (y * png.width + x) * 4
    return 0.2126 * png.data[i]! + 0.7152 * png.data[i + 1]! + 0.0722 * png.data[i + 2]!
  }
  let sum = 0
  let n = 0
  for (let y = Math.round(cy) - half; y < Math.round(cy) + half; y++) {
    for (let x = Math.round(cx) - half; x < Math.round(cx) + half; x++) {
      sum += Math.abs(lum(x + 1, y) - lum(x, y)) + Math.abs(lum(x, y + 1) - lum(x, y))
      n++
    }
  }
  return sum / n
}

async function headCentreColour(page: AppPage['page']): Promise<{ colour: Rgb; background: Rgb; detail: number }> {
  await waitForSettled(page)
  const at = await page.evaluate(() => window.hipExplorer!.project([0, 0, 0]))
  expect(at?.inView).toBe(true)
  const png = await canvasScreenshot(page)
  const scale = png.width / (await page.locator('[data-testid="viewer"] canvas').first().boundingBox())!.width
  const [x, y] = [at!.x * scale, at!.y * scale]
  return { colour: meanColour(png, x, y), background: backgroundColour(png), detail: fineDetail(png, x, y, Math.round(20 * scale)) }
}

describe('cross-section', () => {
  it('shows a solid cap where the plane cuts the femoral head, once idle() says the picture is final', async () => {
    const app = await openApp('?flow=0')
    const { page } = app
    const cutCodeFetched = () => page.evaluate((re) => performance.getEntriesByType('resource').some((e) => new RegExp(re).test(e.name)), CUT_CODE.source)
    expect(await cutCodeFetched(), 'no cut before this test on its page: the first cut fetches its code').toBe(false)
    // On a real network that code can take a while: idle() (in waitForSettled) must wait for it,
    // not just for the frame after the change, or the picture below would be the uncut hip.
    await page.route(CUT_CODE, async (route) => {
      await new Promise((r) => setTimeout(r, 2000))
      await route.fallback()
    })
    const whole = await headCentreColour(page)
    const callsWhole = (await getStats(page)).calls

    // Draw calls read in the same task as idle() resolving (a screenshot takes long enough
    // for a late chunk to arrive meanwhile): the caps are drawn by then.
    const callsWhenIdle = await page.evaluate(async () => {
      const api = window.hipExplorer!
      api.setState({ section: { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] } })
      await api.idle()
      return api.stats().calls
    })
    expect(callsWhenIdle, 'draw calls when idle() resolved (more: the caps are drawn)').toBeGreaterThan(callsWhole)
    expect(await cutCodeFetched()).toBe(true)
    await page.locator('[data-testid="cut-coronal"][aria-pressed="true"]').waitFor()
    const cut = await headCentreColour(page)
    await page.unroute(CUT_CODE)

    const [r, g, b] = cut.colour
    // Pale neutral cancellous bone: a faint warm tint (red a little above blue), not the
    // terracotta that read as the legend's "losing its blood supply"; not the background.
    expect(r - b, `cap colour ${cut.colour.map(Math.round)}`).toBeGreaterThan(5)
    expect(r - b, `cap colour ${cut.colour.map(Math.round)}`).toBeLessThan(40)
    expect(Math.min(r, g, b), `cap colour ${cut.colour.map(Math.round)}`).toBeGreaterThan(140)
    expect(Math.abs(r - cut.background[0]) + Math.abs(g - cut.background[1]) + Math.abs(b - cut.background[2])).toBeGreaterThan(60)
    // The cut face shows the cancellous bone's trabecular pattern; uncut, the same place shows
    // the smooth cartilage surface (similar in colour: the pattern tells them apart).
    console.log(`[section] fine detail at the head centre: uncut ${whole.detail.toFixed(2)}, cut ${cut.detail.toFixed(2)}`)
    expect(cut.detail).toBeGreaterThan(2 * whole.detail + 0.3)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('removing the cut restores the whole model and frees the caps', async () => {
    const app = await openApp('?flow=0&cut=axial,5')
    const withCut = await getStats(app.page)
    expect(withCut.calls).toBeGreaterThan(25)
    await app.page.locator('[data-testid="cut-none"]').click()
    await waitForSettled(app.page)
    const without = await getStats(app.page)
    expect(without.calls).toBeLessThan(withCut.calls)
    expect(without.geometries).toBeLessThan(withCut.geometries)
    expect(describeProblems(app.problems)).toBe('none')
  })
})
