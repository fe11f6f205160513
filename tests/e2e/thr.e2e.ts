/**
 * The total hip replacement in the built app (issue 12), at stage IV where it is indicated: every
 * step by keyboard (Page Down) changes the picture where it acts, a link to each step draws what
 * stepping to it drew, picking names the stem, the shell and the new head in both modes' words,
 * and the final view shows no native head or its cartilage, with no console error. One shared
 * page. The numbers (cup angles, head centre, reamers) are unit tests (thr-timeline.test.ts).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/index.ts'
import { planTreatment, type TreatmentPlan } from '../../src/domain/treatment/planner.ts'
import { treatmentSteps } from '../../src/domain/treatment/steps.ts'
import { frameAt } from '../../src/domain/treatment/timeline.ts'
import { femurPointAt } from '../../src/domain/treatment/femurMotion.ts'
import { OBJECT_NAMES } from '../../src/domain/treatment/objectNames.ts'
import { stemPoint } from '../../src/domain/treatment/replacement/thrPlanner.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'
import { madd, normalise, type Vec3 } from '../../src/domain/vec3.ts'
import { modelLandmarks } from './support/model.ts'
import { describeProblems, getState, sharedAppPageForFile, waitForSettled } from './support/page.ts'
import { diffCount, viewPixels } from './support/pixels.ts'
import { programLinks, recordProgramLinks } from './support/programLinks.ts'

const openApp = sharedAppPageForFile()
const PROC = 'total-hip-replacement'
const STEPS = treatmentSteps(PROC, null)
const REFS = STEPS.map((s) => ({ id: s.id }))
const index = (id: string) => STEPS.findIndex((s) => s.id === id)

function planOf(): TreatmentPlan {
  const lm = modelLandmarks()
  const lesion = lesionGeometry({ size: DEFAULT_VIEW_STATE.lesionSize, type: DEFAULT_VIEW_STATE.lesionType }, lesionAnatomyOf(lm))
  return planTreatment({ procedure: PROC, variant: null, landmarks: lm, lesion, collapseDepthMm: 0 })
}

async function expectAtStep(page: Page, step: number): Promise<void> {
  await expect.poll(async () => {
    const s = await getState(page)
    return `${s.procedure} ${s.step}`
  }).toBe(`${PROC} ${step}`)
  await waitForSettled(page)
}

/** Clicks where the model-frame point is drawn (a right hip) and returns the name tag's words. */
async function clickAt(page: Page, point: Vec3): Promise<{ name: string; part: string | null }> {
  await waitForSettled(page)
  const at = await page.evaluate((p) => window.hipExplorer!.project(p), point as [number, number, number])
  expect(at?.inView).toBe(true)
  const box = (await page.locator('canvas').first().boundingBox())!
  await page.mouse.click(box.x + at!.x, box.y + at!.y)
  const name = page.getByTestId('selection-tag-name')
  await expect.poll(() => name.count()).toBe(1)
  const part = page.getByTestId('selection-tag-part')
  return { name: (await name.textContent()) ?? '', part: (await part.count()) ? await part.textContent() : null }
}

/** The texts of the labels shown over the view. */
const visibleLabels = (page: Page) =>
  page.$$eval('[data-testid="labels-layer"] .label', (els) => els.filter((el) => getComputedStyle(el).visibility === 'visible').map((el) => el.textContent ?? ''))

/**
 * Goes to a step as a link does (the address read back by the app, as on Back/Forward): by
 * default a hand-made one (proc, step, stage), or the address the app showed at that step, what a
 * user would copy (it holds the step's view too).
 */
async function followLink(page: Page, step: number, link = `?proc=${PROC}&step=${step + 1}&stage=4&flow=0`): Promise<void> {
  await page.evaluate((q) => {
    history.pushState(null, '', q)
    window.dispatchEvent(new PopStateEvent('popstate'))
  }, link)
  await expectAtStep(page, step)
}

