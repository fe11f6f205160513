/**
 * The cutaway window in the socket over the femoral head (src/domain/cutaway.ts): in the default
 * front view at ARCO IIIB the head and its dead bone show through it, it is off for the healthy
 * hip, the checkbox and the link control it, and a click through it names the head.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { distDir } from './support/context.ts'
import { canvasScreenshot, describeProblems, getState, getStats, setState, sharedAppPageForFile, viewerCanvas, waitForSettled } from './support/page.ts'
import { diffCount, type Rgb } from './support/pixels.ts'
import { isInLesion, lesionGeometry } from '../../src/domain/lesion/geometry.ts'
import { DISEASE_PALETTE, hexToRgb } from '../../src/scene/disease/palette.ts'

/** One page for the file, reset to the defaults plus each test's link between tests (see sharedAppPageForFile). */
const openApp = sharedAppPageForFile()

type V3 = [number, number, number]

/** The femoral head from the model file's landmarks (the GLB's JSON chunk). */
function femoralHead(): { centre: V3; radius: number; cartilageRadius: number } {
  const glb = readFileSync(join(distDir(), 'models', 'hip.glb'))
  const json = JSON.parse(glb.subarray(20, 20 + glb.readUInt32LE(12)).toString('utf8'))
  return json.scenes[0].extras.landmarks.femoralHead
}

async function project(page: Page, p: V3): Promise<{ x: number; y: number }> {
  const s = await page.evaluate((q) => window.hipExplorer!.project(q), p)
  if (!s?.inView) throw new Error(`[${p.join(', ')}] is not in view`)
  return s
}

/** The head's disc on screen: its centre and its bony radius in pixels. */
async function headDisc(page: Page) {
  const head = femoralHead()
  const c = await project(page, head.centre)
  const top = await project(page, [head.centre[0], head.centre[1] + head.radius, head.centre[2]])
  return { x: c.x, y: c.y, r: Math.hypot(top.x - c.x, top.y - c.y) }
}

/**
 * Waits for the disease effects (their own lazy chunk, which also draws the window) to be loaded
 * and the view to settle. Idle frames alone do not tell: on a loaded machine the chunk can
 * arrive after a second of quiet.
 */
async function settledWithEffects(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /DiseaseLayer/.test(e.name)), null, { timeout: 60_000 })
  // Compiling the disease's shaders blocks SwiftShader for many seconds on a busy machine.
  await waitForSettled(page, { timeoutMs: 90_000 })
}

async function settledShot(page: Page): Promise<PNG> {
  await settledWithEffects(page)
  return canvasScreenshot(page)
}

function meanColour(png: PNG, x: number, y: number, half = 3): Rgb {
  const sum = [0, 0, 0]
  let n = 0
  for (let yy = Math.round(y) - half; yy <= Math.round(y) + half; yy++) {
    for (let xx = Math.round(x) - half; xx <= Math.round(x) + half; xx++) {
      const i = (yy * png.width + xx) * 4
      for (let c = 0; c < 3; c++) sum[c]! += png.data[i + c]!
      n++
    }
  }
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n]
}

/** Distance between the chromaticities (r, g, b over their sum) of two colours: lighting only scales a colour. */
function chromaDistance(a: Rgb, b: Rgb): number {
  const sa = a[0] + a[1] + a[2]
  const sb = b[0] + b[1] + b[2]
  return Math.hypot(a[0] / sa - b[0] / sb, a[1] / sa - b[1] / sb, a[2] / sa - b[2] / sb)
}

/**
 * A point on the head's cartilage inside the default (large, C1) lesion, turned from the lesion's
 * centre toward the viewer of the front view (+Z) by 30°: the part of the dead bone that faces
 * the front camera (the lesion reaches much further forward, see domain/lesion/geometry.ts).
 */
function lesionPointFacingFront(): V3 {
  const head = femoralHead()
  const lesion = lesionGeometry({ size: 'large', type: 'C1' })
  const a = lesion.centre as V3
  const t0: V3 = [-a[2] * a[0], -a[2] * a[1], 1 - a[2] * a[2]] // +Z without its part along a
  const tl = Math.hypot(...t0)
  const th = (30 * Math.PI) / 180
  const dir = a.map((v, i) => v * Math.cos(th) + (t0[i]! / tl) * Math.sin(th)) as V3
  if (!isInLesion(dir.map((v) => v * (head.radius - 1)) as V3, lesion)) throw new Error('the probe point is not in the lesion')
  return dir.map((v, i) => head.centre[i]! + head.cartilageRadius * v) as V3
}

