/**
 * The disease on the hip: pictures change with the stage, the slider works from the keyboard,
 * play and pause walk the stages, captions follow stage and mode, lesion controls and flow
 * toggle. Where the lesion is and how deep the head collapses: lesion-picture.e2e.ts.
 */
import type { Page } from 'playwright-core'
import type { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { appPagesForFile, canvasScreenshot, describeProblems, getState, setState, sharedAppPageForFile, waitForReady, waitForSettled } from './support/page.ts'
import { programLinks, recordProgramLinks } from './support/programLinks.ts'
import { diffCount, type Region } from './support/pixels.ts'
import { GATE } from './support/gate.ts'

/**
 * One page for the whole file, reset to the defaults plus each test's link between tests
 * (see sharedAppPageForFile): every test begins on a settled view, as on a fresh page.
 */
const openApp = sharedAppPageForFile()
/** A page of its own, for the one test that needs a first load. */
const freshPage = appPagesForFile()

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
  it('shows stage 0, II and IV differently in the head region', GATE, async () => {
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
    // Through the healthy hip too, where the bones switch back to their plain programs. Once to
    // warm up (the shared page may come from other settings, with other programs made), then
    // measured: the same scrub again must not add anything.
    const scrub = async () => {
      for (const stage of [0, 2, 4, 2, 0, 1]) {
        await setState(app.page, { stage })
        await waitForSettled(app.page)
      }
    }
    await scrub()
    const before = await app.page.evaluate(() => window.hipExplorer!.stats())
    await scrub()
    const after = await app.page.evaluate(() => window.hipExplorer!.stats())
    expect(after.geometries).toBe(before.geometries)
    expect(after.textures).toBe(before.textures)
    expect(after.programs).toBe(before.programs)
    // Idle means no frames at all over a long window. It opens a moment after idle() resolved:
    // one CI run drew a single frame just after it (cause not found; 24 rounds here, quiet and
    // with both cores busy, drew none), which is not a page that fails to rest.
    await app.page.waitForTimeout(300)
    const idle = (await app.page.evaluate(() => window.hipExplorer!.stats())).frames
    expect(idle - after.frames).toBeLessThanOrEqual(1)
    await app.page.waitForTimeout(1500)
    expect((await app.page.evaluate(() => window.hipExplorer!.stats())).frames).toBe(idle)
    expect(after.calls).toBeLessThanOrEqual(60)
  })
})

// --- controls and captions --------------------------------------------------------------------

describe('the first stage change', () => {
  it('sets no shader program up: the disease arrived, and readied its programs, after the first picture of a still, healthy hip', async () => {
    // A fresh page: blood flow off and reduced motion, so nothing at stage 0 needs the disease.
    const app = await freshPage()
    await app.open('flow=0')
    await waitForReady(app.page)
    await waitForSettled(app.page)
    await recordProgramLinks(app.page)
    await setState(app.page, { stage: 3 })
    await waitForSettled(app.page)
    // Before: the disease layer came with this change, and 15 programs were linked in its frame
    // (the page stopped for 0.76 s with software WebGL).
    expect(await programLinks(app.page)).toEqual([])
    expect(describeProblems(app.problems)).toBe('none')
  })
})

describe('frames a stage change costs', () => {
  it('draws one frame for a stage change under reduced motion (the frame that reaches a target asks for no second)', async () => {
    const app = await openApp('flow=0&stage=1')
    await app.page.emulateMedia({ reducedMotion: 'reduce' })
    await waitForSettled(app.page)
    const frames = () => app.page.evaluate(() => window.hipExplorer!.stats().frames)
    const counts: number[] = []
    // Within one programme set (II and IIIA both show the disease), so that no program is made.
    for (const stage of [2, 2.5, 2]) {
      const before = await frames()
      await setState(app.page, { stage })
      await waitForSettled(app.page)
      counts.push((await frames()) - before)
    }
    await app.page.emulateMedia({ reducedMotion: 'no-preference' })
    expect(counts).toEqual([1, 1, 1])
  })
})

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

  it('a presentation clicker steps forward after the slider was clicked, and an arrow clicker steps when nothing has focus', GATE, async () => {
    const app = await openApp('flow=0&cut=coronal')
    const { page } = app
    const stage = async () => (await getState(page)).stage
    const slider = page.locator('[data-testid="stage-slider"]')
    await slider.scrollIntoViewIfNeeded()
    const box = (await slider.boundingBox())!
    // Click the slider at about stage 1.2 (a pointer, not the keyboard).
    await page.mouse.click(box.x + 4 + ((box.width - 8) * 1.2) / 4, box.y + box.height / 2)
    const clicked = await stage()
    expect(clicked).toBeGreaterThan(0.8)
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).not.toBe('stage-slider')
    // Page Down is "next" on a clicker: the disease goes on, it does not heal.
    await page.keyboard.press('PageDown')
    const next = await stage()
    expect(next).toBeGreaterThan(clicked)
    await page.keyboard.press('ArrowRight')
    expect(await stage()).toBeGreaterThan(next)
    await page.keyboard.press('ArrowLeft')
    expect(await stage()).toBe(next)
    // The same after the cut's slider was used: the clicker moves the stage, not the cut.
    const cut = page.locator('[data-testid="cut-offset"]')
    await cut.scrollIntoViewIfNeeded()
    const cb = (await cut.boundingBox())!
    await page.mouse.click(cb.x + cb.width * 0.6, cb.y + cb.height / 2)
    const offset = (await getState(page)).section!.offset
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).not.toBe('cut-offset')
    await page.keyboard.press('PageDown')
    expect(await stage()).toBeGreaterThan(next)
    expect((await getState(page)).section!.offset).toBe(offset)
    expect(describeProblems(app.problems)).toBe('none')
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

  it('changes the caption with the stage and with the mode', GATE, async () => {
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
    // Patient mode (the default): the location codes are behind "More".
    await app.page.locator('[data-testid="lesion-more"] > summary').click()
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
