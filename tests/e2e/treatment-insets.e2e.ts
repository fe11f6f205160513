/**
 * What issue 11's second framing and inset show in the built app: the BMAC step looks at the
 * back of the pelvis (the PSIS in view, the camera behind it) during its first part and at the
 * hip again for the injection; the fibula's donor-site inset is there, named, during the harvest
 * step only, and leaves the hip uncovered; the live X-ray (fluoroscopy) inset shows the guide
 * wire where the plan puts it during the steps done under fluoroscopy, and nowhere else, in the
 * AP view and in the lateral (the leg in the frog-leg position, the wire turned with it). One
 * shared page; zero console errors. The numbers behind them are unit tests
 * (treatment-insets.test.ts, fluoroscopy.test.ts).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { defaultPlan, modelLandmarks } from './support/model.ts'
import { treatmentSteps } from '../../src/domain/treatment/steps.ts'
import { frameAt } from '../../src/domain/treatment/timeline.ts'
import { FLUOROSCOPY_FRAME, FLUOROSCOPY_LATERAL_FRAME } from '../../src/domain/imaging/imageFrames.ts'
import { frogLegRotation, rotate } from '../../src/domain/imaging/frogLeg.ts'
import { describeProblems, setState, sharedAppPageForFile, waitForSettled } from './support/page.ts'
import { decodePngDataUrl, pictureDataUrl, picturePng, sample } from './support/pixels.ts'
import { MAX_IMAGE_PX } from '../../src/state/imagingStore.ts'

const openApp = sharedAppPageForFile()

/** Moves the player's scrubber as a drag would (React listens to `input`). */
async function scrubTo(page: Page, t: number): Promise<void> {
  await page.locator('[data-testid="treatment-scrubber"]').evaluate((input: HTMLInputElement, value) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(value))
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }, Math.round(t * 1000))
  await waitForSettled(page)
}

