/**
 * The resected femoral head of the hip replacement, lying cut open beside the joint (issue 12):
 * at ARCO II, III and IV the dead bone shows on its coronal cut face (the disease palette's grey
 * where the lesion's centre lies), at stage 0 the same place is healthy cut bone; a click on it
 * names it in the mode's words. One shared page; the steps shown are the reaming's and the cup's,
 * where the head lies in the step's framing.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/index.ts'
import { planTreatment } from '../../src/domain/treatment/planner.ts'
import { treatmentSteps } from '../../src/domain/treatment/steps.ts'
import { femurPointAt } from '../../src/domain/treatment/femurMotion.ts'
import { OBJECT_NAMES } from '../../src/domain/treatment/objectNames.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'
import type { Vec3 } from '../../src/domain/vec3.ts'
import { modelLandmarks } from './support/model.ts'
import { lewinnekCone } from '../../src/domain/treatment/replacement/safeZone.ts'
import { dot, madd, normalise } from '../../src/domain/vec3.ts'
import { describeProblems, getState, sharedAppPageForFile, waitForSettled } from './support/page.ts'
import { backgroundColour, sample, viewPixels, type Rgb } from './support/pixels.ts'

const openApp = sharedAppPageForFile()
const PROC = 'total-hip-replacement'
const REAM = treatmentSteps(PROC, null).findIndex((s) => s.id === 'ream-acetabulum')
const CUP = treatmentSteps(PROC, null).findIndex((s) => s.id === 'cup')
const REMOVE = treatmentSteps(PROC, null).findIndex((s) => s.id === 'remove-head')

/** Where the lesion's centre lies on the removed head's cut face (model frame). */
function lesionOnCutFace(): Vec3 {
  const lm = modelLandmarks()
  const lesion = lesionGeometry({ size: DEFAULT_VIEW_STATE.lesionSize, type: DEFAULT_VIEW_STATE.lesionType }, lesionAnatomyOf(lm))
  const plan = planTreatment({ procedure: PROC, variant: null, landmarks: lm, lesion, collapseDepthMm: 0 })
  const r = plan.thr!.removedHead
  return femurPointAt(r.pose, [plan.target[0], plan.target[1], r.face.point[2]])
}

async function goTo(page: Page, query: string, step: number): Promise<void> {
  await page.evaluate((q) => {
    history.pushState(null, '', q)
    window.dispatchEvent(new PopStateEvent('popstate'))
  }, `?proc=${PROC}&step=${step + 1}&flow=0&${query}`)
  await expect.poll(async () => (await getState(page)).step).toBe(step)
  await waitForSettled(page)
}

/** The mean colour of the 9×9 view pixels around the model-frame point, and where it is. */
async function colourAt(page: Page, point: Vec3): Promise<{ rgb: Rgb; x: number; y: number }> {
  const at = await page.evaluate((p) => window.hipExplorer!.project(p), point as [number, number, number])
  expect(at?.inView).toBe(true)
  const png = await viewPixels(page)
  const sum = [0, 0, 0]
  let n = 0
  for (let dx = -4; dx <= 4; dx++) {
    for (let dy = -4; dy <= 4; dy++) {
      const c = sample(png, at!.x + dx, at!.y + dy)
      for (let k = 0; k < 3; k++) sum[k]! += c[k]!
      n++
    }
  }
  return { rgb: sum.map((v) => v / n) as unknown as Rgb, x: at!.x, y: at!.y }
}

const luminance = ([r, g, b]: Rgb) => 0.2126 * r + 0.7152 * g + 0.0722 * b

