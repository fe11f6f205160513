/**
 * An open treatment on a phone (390×844, touch): the first screen says which step the picture
 * shows — the treatment's name, the step's number and title — with the controls (a layout review
 * found the title below the fold: the stage bar and the controls came first, and out of a
 * treatment's usual range its note came before the step's words too).
 */
import { describe, expect, it } from 'vitest'
import { describeProblems, sharedAppPageForFile } from './support/page.ts'

const openApp = sharedAppPageForFile({ viewport: { width: 390, height: 844 }, touch: true })

describe('a treatment on a phone', () => {
  it('shows the step number and title on the first screen, above Previous / Play / Next, and the off-range note after the step words', async () => {
    // Resurfacing at ARCO IIIA: outside its usual range, so the note shows too.
    const app = await openApp('?flow=0&stage=2.3&mode=clinician&proc=hip-resurfacing&step=9')
    const { page } = app
    await expect.poll(() => page.locator('[data-testid="step-title"]').count(), { timeout: 30_000 }).toBe(1)
    const boxes = await page.evaluate(() => {
      const box = (sel: string) => {
        const r = document.querySelector(sel)!.getBoundingClientRect()
        return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY }
      }
      return {
        title: box('[data-testid="step-title"]'),
        count: box('.step-count'),
        transport: box('.transport'),
        text: box('[data-testid="step-text"]'),
        note: box('[data-testid="treatment-off-indication"]'),
        innerHeight: window.innerHeight,
      }
    })
    expect(boxes.title.bottom, 'the step title within the first screen').toBeLessThanOrEqual(boxes.innerHeight)
    expect(boxes.count.bottom).toBeLessThanOrEqual(boxes.title.top + 1)
    expect(boxes.title.bottom, 'title above the controls').toBeLessThanOrEqual(boxes.transport.top + 1)
    expect(boxes.text.bottom, "the step's words before the off-range note").toBeLessThanOrEqual(boxes.note.top + 1)
    expect(describeProblems(app.problems)).toBe('none')
  })
})
