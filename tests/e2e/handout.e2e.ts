/**
 * The patient handout (issue 14, take-home exports): "Print a handout" hands the browser's print
 * dialog a page of its own — the picture with the simulated X-ray and MRI, the stage and the open
 * treatment's steps in a patient's words, the sources and the disclaimer — and on paper that page
 * is all there is. The print dialog is replaced by a recorder (headless Chromium has none);
 * Chromium's own print-to-PDF renders the page as a printer would.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appPagesForFile, COMPACT_VIEWPORT, DESKTOP_VIEWPORT, describeProblems, waitForReady, waitForSettled } from './support/page.ts'
import { decodePngDataUrl, distinctColours } from './support/pixels.ts'
import { GATE } from './support/gate.ts'
import { stageCaption } from '../../src/domain/staging/captions.ts'
import { treatmentSteps } from '../../src/domain/treatment/steps.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'

const appPage = appPagesForFile()
const appPageWithoutWebgl = appPagesForFile(['--disable-webgl'])

/** window.print() records its calls instead of opening a dialog. */
const RECORD_PRINT = 'window.__printCalls = 0; window.print = () => { window.__printCalls += 1 }'
const printCalls = (page: Page) => page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls)

async function printTheHandout(page: Page): Promise<void> {
  await page.locator('[data-testid="print-handout"]').click()
  await expect.poll(() => printCalls(page), { timeout: 60_000 }).toBe(1)
}

/** Pages in a PDF that Chromium wrote: one `/Type /Page` object each. */
const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length

describe('the patient handout', () => {
  it('prints the picture, the stage and the treatment in plain words in clinical mode too, with sources and the disclaimer; on paper nothing else', async () => {
    const app = await appPage({ viewport: DESKTOP_VIEWPORT })
    const { page } = app
    await app.context.addInitScript({ content: RECORD_PRINT })
    await app.open('?stage=2.75&proc=core-decompression&step=3&mode=clinician&flow=0')
    await waitForReady(page)
    await waitForSettled(page)
    await printTheHandout(page)

    const handout = page.locator('[data-testid="handout"]')
    const plain = stageCaption(2.75, 'patient', 'arco', { lesion: { size: DEFAULT_VIEW_STATE.lesionSize, type: DEFAULT_VIEW_STATE.lesionType } })
    expect(await handout.locator('[data-testid="handout-title"]').textContent()).toBe(`Right hip: ${plain.title}`)
    expect(await handout.locator('[data-testid="handout-code"]').textContent()).toBe('Doctors call this stage ARCO IIIB.')
    expect(await handout.locator('[data-testid="handout-intro"]').textContent()).toMatch(/not a report on your own hip/)
    const stageText = await handout.locator('[data-testid="handout-stage"]').textContent()
    for (const paragraph of plain.body.split('\n')) expect(stageText).toContain(paragraph)

    const steps = treatmentSteps('core-decompression', null)
    const items = handout.locator('[data-testid="handout-step"]')
    expect(await items.count()).toBe(steps.length)
    expect(await items.nth(2).getAttribute('data-shown')).toBe('true')
    expect(await items.nth(2).textContent()).toContain(steps[2]!.patient)
    expect(await handout.locator('[data-testid="handout-indication"]').textContent()).toMatch(/^Usually not at this stage\. /)
    // Optional steps are said to be so once, not "(optional) (not always done)".
    expect(await handout.locator('[data-testid="handout-treatment"]').textContent()).not.toMatch(/optional\)\s*\(not always done/i)
    expect(await handout.locator('[data-testid="handout-disclaimer"]').textContent()).toMatch(/not a diagnosis/)
    expect(await handout.locator('[data-testid="handout-sources"] li').count()).toBeGreaterThan(5)

    // The picture: the view as drawn (1280 px wide), without the screen's live X-ray inset and,
    // with a treatment open, without the stage's X-ray and MRI (their captions are the disease's).
    const src = await handout.locator('[data-testid="handout-picture"]').getAttribute('src')
    expect(src).toMatch(/^data:image\/png;base64,/)
    const png = decodePngDataUrl(src!)
    expect(png.width).toBeGreaterThan(600)
    expect(png.height).toBeLessThan(png.width)
    expect(distinctColours(png)).toBeGreaterThan(500)
    expect(await handout.locator('[data-testid="handout-picture-caption"]').textContent()).toContain(`step 3 of ${steps.length}`)

    // On screen the handout never shows; on paper it is the whole page.
    expect(await handout.isVisible()).toBe(false)
    expect(await page.locator('.topbar').isVisible()).toBe(true)
    await page.emulateMedia({ media: 'print' })
    expect(await handout.isVisible()).toBe(true)
    for (const part of ['.topbar', '[data-testid="viewer"]', '.sidepanel']) expect(await page.locator(part).first().isVisible(), part).toBe(false)
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1)
    expect(pdfPages(pdf)).toBeLessThanOrEqual(3)
    await page.emulateMedia({ media: 'screen' })

    // The dialog closed: the page goes; the button is ready for the next one.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
    expect(await handout.count()).toBe(0)
    await expect.poll(() => page.locator('[data-testid="print-handout"]').isEnabled()).toBe(true)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it("with no treatment open, puts the stage's simulated X-ray and MRI under the view", async () => {
    const app = await appPage({ viewport: DESKTOP_VIEWPORT })
    const { page } = app
    await app.context.addInitScript({ content: RECORD_PRINT })
    await app.open('?stage=1.5&flow=0')
    await waitForReady(page)
    await waitForSettled(page)
    await printTheHandout(page)
    const handout = page.locator('[data-testid="handout"]')
    const png = decodePngDataUrl((await handout.locator('[data-testid="handout-picture"]').getAttribute('src'))!)
    // The view (1280 × about 560) with the band of three pictures under it.
    expect(png.height).toBeGreaterThan(png.width * 0.6)
    expect(await handout.locator('[data-testid="handout-treatment"]').count()).toBe(0)
    expect(await handout.locator('[data-testid="handout-picture-caption"]').textContent()).toMatch(/with a simulated X-ray and MRI/)
    expect(describeProblems(app.problems)).toBe('none')
  })

  // The gate's handout test: the button, the print call, the page's words and print styles, without
  // the cost of a drawn picture (the tests above draw it, in the full suite).
  it('without WebGL prints the words with a note where the picture would be; on paper only the handout', GATE, async () => {
    const app = await appPageWithoutWebgl({ viewport: COMPACT_VIEWPORT })
    const { page } = app
    await app.context.addInitScript({ content: RECORD_PRINT })
    await app.open('?stage=1.5')
    await page.locator('[data-testid="no-webgl"]').waitFor({ state: 'visible', timeout: 30_000 })
    await printTheHandout(page)
    const handout = page.locator('[data-testid="handout"]')
    expect(await handout.locator('[data-testid="handout-picture"]').count()).toBe(0)
    expect(await handout.locator('[data-testid="handout-no-picture"]').textContent()).toMatch(/could not be made/)
    expect(await handout.locator('[data-testid="handout-stage"] p').count()).toBeGreaterThan(0)
    expect(await handout.locator('[data-testid="handout-treatment"]').count()).toBe(0)
    expect(await handout.isVisible()).toBe(false)
    await page.emulateMedia({ media: 'print' })
    expect(await handout.isVisible()).toBe(true)
    expect(await page.locator('.topbar').isVisible()).toBe(false)
  })
})