describe('the removed head, cut open beside the joint', () => {
  it('shows the dead bone on its cut face at ARCO II, III and IV and healthy bone at stage 0', async () => {
    const { page, problems } = await openApp(`proc=${PROC}&step=${REAM + 1}&stage=0&flow=0`)
    const point = lesionOnCutFace()
    const seen: Record<string, number> = {}
    for (const stage of ['0', '1.5', '2.7', '3.8']) {
      await goTo(page, `stage=${stage}`, REAM)
      seen[stage] = luminance((await colourAt(page, point)).rgb)
    }
    // Healthy cut cancellous bone is pale (#eadfca, lit); dead bone the palette's grey (#8a8780), stippled darker.
    expect(seen['0'], JSON.stringify(seen)).toBeGreaterThan(175)
    for (const stage of ['1.5', '2.7', '3.8']) expect(seen[stage], `stage ${stage}: ${JSON.stringify(seen)}`).toBeLessThan(150)
    expect(describeProblems(problems)).toBe('none')
  }, 240_000)

  it('lies clear of every bone in the front view: around its cut face is the background', async () => {
    // A surgeon's review: lying over the pubic ramus and the obturator foramen, it read as part of the pelvis.
    const { page, problems } = await openApp(`proc=${PROC}&step=${REMOVE + 1}&stage=3&flow=0`)
    await goTo(page, 'stage=3', REMOVE)
    const lm = modelLandmarks()
    const lesion = lesionGeometry({ size: DEFAULT_VIEW_STATE.lesionSize, type: DEFAULT_VIEW_STATE.lesionType }, lesionAnatomyOf(lm))
    const r = planTreatment({ procedure: PROC, variant: null, landmarks: lm, lesion, collapseDepthMm: 0 }).thr!.removedHead
    // The neck stub leaves the face's disc along the neck axis, toward the lateral side and down.
    const stub = normalise([-lm.neckAxis.direction[0], -lm.neckAxis.direction[1], 0])
    const png = await viewPixels(page)
    const background = backgroundColour(png)
    const bone: string[] = []
    for (let k = 0; k < 16; k++) {
      const a = (k / 16) * 2 * Math.PI
      const d: Vec3 = [Math.cos(a), Math.sin(a), 0]
      if (dot(d, stub) > Math.cos((60 * Math.PI) / 180)) continue
      const at = await page.evaluate((p) => window.hipExplorer!.project(p), madd(r.lyingFaceCentre, d, 1.3 * lm.femoralHead.cartilageRadius) as [number, number, number])
      if (!at?.inView) {
        bone.push(`${k * 22.5}°: out of view`)
        continue
      }
      const c = sample(png, at.x, at.y)
      if (Math.max(...c.map((v, i) => Math.abs(v - background[i]!))) > 12) bone.push(`${k * 22.5}°: ${c.join()}`)
    }
    expect(bone, `background ${background.map(Math.round).join()}`).toEqual([])
    expect(describeProblems(problems)).toBe('none')
  }, 240_000)

  it('is picked and named in the mode’s words (patient, with the clinical term beneath)', async () => {
    const { page, problems } = await openApp(`proc=${PROC}&step=${REAM + 1}&stage=3&flow=0&mode=patient`)
    await waitForSettled(page)
    const { x, y } = await colourAt(page, lesionOnCutFace())
    const box = (await page.locator('canvas').first().boundingBox())!
    await page.mouse.click(box.x + x, box.y + y)
    const name = page.getByTestId('selection-tag-name')
    await expect.poll(() => name.textContent()).toBe(OBJECT_NAMES['removed-head'].patient)
    expect(await page.getByTestId('selection-tag-part').textContent()).toBe(OBJECT_NAMES['removed-head'].clinical)
    expect(describeProblems(problems)).toBe('none')
  }, 240_000)

  it('the Lewinnek safe zone shows as a faint green cone from the cup in clinical mode at the cup step, and not for patients', async () => {
    const { page, problems } = await openApp(`proc=${PROC}&step=${CUP + 1}&stage=3&flow=0&mode=patient`)
    const lm = modelLandmarks()
    const lesion = lesionGeometry({ size: DEFAULT_VIEW_STATE.lesionSize, type: DEFAULT_VIEW_STATE.lesionType }, lesionAnatomyOf(lm))
    const shell = planTreatment({ procedure: PROC, variant: null, landmarks: lm, lesion, collapseDepthMm: 0 }).thr!.thr.shell
    const cone = lewinnekCone(shell.centre, shell.outerDiameter)
    // Inside the cone, beyond the cup's opening.
    const inside = madd(cone.apex, cone.axis, 0.85 * shell.outerDiameter)
    await goTo(page, 'stage=3&mode=patient', CUP)
    const patient = (await colourAt(page, inside)).rgb
    await goTo(page, 'stage=3&mode=clinician', CUP)
    const clinical = (await colourAt(page, inside)).rgb
    const greenness = ([r, g, b]: Rgb) => g - (r + b) / 2
    expect(greenness(clinical) - greenness(patient), `patient ${patient.join()} clinical ${clinical.join()}`).toBeGreaterThan(8)
    // Another step in clinical mode: none.
    await goTo(page, 'stage=3&mode=clinician', CUP + 1)
    expect(await page.evaluate(() => document.querySelector('canvas') !== null)).toBe(true)
    expect(describeProblems(problems)).toBe('none')
  }, 240_000)
})
