/**
 * Accessibility: axe-core finds nothing (any impact) in each mode and in each state the page
 * can be in; a keyboard user reaches the stage slider from the start of the page in a few Tab
 * stops; patient mode speaks plainly (no staging codes as headlines, codes behind "More", the
 * key of marks only once there is disease).
 *
 * axe-core runs inside the page (support/axe.ts).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { plainStageName } from '../../src/domain/staging/plainNames.ts'
import { browserForFile } from './support/browser.ts'
import { axeViolations } from './support/axe.ts'
import { appPagesForFile, COMPACT_VIEWPORT, describeProblems, setState, sharedAppPageForFile, waitForSettled } from './support/page.ts'
import { GATE } from './support/gate.ts'

const browser = browserForFile()
const openApp = sharedAppPageForFile({ viewport: COMPACT_VIEWPORT }, browser)
const appPageWithoutWebgl = appPagesForFile(['--disable-webgl'])

/** Puts the shared page in a state by link terms and waits until the view has drawn it. */
async function show(page: Page, patch: Parameters<typeof setState>[1]): Promise<void> {
  await setState(page, patch)
  await waitForSettled(page)
}

describe('axe-core finds no violations', () => {
  for (const mode of ['patient', 'clinician'] as const) {
    const link = (query: string) => [mode === 'clinician' ? 'mode=clinician' : '', query].filter(Boolean).join('&')

    it(`in ${mode} mode, at first view`, mode === 'patient' ? GATE : {}, async () => {
      const app = await openApp(link(''))
      expect((await axeViolations(app.page, `${mode}, first view`)).join('\n')).toBe('')
      expect(describeProblems(app.problems)).toBe('none')
    })

    it(`in ${mode} mode, with a structure selected`, async () => {
      const { page } = await openApp(link('sel=femur'))
      await page.locator('[data-testid="selection"]').waitFor()
      expect((await axeViolations(page, `${mode}, femur selected`)).join('\n')).toBe('')
    })

    it(`in ${mode} mode, with the hip cut open and labelled`, async () => {
      const { page } = await openApp(link('cut=coronal&labels=1'))
      await page.locator('[data-testid="cut-offset"]').waitFor()
      expect((await axeViolations(page, `${mode}, coronal cut, labels`)).join('\n')).toBe('')
    })

    it(`in ${mode} mode, with the disease shown and every panel open`, async () => {
      const { page } = await openApp(link('stage=3'))
      await page.locator('[data-testid="disease-legend"]').waitFor()
      const found = await axeViolations(page, `${mode}, stage 3`)
      // Every disclosure in the side panel open, and a search that finds nothing.
      for (const summary of await page.locator('.sidepanel details:not([open]) > summary').all()) await summary.click()
      const search = page.getByRole('searchbox', { name: 'Find a structure' })
      await search.fill('zzz')
      await page.getByText('No structure matches').waitFor()
      found.push(...(await axeViolations(page, `${mode}, stage 3, panels open, search without match`)))
      await search.fill('')
      expect(found.join('\n')).toBe('')
    }, 240_000)
  }

  it('with the About dialog open', async () => {
    const { page } = await openApp()
    await page.locator('[data-testid="open-about"]').click()
    await page.locator('[data-testid="about-references"]').waitFor()
    const found = await axeViolations(page, 'About dialog')
    await page.getByRole('button', { name: 'Close' }).click()
    await page.locator('[data-testid="about"]').waitFor({ state: 'detached' })
    expect(found.join('\n')).toBe('')
  })

  it('during a step under fluoroscopy, with the live X-ray enlarged', async () => {
    const { page } = await openApp('?proc=core-decompression&step=5&stage=1.5')
    await page.locator('[data-testid="fluoroscopy-enlarge"]').click()
    await page.locator('[data-testid="image-fluoroscopy-large"]').waitFor()
    const found = await axeViolations(page, 'live X-ray enlarged')
    await page.keyboard.press('Escape')
    await page.locator('[data-testid="fluoroscopy-dialog"]').waitFor({ state: 'detached' })
    expect(found.join('\n')).toBe('')
  })

  it('with the Images panel open, a picture pointed at from the keyboard', async () => {
    const { page } = await openApp('?images=1&stage=2&mode=clinician')
    const picture = page.locator('[data-testid="image-xray"]')
    await picture.waitFor()
    await page.locator('[data-testid="images-close"]').focus()
    for (let i = 0; i < 8 && !(await picture.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="crosshair-xray"][data-point]').waitFor({ state: 'attached' })
    expect((await axeViolations(page, 'Images panel, picture pointed at')).join('\n')).toBe('')
  })

  it('without WebGL (the text-only fallback)', async () => {
    const app = await appPageWithoutWebgl({ viewport: COMPACT_VIEWPORT })
    await app.open('?stage=3')
    await app.page.locator('[data-testid="no-webgl"]').waitFor()
    await app.page.locator('.structures').waitFor()
    expect((await axeViolations(app.page, 'no WebGL, stage 3')).join('\n')).toBe('')
  })
})

describe('keyboard', () => {
  it('reaches the stage slider from the start of the page in at most 3 Tab stops, and the slider then takes its keys', async () => {
    const { page } = await openApp('?stage=1')
    // Start where a fresh page starts: before the first focusable element.
    await page.evaluate(() => {
      const start = document.createElement('div')
      start.tabIndex = -1
      document.body.prepend(start)
      start.focus()
      start.addEventListener('blur', () => start.remove(), { once: true })
    })
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '')
    let stops = 0
    while (stops < 3 && (await focusedId()) !== 'stage-slider') {
      await page.keyboard.press('Tab')
      stops++
      // A skip link is followed as a keyboard user would: Enter.
      if (await page.evaluate(() => document.activeElement?.matches('a[href="#stage-slider"]') ?? false)) {
        const link = page.locator('a[href="#stage-slider"]')
        expect(await link.innerText()).toMatch(/stage slider/i)
        // Shown while it has focus (a sighted keyboard user sees where they are), on screen.
        const box = (await link.boundingBox())!
        expect(box.width).toBeGreaterThan(40)
        expect(box.y).toBeGreaterThanOrEqual(0)
        await page.keyboard.press('Enter')
      }
    }
    expect(await focusedId(), `focused after ${stops} Tab stops`).toBe('stage-slider')
    // The ARIA slider keys work: the keyboard user keeps the slider.
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.evaluate(() => window.hipExplorer!.getState().stage)).toBeCloseTo(1.1, 5)
    // The skip link is out of sight again once focus left it.
    const hidden = await page.locator('a[href="#stage-slider"]').boundingBox()
    expect(hidden === null || hidden.width <= 1).toBe(true)
  })
})

