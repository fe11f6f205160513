/**
 * The link is the view: it round-trips the state, and Back/Forward walk through choices
 * (discrete choices add entries, slider drags update one).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/domain/viewState.ts'
import { browserForFile } from './support/browser.ts'
import {
  canvasScreenshot,
  COMPACT_VIEWPORT,
  describeProblems,
  getState,
  appPagesForFile,
  setState,
  sharedAppPageForFile,
  waitForReady,
  waitForSettled,
  type AppPage,
} from './support/page.ts'
import { diffCount } from './support/pixels.ts'

const browser = browserForFile()
const appPage = appPagesForFile(browser)
/**
 * The history tests share one page (see sharedAppPageForFile): they count entries from where
 * they start and go Back no further than that. The tests of reading a link load it.
 */
const sharedApp = sharedAppPageForFile({}, browser)

async function openApp(query = ''): Promise<AppPage> {
  const app = await appPage({ viewport: COMPACT_VIEWPORT })
  await app.open(query)
  await waitForReady(app.page)
  return app
}

const historyLength = (page: Page) => page.evaluate(() => window.history.length)

/** Goes back or forward one entry and waits until the app has applied it. */
async function go(page: Page, direction: 'back' | 'forward', previous: ViewState): Promise<ViewState> {
  await page.evaluate((d) => (d === 'back' ? window.history.back() : window.history.forward()), direction)
  await expect
    .poll(() => getState(page), { message: `state after history.${direction}()`, timeout: 10_000 })
    .not.toEqual(previous)
  return getState(page)
}

describe('links', () => {
  it('reads a link into the state', async () => {
    const app = await openApp('?stage=2.5&mode=clinician&view=posterior&hide=labrum')
    expect(await getState(app.page)).toEqual({
      ...DEFAULT_VIEW_STATE,
      stage: 2.5,
      mode: 'clinician',
      view: 'posterior',
      hidden: ['labrum'],
    })
    expect(await app.page.locator('[data-testid="url-notice"]').isVisible()).toBe(false)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('writes every change back into the link, and that link reproduces state and picture', async () => {
    const app = await openApp('?stage=2.5&mode=clinician&view=posterior&hide=labrum&flow=0')
    // Change through the UI ...
    await app.page.locator('[data-testid="view-lateral"]').click()
    await app.page.locator('[data-testid="mode-patient"]').click()
    await expect.poll(() => getState(app.page)).toMatchObject({ view: 'lateral', mode: 'patient' })
    // ... and through the API.
    const { ignored } = await setState(app.page, { stage: 3.25, hidden: ['jointCapsule', 'labrum'], selected: 'femur' })
    expect(ignored).toEqual([])
    const expected: ViewState = {
      ...DEFAULT_VIEW_STATE,
      stage: 3.25,
      mode: 'patient',
      view: 'lateral',
      hidden: ['jointCapsule', 'labrum'],
      selected: 'femur',
      flow: false,
    }
    expect(await getState(app.page)).toEqual(expected)
    await waitForSettled(app.page)
    const before = await canvasScreenshot(app.page)
    const link = app.page.url()
    expect(new URL(link).searchParams.get('stage')).toBe('3.25')

    // The copied link, in a fresh browser context (no shared storage), gives the same view.
    const copy = await openApp(new URL(link).search)
    expect(await getState(copy.page)).toEqual(expected)
    await waitForSettled(copy.page)
    const after = await canvasScreenshot(copy.page)
    const changed = diffCount(before, after)
    expect(changed / (before.width * before.height), `${changed} pixels differ`).toBeLessThan(0.01)

    // And a plain reload of the same page as well.
    await app.page.reload()
    await waitForReady(app.page)
    expect(await getState(app.page)).toEqual(expected)
    expect(describeProblems(app.problems)).toBe('none')
    expect(describeProblems(copy.problems)).toBe('none')
  })

  it('adds a history entry for each discrete choice; Back and Forward walk them', async () => {
    const app = await sharedApp()
    const { page } = app
    const start = await historyLength(page)
    const s0 = await getState(page)
    await page.locator('[data-testid="view-posterior"]').click()
    await expect.poll(() => getState(page)).toMatchObject({ view: 'posterior' })
    const s1 = await getState(page)
    await page.locator('[data-testid="mode-clinician"]').click()
    await expect.poll(() => getState(page)).toMatchObject({ mode: 'clinician' })
    const s2 = await getState(page)
    await page.locator('[data-testid="view-lateral"]').click()
    await expect.poll(() => getState(page)).toMatchObject({ view: 'lateral' })
    const s3 = await getState(page)
    expect(await historyLength(page)).toBe(start + 3)

    expect(await go(page, 'back', s3)).toEqual(s2)
    expect(await go(page, 'back', s2)).toEqual(s1)
    expect(await go(page, 'back', s1)).toEqual(s0)
    expect(await go(page, 'forward', s0)).toEqual(s1)
    expect(await go(page, 'forward', s1)).toEqual(s2)
    expect(new URL(page.url()).searchParams.get('mode')).toBe('clinician')
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('updates one history entry while the stage slider is dragged', async () => {
    const app = await sharedApp()
    const { page } = app
    await page.evaluate(() => {
      const w = window as unknown as { __stages: number[] }
      w.__stages = []
      window.hipExplorer!.subscribe((s) => w.__stages.push(s.stage))
    })
    const start = await historyLength(page)
    const s0 = await getState(page)
    const slider = page.locator('[data-testid="stage-slider"]')
    await slider.scrollIntoViewIfNeeded()
    const box = (await slider.boundingBox())!
    const y = box.y + box.height / 2
    // Grab the thumb at the left end (stage 0) and drag it right in six moves (each move waits
    // for a frame of the view, which shows every stage it passes: a few are enough).
    await page.mouse.move(box.x + 4, y)
    await page.mouse.down()
    for (let i = 1; i <= 6; i++) await page.mouse.move(box.x + 4 + (box.width * 0.6 * i) / 6, y)
    await page.mouse.up()
    const stages = await page.evaluate(() => (window as unknown as { __stages: number[] }).__stages)
    const distinct = new Set(stages)
    expect(distinct.size, `stages seen while dragging: ${stages.join(', ')}`).toBeGreaterThan(3)
    const dragged = await getState(page)
    expect(dragged.stage).toBeGreaterThan(1.5)
    // At most one new entry for the whole drag (not one per value) ...
    expect(await historyLength(page)).toBeLessThanOrEqual(start + 1)
    // ... and the link comes to hold the final value (replacements are coalesced).
    await expect
      .poll(() => page.evaluate(() => Number(new URLSearchParams(window.location.search).get('stage'))), { timeout: 10_000 })
      .toBeCloseTo(dragged.stage, 2)
    expect(await historyLength(page)).toBeLessThanOrEqual(start + 1)
    // Back returns to before the drag, never to an intermediate value.
    if ((await historyLength(page)) === start + 1) {
      expect(await go(page, 'back', dragged)).toEqual(s0)
    }
    expect(describeProblems(app.problems)).toBe('none')
  })
})
