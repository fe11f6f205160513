/**
 * The link, the picture and history agree (issue 9): a click that selects is not a turn, and
 * whatever Back and Forward restore, the camera shows.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { CameraPose } from '../../src/domain/viewState.ts'
import { describeProblems, getState, setState, sharedAppPageForFile, waitForSettled } from './support/page.ts'
import { GATE } from './support/gate.ts'

/**
 * One page for both tests (see sharedAppPageForFile): they count history entries from where
 * they start, and Back goes no further than that start, so the entry a reset adds is their
 * first step, as a fresh load's is.
 */
const sharedApp = sharedAppPageForFile()

const camera = (page: Page) => page.evaluate(() => window.hipExplorer!.camera()!)
const historyLength = (page: Page) => page.evaluate(() => history.length)

function distance(a: CameraPose, b: CameraPose): number {
  return Math.max(Math.hypot(...a.position.map((v, i) => v - b.position[i]!)), Math.hypot(...a.target.map((v, i) => v - b.target[i]!)))
}

/** Where the femoral head is drawn (page pixels). */
async function headOnScreen(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => window.hipExplorer!.project([0, 0, 0])!)
  const box = (await page.locator('[data-testid="viewer"] canvas').first().boundingBox())!
  return { x: box.x + p.x, y: box.y + p.y }
}

describe('history and the camera', GATE, () => {
  it('a click on the model selects it without turning: the view stays named, one history entry', async () => {
    const app = await sharedApp('flow=0')
    const { page } = app
    const before = await camera(page)
    const entries = await historyLength(page)
    const head = await headOnScreen(page)
    await page.mouse.click(head.x, head.y)
    await waitForSettled(page)
    const state = await getState(page)
    expect(state.selected, 'the click selects what is under it').not.toBeNull()
    expect(state.view).toBe('anterior')
    expect(state.camera).toBeNull()
    expect(new URL(page.url()).searchParams.get('cam')).toBeNull()
    expect(await historyLength(page)).toBe(entries + 1)
    expect(distance(await camera(page), before)).toBeLessThan(0.05)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('Back and Forward through views, a turn, stages and a cut: the camera always shows what the state says', async () => {
    const app = await sharedApp('flow=0')
    const { page } = app
    const seen: CameraPose[] = [await camera(page)]
    const settle = async () => {
      await waitForSettled(page)
      seen.push(await camera(page))
    }
    // A click on the ball (select), then the side view.
    const head = await headOnScreen(page)
    await page.mouse.click(head.x, head.y)
    await settle()
    await page.locator('[data-testid="view-lateral"]').click()
    await settle()
    // A real turn: drag across the view.
    const box = (await page.locator('[data-testid="viewer"] canvas').first().boundingBox())!
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5)
    await page.mouse.down()
    for (let i = 1; i <= 5; i++) await page.mouse.move(box.x + box.width * (0.5 + 0.04 * i), box.y + box.height * 0.5, { steps: 2 })
    await page.mouse.up()
    await settle()
    expect((await getState(page)).camera, 'a drag writes the pose').not.toBeNull()
    await setState(page, { stage: 2 })
    await settle()
    await page.locator('[data-testid="view-superior"]').click()
    await settle()
    await setState(page, { section: { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] } })
    await settle()
    const states = seen.length

    // Back to the start, one entry at a time, then Forward to the end.
    for (let i = states - 2; i >= 0; i--) {
      await page.evaluate(() => history.back())
      await expect.poll(async () => distance(await camera(page), seen[i]!), { timeout: 15_000, message: `Back to step ${i}` }).toBeLessThan(0.5)
    }
    for (let i = 1; i < states; i++) {
      await page.evaluate(() => history.forward())
      await expect.poll(async () => distance(await camera(page), seen[i]!), { timeout: 15_000, message: `Forward to step ${i}` }).toBeLessThan(0.5)
    }
    expect(describeProblems(app.problems)).toBe('none')
  })
})