describe('patient mode speaks plainly', () => {
  it('names the stage in plain words, with the staging code in small print', async () => {
    const { page } = await openApp('?stage=3.5')
    const headline = page.locator('[data-testid="stage-name"]')
    const code = page.locator('[data-testid="stage-code"]')
    const caption = page.locator('#caption-title')
    expect(await headline.innerText()).not.toMatch(/ARCO|Ficat/)
    expect(await caption.innerText()).not.toMatch(/ARCO|Ficat/)
    expect(await headline.innerText()).toBe(plainStageName(3.5))
    expect(await code.innerText()).toBe('ARCO IV')
    const size = (l: typeof code) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(await size(code)).toBeLessThanOrEqual((await size(headline)) * 0.85)
    // Clinicians read the code itself as the headline.
    await show(page, { mode: 'clinician' })
    expect(await headline.innerText()).toBe('ARCO IV')
    expect(await code.count()).toBe(0)
  })

  it('keeps the lesion codes and the staging-system switch behind "More"; clinicians see them directly', async () => {
    const { page } = await openApp('?stage=2')
    const lesionCode = page.locator('[data-testid="lesion-type-C1"]')
    const systemSwitch = page.getByRole('group', { name: 'Staging system' })
    expect(await lesionCode.isVisible()).toBe(false)
    expect(await systemSwitch.isVisible()).toBe(false)
    await page.locator('[data-testid="lesion-more"] > summary').click()
    expect(await lesionCode.isVisible()).toBe(true)
    expect(await systemSwitch.isVisible()).toBe(true)
    await systemSwitch.getByRole('button', { name: 'Ficat–Arlet' }).click()
    await expect.poll(() => page.locator('[data-testid="stage-code"]').innerText()).toBe('Ficat–Arlet IIA')

    await show(page, { mode: 'clinician' })
    expect(await page.locator('[data-testid="lesion-more"]').count()).toBe(0)
    expect(await lesionCode.isVisible()).toBe(true)
    expect(await systemSwitch.isVisible()).toBe(true)
  })

  it('shows the key of marks only once there is disease', async () => {
    const { page } = await openApp()
    const legend = page.locator('[data-testid="disease-legend"]')
    await page.locator('[data-testid="lesion-controls"]').waitFor()
    expect(await legend.count()).toBe(0)
    await show(page, { stage: 3 })
    await legend.waitFor()
    expect(await legend.locator('li').count()).toBeGreaterThan(2)
  })
})
