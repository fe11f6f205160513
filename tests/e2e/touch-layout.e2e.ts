/**
 * Touch, small screens and zoom (issue 9): a phone (390×844, and on its side 844×390) and a
 * tablet (1024×768) with touch and a coarse pointer, and 200% browser zoom of a 1080p screen (960×540 CSS px at 2 device
 * pixels each). One shared page per device.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserForFile } from './support/browser.ts'
import { getState, sharedAppPageForFile, viewerCanvas, waitForSettled } from './support/page.ts'
import { stageSpans } from '../../src/domain/staging/index.ts'
import { MAX_POLAR_ANGLE_DEG } from '../../src/domain/cameraBounds.ts'

const browser = browserForFile()
const PHONE = { width: 390, height: 844 }
const TABLET = { width: 1024, height: 768 }
const phonePage = sharedAppPageForFile({ viewport: PHONE, touch: true }, browser)
const tabletPage = sharedAppPageForFile({ viewport: TABLET, touch: true }, browser)
const zoomedPage = sharedAppPageForFile({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 2 }, browser)

/** The least size of a touch target (WCAG 2.5.5, Apple and Android guidelines), CSS px. */
const TARGET_PX = 44

interface Box {
  x: number
  y: number
  width: number
  height: number
}

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox()
  if (!b) throw new Error(`${selector} is not shown`)
  return b
}

/** Whether what is drawn at the middle of the element is the element (not something over it). */
function shownOnTop(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)
    if (!el) return false
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return hit !== null && (el === hit || el.contains(hit))
  }, selector)
}

const inside = (b: Box, w: number, h: number) => b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= w + 0.5 && b.y + b.height <= h + 0.5
const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5

/** The camera's angle from straight above the orbit centre, degrees (90 = level, 180 = from below). */
async function polarAngle(page: Page): Promise<number> {
  const camera = await page.evaluate(() => window.hipExplorer!.camera())
  if (!camera) throw new Error('no camera')
  const [x, y, z] = camera.position.map((v, i) => v - camera.target[i]!) as [number, number, number]
  return (Math.acos(y / Math.hypot(x, y, z)) * 180) / Math.PI
}

/**
 * A one-finger drag, as touch events: on the view the browser turns them into the pointer events
 * the orbit controls follow; elsewhere into a scroll (CDP's synthesizeScrollGesture scrolled
 * nothing here, and took 37 s on a loaded machine).
 */
async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const at = (t: number) => [{ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t, id: 1 }]
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) })
  for (let i = 1; i <= steps; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i / steps) })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}

const scrollY = (page: Page) => page.evaluate(() => window.scrollY)