describe('total hip replacement', () => {
  it('every step by Page Down changes the picture where it acts, and a link to each step draws the same picture', async () => {
    const { page, problems } = await openApp(`proc=${PROC}&stage=4&flow=0`)
    await expectAtStep(page, 0)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.())
    // No step sets a shader program up at its first draw (the removed head's cut faces, the femur
    // seen through while broaching: readied ahead, src/scene/three/programWarmUp.ts).
    await recordProgramLinks(page)
    const linkedBefore = (await programLinks(page)).length
    const pictures = [await viewPixels(page)]
    const links = [await page.evaluate(() => location.search)]
    for (let step = 1; step < STEPS.length; step++) {
      await page.keyboard.press('PageDown')
      await expectAtStep(page, step)
      pictures.push(await viewPixels(page))
      links.push(await page.evaluate(() => location.search))
      // The dead bone's tag follows the dislocated head, and goes with it once it is taken out.
      if (STEPS[step]!.id === 'neck-cut') await expect.poll(() => visibleLabels(page)).toContain('Dead bone')
      if (STEPS[step]!.id === 'remove-head') await expect.poll(() => visibleLabels(page)).not.toContain('Dead bone')
      // Every step acts: the femur moves, bone goes, a tool or an implant comes.
      expect(diffCount(pictures[step - 1]!, pictures[step]!), `${STEPS[step]!.id} vs ${STEPS[step - 1]!.id}`).toBeGreaterThan(150)
    }
    expect((await programLinks(page)).slice(linkedBefore), 'shader programs linked while stepping through').toEqual([])
    // By link, from the last step back to the first: each step's end, drawn as stepping drew it.
    for (let step = STEPS.length - 1; step >= 0; step--) {
      await followLink(page, step, links[step]!)
      expect(diffCount(await viewPixels(page), pictures[step]!), `link to ${STEPS[step]!.id}`).toBeLessThan(50)
    }
    expect(describeProblems(problems)).toBe('none')
  }, 300_000)

  it('picking names the stem, the shell and the new head (patient words, with the surgeon’s beneath); the final view shows no native head or cartilage', async () => {
    const { page, problems } = await openApp(`stage=4&flow=0&mode=patient`)
    const plan = planOf()
    const s = plan.thr!
    const names = (kind: keyof typeof OBJECT_NAMES) => ({ name: OBJECT_NAMES[kind].patient, part: OBJECT_NAMES[kind].clinical })

    // The final view: where the native head was, outside the cup's opening and facing the eye,
    // no femur is drawn now: a click finds an implant, the pelvis or nothing, never the femur
    // or its cartilage (each tag opened is closed again by a second click).
    const last = STEPS.length - 1
    await followLink(page, last)
    const lm = modelLandmarks()
    const femurSide = ['femur', 'femurCancellous', 'femoralHeadCartilage']
    const box = (await page.locator('canvas').first().boundingBox())!
    for (const d of [[-0.5, -0.6, 0.62], [-0.75, -0.2, 0.63], [-0.2, -0.8, 0.56]] as const) {
      const point = madd(lm.femoralHead.centre, normalise(d), lm.femoralHead.radius - 0.5)
      const at = (await page.evaluate((p) => window.hipExplorer!.project(p), point as [number, number, number]))!
      await page.mouse.click(box.x + at.x, box.y + at.y)
      await waitForSettled(page)
      expect(femurSide, `picked at ${d.join(', ')}`).not.toContain((await getState(page)).selected)
      if (await page.getByTestId('selection-tag').count()) await page.mouse.click(box.x + at.x, box.y + at.y)
      await expect.poll(() => page.getByTestId('selection-tag').count()).toBe(0)
    }

    // The new head, reduced into the liner: its front below the cup's rim.
    const head = s.thr.head
    expect(await clickAt(page, madd(head.centre, normalise([0, -0.5, 0.85]), head.diameter / 2 - 1))).toEqual(names('prosthetic-head'))

    // The shell, just impacted: the middle of its opening shows its inside.
    await followLink(page, index('cup'))
    expect(await clickAt(page, s.thr.shell.centre)).toEqual(names('acetabular-shell'))

    // The stem in the dislocated femur: its taper stands out of the cut neck, toward the eye.
    const stemStep = index('stem')
    await followLink(page, stemStep)
    const stem = s.thr.stem
    const g = stem.geometry
    const [nx, nt] = g.neckDirection
    const along = (g.taperBaseAt + g.taperTipAt) / 2
    const taper = stemPoint(stem, nx * along, g.neckOriginT + nt * along, 0)
    const femur = frameAt(plan, REFS, stemStep, 1).femur!
    expect(await clickAt(page, femurPointAt(femur, taper))).toEqual(names('femoral-stem'))

    expect(describeProblems(problems)).toBe('none')
  }, 240_000)
})
