/**
 * Guided tours (issue 14) in the built app, on ONE shared page: a tour opened from the Tours
 * menu and walked with the clicker's Page Down through every scene (the state is the scene's,
 * the caption changes, the X-ray/MRI panel at stage I); a hand-made link to a scene; Escape ends
 * the tour and keeps the view; the presenter strip shows the scene; a slider change ends the
 * tour and keeps the rest of the view. No console errors, no accessibility violations (menu and panel).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { serializeViewQuery } from '../../src/domain/urlState.ts'
import { TOUR_CATALOGUE, type TourId } from '../../src/domain/tours/tourCatalogue.ts'
import { sceneState, TOURS } from '../../src/domain/tours/tours.ts'
import { axeViolations } from './support/axe.ts'
import { describeProblems, getState, openSettled, setState, sharedAppPageForFile, waitForSettled } from './support/page.ts'
import { GATE } from './support/gate.ts'

const openApp = sharedAppPageForFile()

const caption = (page: Page) => page.locator('[data-testid="tour-caption"]').innerText()
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.())
/** The view as its link writes it: what the reader sees, without the camera's live position. */
const shownLink = async (page: Page) => serializeViewQuery(await getState(page))

/** The app shows scene `scene` of `tour`: its whole view (as a link) and its caption. */
async function expectScene(page: Page, tour: TourId, scene: number): Promise<void> {
  const want = TOURS[tour].scenes[scene]!
  await expect
    .poll(async () => `${await shownLink(page)} | ${await caption(page).catch(() => '')}`, { message: `${tour} scene ${scene + 1}` })
    .toBe(`${serializeViewQuery(sceneState(tour, scene, await getState(page)))} | ${want.caption.patient}`)
  expect(await page.locator('[data-testid="tour-progress"]').innerText()).toBe(`${scene + 1} / ${TOURS[tour].scenes.length}`)
}

describe('guided tours', () => {
  it('opens from the Tours menu and walks every scene with Page Down', async () => {
    const { page, problems } = await openApp()
    await page.locator('[data-testid="tours"]').click()
    const menu = page.locator('[data-testid="tours-menu"]')
    await menu.waitFor({ state: 'visible' })
    expect(await menu.locator('[role="menuitem"]').count()).toBe(Object.keys(TOUR_CATALOGUE).length)
    const violations = await axeViolations(page, 'tours menu open')
    await page.locator('[data-testid="tour-healthy-to-collapse"]').click()
    await expect.poll(() => menu.count(), { message: 'the menu closes' }).toBe(0)
    await expectScene(page, 'healthy-to-collapse', 0)
    // It plays; Pause holds it (the scenes then go by the clicker alone).
    const play = page.locator('[data-testid="tour-play"]')
    expect(await play.getAttribute('aria-pressed')).toBe('true')
    await play.click()
    expect(await play.getAttribute('aria-pressed')).toBe('false')
    violations.push(...(await axeViolations(page, 'tour open')))
    expect(violations).toEqual([])

    const scenes = TOURS['healthy-to-collapse'].scenes
    const captions = new Set<string>()
    for (let i = 0; i < scenes.length; i++) {
      if (i > 0) await page.keyboard.press('PageDown')
      await expectScene(page, 'healthy-to-collapse', i)
      captions.add(await caption(page))
      // The X-ray / MRI contrast at stage I: the Images panel is open with that scene only.
      await expect.poll(() => page.locator('.images-panel').count(), { message: `scene ${i + 1}: images panel` }).toBe(scenes[i]!.view.images ? 1 : 0)
    }
    expect(captions.size, 'every scene has its own caption').toBe(scenes.length)
    expect(await play.getAttribute('aria-pressed'), 'the clicker does not start playback').toBe('false')
    // Past the last scene, Page Down changes nothing.
    await page.keyboard.press('PageDown')
    await waitForSettled(page)
    expect((await getState(page)).scene).toBe(scenes.length - 1)
    expect(describeProblems(problems)).toBe('none')
  })

  it('a hand-made link opens its scene with the scene\'s view; Escape ends the tour and keeps the view; Back reopens it', GATE, async () => {
    const app = await openApp()
    await openSettled(app, 'tour=blood-supply&scene=3')
    const { page, problems } = app
    await expectScene(page, 'blood-supply', 2)
    expect(await page.locator('[data-testid="url-notice"]').count(), 'a clean link: no notice').toBe(0)
    expect(await page.locator('[data-testid="tour-play"]').getAttribute('aria-pressed'), 'a link opens paused').toBe('false')
    expect(new URL(page.url()).search).toBe(await shownLink(page))

    const shown = await getState(page)
    await blur(page)
    await page.keyboard.press('Escape')
    await expect.poll(async () => (await getState(page)).tour).toBeNull()
    expect(await getState(page)).toEqual({ ...shown, tour: null, scene: 0 })
    expect(new URL(page.url()).searchParams.has('tour')).toBe(false)
    expect(await page.locator('[data-testid="tour-panel"]').count()).toBe(0)
    // Ending was a history entry of its own: Back returns to the scene, paused.
    await page.goBack()
    await expectScene(page, 'blood-supply', 2)
    expect(await page.locator('[data-testid="tour-play"]').getAttribute('aria-pressed')).toBe('false')
    expect(describeProblems(problems)).toBe('none')
  })

  it('the presenter strip shows the scene; a slider change ends the tour and keeps the rest of the view', async () => {
    const { page, problems } = await openApp()
    // The API's route into a tour: the same fields as the link (scene 0-based, as getState gives it).
    const { ignored } = await setState(page, { tour: 'treatment-options', scene: 2, present: true })
    expect(ignored).toEqual([])
    await expect.poll(() => shownLink(page)).toBe(serializeViewQuery(sceneState('treatment-options', 2, await getState(page))))
    const scene = TOURS['treatment-options'].scenes[2]!
    await expect.poll(() => page.locator('[data-testid="presenter-body"]').innerText()).toBe(scene.caption.patient)
    expect(await page.locator('[data-testid="presenter-title"]').innerText()).toContain(`3 / ${TOURS['treatment-options'].scenes.length}: ${scene.title.patient}`)
    await setState(page, { present: false })
    expect((await getState(page)).tour, 'presenter mode keeps the tour').toBe('treatment-options')
    // A scene alone moves within the tour that is open.
    expect((await setState(page, { scene: 3 })).ignored).toEqual([])
    await expect.poll(() => shownLink(page)).toBe(serializeViewQuery(sceneState('treatment-options', 3, await getState(page))))

    const shown = await getState(page)
    await page.locator('#stage-slider').focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(async () => (await getState(page)).tour).toBeNull()
    expect(await getState(page)).toEqual({ ...shown, tour: null, scene: 0, stage: shown.stage + 0.1, present: false })
    expect(describeProblems(problems)).toBe('none')
  })
})