describe('phone (390×844, touch)', () => {
  it('shows the picture, the caption and the disclaimer together in the first screen', async () => {
    const { page } = await phonePage('stage=2.75')
    await page.locator('#caption-title').waitFor({ state: 'visible' })
    await page.evaluate(() => window.scrollTo(0, 0))
    const canvas = await viewerCanvas(page).boundingBox()
    expect(canvas && inside(canvas, PHONE.width, PHONE.height), `canvas at ${JSON.stringify(canvas)}`).toBe(true)
    // Today the caption began under the stage bar stuck to the bottom of the screen, and the
    // disclaimer came after the whole panel, 2,700 px down.
    for (const selector of ['#caption-title', '[data-testid="disclaimer"]', '[data-testid="stage-slider"]']) {
      const b = await box(page, selector)
      expect(inside(b, PHONE.width, PHONE.height), `${selector} at ${JSON.stringify(b)}`).toBe(true)
      expect(await shownOnTop(page, selector), `${selector} is covered`).toBe(true)
    }
    // The first lines of the caption, not only its title.
    const paragraph = await box(page, '[data-testid="caption"] p')
    expect(paragraph.y + paragraph.height, 'the caption text starts in the first screen').toBeLessThanOrEqual(PHONE.height)
  })

  it('keeps the view\'s buttons in one row that says it scrolls (two wrapped rows covered 92 of the view\'s 337 px)', async () => {
    const { page } = await phonePage('stage=2')
    const toolbar = await box(page, '.view-toolbar')
    const canvas = (await viewerCanvas(page).boundingBox())!
    expect(toolbar.height, 'one row, px').toBeLessThan(TARGET_PX * 1.6)
    expect(toolbar.height / canvas.height, 'share of the view\'s height').toBeLessThan(0.18)
    await expect.poll(() => page.locator('.view-toolbar').getAttribute('data-more')).toBe('end')
  })

  it('scrolls with one finger outside the view; on the view one finger turns the hip, never to below it', async () => {
    const { page } = await phonePage('stage=2.75')
    await page.evaluate(() => window.scrollTo(0, 0))
    await expect.poll(() => scrollY(page)).toBe(0)
    const view = (await viewerCanvas(page).boundingBox())!
    // Finger up the view from its middle (clear of the camera buttons at its foot): a phone
    // user's "scroll down". Half the view's height turns the camera by 180°.
    const x = view.x + view.width / 2
    await touchDrag(page, { x, y: view.y + view.height * 0.6 }, { x, y: view.y + view.height * 0.05 })
    await waitForSettled(page)
    expect(await scrollY(page), 'a swipe on the view does not scroll the page').toBe(0)
    expect(await polarAngle(page)).toBeLessThanOrEqual(MAX_POLAR_ANGLE_DEG + 0.5)
    expect((await getState(page)).view, 'the drag turned the camera').toBeNull()

    // Finger down: over the top is open (the Top view looks from 33° off vertical).
    await touchDrag(page, { x, y: view.y + view.height * 0.05 }, { x, y: view.y + view.height * 0.6 })
    await waitForSettled(page)
    expect(await polarAngle(page)).toBeLessThan(30)

    const caption = await box(page, '#caption-title')
    // Finger up over the caption: the page scrolls down.
    const y = Math.min(PHONE.height - 20, caption.y + 60)
    await touchDrag(page, { x: PHONE.width / 2, y }, { x: PHONE.width / 2, y: y - 300 })
    await expect.poll(() => scrollY(page)).toBeGreaterThan(100)
  })
})

describe('phone on its side (844×390, touch)', () => {
  const SIDEWAYS = { width: 844, height: 390 }
  it('fills the screen without scrolling: the hip beside the caption, stage bar and disclaimer whole; the images one at a time beside the hip', async () => {
    const { page } = await phonePage('stage=2')
    await page.setViewportSize(SIDEWAYS)
    try {
      await waitForSettled(page)
      const { width: W, height: H } = SIDEWAYS
      expect(await page.evaluate(() => document.scrollingElement!.scrollHeight), 'page height, px').toBeLessThanOrEqual(H + 1)
      const canvas = (await viewerCanvas(page).boundingBox())!
      // Before this layout the view was 105 px tall between the top bar and the stage bar.
      expect(canvas.height, 'the view\'s height, px').toBeGreaterThanOrEqual(0.6 * H)
      expect(canvas.width, 'the view\'s width, px').toBeGreaterThanOrEqual(0.5 * W)
      for (const selector of ['#stage-slider', '.stage-ticks', '.stagebar .play', '[data-testid="disclaimer"]', '#caption-title', '[data-testid="mode-patient"]', '[data-testid="side-left"]']) {
        expect(inside(await box(page, selector), W, H), `${selector} on the screen`).toBe(true)
      }
      for (const selector of ['.stagebar .play', '#stage-slider']) expect(await shownOnTop(page, selector), `${selector} not covered`).toBe(true)
      expect(overlap(await box(page, '.view-toolbar'), await box(page, '.stagebar')), 'view buttons over the stage bar').toBe(false)
      const toolbar = await box(page, '.view-toolbar')
      expect(toolbar.height, 'the view buttons take one row').toBeLessThan(TARGET_PX * 1.6)

      await page.evaluate(() => window.hipExplorer!.setState({ images: true }))
      await page.locator('[data-testid="image-xray"]').waitFor({ state: 'visible' })
      await waitForSettled(page)
      const viewer = await box(page, '[data-testid="viewer"]')
      const panel = await box(page, '[data-testid="images-panel"]')
      const hip = (await viewerCanvas(page).boundingBox())!
      expect(overlap(hip, panel), 'the pictures beside the hip, not over it').toBe(false)
      expect(hip.width, 'the hip\'s share of the width, px').toBeGreaterThanOrEqual(0.3 * W)
      for (const kind of ['xray', 'frogLeg', 'mri']) {
        await page.locator(`[data-testid="images-show-${kind}"]`).click()
        const picture = await box(page, `[data-testid="image-${kind}"]`)
        expect(picture.height, `${kind}: height, px`).toBeGreaterThanOrEqual(100)
        expect(picture.y >= viewer.y - 0.5 && picture.y + picture.height <= viewer.y + viewer.height + 0.5, `${kind} whole inside the view`).toBe(true)
        for (const other of ['xray', 'frogLeg', 'mri'].filter((k) => k !== kind)) expect(await page.locator(`[data-testid="image-${other}"]`).isVisible(), `${other} hidden`).toBe(false)
      }
    } finally {
      await page.setViewportSize(PHONE)
    }
  })
})

