/**
 * The treatment player (issue 11), in the built app: every treatment and variant through every
 * step by keyboard and by link, the clicker keys, Play (with and without reduced motion), the
 * note outside a treatment's usual stages, closing back to the disease view and its camera, and
 * no accessibility violations. The 3D picture of each step is the scene's test; these check
 * the DOM, the state and the live camera. One shared page for all but the first-load test.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { PROCEDURE_IDS, type ProcedureId } from '../../src/domain/procedures.ts'
import { treatmentSteps, variantIds } from '../../src/domain/treatment/steps.ts'
import type { CameraPose, ViewState } from '../../src/domain/viewState.ts'
import { browserForFile } from './support/browser.ts'
import { axeViolations } from './support/axe.ts'
import { appPagesForFile, describeProblems, getState, openSettled, setState, sharedAppPageForFile, waitForSettled } from './support/page.ts'
import { GATE } from './support/gate.ts'

const browser = browserForFile()
const openApp = sharedAppPageForFile({}, browser)
const freshPage = appPagesForFile(browser)

/** Every treatment with its default sequence (null) and each variant. */
const SEQUENCES: [ProcedureId, string | null][] = PROCEDURE_IDS.flatMap((id) => [null, ...variantIds(id)].map((v): [ProcedureId, string | null] => [id, v]))

const stepTitle = (page: Page) => page.locator('[data-testid="step-title"]').innerText()
const scrubber = (page: Page) => page.locator('[data-testid="treatment-scrubber"]')
const playButton = (page: Page) => page.locator('[data-testid="treatment-play"]')
const liveCamera = (page: Page) => page.evaluate(() => window.hipExplorer!.camera()!)
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.())

function distance(a: CameraPose, b: CameraPose): number {
  return Math.max(Math.hypot(...a.position.map((v, i) => v - b.position[i]!)), Math.hypot(...a.target.map((v, i) => v - b.target[i]!)))
}

/** The state's treatment fields and the player's step caption agree with the step list of the data. */
async function expectStep(page: Page, procedure: ProcedureId, variant: string | null, step: number): Promise<void> {
  const title = treatmentSteps(procedure, variant)[step]!.title
  await expect.poll(async () => {
    const s = await getState(page)
    return `${s.procedure} ${s.variant} ${s.step} | ${await stepTitle(page)}`
  }, { message: `${procedure} / ${variant} step ${step}` }).toBe(`${procedure} ${variant} ${step} | ${title}`)
  await expect.poll(() => page.locator('[data-testid="treatment-step"][aria-current="step"]').getAttribute('data-step')).toBe(String(step))
}

/** Opens a treatment (and variant) from the panel, as a user would. */
async function openFromPanel(page: Page, procedure: ProcedureId, variant: string | null): Promise<void> {
  await page.locator(`[data-testid="treatment-open"][data-procedure="${procedure}"]`).click()
  if (variant) await page.locator(`[data-testid="treatment-variant"][data-variant="${variant}"]`).click()
  await expectStep(page, procedure, variant, 0)
}

