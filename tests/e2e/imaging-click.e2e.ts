/**
 * The Images panel's pictures talk to the 3D view, and the panel's layout (issue 13). One shared
 * page (the compact viewport; the layout tests set the size they are about):
 * - a click on the AP X-ray's femoral head selects the femur in 3D and marks the point there (a
 *   cyan ring drawn over the model, near the head's centre as the view projects it); so does the
 *   frog-leg's head (its femur is turned in the picture only); a click on the MRI above the head
 *   selects the hip bone (the socket's roof on the slice); Escape forgets the point;
 * - the keyboard does the same: Tab to a picture, arrows move a marker, Enter shows its point;
 * - at 1920×1080 every picture is whole inside the panel's visible area;
 * - on a phone (390×844) the pictures are a sheet under the view, one at a time, each at least
 *   200 px tall, while the 3D canvas keeps at least 40% of the screen's height;
 * - the orientation markers and the scale bar's label read at 3:1 or more against what is under
 *   them (their pixels sampled with and without the text).
 */
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { FROG_LEG_FRAME, MRI_FRAME, XRAY_FRAME, type ImageFrame } from '../../src/domain/imaging/imageFrames.ts'
import { modelLandmarks } from './support/model.ts'
import { describeProblems, setState, sharedAppPageForFile, waitForSettled } from './support/page.ts'

const openApp = sharedAppPageForFile()
const KINDS = ['xray', 'frogLeg', 'mri'] as const

/** Waits until every picture shows the stage asked for. */
async function picturesAt(page: Page, stage: number): Promise<void> {
  await setState(page, { stage })
  await waitForSettled(page)
  await page.waitForFunction(
    ([s, kinds]) => kinds.every((k) => document.querySelector(`[data-testid="image-${k}"]`)?.getAttribute('data-stage') === String(s)),
    [stage, KINDS] as const,
  )
}

/**
 * Clicks the picture of `kind` at the femoral head's centre moved by (dx, dy) mm (right, up as
 * the picture is seen), and returns what the 3D view found there once it has.
 */
async function clickPicture(page: Page, kind: (typeof KINDS)[number], frame: ImageFrame, dxMm: number, dyMm: number): Promise<{ structure: string | null; point: [number, number, number] }> {
  const picture = page.locator(`[data-testid="image-${kind}"]`)
  await picture.scrollIntoViewIfNeeded()
  const box = (await picture.boundingBox())!
  const perMm = box.width / frame.sizeMm
  const x = (frame.sizeMm / 2 - frame.offset[0] + dxMm) * perMm
  const y = (frame.sizeMm / 2 + frame.offset[1] - dyMm) * perMm
  await page.mouse.click(box.x + x, box.y + y)
  const cross = page.locator(`[data-testid="crosshair-${kind}"][data-point]`)
  await cross.waitFor({ state: 'attached' })
  await waitForSettled(page)
  const structure = await cross.getAttribute('data-structure')
  const point = (await cross.getAttribute('data-point'))!.split(',').map(Number) as [number, number, number]
  return { structure, point }
}

/** Where a model point is drawn in the 3D view (CSS px of the view). */
const project = (page: Page, p: readonly [number, number, number]) => page.evaluate((q) => window.hipExplorer!.project(q)!, p as [number, number, number])

/** Cyan pixels (the marker's colour) within `radius` px of a point of the 3D view. */
async function cyanNear(page: Page, at: { x: number; y: number }, radius: number): Promise<number> {
  const canvas = (await page.locator('[data-testid="viewer"] canvas').first().boundingBox())!
  const png = PNG.sync.read(await page.screenshot({ clip: { x: canvas.x + at.x - radius, y: canvas.y + at.y - radius, width: 2 * radius, height: 2 * radius } }))
  let n = 0
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 100 && png.data[i + 1]! > 180 && png.data[i + 2]! > 200) n++
  return n
}