describe('presenting on a phone and a tablet, the controls shown', () => {
  it.each([
    ['phone', phonePage, PHONE],
    ['tablet', tabletPage, TABLET],
  ] as const)('%s: Previous, Next and Exit on the screen; the view\'s buttons clear of the stage bar', async (_, open, size) => {
    const { page } = await open('stage=3')
    try {
      await page.evaluate(() => window.hipExplorer!.setState({ present: true }))
      await page.locator('[data-testid="presenter-strip"]').waitFor({ state: 'visible' })
      await waitForSettled(page)
      await page.mouse.move(size.width / 2, size.height / 3)
      await expect.poll(() => page.locator('.app.controls-hidden').count()).toBe(0)
      // On the phone they wrapped under the caption's words, 50 px below the screen.
      for (const id of ['presenter-previous', 'presenter-next', 'presenter-exit']) {
        const selector = `[data-testid="${id}"]`
        expect(inside(await box(page, selector), size.width, size.height), `${id} on the screen`).toBe(true)
        expect(await shownOnTop(page, selector), `${id} not covered`).toBe(true)
      }
      // A column of view buttons ran under the floating stage bar (Images and Reset view hidden at 1024×768).
      const stagebar = await box(page, '.stagebar')
      const tools = await page.locator('.view-toolbar > *').evaluateAll((els) => els.map((e) => ({ name: e.textContent, ...e.getBoundingClientRect().toJSON() })))
      for (const t of tools) expect(overlap(t, stagebar), `${t.name} under the stage bar`).toBe(false)
    } finally {
      await page.evaluate(() => window.hipExplorer!.setState({ present: false }))
    }
  })
})

