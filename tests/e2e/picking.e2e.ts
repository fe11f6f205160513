/**
 * The link, the picture and picking agree (issue 9): a tap on a cut face names the cut
 * structure; a cut chosen from behind, and a link to a cut, show the cut face. One page for the
 * file (see sharedAppPageForFile). That a fresh link and the same view reached by changes draw
 * alike (the rim osteophytes) is checked on the uniforms, in tests/unit/disease-anatomy.test.ts.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { STRUCTURES } from '../../src/domain/anatomy/structureInfo.ts'
import { isInLesion, lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/geometry.ts'
import { parseViewQuery } from '../../src/domain/urlState.ts'
import type { Vec3 } from '../../src/domain/viewState.ts'
import { expectCancellousColour, lookAt } from './support/cutFace.ts'
import { modelLandmarks } from './support/model.ts'
import { COMPACT_VIEWPORT, describeProblems, getState, setState, sharedAppPageForFile, viewerCanvas, waitForSettled } from './support/page.ts'
import { diffCount } from './support/pixels.ts'
import { GATE } from './support/gate.ts'

const openApp = sharedAppPageForFile({ viewport: COMPACT_VIEWPORT })

/** Where a model point is drawn, in page pixels. */
async function onScreen(page: Page, point: Vec3): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((q) => window.hipExplorer!.project(q), point as [number, number, number])
  expect(p?.inView).toBe(true)
  const box = (await viewerCanvas(page).boundingBox())!
  return { x: box.x + p!.x, y: box.y + p!.y }
}

/** Opens a link on the page as Back/Forward would (the app's link reader, no reload). */
async function followLink(page: Page, query: string): Promise<void> {
  await page.evaluate((q) => {
    history.pushState(null, '', q)
    window.dispatchEvent(new PopStateEvent('popstate'))
  }, query)
  await waitForSettled(page)
}

describe('cut faces', () => {
  it('a link to an axial or a sagittal cut opens facing the cut face, not seeing it edge-on', async () => {
    const app = await openApp('flow=0')
    const { page } = app
    for (const [plane, view] of [['axial', 'superior'], ['sagittal', 'lateral']] as const) {
      await followLink(page, `?cut=${plane}&flow=0`)
      const state = await getState(page)
      expect(state.section?.plane).toBe(plane)
      expect(state.view, `the view a cut=${plane} link opens on`).toBe(view)
      const face = await lookAt(page)
      console.log(`[picking] ${plane} link: colour ${face.colour.map(Math.round)}, detail ${face.detail.toFixed(2)}`)
      expectCancellousColour(face)
      expect(face.detail, `the trabecular pattern of the ${plane} cut face`).toBeGreaterThan(1.2)
    }
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('the coronal cut chosen in the back view shows its face, in one history entry', GATE, async () => {
    const app = await openApp('view=posterior&flow=0')
    const { page } = app
    const entries = await page.evaluate(() => history.length)
    const whole = await lookAt(page)
    await page.locator('[data-testid="cut-coronal"]').click()
    const face = await lookAt(page)
    console.log(`[picking] coronal from behind: colour ${face.colour.map(Math.round)}, detail ${face.detail.toFixed(2)}`)
    // Where the head centre is drawn the picture changes (the back of the hip showed there), to the cancellous cut face.
    const changed = diffCount(whole.png, face.png, face.region) / (face.region.width * face.region.height)
    // Measured: 0.30 here, 0 on the build that kept the back half (its face turned away).
    expect(changed, 'share of the pixels around the head centre the cut changes').toBeGreaterThan(0.15)
    expectCancellousColour(face)
    expect(face.detail, 'the trabecular pattern of the cut face').toBeGreaterThan(1.2)
    expect(await page.evaluate(() => history.length)).toBe(entries + 1)
    // The link reopens what is shown: the back view (the view a kept front half implies).
    const state = await getState(page)
    expect(state.view).toBe('posterior')
    expect(parseViewQuery(new URL(page.url()).search).patch).toMatchObject({ view: 'posterior', section: state.section })
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('a tap on the dead bone in the coronal cut of the head selects the cut bone, and hover names it', GATE, async () => {
    const app = await openApp('flow=0')
    const { page } = app
    // Set here rather than in the link: a fresh page at stage III with a cut compiles its shaders
    // at load, which on a loaded machine outlasts the page fixture's wait.
    await setState(page, { stage: 3, section: { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] } })
    await waitForSettled(page, { timeoutMs: 150_000 })
    // A point of the dead bone on the plane through the head centre (the domain's lesion on the model's landmarks).
    const lm = modelLandmarks()
    const lesion = lesionGeometry({ size: 'large', type: 'C1' }, lesionAnatomyOf(lm))
    const c = lm.femoralHead.centre
    let dead: Vec3 | null = null
    for (let y = 14; y > 4 && !dead; y -= 1) if (isInLesion([2, y, 0], lesion)) dead = [c[0] + 2, c[1] + y, c[2]]
    expect(dead).not.toBeNull()
    const at = await onScreen(page, dead!)
    await page.mouse.click(at.x, at.y)
    await waitForSettled(page)
    expect((await getState(page)).selected, 'what a tap on the dead bone of the cut selects').toBe('femurCancellous')
    // Hover (a device with a hovering pointer) names the same.
    await page.mouse.move(at.x + 3, at.y + 3)
    await page.mouse.move(at.x, at.y)
    await expect.poll(() => page.locator('[data-testid="hover-tip"]').textContent()).toContain(STRUCTURES.femurCancellous.plainName)

    // Near the view's right edge the tip turns to the pointer's left, whole inside the view (it
    // ran off the edge). Close up, the head's cut face (radius 23 mm) spans most of the view's width.
    await setState(page, { view: null, camera: { position: [c[0], c[1], c[2] + 60], target: c } })
    await waitForSettled(page)
    const view = (await viewerCanvas(page).boundingBox())!
    const sides = await Promise.all([-20, 20].map((dx) => onScreen(page, [c[0] + dx, c[1], c[2]])))
    const right = sides[0]!.x > sides[1]!.x ? sides[0]! : sides[1]!
    expect(right.x, "the head's edge is in the right fifth of the view").toBeGreaterThan(view.x + 0.8 * view.width)
    await page.mouse.move(right.x - 4, right.y)
    await page.mouse.move(right.x, right.y)
    const tip = page.locator('[data-testid="hover-tip"]')
    await expect.poll(() => tip.count()).toBe(1)
    const box = (await tip.boundingBox())!
    expect(box.width, 'a long name: it would not fit right of the pointer').toBeGreaterThan(view.x + view.width - right.x)
    expect(box.x + box.width, "the tip's right edge, against the view's").toBeLessThanOrEqual(view.x + view.width)
    expect(describeProblems(app.problems)).toBe('none')
  })
})