describe('the window in the socket', () => {
  it('shows the head and its dead bone at stage IIIB in the front view, and closes without recompiling', async () => {
    const app = await openApp('stage=3&flow=0')
    const open = await settledShot(app.page)
    expect((await getState(app.page)).cutaway).toBe('auto')
    const programs = (await getStats(app.page)).programs
    await setState(app.page, { cutaway: 'off' })
    const closed = await settledShot(app.page)
    expect((await getStats(app.page)).programs, 'closing the window compiles nothing').toBe(programs)
    await setState(app.page, { cutaway: 'on', stage: 0 })
    const healthy = await settledShot(app.page)

    // Over the head's disc, most pixels change when the socket is opened.
    const disc = await headDisc(app.page)
    const region = { x: Math.round(disc.x - disc.r), y: Math.round(disc.y - disc.r), width: Math.round(2 * disc.r), height: Math.round(2 * disc.r) }
    const changed = diffCount(open, closed, region) / (region.width * region.height)
    // Where the lesion faces the viewer, the colour is the palette's dead bone (greyed through
    // the cartilage), not the healthy head's blue-grey cartilage seen through the same window.
    const p = await project(app.page, lesionPointFacingFront())
    const dead = hexToRgb(DISEASE_PALETTE.dead).map((v) => v * 255) as unknown as Rgb
    const toDead = { open: chromaDistance(meanColour(open, p.x, p.y), dead), healthy: chromaDistance(meanColour(healthy, p.x, p.y), dead) }
    console.log(`[cutaway] head disc r=${disc.r.toFixed(0)} px: ${(changed * 100).toFixed(0)}% changed; chroma distance to dead bone ${toDead.open.toFixed(4)} (healthy head ${toDead.healthy.toFixed(4)}) at ${meanColour(open, p.x, p.y).map(Math.round).join(',')}`)
    expect(changed).toBeGreaterThan(0.3)
    expect(toDead.open).toBeLessThan(0.02)
    expect(toDead.open).toBeLessThan(0.5 * toDead.healthy)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('is off for the healthy hip unless asked for', async () => {
    const app = await openApp('flow=0')
    await waitForSettled(app.page)
    const intact = await canvasScreenshot(app.page)
    expect((await getState(app.page)).cutaway).toBe('auto')
    await expect.poll(() => app.page.locator('[data-testid="cutaway"]').isChecked()).toBe(false)
    // Asked for at stage 0, it opens: so the intact picture above is the window being off.
    await setState(app.page, { cutaway: 'on' })
    const opened = await settledShot(app.page)
    const disc = await headDisc(app.page)
    const region = { x: Math.round(disc.x - disc.r), y: Math.round(disc.y - disc.r), width: Math.round(2 * disc.r), height: Math.round(2 * disc.r) }
    expect(diffCount(intact, opened, region) / (region.width * region.height)).toBeGreaterThan(0.1)
  })

  it('is toggled by its checkbox, with the mouse and the keyboard, and kept in the link', async () => {
    const app = await openApp('stage=3&flow=0')
    const box = app.page.locator('[data-testid="cutaway"]')
    await expect.poll(() => box.isChecked()).toBe(true)
    // The caption says the socket is drawn cut open, for as long as it is.
    const note = app.page.locator('[data-testid="cutaway-caption"]')
    expect(await note.isVisible()).toBe(true)
    const link = () => new URL(app.page.url()).searchParams.get('cutaway')
    expect(link()).toBe(null) // automatic: not in the link
    await box.click()
    expect((await getState(app.page)).cutaway).toBe('off')
    expect(await box.isChecked()).toBe(false)
    await expect.poll(link).toBe('off')
    await expect.poll(() => note.isVisible()).toBe(false)
    await box.focus()
    await app.page.keyboard.press('Space')
    expect((await getState(app.page)).cutaway).toBe('on')
    await expect.poll(link).toBe('on')
    // A cut shows the head its own way: the window waits, and says so.
    await app.page.locator('[data-testid="cut-coronal"]').click()
    await expect.poll(() => app.page.locator('[data-testid="cutaway-note"]').isVisible()).toBe(true)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('names the femoral head when it is clicked through the window, and the hip bone when closed', async () => {
    const app = await openApp('stage=3&flow=0&cutaway=off')
    await settledWithEffects(app.page)
    const head = femoralHead()
    // The upper front of the head's cartilage, which the socket's rim covers in the front view.
    const k = head.cartilageRadius * Math.SQRT1_2
    const p = await project(app.page, [head.centre[0], head.centre[1] + k, head.centre[2] + k])
    const canvas = await viewerCanvas(app.page).boundingBox()
    const click = async () => {
      await setState(app.page, { selected: null })
      await app.page.mouse.click(canvas!.x + p.x, canvas!.y + p.y)
      return (await getState(app.page)).selected
    }
    expect(await click()).toBe('hipBone')
    await setState(app.page, { cutaway: 'on' })
    await settledWithEffects(app.page)
    expect(['femoralHeadCartilage', 'femur']).toContain(await click())
  })
})