/** WCAG relative luminance of an sRGB pixel. */
function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => {
    const v = c / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

describe('Images panel: the pictures talk to the 3D view', () => {
  it('a click on the X-ray selects the structure under it in 3D, and marks the point there', async () => {
    const { page, problems } = await openApp('?images=1&flow=0&stage=1.5')
    await picturesAt(page, 1.5)
    const head = modelLandmarks().femoralHead
    const centre = await project(page, head.centre)
    const edge = await project(page, [head.centre[0] + head.radius, head.centre[1], head.centre[2]])
    const radiusPx = Math.hypot(edge.x - centre.x, edge.y - centre.y)
    expect(await cyanNear(page, centre, radiusPx), 'no marker before a click').toBe(0)

    const ap = await clickPicture(page, 'xray', XRAY_FRAME, 0, 0)
    expect(ap.structure).toBe('femur')
    // A clicked picture lets go of focus (as the sliders do): a clicker's arrow keys step the page, not move the keyboard's marker.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).not.toBe('image-xray')
    await expect.poll(async () => (await page.evaluate(() => window.hipExplorer!.getState())).selected).toBe('femur')
    const marker = await project(page, ap.point)
    expect(Math.hypot(marker.x - centre.x, marker.y - centre.y), 'marker from the head centre, px').toBeLessThan(0.25 * radiusPx)
    expect(await cyanNear(page, marker, 12), 'the ring drawn over the model').toBeGreaterThan(10)
    await expect(page.locator('[data-testid="crosshair-xray"]').count()).resolves.toBe(1)

    // The frog-leg's femur is turned about the head's centre: its head is the same head.
    const frog = await clickPicture(page, 'frogLeg', FROG_LEG_FRAME, 0, 0)
    expect(frog.structure).toBe('femur')
    const frogMarker = await project(page, frog.point)
    expect(Math.hypot(frogMarker.x - centre.x, frogMarker.y - centre.y)).toBeLessThan(0.25 * radiusPx)
    // One point at a time: the AP's crosshair is gone.
    await expect(page.locator('[data-testid="crosshair-xray"]').count()).resolves.toBe(0)

    // Above the head on the MRI: the roof of the socket, on the slice through the head's centre.
    const mri = await clickPicture(page, 'mri', MRI_FRAME, 0, head.radius + 6)
    expect(mri.structure).toBe('hipBone')
    await expect.poll(async () => (await page.evaluate(() => window.hipExplorer!.getState())).selected).toBe('hipBone')
    expect(Math.abs(mri.point[2] - head.centre[2]), 'on the slice plane through the head centre').toBeLessThan(0.5)

    // Escape forgets the point and the selection it made.
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-testid="crosshair-mri"]').count()).toBe(0)
    await expect.poll(async () => (await page.evaluate(() => window.hipExplorer!.getState())).selected).toBe(null)
    await waitForSettled(page)
    expect(await cyanNear(page, centre, radiusPx), 'no marker after Escape').toBe(0)
    expect(describeProblems(problems)).toBe('none')
  })

  it('the keyboard points at a picture as a click does: Tab to it, arrows move a marker, Enter shows the point in 3D', async () => {
    const { page, problems } = await openApp('?images=1&flow=0&stage=1.5')
    await picturesAt(page, 1.5)
    const before = await page.evaluate(() => ({ camera: window.hipExplorer!.camera(), state: window.hipExplorer!.getState() }))
    // Tab from the panel's close button reaches the pictures.
    await page.locator('[data-testid="images-close"]').focus()
    for (let i = 0; i < 8 && !(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'image-xray')); i++) await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'Tab reaches the AP X-ray').toBe('image-xray')
    const cursorAt = async () => {
      const style = (await page.locator('[data-testid="cursor-xray"]').getAttribute('style')) ?? ''
      return style.match(/[\d.]+(?=%)/g)!.map((v) => Number(v) / 100)
    }
    // The marker starts at the picture's centre; Shift moves it five times as far.
    expect(await cursorAt()).toEqual([0.5, 0.5])
    await page.keyboard.press('Shift+ArrowDown')
    expect((await cursorAt())[1]).toBeCloseTo(0.6, 6)
    await page.keyboard.press('Shift+ArrowUp')
    // To the femoral head's centre (the frame puts it at u = (75 − 2)/150, v = (75 − 12)/150): one step left, four up.
    await page.keyboard.press('ArrowLeft')
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp')
    const [u, v] = await cursorAt()
    expect(u).toBeCloseTo(0.48, 6)
    expect(v).toBeCloseTo(0.42, 6)
    await expect(page.locator('[data-testid="crosshair-xray"]').count(), 'nothing shown before Enter').resolves.toBe(0)
    await page.keyboard.press('Enter')
    const cross = page.locator('[data-testid="crosshair-xray"][data-point]')
    await cross.waitFor({ state: 'attached' })
    expect(await cross.getAttribute('data-structure')).toBe('femur')
    await expect.poll(async () => (await page.evaluate(() => window.hipExplorer!.getState())).selected).toBe('femur')
    await expect(page.locator('[role="status"].image-point-note').textContent()).resolves.toMatch(/Marked in the 3D view/)
    const head = modelLandmarks().femoralHead
    const point = (await cross.getAttribute('data-point'))!.split(',').map(Number)
    expect(Math.hypot(point[0]! - head.centre[0], point[1]! - head.centre[1]), 'the point found, mm from the head centre (as seen from the front)').toBeLessThan(3)
    // The arrows moved the marker only: neither the camera nor the stage.
    const after = await page.evaluate(() => ({ camera: window.hipExplorer!.camera(), state: window.hipExplorer!.getState() }))
    expect(after.camera).toEqual(before.camera)
    expect(after.state.stage).toBe(before.state.stage)
    expect(describeProblems(problems)).toBe('none')
  })

  it('the orientation markers and the scale label read at 3:1 or more against the picture under them', async () => {
    const { page, problems } = await openApp('?images=1&flow=0&stage=1')
    await page.setViewportSize({ width: 1280, height: 720 })
    try {
      const worst: string[] = []
      for (const weighting of ['T1', 'T2'] as const) {
        await page.locator(`[data-testid="mri-${weighting}"]`).click()
        await picturesAt(page, 1)
        for (const kind of KINDS) {
          const figure = page.locator(`.image-figure:has([data-testid="image-${kind}"])`)
          await figure.scrollIntoViewIfNeeded()
          for (const marker of await figure.locator('.image-marker, .image-scale-label').all()) {
            const clip = (await marker.boundingBox())!
            const drawn = PNG.sync.read(await page.screenshot({ clip }))
            // What is under the text: the same box with the text made transparent.
            await marker.evaluate((el) => ((el as HTMLElement).style.color = 'transparent'))
            const under = PNG.sync.read(await page.screenshot({ clip }))
            await marker.evaluate((el) => ((el as HTMLElement).style.color = ''))
            const ink = await marker.evaluate((el) => getComputedStyle(el).color.match(/\d+/g)!.slice(0, 3).map(Number))
            const inkL = luminance(ink[0]!, ink[1]!, ink[2]!)
            // The text's own pixels (where drawing it changes the picture), and what the eye sees
            // around them: the pixels 2–3 px from the text inside the marker's box (its backing, or
            // the picture where it has none; a blurred shadow is faint that far out).
            const w = under.width
            const h = under.height
            const glyph = new Uint8Array(w * h)
            for (let i = 0; i < w * h; i++) {
              const changed = Math.max(...[0, 1, 2].map((c) => Math.abs(drawn.data[4 * i + c]! - under.data[4 * i + c]!)))
              if (changed >= 60) glyph[i] = 1
            }
            const glyphs = glyph.reduce((a, b) => a + b, 0)
            const around: number[] = []
            for (let y = 0; y < h; y++) {
              for (let x = 0; x < w; x++) {
                if (glyph[y * w + x]) continue
                let near = 99
                for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) if (glyph[(y + dy) * w + x + dx] && x + dx >= 0 && x + dx < w) near = Math.min(near, Math.max(Math.abs(dx), Math.abs(dy)))
                if (near >= 2 && near <= 3) {
                  const i = 4 * (y * w + x)
                  around.push(luminance(drawn.data[i]!, drawn.data[i + 1]!, drawn.data[i + 2]!))
                }
              }
            }
            around.sort((a, b) => Math.abs(b - inkL) - Math.abs(a - inkL))
            // The worst tenth of the surround (closest to the ink's luminance): what the text must stand out from.
            const near = around[Math.floor(around.length * 0.9)] ?? 0
            const lowest = (Math.max(near, inkL) + 0.05) / (Math.min(near, inkL) + 0.05)
            expect(glyphs, `${kind}: the text of "${await marker.textContent()}" is drawn`).toBeGreaterThan(5)
            if (lowest < 3) worst.push(`${kind} ${weighting} "${await marker.textContent()}": ${lowest.toFixed(2)}:1`)
          }
        }
      }
      expect(worst, 'markers under 3:1 against the pixels beneath').toEqual([])
    } finally {
      await page.setViewportSize({ width: 1024, height: 640 })
    }
    expect(describeProblems(problems)).toBe('none')
  })

  it('at 1920×1080 every picture is whole inside the panel', async () => {
    const { page, problems } = await openApp('?images=1&flow=0&stage=1&mode=clinician')
    await page.setViewportSize({ width: 1920, height: 1080 })
    try {
      await picturesAt(page, 1)
      const panel = (await page.locator('[data-testid="images-panel"]').boundingBox())!
      for (const kind of KINDS) {
        const b = (await page.locator(`[data-testid="image-${kind}"]`).boundingBox())!
        expect(b.height, `${kind}: a picture, not a sliver`).toBeGreaterThan(150)
        expect(b.y >= panel.y - 0.5 && b.y + b.height <= panel.y + panel.height + 0.5, `${kind} (${b.y}–${b.y + b.height}) inside the panel (${panel.y}–${panel.y + panel.height})`).toBe(true)
        expect(b.x >= panel.x - 0.5 && b.x + b.width <= panel.x + panel.width + 0.5, `${kind} inside the panel's width`).toBe(true)
      }
    } finally {
      await page.setViewportSize({ width: 1024, height: 640 })
    }
    expect(describeProblems(problems)).toBe('none')
  })

  it('phone: a sheet under the view, one picture at a time of at least 200 px, the hip keeping 40% of the screen', async () => {
    const { page, problems } = await openApp('?images=1&flow=0&stage=1')
    await page.setViewportSize({ width: 390, height: 844 })
    try {
      await picturesAt(page, 1)
      for (const kind of KINDS) {
        // The sheet's switcher (a layout without one shows every picture).
        const show = page.locator(`[data-testid="images-show-${kind}"]`)
        if (await show.count()) await show.click()
        const picture = (await page.locator(`[data-testid="image-${kind}"]`).boundingBox())!
        expect(picture.height, `${kind}: height, px`).toBeGreaterThanOrEqual(200)
        expect(picture.y + picture.height, `${kind}: on the first screen`).toBeLessThanOrEqual(844)
        for (const other of KINDS.filter((k) => k !== kind)) expect(await page.locator(`[data-testid="image-${other}"]`).isVisible(), `${other} hidden`).toBe(false)
        const canvas = (await page.locator('[data-testid="viewer"] canvas').first().boundingBox())!
        const visible = Math.min(canvas.y + canvas.height, picture.y, 844) - Math.max(canvas.y, 0)
        expect(visible / 844, 'share of the screen the 3D view keeps').toBeGreaterThanOrEqual(0.4)
      }
    } finally {
      await page.setViewportSize({ width: 1024, height: 640 })
    }
    expect(describeProblems(problems)).toBe('none')
  })
})