describe('the treatment player', () => {
  it('opens a link at that step\'s end, paused, and Back/Forward step through the choices', GATE, async () => {
    const app = await freshPage()
    const { page } = app
    await openSettled(app, 'proc=core-decompression&variant=multiple-drilling&step=2&flow=0')
    await expectStep(page, 'core-decompression', 'multiple-drilling', 1)
    expect(await scrubber(page).inputValue(), 'the step\'s end state').toBe('1000')
    expect(await playButton(page).getAttribute('aria-pressed')).toBe('false')
    expect(await page.locator('[data-testid="url-notice"]').count()).toBe(0)
    // Next twice, then Back and Forward through them.
    await page.locator('[data-testid="treatment-next"]').click()
    await page.locator('[data-testid="treatment-next"]').click()
    await expectStep(page, 'core-decompression', 'multiple-drilling', 3)
    // The link names the step (and the view and cut the step is staged with).
    const params = new URL(page.url()).searchParams
    expect([params.get('proc'), params.get('variant'), params.get('step'), params.get('flow')]).toEqual(['core-decompression', 'multiple-drilling', '4', '0'])
    await page.goBack()
    await expectStep(page, 'core-decompression', 'multiple-drilling', 2)
    await page.goBack()
    await expectStep(page, 'core-decompression', 'multiple-drilling', 1)
    await page.goForward()
    await expectStep(page, 'core-decompression', 'multiple-drilling', 2)
    expect(await scrubber(page).inputValue()).toBe('1000')
    expect(describeProblems(app.problems)).toBe('none')
  })

  // One test per sequence (on the shared page, reset between them): all of them in one test
  // outran its 240-s limit on a busy machine.
  it.each(SEQUENCES)('%s %s: every step by keyboard, and by a hand-made link (proc and step only) staged as the player stages it', async (procedure, variant) => {
    const app = await openApp('flow=0')
    const { page } = app
    const count = treatmentSteps(procedure, variant).length
    const staging = async () => {
      const s = await getState(page)
      return JSON.stringify({ view: s.view, camera: s.camera, section: s.section })
    }
    // By keyboard from the panel: Page Down to the end, Page Up back, Escape closes. Each step's
    // view and cut, as the player stages them.
    await openFromPanel(page, procedure, variant)
    // The plan (made off the page's thread) drawn before the keys: a step reached before it gets
    // its cut only when it comes (unit: treatmentPlayer.test.ts), after this loop has read it.
    await waitForSettled(page)
    await blur(page)
    const staged = [await staging()]
    for (let step = 1; step < count; step++) {
      await page.keyboard.press('PageDown')
      await expectStep(page, procedure, variant, step)
      staged.push(await staging())
    }
    await page.keyboard.press('PageDown')
    await expectStep(page, procedure, variant, count - 1)
    for (let step = count - 2; step >= 0; step--) {
      await page.keyboard.press('PageUp')
      await expectStep(page, procedure, variant, step)
    }
    await page.keyboard.press('Escape')
    await expect.poll(async () => (await getState(page)).procedure).toBeNull()
    expect(await page.locator('[data-testid="treatment-player"]').count()).toBe(0)
    // By link: the address of each step as a person would type it (no view, no cut), read back
    // as on Back/Forward. The step shows with the same view and cut (the tunnel in its cut).
    for (let step = 0; step < count; step++) {
      const query = `?proc=${procedure}${variant ? `&variant=${variant}` : ''}&step=${step + 1}&flow=0`
      await page.evaluate((q) => {
        history.pushState(null, '', q)
        window.dispatchEvent(new PopStateEvent('popstate'))
      }, query)
      await expectStep(page, procedure, variant, step)
      await expect.poll(staging, { message: `${query}: staged as by the player` }).toBe(staged[step])
    }
    await page.keyboard.press('Escape')
    await expect.poll(async () => (await getState(page)).procedure).toBeNull()
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('the clicker and arrow keys step the treatment wherever focus is, except where a control keeps its own keys', async () => {
    const app = await openApp('flow=0&stage=1')
    const { page } = app
    await openFromPanel(page, 'core-decompression', null)
    // The stage slider used with the mouse lets go of focus: Page Down is the next step, not the stage.
    await page.locator('[data-testid="stage-slider"]').click()
    await waitForSettled(page)
    const stage = (await getState(page)).stage
    await page.keyboard.press('PageDown')
    await expectStep(page, 'core-decompression', null, 1)
    expect((await getState(page)).stage).toBe(stage)
    // Nothing focused: → / ← are an arrow-key clicker's next / previous.
    await blur(page)
    await page.keyboard.press('ArrowRight')
    await expectStep(page, 'core-decompression', null, 2)
    await page.keyboard.press('ArrowLeft')
    await expectStep(page, 'core-decompression', null, 1)
    // The focused 3D view keeps turning with the arrows.
    const before = await liveCamera(page)
    await page.locator('[data-testid="viewer"]').focus()
    await page.keyboard.press('ArrowRight')
    await waitForSettled(page)
    expect(distance(await liveCamera(page), before)).toBeGreaterThan(10)
    expect((await getState(page)).step).toBe(1)
    // A keyboard user on the scrubber keeps its keys (it moves the time, not the step).
    await scrubber(page).focus()
    await page.keyboard.press('Home')
    expect(await scrubber(page).inputValue()).toBe('0')
    expect((await getState(page)).step).toBe(1)
    // "Skip optional steps": Next passes over them.
    await page.locator('[data-testid="treatment-skip-optional"]').check()
    await blur(page)
    await page.keyboard.press('PageDown')
    await expectStep(page, 'core-decompression', null, 2)
    await page.keyboard.press('PageUp')
    await expectStep(page, 'core-decompression', null, 0)
    await page.locator('[data-testid="treatment-skip-optional"]').uncheck()
    // Space plays and pauses; the clicked Play button does not keep focus (Space is not a second click).
    await blur(page)
    await page.keyboard.press('Space')
    await expect.poll(() => playButton(page).getAttribute('aria-pressed')).toBe('true')
    await page.keyboard.press('Space')
    await expect.poll(() => playButton(page).getAttribute('aria-pressed')).toBe('false')
    await playButton(page).click()
    await expect.poll(() => playButton(page).getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => page.evaluate(() => document.activeElement === document.body)).toBe(true)
    await page.keyboard.press('Space')
    await expect.poll(() => playButton(page).getAttribute('aria-pressed')).toBe('false')
    await waitForSettled(page)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('closing returns to the disease view exactly as it was: the state and the live camera', async () => {
    // (See-through and labels are restored by the same rule: tests/unit/treatmentPlayer.test.ts; each would cost shader compiles here.)
    const app = await openApp('flow=0&stage=1.5&cam=150,60,420,0,5,0&hide=labrum&sel=femur')
    const { page } = app
    const state = await getState(page)
    const camera = await liveCamera(page)
    await openFromPanel(page, 'bone-grafting', 'phemister')
    // What a treatment may change: the view, a cut, what is shown, the selection, the stage.
    await blur(page)
    await page.keyboard.press('3')
    await setState(page, { section: { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] }, hidden: [], selected: null, stage: 3 })
    await page.keyboard.press('PageDown')
    await waitForSettled(page)
    expect(distance(await liveCamera(page), camera)).toBeGreaterThan(10)
    await page.keyboard.press('Escape')
    await waitForSettled(page)
    expect(await getState(page)).toEqual<ViewState>(state)
    expect(distance(await liveCamera(page), camera)).toBeLessThan(0.5)
    expect(await page.locator('[data-testid="caption"]').count()).toBe(1)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('says whether each treatment is usually considered at the stage, and keeps a calm note open while one is shown outside its range', async () => {
    const app = await openApp('flow=0&stage=1')
    const { page } = app
    const verdict = (id: ProcedureId) => page.locator(`[data-testid="treatment-item"][data-procedure="${id}"] [data-testid="treatment-verdict"]`)
    await expect.poll(() => verdict('core-decompression').getAttribute('data-considered')).toBe('true')
    expect(await verdict('core-decompression').innerText()).toBe('Usually considered at this stage')
    expect(await verdict('total-hip-replacement').innerText()).toBe('Usually not at this stage')
    await openFromPanel(page, 'total-hip-replacement', null)
    const note = page.locator('[data-testid="treatment-off-indication"]')
    await note.waitFor()
    await blur(page)
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown')
    await expectStep(page, 'total-hip-replacement', null, 3)
    expect(await note.isVisible(), 'still there after stepping').toBe(true)
    await setState(page, { mode: 'clinician' })
    expect(await note.innerText()).toContain('Outside the usual indication')
    // Right after the step's words, before its sources: after them, a clinician's open list of
    // sources pushed the note below the panel's first screen (a surgeon's review missed it).
    const noteTop = (await note.boundingBox())!.y
    expect(noteTop, 'the note above the step sources').toBeLessThan((await page.locator('[data-testid="step-sources"]').boundingBox())!.y)
    // At a stage where it is usually considered, there is nothing to note.
    await setState(page, { stage: 3.5 })
    await expect.poll(() => note.count()).toBe(0)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('plays with reduced motion: each step jumps to its end, playback moves on and stops after the last step, and idle() waits until then', async () => {
    const app = await openApp('flow=0&proc=bone-grafting&step=4')
    const { page } = app
    await expectStep(page, 'bone-grafting', null, 3)
    const resolvedWhilePlaying = await page.evaluate(async () => {
      const api = window.hipExplorer!
      document.querySelector<HTMLButtonElement>('[data-testid="treatment-play"]')!.click()
      const early = await Promise.race([api.idle().then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 1500))])
      return early
    })
    expect(resolvedWhilePlaying, 'idle() while playing').toBe(false)
    expect(await scrubber(page).inputValue(), 'reduced motion: the step shows its end at once').toBe('1000')
    await expect.poll(async () => (await getState(page)).step, { timeout: 20_000 }).toBe(4)
    await expect.poll(() => playButton(page).getAttribute('aria-pressed'), { timeout: 20_000 }).toBe('false')
    await waitForSettled(page)
    expect(await scrubber(page).inputValue()).toBe('1000')
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('plays a step from its start when motion is allowed: the clock moves through the step, and pausing stops the frames', async () => {
    const app = await openApp('flow=0&proc=hip-resurfacing&step=2')
    const { page } = app
    await page.emulateMedia({ reducedMotion: 'no-preference' })
    await playButton(page).click()
    await expect.poll(async () => Number(await scrubber(page).inputValue())).toBeGreaterThan(0)
    expect(Number(await scrubber(page).inputValue())).toBeLessThan(1000)
    await page.keyboard.press('Space')
    await expect.poll(() => playButton(page).getAttribute('aria-pressed')).toBe('false')
    const frames = await waitForSettled(page)
    await page.evaluate(() => new Promise((r) => setTimeout(r, 600)))
    expect((await page.evaluate(() => window.hipExplorer!.stats().frames)) - frames, 'no frames while paused').toBe(0)
    expect((await getState(page)).step).toBe(1)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('opening a treatment from the panel changes only its own parts and fetches no code (fetched in a quiet moment before), so the click stays a short task', async () => {
    const app = await freshPage()
    const { page } = app
    await openSettled(app, 'flow=0')
    // The treatment's code (warmTreatmentCode.ts) comes in a quiet moment after the list appears.
    const WARMED = ['TreatmentLayer', 'TreatmentClockDriver', 'LabelProbe', 'TreatmentInsets', 'LabelOverlay']
    const fetched = () => page.evaluate((names) => names.filter((n) => performance.getEntriesByType('resource').some((r) => new RegExp(`/${n}-[^/]*\\.js$`).test(r.name))), WARMED)
    await expect.poll(fetched, { timeout: 30_000 }).toEqual(WARMED)
    const before = await page.evaluate(() => performance.getEntriesByType('resource').length)
    await page.evaluate(() => {
      const w = window as unknown as { __touched: string[] }
      w.__touched = []
      // Inputs outside the lead card (the structure list, the cut, the slider) are not rendered again.
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as Element
          if (el.tagName === 'INPUT' && !el.closest('[data-testid="treatment-player"]')) w.__touched.push(`${el.getAttribute('data-testid') ?? el.className} ${r.attributeName}`)
        }
      }).observe(document.body, { subtree: true, attributes: true })
    })
    await page.locator('[data-testid="treatment-open"][data-procedure="core-decompression"]').click()
    await expectStep(page, 'core-decompression', null, 0)
    await waitForSettled(page)
    const late = await page.evaluate((n) => performance.getEntriesByType('resource').slice(n).map((r) => r.name.slice(r.name.lastIndexOf('/') + 1)), before)
    expect(late.filter((name) => WARMED.some((w) => name.startsWith(`${w}-`))), 'code fetched by the click').toEqual([])
    expect(await page.evaluate(() => (window as unknown as { __touched: string[] }).__touched), 'inputs rendered again').toEqual([])
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('has no accessibility violations with the treatments listed and a treatment open, in both modes', async () => {
    const { page } = await openApp('flow=0&stage=1')
    await page.locator('[data-testid="treatments"]').waitFor()
    const found = await axeViolations(page, 'treatments listed')
    await openFromPanel(page, 'core-decompression', 'multiple-drilling')
    found.push(...(await axeViolations(page, 'core decompression open, patient')))
    await setState(page, { mode: 'clinician', procedure: 'total-hip-replacement' })
    await page.locator('[data-testid="treatment-off-indication"]').waitFor()
    found.push(...(await axeViolations(page, 'hip replacement open off its range, clinician')))
    expect(found.join('\n')).toBe('')
  })
})
