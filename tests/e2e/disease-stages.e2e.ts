/**
 * The disease on the hip: pictures change with the stage, the head collapses by the table's
 * depth (measured on the rendered silhouette), the slider works from the keyboard, play and
 * pause walk the stages, captions follow stage and mode, lesion controls and flow toggle.
 */
import type { Page } from 'playwright-core'
import type { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { modelLandmarks } from './support/model.ts'
import { canvasScreenshot, describeProblems, getState, setState, sharedAppPageForFile, waitForSettled } from './support/page.ts'
import { backgroundColour, diffCount, type Region, type Rgb } from './support/pixels.ts'
import { lesionGeometry } from '../../src/domain/lesion/geometry.ts'
import { stageValue } from '../../src/domain/staging/stageParameters.ts'
import { STRUCTURE_IDS } from '../../src/domain/anatomy/structures.ts'

/**
 * One page for the whole file, reset to the defaults plus each test's link between tests
 * (see sharedAppPageForFile): every test begins on a settled view, as on a fresh page.
 */
const openApp = sharedAppPageForFile()

/** The camera of the 3D view (src/scene/ViewerCanvas.tsx). */
const FOV_DEG = 30
/** A close view of the head from the front and above (model frame, mm). */
const HEAD_CAM = 'cam=0,30,160,0,0,0'

async function stageShot(page: Page, stage: number): Promise<PNG> {
  await setState(page, { stage })
  await waitForSettled(page)
  return canvasScreenshot(page)
}

/** The middle of the view, where the head is in HEAD_CAM. */
function headRegion(png: PNG): Region {
  return { x: Math.round(png.width * 0.3), y: Math.round(png.height * 0.15), width: Math.round(png.width * 0.4), height: Math.round(png.height * 0.7) }
}

describe('disease stages in the picture', () => {
  it('shows stage 0, II and IV differently in the head region', async () => {
    const app = await openApp(`flow=0&${HEAD_CAM}`)
    await waitForSettled(app.page)
    const s0 = await canvasScreenshot(app.page)
    const s2 = await stageShot(app.page, 2)
    const s4 = await stageShot(app.page, 4)
    const region = headRegion(s0)
    const area = region.width * region.height
    // At least 1% of the head region changes between each pair.
    expect(diffCount(s0, s2, region) / area).toBeGreaterThan(0.01)
    expect(diffCount(s2, s4, region) / area).toBeGreaterThan(0.01)
    expect(diffCount(s0, s4, region) / area).toBeGreaterThan(0.01)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('draws the lesion in a cut through the head (section caps), with a clean console', async () => {
    const app = await openApp(`flow=0&cut=coronal&${HEAD_CAM}`)
    await waitForSettled(app.page)
    const s0 = await canvasScreenshot(app.page)
    const s2 = await stageShot(app.page, 2)
    const region = headRegion(s0)
    expect(diffCount(s0, s2, region) / (region.width * region.height)).toBeGreaterThan(0.02)
    await app.page.locator('[data-testid="lesion-size-small"]').click()
    await waitForSettled(app.page)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('goes idle at a fixed stage with the flow paused, and back to the same memory after scrubbing', async () => {
    const app = await openApp('flow=0&stage=1')
    await waitForSettled(app.page)
    const before = await app.page.evaluate(() => window.hipExplorer!.stats())
    // Through the healthy hip too, where the bones switch back to their plain programs.
    for (const stage of [0, 2, 4, 2, 0, 1]) {
      await setState(app.page, { stage })
      await waitForSettled(app.page)
    }
    const after = await app.page.evaluate(() => window.hipExplorer!.stats())
    expect(after.geometries).toBe(before.geometries)
    expect(after.textures).toBe(before.textures)
    expect(after.programs).toBe(before.programs)
    const idle = after.frames
    await app.page.waitForTimeout(1500)
    expect((await app.page.evaluate(() => window.hipExplorer!.stats())).frames).toBe(idle)
    expect(after.calls).toBeLessThanOrEqual(60)
  })
})

// --- collapse depth from the rendered silhouette ---------------------------------------------

type V3 = [number, number, number]
const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
const norm = (a: V3): V3 => {
  const l = Math.hypot(...a)
  return [a[0] / l, a[1] / l, a[2] / l]
}

/** Pinhole projection of the app's camera (looking at `target`, +Y up, vertical FOV 30°). */
function projector(position: V3, target: V3, width: number, height: number) {
  const f = norm(sub(target, position))
  const right = norm(cross(f, [0, 1, 0]))
  const up = cross(right, f)
  const k = height / 2 / Math.tan((FOV_DEG * Math.PI) / 360)
  return (p: V3): [number, number] => {
    const d = sub(p, position)
    const z = dot(d, f)
    return [width / 2 + (dot(d, right) / z) * k, height / 2 - (dot(d, up) / z) * k]
  }
}

function sample(png: PNG, x: number, y: number): Rgb {
  // Bilinear, so the edge can be found to a fraction of a pixel.
  const x0 = Math.floor(x)
  const y0 = Math.floor(y)
  const fx = x - x0
  const fy = y - y0
  const at = (xx: number, yy: number, c: number) => png.data[(yy * png.width + xx) * 4 + c]!
  const ch = (c: number) =>
    (at(x0, y0, c) * (1 - fx) + at(x0 + 1, y0, c) * fx) * (1 - fy) + (at(x0, y0 + 1, c) * (1 - fx) + at(x0 + 1, y0 + 1, c) * fx) * fy
  return [ch(0), ch(1), ch(2)]
}

/**
 * Distance in pixels from `from` along the unit screen direction `dir` to the silhouette:
 * where the difference from the background falls to half its value just inside the edge.
 */
function edgeDistance(png: PNG, from: [number, number], dir: [number, number], bg: Rgb): number {
  const diff = (t: number) => {
    const c = sample(png, from[0] + dir[0] * t, from[1] + dir[1] * t)
    return Math.max(Math.abs(c[0] - bg[0]), Math.abs(c[1] - bg[1]), Math.abs(c[2] - bg[2]))
  }
  let t = 0
  while (diff(t) > 12) t += 0.5 // walk out to the background
  const inside = diff(t - 3)
  const half = inside / 2
  let lo = t - 3
  let hi = t
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2
    if (diff(mid) > half) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/** The femoral head's bony radius from the model file's landmarks. */
function headRadius(): number {
  return modelLandmarks().femoralHead.radius
}

describe('collapse', () => {
  /**
   * For each stage, the camera sits in the plane perpendicular to the lesion axis at the
   * expected depressed surface, (R − D)·axis, looking across the head. The collapsed dome is
   * flattened (see src/domain/lesion/collapse.ts), so that plane touches the surface exactly
   * at the lesion centre and the rest of the head lies below it: the rendered outline along
   * the projected axis marks the surface height without perspective error. The outline's
   * offset from where (R − D)·axis projects, converted to mm, gives the surface height h;
   * depth = h(healthy) − h(stage).
   */
  it('depresses the rendered head surface on the lesion axis by the table depth (± 0.2 mm)', async () => {
    const R = headRadius()
    const lesion = lesionGeometry({ size: 'large', type: 'C1' })
    const axis = lesion.centre as V3
    const side = norm(cross(axis, [0, 1, 0])) // perpendicular to the lesion axis, horizontal
    const distance = 110
    const hide = STRUCTURE_IDS.filter((id) => id !== 'femur').join(',')
    const app = await openApp(`flow=0&size=large&loc=C1&hide=${hide}`)

    const height = async (stage: number) => {
      const D = stageValue('collapseDepthMm', stage)
      const r1 = (v: number) => Math.round(v * 10) / 10
      const target = axis.map((v) => r1(v * (R - D))) as V3
      const position = target.map((v, i) => r1(v + side[i]! * distance)) as V3
      await setState(app.page, { stage, view: null, camera: { position, target } })
      await waitForSettled(app.page)
      const png = await canvasScreenshot(app.page)
      const project = projector(position, target, png.width, png.height)
      const from = project([0, 0, 0])
      const expected = project(target)
      const ahead = project(target.map((v, i) => v + axis[i]!) as V3) // 1 mm further along the axis
      const len = Math.hypot(expected[0] - from[0], expected[1] - from[1])
      const dir: [number, number] = [(expected[0] - from[0]) / len, (expected[1] - from[1]) / len]
      const pxPerMm = Math.hypot(ahead[0] - expected[0], ahead[1] - expected[1])
      const measured = edgeDistance(png, from, dir, backgroundColour(png))
      return R - D + (measured - len) / pxPerMm
    }
    const healthy = await height(0)
    expect(Math.abs(healthy - R), `healthy head top at ${healthy.toFixed(2)} mm`).toBeLessThan(0.6)
    for (const stage of [2.5, 3, 4]) {
      const depth = healthy - (await height(stage))
      console.log(`[collapse] stage ${stage}: measured depression ${depth.toFixed(2)} mm (table ${stageValue('collapseDepthMm', stage).toFixed(2)}), healthy top ${healthy.toFixed(2)} mm`)
      expect(Math.abs(depth - stageValue('collapseDepthMm', stage)), `stage ${stage}: measured ${depth.toFixed(2)} mm`).toBeLessThan(0.2)
    }
  })
})

// --- controls and captions --------------------------------------------------------------------

describe('stage controls and captions', () => {
  it('moves the slider with the keyboard', async () => {
    const app = await openApp('flow=0')
    const slider = app.page.locator('[data-testid="stage-slider"]')
    await slider.focus()
    await app.page.keyboard.press('End')
    expect((await getState(app.page)).stage).toBe(4)
    await app.page.keyboard.press('Home')
    expect((await getState(app.page)).stage).toBe(0)
    await app.page.keyboard.press('ArrowRight')
    expect((await getState(app.page)).stage).toBeCloseTo(0.1, 5)
    await app.page.keyboard.press('PageUp')
    const mark = (await getState(app.page)).stage
    expect(mark).toBeGreaterThan(0.1)
    await app.page.keyboard.press('PageDown')
    expect((await getState(app.page)).stage).toBeLessThan(mark)
    expect(await app.page.locator('[data-testid="stage-slider"]').inputValue()).toBe(String((await getState(app.page)).stage))
  })

  it('walks the stages with play and stops with pause', async () => {
    const app = await openApp('flow=0')
    const name0 = await app.page.locator('[data-testid="stage-name"]').textContent()
    await app.page.locator('[data-testid="stage-play"]').click()
    await expect.poll(async () => (await getState(app.page)).stage, { timeout: 20_000 }).toBeGreaterThan(0.4)
    await expect.poll(() => app.page.locator('[data-testid="stage-name"]').textContent(), { timeout: 20_000 }).not.toBe(name0)
    await app.page.locator('[data-testid="stage-play"]').click()
    const paused = (await getState(app.page)).stage
    await app.page.waitForTimeout(3000)
    expect((await getState(app.page)).stage).toBe(paused)
  })

  it('changes the caption with the stage and with the mode', async () => {
    const app = await openApp('flow=0')
    const caption = () => app.page.locator('[data-testid="caption"]').innerText()
    const healthy = await caption()
    await setState(app.page, { stage: 2.7 })
    const collapsed = await caption()
    expect(collapsed).not.toBe(healthy)
    await app.page.locator('[data-testid="mode-clinician"]').click()
    const clinical = await caption()
    expect(clinical).not.toBe(collapsed)
    expect(clinical).toMatch(/ARCO|Ficat/)
  })

  it('sets lesion size and location from the side panel and pauses the flow from the stage bar', async () => {
    // Moving pulses only without reduced motion.
    const app = await openApp()
    await app.page.emulateMedia({ reducedMotion: 'no-preference' })
    await app.page.locator('[data-testid="lesion-size-small"]').click()
    await app.page.locator('[data-testid="lesion-type-A"]').click()
    expect(await getState(app.page)).toMatchObject({ lesionSize: 'small', lesionType: 'A' })
    expect(await app.page.locator('[data-testid="lesion-type-A"]').getAttribute('aria-pressed')).toBe('true')
    // Flow on by default: frames keep coming; paused: the view goes idle.
    expect((await getState(app.page)).flow).toBe(true)
    await app.page.locator('[data-testid="flow-toggle"]').click()
    expect((await getState(app.page)).flow).toBe(false)
    const idle = await waitForSettled(app.page)
    await app.page.waitForTimeout(1000)
    expect((await app.page.evaluate(() => window.hipExplorer!.stats())).frames).toBe(idle)
    await app.page.locator('[data-testid="flow-toggle"]').click()
    const f0 = (await app.page.evaluate(() => window.hipExplorer!.stats())).frames
    await expect.poll(async () => (await app.page.evaluate(() => window.hipExplorer!.stats())).frames, { timeout: 10_000 }).toBeGreaterThan(f0 + 3)
    expect(describeProblems(app.problems)).toBe('none')
  })
})