describe('phone on its side: small controls, clipped labels, hidden buttons (844×390 and 667×375, touch)', () => {
  it.each([
    [844, 390],
    [667, 375],
  ])('%i×%i: stage names 44 px targets across their stretch, Close whole, the scrolling rows say they scroll, presenting keeps the view and the whole caption', async (W, H) => {
    const { page } = await phonePage('stage=2.75&mode=clinician')
    await page.setViewportSize({ width: W, height: H })
    try {
      await waitForSettled(page)
      // The slider between Play and the flow button left stage I 41 px wide at 844×390, 28 px at 667×375.
      const targets = await page.locator('.stage-ticks li').evaluateAll((items) =>
        items.map((li) => {
          const stretch = li.getBoundingClientRect()
          const b = li.querySelector('button')!.getBoundingClientRect()
          return { text: li.textContent, width: b.width, height: b.height, covers: b.left <= stretch.left + 1.5 && b.right >= stretch.right - 1.5 }
        }),
      )
      expect(targets).toHaveLength(6)
      for (const t of targets) {
        expect(t.width, `${t.text}: width`).toBeGreaterThanOrEqual(TARGET_PX)
        expect(t.height, `${t.text}: height`).toBeGreaterThanOrEqual(TARGET_PX)
        expect(t.covers, `${t.text}: the target spans its whole stretch`).toBe(true)
      }
      expect(inside(await box(page, '.stage-ticks'), W, H), 'stage names on the screen').toBe(true)

      // The actions scroll sideways: the row fades the edge it has more beyond, and every action can be reached.
      const actions = page.locator('.topbar-actions')
      expect(await actions.evaluate((el) => el.scrollWidth > el.clientWidth), 'the actions overflow their row here').toBe(true)
      await expect.poll(() => actions.getAttribute('data-more')).toBe('end')
      expect(await actions.evaluate((el) => getComputedStyle(el).maskImage), 'the faded edge').toContain('gradient')
      await actions.evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
      await expect.poll(() => actions.getAttribute('data-more')).toBe('start')
      const row = await box(page, '.topbar-actions')
      const last = await box(page, '.topbar-actions > :last-child')
      expect(last.x + last.width, 'the last action, scrolled to, is whole in its row').toBeLessThanOrEqual(row.x + row.width + 0.5)
      await actions.evaluate((el) => el.scrollTo({ left: 0 }))
      await expect.poll(() => page.locator('.view-toolbar').getAttribute('data-more'), { message: 'the view\'s buttons too' }).toBe('end')

      // A treatment's Close keeps its label whole (at 667×375 the button was squeezed and "Close" cut).
      await page.evaluate(() => window.hipExplorer!.setState({ procedure: 'core-decompression', step: 2 }))
      const close = page.locator('[data-testid="treatment-close"]')
      await close.waitFor({ state: 'visible' })
      expect(await close.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the label fits its button').toBe(true)
      const card = await box(page, '[data-testid="treatment-player"]')
      const closeBox = await box(page, '[data-testid="treatment-close"]')
      expect(closeBox.x + closeBox.width, 'Close inside its card').toBeLessThanOrEqual(card.x + card.width + 0.5)
      // Previous / Play / Next in sight with the step open, labels whole (under the disclaimer before, or below the panel's fold).
      for (const id of ['treatment-prev', 'treatment-play', 'treatment-next']) {
        const selector = `[data-testid="${id}"]`
        expect(inside(await box(page, selector), W, H), `${id} on the screen`).toBe(true)
        expect(await shownOnTop(page, selector), `${id} not covered`).toBe(true)
        expect(await page.locator(selector).evaluate((el) => el.scrollWidth <= el.clientWidth), `${id}: its label fits`).toBe(true)
      }
      // The mode and side toggles share a row (three rows of the top bar took 157 px of 375).
      expect((await box(page, '.topbar')).height, 'the top bar\'s height, px').toBeLessThanOrEqual(2 * TARGET_PX + 24)
      await page.evaluate(() => window.hipExplorer!.setState({ procedure: null }))

      // Presenting: the caption at the side, the view the screen's full height (a strip under it
      // took 45% of 390 px and cut off its last lines).
      await page.evaluate(() => window.hipExplorer!.setState({ present: true, stage: 3, mode: 'patient' }))
      const strip = page.locator('[data-testid="presenter-strip"]')
      await strip.waitFor({ state: 'visible' })
      await waitForSettled(page)
      const stripBox = await box(page, '[data-testid="presenter-strip"]')
      const canvas = (await viewerCanvas(page).boundingBox())!
      expect(canvas.height, 'the view\'s height, px').toBeGreaterThanOrEqual(H - 1)
      expect(overlap(canvas, stripBox), 'the caption beside the view, not over it').toBe(false)
      expect(await strip.evaluate((el) => el.scrollHeight <= el.clientHeight + 1), 'the whole caption and disclaimer in sight').toBe(true)
      const captionPx = await page.locator('.presenter-caption p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      expect(captionPx / H, 'caption text, share of the height').toBeGreaterThanOrEqual(0.022)
    } finally {
      await page.evaluate(() => window.hipExplorer!.setState({ present: false, procedure: null }))
      await page.setViewportSize(PHONE)
    }
  })
})

describe('stage names as tap targets', () => {
  const STAGE_I = stageSpans('arco').find((s) => s.label === 'I')!.representative

  it.each([
    ['phone', phonePage],
    ['tablet', tabletPage],
  ] as const)('%s: each stage stretch is a target at least 44 px high, and tapping "I" goes to the middle of stage I', async (_, open) => {
    const { page } = await open('stage=2.75')
    await page.locator('.stage-ticks button', { hasText: /^I$/ }).tap()
    // Today: 1, the end of the stretch, on the divider to stage II.
    await expect.poll(async () => (await getState(page)).stage).toBe(STAGE_I)
    // Today "I" was 9 × 22 px on the tablet and 3 × 16 px on the phone.
    const targets = await page.locator('.stage-ticks li').evaluateAll((items) =>
      items.map((li) => {
        const stretch = li.getBoundingClientRect()
        const b = li.querySelector('button')!.getBoundingClientRect()
        return { text: li.textContent, width: b.width, height: b.height, covers: b.left <= stretch.left + 1.5 && b.right >= stretch.right - 1.5 } // 1 px: the divider line
      }),
    )
    expect(targets.map((t) => t.text)).toEqual(['Before', 'I', 'II', 'IIIA', 'IIIB', 'IV'])
    for (const t of targets) {
      expect(t.height, `${t.text}: height`).toBeGreaterThanOrEqual(TARGET_PX)
      expect(t.width, `${t.text}: width`).toBeGreaterThanOrEqual(TARGET_PX)
      expect(t.covers, `${t.text}: the target spans its whole stretch`).toBe(true)
    }
  })
})

describe('tablet (1024×768, touch)', () => {
  it('folds the side panel to the most used cards', async () => {
    const { page } = await tabletPage('stage=2.75')
    await page.locator('[data-testid="lesion-controls"]').waitFor({ state: 'visible' })
    const open = await page.locator('.sidepanel details.fold').evaluateAll((cards) => cards.map((c) => [c.querySelector('h2')?.textContent, (c as HTMLDetailsElement).open]))
    expect(open).toEqual([
      ['Treatments', false],
      ['Damaged area', true],
      ['Look inside', false],
      ['Structures', false],
    ])
    // Today the panel was four screens long.
    const screens = await page.locator('.sidepanel').evaluate((panel) => panel.scrollHeight / panel.clientHeight)
    expect(screens).toBeLessThanOrEqual(3)
  })

  it('has no control smaller than 44 × 44 px, with every card open', async () => {
    const { page } = await tabletPage('stage=2.75')
    await page.locator('[data-testid="lesion-controls"]').waitFor({ state: 'visible' })
    // Open every folded card by touch, one after the other (each opening moves the rest).
    const closed = page.locator('.sidepanel details.fold:not([open]) > summary')
    for (let n = await closed.count(); n > 0; n--) {
      await closed.first().tap()
      await expect.poll(() => closed.count()).toBe(n - 1)
    }
    const small = await page.evaluate((min) => {
      // The skip link is out of sight (clipped to 1 px) until a keyboard focuses it: no tap target.
      const controls = [...document.querySelectorAll('button, input, select, [role=slider], summary, a')].filter(
        (e) => e.checkVisibility() && !e.matches('.skip-link:not(:focus)'),
      )
      return controls.flatMap((e) => {
        // A checkbox's target is its label too.
        const own = e.getBoundingClientRect()
        const label = e.closest('label')?.getBoundingClientRect()
        const width = Math.max(own.width, label?.width ?? 0)
        const height = Math.max(own.height, label?.height ?? 0)
        const name = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 30) || e.tagName
        return width < min - 0.5 || height < min - 0.5 ? [`${name} ${Math.round(width)}×${Math.round(height)}`] : []
      })
    }, TARGET_PX)
    // Today: 107 of 127.
    expect(small).toEqual([])
  })

  it('keeps the top bar to one row from 1280 px wide; narrower, every action in sight when the window is tall, else in a row that scrolls; never wider than the window', async () => {
    const { page } = await tabletPage()
    const actions = page.locator('.topbar-actions')
    const scrolls = () => actions.evaluate((el) => el.scrollWidth > el.clientWidth + 1)
    try {
      // [width, height, one row, all actions in sight]: at 1280×800 the bar wrapped to two rows
      // (115 px of the screen's height); a row scrolled out of sight hid About and Expert at 1024×768.
      for (const [W, H, oneRow, allInSight] of [[1280, 800, true, true], [1024, 768, false, true], [1024, 640, true, false]] as const) {
        await page.setViewportSize({ width: W, height: H })
        const at = `${W}×${H}`
        const bar = await box(page, '.topbar')
        const button = await box(page, '.topbar button')
        if (oneRow) expect(bar.height, `${at}: the top bar's height, px`).toBeLessThanOrEqual(button.height + 24)
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${at}: the page's width`).toBeLessThanOrEqual(W)
        if (allInSight) {
          expect(await scrolls(), `${at}: the actions scroll`).toBe(false)
          for (const b of await page.locator('.topbar button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box))) {
            expect(inside(b, W, H), `${at}: a top bar button cut off`).toBe(true)
          }
        }
        // Every action can be reached: whole in the row, or after scrolling it sideways.
        await actions.evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
        const row = await box(page, '.topbar-actions')
        const last = await box(page, '.topbar-actions > :last-child')
        expect(last.x + last.width, `${at}: the last action, scrolled to, is whole in its row`).toBeLessThanOrEqual(Math.min(row.x + row.width, W) + 0.5)
        await actions.evaluate((el) => el.scrollTo({ left: 0 }))
      }
    } finally {
      await page.setViewportSize(TABLET)
      await waitForSettled(page)
    }
  })
})

describe('200% browser zoom of 1080p (960×540 CSS px at 2×)', () => {
  it('keeps the view toolbar, the stage bar and Play apart and on screen, and the text twice as large', async () => {
    const { page } = await zoomedPage()
    const W = 960
    const H = 540
    const stagebar = await box(page, '.stagebar')
    const viewer = await box(page, '[data-testid="viewer"]')
    const tools = await page.locator('.view-toolbar button').evaluateAll((buttons) =>
      buttons.map((b) => ({ name: b.textContent, ...b.getBoundingClientRect().toJSON() })),
    )
    expect(tools.length).toBeGreaterThan(0)
    for (const t of tools) {
      expect(overlap(t, stagebar), `${t.name} overlaps the stage bar`).toBe(false)
      expect(inside({ x: t.x - viewer.x, y: t.y - viewer.y, width: t.width, height: t.height }, viewer.width, viewer.height), `${t.name} leaves the view`).toBe(true)
    }
    // Today "Reset view" covered Play.
    expect(await shownOnTop(page, '[data-testid="stage-play"]'), 'Play is covered').toBe(true)
    // The top bar's actions may scroll sideways in their row (the row itself is on screen).
    const controls = await page.locator('.topbar > .segmented > button, .topbar-actions, .stagebar button, .stagebar input, [data-testid="disclaimer"]').evaluateAll((els) =>
      els.map((e) => ({ name: e.textContent || e.id, ...e.getBoundingClientRect().toJSON() })),
    )
    for (const c of controls) expect(inside(c, W, H), `${c.name} is cut off: ${JSON.stringify(c)}`).toBe(true)

    // The text size in CSS px is the same as at 100% (1920 px wide), so zoom doubles it on
    // screen. Today it was 15.3 px here against 20.6 px at 100%: 1.5 times, not 2.
    const rootFont = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
    const zoomed = await rootFont()
    await page.setViewportSize({ width: 1920, height: 1080 })
    const unzoomed = await rootFont()
    await page.setViewportSize({ width: W, height: H })
    await waitForSettled(page)
    expect(zoomed).toBeGreaterThanOrEqual(unzoomed - 0.01)
  })
})