describe('treatment insets and second framings', () => {
  it('BMAC: the first part of the step shows the back of the pelvis at the PSIS, then the hip again', async () => {
    const { page, problems } = await openApp()
    await setState(page, { stage: 1.5, procedure: 'core-decompression', variant: null, step: 6, view: 'anterior' })
    await waitForSettled(page)
    await page.locator('[data-testid="treatment-scrubber"]').waitFor({ state: 'visible' })
    const psis = modelLandmarks().pelvis.psis
    await scrubTo(page, 0.25)
    const behind = (await page.evaluate(() => window.hipExplorer!.camera()))!
    expect(behind.position[2], 'the camera behind the pelvis').toBeLessThan(behind.target[2] - 50)
    expect((await page.evaluate((p) => window.hipExplorer!.project(p), psis))!.inView).toBe(true)
    await scrubTo(page, 0.9)
    const front = (await page.evaluate(() => window.hipExplorer!.camera()))!
    expect(front.position[2], 'back in front of the hip').toBeGreaterThan(front.target[2] + 50)
    expect(describeProblems(problems)).toBe('none')
  })

  it('fibula: the donor-site inset is named and shown during the harvest step, clear of the hip, and gone after', async () => {
    const { page, problems } = await openApp()
    await setState(page, { stage: 1.5, procedure: 'vascularised-fibula', variant: null, step: 0, view: 'anterior' })
    await waitForSettled(page)
    const inset = page.getByRole('figure', { name: 'Where the graft comes from' })
    await inset.waitFor({ state: 'visible' })
    const picture = inset.getByRole('img')
    expect(await picture.getAttribute('aria-label')).toMatch(/fibula.*10–15 cm/)
    // Inside the view, and not over the femoral head.
    const box = (await inset.boundingBox())!
    const viewer = (await page.locator('[data-testid="viewer"]').boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(viewer.x)
    expect(box.x + box.width).toBeLessThanOrEqual(viewer.x + viewer.width + 0.5)
    const head = (await page.evaluate(() => window.hipExplorer!.project([0, 0, 0])))!
    expect(head.inView).toBe(true)
    const headX = viewer.x + head.x, headY = viewer.y + head.y
    expect(headX < box.x || headX > box.x + box.width || headY < box.y || headY > box.y + box.height).toBe(true)
    // In a saved image too, where it is on screen: the harvested segment's amber (#e0a43a) is
    // drawn in the inset's box of the capture and nowhere else.
    const png = decodePngDataUrl(await page.evaluate(() => window.hipExplorer!.screenshot({ caption: false })))
    const k = png.width / viewer.width
    const amber = (x0: number, y0: number, x1: number, y1: number) => {
      let n = 0
      for (let y = Math.max(0, Math.floor(y0)); y < Math.min(png.height, y1); y++)
        for (let x = Math.max(0, Math.floor(x0)); x < Math.min(png.width, x1); x++) {
          const i = (y * png.width + x) * 4
          if (Math.abs(png.data[i]! - 0xe0) < 20 && Math.abs(png.data[i + 1]! - 0xa4) < 20 && Math.abs(png.data[i + 2]! - 0x3a) < 24) n++
        }
      return n
    }
    const inBox = amber((box.x - viewer.x) * k, (box.y - viewer.y) * k, (box.x + box.width - viewer.x) * k, (box.y + box.height - viewer.y) * k)
    expect(inBox, 'amber pixels of the harvested segment in the saved inset').toBeGreaterThan(20 * k * k)
    // Clinical words in clinical mode.
    await setState(page, { mode: 'clinician' })
    await page.getByRole('figure', { name: 'Donor site: fibula' }).waitFor({ state: 'visible' })
    await setState(page, { step: 1, mode: 'patient' })
    await waitForSettled(page)
    expect(await page.locator('[data-testid="fibula-donor-inset"]').count()).toBe(0)
    expect(describeProblems(problems)).toBe('none')
  })

  it('core decompression: the live X-ray inset shows the guide wire where the plan puts it, during the steps done under fluoroscopy only', async () => {
    const { page, problems } = await openApp()
    const steps = treatmentSteps('core-decompression', null)
    const at = (id: string) => steps.findIndex((s) => s.id === id)
    await setState(page, { stage: 1.5, procedure: 'core-decompression', variant: null, step: at('incision'), view: 'anterior' })
    await waitForSettled(page)
    expect(await page.locator('[data-testid="fluoroscopy-inset"]').count(), 'no inset before the wire').toBe(0)
    await setState(page, { step: at('guidewire') })
    await waitForSettled(page)
    const inset = page.getByRole('figure', { name: 'Live X-ray during the operation' })
    await inset.waitFor({ state: 'visible' })
    const canvas = page.locator('[data-testid="image-fluoroscopy"]')
    await expect.poll(() => pictureDataUrl(canvas)).not.toBeNull()
    const apPicture = (await pictureDataUrl(canvas))!
    const png = decodePngDataUrl(apPicture)
    // The image intensifier's round field: black in the corners.
    expect(sample(png, 2, 2)).toEqual([0, 0, 0])
    // The wire (steel, on an AP image: bright) along its planned line, against the bone 6 mm to
    // either side of it: from 10 to 40 mm back from its tip, inside the neck.
    const lm = modelLandmarks()
    const plan = defaultPlan('core-decompression', null)
    const wire = frameAt(plan, steps.map((s) => ({ id: s.id })), at('guidewire'), 1).instruments.find((p) => p.kind === 'guide-wire')!
    expect(wire).toBeDefined()
    const [hx, hy] = lm.femoralHead.centre
    const cx = hx + FLUOROSCOPY_FRAME.offset[0]
    const cy = hy + FLUOROSCOPY_FRAME.offset[1]
    const size = FLUOROSCOPY_FRAME.sizeMm
    const grey = (x: number, y: number) => sample(png, Math.round((0.5 + (x - cx) / size) * png.width), Math.round((0.5 - (y - cy) / size) * png.height))[0]
    const along = Math.hypot(wire.axis[0], wire.axis[1])
    const [dx, dy] = [wire.axis[0] / along, wire.axis[1] / along]
    let onLine = 0
    let beside = 0
    for (let mm = 10; mm <= 40; mm += 2) {
      const x = wire.tip[0] - wire.axis[0] * mm
      const y = wire.tip[1] - wire.axis[1] * mm
      onLine += grey(x, y)
      beside += (grey(x - dy * 6, y + dx * 6) + grey(x + dy * 6, y - dx * 6)) / 2
    }
    const n = 16
    expect(onLine / n - beside / n, `wire ${Math.round(onLine / n)} vs bone beside it ${Math.round(beside / n)} (grey levels)`).toBeGreaterThan(30)

    // The lateral view: the leg turned into the frog-leg position with the wire in its bone; the
    // wire where the same turn puts it, bright against the bone beside it.
    await page.locator('[data-testid="fluoroscopy-lateral"]').click()
    await page.getByRole('figure', { name: 'Live X-ray during the operation' }).waitFor({ state: 'visible' })
    await expect.poll(() => canvas.getAttribute('data-view')).toBe('lateral')
    await waitForSettled(page)
    await expect.poll(async () => (await pictureDataUrl(canvas)) !== apPicture, { message: 'the lateral picture drawn' }).toBe(true)
    const lateral = await picturePng(canvas)
    const turn = frogLegRotation()
    const [hz] = [lm.femoralHead.centre[2]]
    const turned = (p: readonly number[]) => rotate(turn, [p[0]! - hx, p[1]! - hy, p[2]! - hz])
    const lateralGrey = (x: number, y: number) =>
      sample(lateral, Math.round((0.5 + (x - FLUOROSCOPY_LATERAL_FRAME.offset[0]) / size) * lateral.width), Math.round((0.5 - (y - FLUOROSCOPY_LATERAL_FRAME.offset[1]) / size) * lateral.height))[0]
    const tip = turned(wire.tip)
    const axis = rotate(turn, wire.axis as [number, number, number])
    const run = Math.hypot(axis[0], axis[1])
    const [ux, uy] = [axis[0] / run, axis[1] / run]
    let lateralOn = 0
    let lateralBeside = 0
    for (let mm = 10; mm <= 40; mm += 2) {
      // Along the picture's projection of the wire: `mm` of its projected length back from the tip.
      const x = tip[0] - ux * mm
      const y = tip[1] - uy * mm
      lateralOn += lateralGrey(x, y)
      lateralBeside += (lateralGrey(x - uy * 6, y + ux * 6) + lateralGrey(x + uy * 6, y - ux * 6)) / 2
    }
    expect(lateralOn / n - lateralBeside / n, `lateral: wire ${Math.round(lateralOn / n)} vs bone beside it ${Math.round(lateralBeside / n)} (grey levels)`).toBeGreaterThan(30)
    // ANT and POST on the field's edges where the femur's front and back face: a point 10 mm in
    // front of the wire's middle lies up or down the picture from it, on the ANT marker's side.
    const middle = wire.tip.map((v, i) => v - wire.axis[i]! * 25)
    const upward = turned([middle[0]!, middle[1]!, middle[2]! + 10])[1] - turned(middle)[1]
    const field = (await canvas.boundingBox())!
    const markerY = async (id: string) => {
      const box = (await page.locator(`[data-testid="${id}"]`).boundingBox())!
      return box.y + box.height / 2 - (field.y + field.height / 2)
    }
    const [ant, post] = [await markerY('fluoroscopy-anterior'), await markerY('fluoroscopy-posterior')]
    expect(Math.sign(-ant), `ANT ${ant.toFixed(0)} px from the centre, the front ${upward > 0 ? 'up' : 'down'} the picture`).toBe(Math.sign(upward))
    expect(Math.sign(post), 'POST on the other edge').toBe(-Math.sign(ant))
    expect(Math.abs(ant), 'ANT at the edge of the field, px').toBeGreaterThan(0.35 * field.height)
    await setState(page, { mode: 'clinician' })
    await page.getByRole('figure', { name: 'Fluoroscopy, lateral' }).waitFor({ state: 'visible' })
    await page.locator('[data-testid="fluoroscopy-ap"]').click()
    expect(await page.locator('[data-testid="fluoroscopy-anterior"]').count(), 'no ANT marker on the AP view').toBe(0)
    await setState(page, { mode: 'patient' })
    // Clinical words in clinical mode; gone at the first step not done under fluoroscopy.
    await setState(page, { mode: 'clinician' })
    await page.getByRole('figure', { name: 'Fluoroscopy, AP' }).waitFor({ state: 'visible' })
    // The wire stays in the bone at its step's end, as the picture shows it: no moment named. The
    // trephine is out by the core step's end (the 3D view shows the tunnel): the picture says it
    // shows the drill at its deepest, in the mode's words.
    const moment = page.locator('[data-testid="fluoroscopy-moment"]')
    expect(await moment.count(), 'no moment marker on the wire’s picture').toBe(0)
    await setState(page, { step: at('core'), mode: 'patient' })
    await expect.poll(() => moment.textContent()).toBe('Drill at its deepest')
    await setState(page, { mode: 'clinician' })
    await expect.poll(() => moment.textContent()).toBe('Trephine at maximal depth')
    await setState(page, { step: at('bmac'), mode: 'patient' })
    await waitForSettled(page)
    expect(await page.locator('[data-testid="fluoroscopy-inset"]').count(), 'no inset once the drilling is done').toBe(0)
    expect(describeProblems(problems)).toBe('none')
  })

  it('the live X-ray inset stays inside the view with its longest captions at 1280×720: words, a round picture and its note all shown', async () => {
    const { page, problems } = await openApp()
    const viewport = page.viewportSize()!
    await page.setViewportSize({ width: 1280, height: 720 })
    try {
      const steps = treatmentSteps('core-decompression', 'multiple-drilling')
      const step = steps.findIndex((s) => s.id === 'more-passes')
      await setState(page, { stage: 1.5, procedure: 'core-decompression', variant: 'multiple-drilling', step, view: 'anterior', mode: 'patient' })
      await waitForSettled(page)
      const viewer = (await page.locator('[data-testid="viewer"]').boundingBox())!
      const inset = page.locator('[data-testid="fluoroscopy-inset"]')
      // The passes' captions are the longest (patient AP: 12 lines at 1280×720). Before, the
      // inset ran past the view's bottom: its picture cut in half and its note gone.
      for (const [mode, view] of [['patient', 'ap'], ['patient', 'lateral'], ['clinician', 'ap'], ['clinician', 'lateral']] as const) {
        await setState(page, { mode })
        await page.locator(`[data-testid="fluoroscopy-${view}"]`).click()
        await expect.poll(() => page.locator('[data-testid="image-fluoroscopy"]').getAttribute('data-view')).toBe(view)
        const box = (await inset.boundingBox())!
        const field = (await inset.locator('.fluoro-field').boundingBox())!
        const note = (await inset.locator('.fluoro-note').boundingBox())!
        const where = `${mode} ${view}: inset ${box.y.toFixed(0)}–${(box.y + box.height).toFixed(0)}, view ${viewer.y.toFixed(0)}–${(viewer.y + viewer.height).toFixed(0)} px`
        expect(box.y + box.height, where).toBeLessThanOrEqual(viewer.y + viewer.height)
        // The note beside the view switch, above the picture; the picture whole, at the bottom.
        expect(note.y + note.height, `${where}; the note ends at ${(note.y + note.height).toFixed(0)}`).toBeLessThanOrEqual(field.y)
        expect(field.y + field.height, `${where}; the picture ends at ${(field.y + field.height).toFixed(0)}`).toBeLessThanOrEqual(box.y + box.height)
        expect(field.height, `${where}; the picture's height`).toBeGreaterThanOrEqual(90)
        expect(Math.abs(field.width - field.height), `${where}; the picture is round (${field.width.toFixed(0)}×${field.height.toFixed(0)})`).toBeLessThanOrEqual(1)
      }
    } finally {
      await page.setViewportSize(viewport)
      await setState(page, { mode: 'patient' })
    }
    expect(describeProblems(problems)).toBe('none')
  })

  it('a tap on the live X-ray enlarges it, made again at the size shown; Escape closes it and leaves the treatment open', async () => {
    // In the inset the picture is about 100 px across at 1280×720: too small for a patient.
    const { page, problems } = await openApp()
    const steps = treatmentSteps('core-decompression', null)
    const core = steps.findIndex((s) => s.id === 'core')
    await setState(page, { stage: 1.5, procedure: 'core-decompression', variant: null, step: core, view: 'anterior' })
    await waitForSettled(page)
    const small = page.locator('[data-testid="image-fluoroscopy"]')
    await expect.poll(() => small.getAttribute('data-px')).toBe('320')
    const smallBox = (await small.boundingBox())!
    await page.locator('[data-testid="fluoroscopy-enlarge"]').click()
    const dialog = page.locator('[data-testid="fluoroscopy-dialog"]')
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await waitForSettled(page)
    const large = page.locator('[data-testid="image-fluoroscopy-large"]')
    const viewport = page.viewportSize()!
    const box = (await large.boundingBox())!
    // Measured at 1024×640: 385 px (the inset’s 87), drawn at 448 px.
    expect(box.width, `enlarged ${box.width.toFixed(0)} px, the inset's ${smallBox.width.toFixed(0)}`).toBeGreaterThan(0.55 * Math.min(viewport.width, viewport.height))
    expect(box.width).toBeGreaterThan(2.5 * smallBox.width)
    expect(box.y + box.height, 'the enlarged picture is whole on the screen').toBeLessThanOrEqual(viewport.height)
    // Drawn at (at least) the size shown, not the inset's 320 px stretched.
    const px = Number(await large.getAttribute('data-px'))
    expect(px).toBeGreaterThanOrEqual(Math.min(box.width, MAX_IMAGE_PX))
    expect(px).toBeGreaterThan(320)
    // A real picture: the X-ray's bone, the black beyond the field, and the steel in between.
    const shot = await picturePng(large)
    const greys = new Set<number>()
    for (let y = 0; y < shot.height; y += 8) for (let x = 0; x < shot.width; x += 8) greys.add(Math.round(sample(shot, x, y)[0] / 16))
    expect(greys.size, 'grey levels (in 16 steps) on the enlarged picture').toBeGreaterThan(8)
    // Its caption is the inset's; the switch works here too.
    expect(await dialog.locator('h2').textContent()).toBe(await page.locator('#fluoroscopy-inset-title').textContent())
    await dialog.locator('[data-testid="fluoroscopy-lateral"]').click()
    await expect.poll(() => large.getAttribute('data-view')).toBe('lateral')
    await dialog.locator('[data-testid="fluoroscopy-ap"]').click()
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    expect((await page.evaluate(() => window.hipExplorer!.getState())).procedure, 'Escape closed the dialog, not the treatment').toBe('core-decompression')
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid), 'focus back on the picture').toBe('fluoroscopy-enlarge')
    // Back to the inset's size, made again small (no 576-px picture kept for a 115-px inset).
    await waitForSettled(page)
    await expect.poll(() => small.getAttribute('data-px')).toBe('320')
    // The close button and a tap beside the dialog close it too.
    await page.locator('[data-testid="fluoroscopy-enlarge"]').click()
    await page.locator('[data-testid="fluoroscopy-dialog-close"]').click()
    await expect.poll(() => dialog.count()).toBe(0)
    await page.locator('[data-testid="fluoroscopy-enlarge"]').click()
    await page.mouse.click(4, 4)
    await expect.poll(() => dialog.count()).toBe(0)
    await waitForSettled(page)
    expect(describeProblems(problems)).toBe('none')
  })
})
