/**
 * The disease as a hip surgeon checks it in the picture (issue 8), measured on the rendered
 * pixels of the built app:
 * - in the coronal cut the dead bone lies under the dome where the domain puts it, right and left hip;
 * - the head sinks by the staging table's depth where it sinks most (under the lateral pillar),
 *   measured on its outline seen side-on;
 * - at stage IV the femur has migrated superolaterally by the domain's distance;
 * - at stage IV no named view shows a pristine ball;
 * - saved pictures show plain arteries while the blood-flow pulses move on screen;
 * - the choice of cause changes the link, the caption and the picture.
 */
import type { Page } from 'playwright-core'
import type { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { STRUCTURE_IDS } from '../../src/domain/anatomy/structures.ts'
import { deepestCollapse } from '../../src/domain/lesion/collapse.ts'
import { interfaceDistance, isInLesion, lesionAnatomyOf, lesionGeometry, REPAIR_ZONE_MM } from '../../src/domain/lesion/geometry.ts'
import { DEFAULT_LESION } from '../../src/domain/lesion/choice.ts'
import { diseaseAnatomyOf } from '../../src/domain/lesion/diseaseAnatomy.ts'
import { linkNormal } from '../../src/domain/section.ts'
import { HEAD_MIGRATION_DIRECTION, headShift } from '../../src/domain/staging/migration.ts'
import { stageValue } from '../../src/domain/staging/stageValue.ts'
import type { NamedView, ViewState } from '../../src/domain/viewState.ts'
import { modelLandmarks } from './support/model.ts'
import { appPagesForFile, canvasScreenshot, DESKTOP_VIEWPORT, describeProblems, getState, setState, sharedAppPageForFile, waitForReady, waitForSettled } from './support/page.ts'
import { backgroundColour, diffCount, sample, viewPixels } from './support/pixels.ts'

/** One loaded page for the tests that can share it (sharedAppPageForFile), fresh ones for the rest. */
const openApp = sharedAppPageForFile({ viewport: DESKTOP_VIEWPORT })
const appPage = appPagesForFile()

type V3 = [number, number, number]
type P2 = [number, number]
/** Everything but the femur (its cortex and its cancellous core). */
const ONLY_FEMUR = STRUCTURE_IDS.filter((id) => id !== 'femur' && id !== 'femurCancellous')
const r1 = (v: number) => Math.round(v * 10) / 10

/** Where model points (right-hip frame, mm) are drawn in the view: one screen point per point. */
async function project<T extends readonly V3[]>(page: Page, points: readonly [...T]): Promise<{ [K in keyof T]: P2 }> {
  const out = await page.evaluate((ps) => ps.map((p) => window.hipExplorer!.project(p)), points as unknown as V3[])
  return out.map((p, i) => {
    if (!p) throw new Error(`no projection for ${points[i]!.join(',')}`)
    return [p.x, p.y]
  }) as { [K in keyof T]: P2 }
}

async function show(page: Page, patch: Partial<ViewState>): Promise<PNG> {
  const { ignored } = await setState(page, patch)
  expect(ignored).toEqual([])
  await waitForSettled(page)
  return viewPixels(page)
}

/** The default lesion's lowest point in the mid-coronal plane (model frame, mm; 0.25-mm grid): the bowl's floor. */
function lowestOfDefaultLesion(): V3 {
  const lm = modelLandmarks()
  const R = lm.femoralHead.radius
  const lesion = lesionGeometry(DEFAULT_LESION, lesionAnatomyOf(lm))
  let lowest: V3 = [0, R, 0]
  for (let y = -R; y <= R; y += 0.25) for (let x = -R; x <= R; x += 0.25) if (y < lowest[1] && isInLesion([x, y, 0], lesion)) lowest = [x, y, 0]
  return lowest
}

/** The femur's stage IV migration at stage s (model frame, mm), as the scene applies it. */
const femurShift = (s: number): V3 => headShift(s, modelLandmarks().joint.jointSpaceSuperior)

/**
 * The crest of the head–neck junction's osteophyte ring where it is largest, inferomedially
 * (the shaders' dzBumpHeight ring 0), at stage s: on the bone, before the lips grow.
 */
function inferomedialJunction(s: number): V3 {
  const a = diseaseAnatomyOf(modelLandmarks())
  const n = a.neckDir
  const down: V3 = [0.55, -1, 0]
  const along = down[0] * n[0] + down[1] * n[1] + down[2] * n[2]
  const perp = [down[0] - along * n[0], down[1] - along * n[1], down[2] - along * n[2]]
  const l = Math.hypot(...perp)
  const beta = a.junctionAngle + 0.04
  const shift = femurShift(s)
  return [0, 1, 2].map((k) => a.headCentre[k]! + shift[k]! + a.headRadius * (Math.cos(beta) * n[k]! + Math.sin(beta) * (perp[k]! / l))) as V3
}

/**
 * Distance (px) from `from` along the unit screen direction `dir` to the outermost bone, walking
 * in from `start` px: bone is warm (red above blue) and not the background; the sunken
 * cartilage, the joint fluid and the background are cool. Bisected to a fraction of a pixel on
 * bilinear samples.
 */
function boneEdgeFromOutside(png: PNG, from: P2, dir: P2, start: number): number {
  const bg = backgroundColour(png)
  const bone = (t: number) => {
    const c = sample(png, from[0] + dir[0] * t, from[1] + dir[1] * t)
    const offBackground = Math.max(Math.abs(c[0] - bg[0]), Math.abs(c[1] - bg[1]), Math.abs(c[2] - bg[2])) > 12
    return offBackground && c[0] - c[2] > 3
  }
  let t = start
  while (t > 0 && !bone(t)) t -= 0.5
  let lo = t
  let hi = t + 0.5
  for (let i = 0; i < 20; i++) {
    const mid = (lo + hi) / 2
    if (bone(mid)) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/**
 * The dead bone's stippled grey (palette `dead`, lit: ≈ 136,130,120 and darker): a faintly warm
 * mid-grey. Healthy cancellous bone is paler (≈ 194,186,170; its trabecular lines ≈ 161),
 * oedema blue, the sclerotic line dark brown (red − blue ≈ 28).
 */
/** Relative luminance of a colour (0–255). */
const lum = ([r, g, b]: readonly number[]): number => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!

/** The grey (mean of r, g, b) at a pixel, and its Laplacian there: the fine shading of a texture. */
function grey(png: PNG, x: number, y: number): number {
  const [r, g, b] = sample(png, x, y)
  return (r + g + b) / 3
}
const laplacian = (png: PNG, x: number, y: number): number =>
  4 * grey(png, x, y) - grey(png, x + 1, y) - grey(png, x - 1, y) - grey(png, x, y + 1) - grey(png, x, y - 1)

/** The cysts' fill as drawn (DISEASE_PALETTE.cyst under the cut's light): about (77, 67, 53). */
const isCystColour = ([r, g, b]: readonly number[], tolerance = 10): boolean =>
  Math.abs(r! - 77) < tolerance && Math.abs(g! - 67) < tolerance && Math.abs(b! - 53) < tolerance

function isDead(png: PNG, x: number, y: number): boolean {
  const i = (png.width * y + x) * 4
  const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!]
  return r - b >= 4 && r - b <= 24 && Math.max(r, g, b) < 150 && Math.min(r, g, b) > 60
}

describe('where the lesion is, in the coronal cut', () => {
  /**
   * The coronal cut through the head centre, seen from the front, at stage I (dead bone drawn,
   * no oedema yet): the dead bone's grey pixels in a band just under the subchondral plate
   * span, seen from the head centre, an arc whose middle is the domain's (between its medial
   * and lateral edge on that slice) and whose width is the domain's less the double line
   * (inner bright line and outer sclerotic line lie inside and outside the edge).
   */
  it.each(['right', 'left'] as const)('lies under the dome where the domain puts it (%s hip)', async (side) => {
    const lm = modelLandmarks()
    const R = lm.femoralHead.radius
    const lesion = lesionGeometry(DEFAULT_LESION, lesionAnatomyOf(lm))
    const app = await openApp(`flow=0&side=${side}&cut=coronal&cam=0,0,150,0,0,0&hide=${ONLY_FEMUR.join(',')}`)
    const png = await show(app.page, { stage: 1 })
    // Screen vectors of the model's +X (medial for a right hip; `project` mirrors a left one) and +Y.
    const [o, ex, ey] = await project(app.page, [
      [0, 0, 0],
      [R, 0, 0],
      [0, R, 0],
    ])
    const a = [(ex[0] - o[0]) / R, (ex[1] - o[1]) / R] as const
    const b = [(ey[0] - o[0]) / R, (ey[1] - o[1]) / R] as const
    const det = a[0] * b[1] - a[1] * b[0]
    const rPx = Math.hypot(a[0], a[1]) * R
    const angles: number[] = []
    let lowest = Number.POSITIVE_INFINITY
    for (let y = Math.floor(o[1] - rPx); y <= o[1] + rPx; y++) {
      for (let x = Math.floor(o[0] - rPx); x <= o[0] + rPx; x++) {
        // Dead bone is a solid patch: all of a 5 x 5 block (not a dark trabecular line).
        let block = true
        for (let v = -2; v <= 2 && block; v++) for (let u = -2; u <= 2 && block; u++) block = isDead(png, x + u, y + v)
        if (!block) continue
        // Back to model millimetres in the cut plane.
        const dx = x - o[0]
        const dy = y - o[1]
        const mx = (dx * b[1] - dy * b[0]) / det
        const my = (a[0] * dy - a[1] * dx) / det
        const r = Math.hypot(mx, my)
        if (r > R - 1) continue // not the outline's antialiased edge
        lowest = Math.min(lowest, my)
        // Angle from the top, lateral (−X) positive, in a band under the subchondral plate.
        if (r > R - 4 && r < R - 2) angles.push((Math.atan2(-mx, my) * 180) / Math.PI)
      }
    }
    angles.sort((p, q) => p - q)
    const from = angles[Math.floor(angles.length * 0.02)]!
    const to = angles[Math.floor(angles.length * 0.98)]!
    // The domain's lowest point of the lesion on this slice (z = 0), on a 0.25 mm grid.
    let domainLowest = Number.POSITIVE_INFINITY
    for (let y = -R; y <= R; y += 0.25) for (let x = -R; x <= R; x += 0.25) if (y < domainLowest && isInLesion([x, y, 0], lesion)) domainLowest = y
    // Where the domain puts the grey on the same band: 3 mm under the surface (the band's
    // middle), inside the repair zone. Narrower than the footprint just under the plate (the
    // edges' arc): the grey starts inside the repair zone, and the bowl's sides meet the
    // curved surface at a slant.
    let innerFrom = Number.NaN
    let innerTo = Number.NaN
    for (let deg = -90; deg <= 90; deg += 0.1) {
      const t = (deg * Math.PI) / 180
      if (interfaceDistance([-Math.sin(t) * (R - 3), Math.cos(t) * (R - 3), 0], lesion) >= -REPAIR_ZONE_MM.value) continue
      if (Number.isNaN(innerFrom)) innerFrom = deg
      innerTo = deg
    }
    const domainMiddle = (innerFrom + innerTo) / 2
    const domainWidth = innerTo - innerFrom
    console.log(
      `[lesion] ${side}: dead bone under the plate from ${from.toFixed(1)}° to ${to.toFixed(1)}° (${angles.length} px), lowest ${lowest.toFixed(1)} mm from the centre (domain ${domainLowest.toFixed(1)}); ` +
        `domain ${innerFrom.toFixed(1)}° to ${innerTo.toFixed(1)}° on that band, edges ${lesion.medialEdgeDeg.toFixed(1)}° to ${lesion.lateralEdgeDeg.toFixed(1)}° (lateral positive)`,
    )
    expect(angles.length).toBeGreaterThan(200)
    // Under the dome, as deep as the domain's bowl and no deeper. The reactive interface's inner
    // band lies inside the edge (from 2.6 mm in), so the grey ends about that far above the bowl's
    // lowest point, and the 5 x 5 block takes about 0.5 mm more (measured 3.6). While the margin
    // was drawn dark brown, its blend with the grey passed for dead bone down to 0.7 mm above it.
    expect(lowest).toBeGreaterThan(domainLowest - 0.5)
    expect(lowest).toBeLessThan(domainLowest + 4)
    expect(Math.abs((from + to) / 2 - domainMiddle), 'middle of the lesion on the slice').toBeLessThan(4)
    // The 5 x 5 block trims each end by about 2° (measured 4° in all).
    expect(to - from).toBeLessThanOrEqual(domainWidth + 2)
    expect(to - from).toBeGreaterThan(domainWidth - 8)
    expect(describeProblems(app.problems)).toBe('none')
  })
})

describe('collapse, measured on the rendered outline', () => {
  /**
   * A free cut through the head centre and the direction where the head sinks most
   * (domain/lesion/collapse.ts `deepestCollapse`), seen square-on from the removed side, with
   * everything but the femur hidden. Walking in along that direction from outside the head,
   * the first bone (warm: red above blue) is the sunken surface: outside it lie the sunken
   * cartilage and the joint fluid over it (cool) or the background. The femur migrates a little
   * before stage IV, so the cut and the camera follow its head centre.
   */
  it.each([
    ['large', 'C1'],
    ['small', 'A'],
  ] as const)('sinks the head by the table depth under the lateral pillar (± 0.25 mm): %s %s', async (size, type) => {
    const lm = modelLandmarks()
    const R = lm.femoralHead.radius
    const lesion = lesionGeometry({ size, type }, lesionAnatomyOf(lm))
    const { dir } = deepestCollapse({ lesion, depthMm: 1 })
    const ant = lesion.anterior
    const k = ant[0] * dir[0] + ant[1] * dir[1] + ant[2] * dir[2]
    const normal = linkNormal([ant[0] - k * dir[0], ant[1] - k * dir[1], ant[2] - k * dir[2]])!
    const app = await openApp(`flow=0&size=${size}&loc=${type}&hide=${ONLY_FEMUR.join(',')}`)
    const height = async (stage: number) => {
      const c = femurShift(stage).map(r1) as V3
      const png = await show(app.page, {
        stage,
        section: { plane: 'free', normal, flip: false, offset: r1(normal[0] * c[0] + normal[1] * c[1] + normal[2] * c[2]) },
        view: null,
        camera: { position: c.map((v, i) => r1(v - normal[i]! * 110)) as V3, target: c },
      })
      const [o, at] = await project(app.page, [c, [c[0] + dir[0] * R, c[1] + dir[1] * R, c[2] + dir[2] * R]])
      const pxPerMm = Math.hypot(at[0] - o[0], at[1] - o[1]) / R
      const screenDir: P2 = [(at[0] - o[0]) / (pxPerMm * R), (at[1] - o[1]) / (pxPerMm * R)]
      return boneEdgeFromOutside(png, o, screenDir, (R + 4) * pxPerMm) / pxPerMm
    }
    const healthy = await height(0)
    expect(Math.abs(healthy - R), `healthy head at ${healthy.toFixed(2)} mm`).toBeLessThan(0.6)
    for (const stage of [2.5, 3, 3.5]) {
      const depth = healthy - (await height(stage))
      const table = stageValue('collapseDepthMm', stage)
      console.log(`[collapse] ${size} ${type} stage ${stage}: measured ${depth.toFixed(2)} mm, table ${table.toFixed(2)} mm`)
      expect(Math.abs(depth - table), `stage ${stage}: measured ${depth.toFixed(2)} mm`).toBeLessThan(0.25)
    }
    expect(describeProblems(app.problems)).toBe('none')
  })

  /**
   * The femur is rigid below the head: its cut outline (neck and trochanter, binarised against
   * the background) at stage IV is the stage 0 outline shifted by the migration. The best
   * whole-pixel shift is compared with where the migration vector projects.
   */
  it('at stage IV moves the femur superolaterally by the migration the joint space asks for (± 3 px)', async () => {
    const app = await openApp(`flow=0&cut=coronal&cam=-15,-15,170,-15,-15,0&hide=${ONLY_FEMUR.join(',')}`)
    const before = await show(app.page, { stage: 0 })
    const after = await show(app.page, { stage: 4 })
    const shift = femurShift(4)
    // A window over the neck and the top of the shaft, well below the head.
    const [p0, p1, q0, q1] = await project(app.page, [[-40, -45, 0], [-5, -15, 0], [0, 0, 0], shift])
    const x0 = Math.round(Math.min(p0[0], p1[0]))
    const x1 = Math.round(Math.max(p0[0], p1[0]))
    const y0 = Math.round(Math.min(p0[1], p1[1]))
    const y1 = Math.round(Math.max(p0[1], p1[1]))
    const bg = backgroundColour(before)
    const isBone = (png: PNG, x: number, y: number) => {
      const i = (png.width * y + x) * 4
      return Math.abs(png.data[i]! - bg[0]) + Math.abs(png.data[i + 1]! - bg[1]) + Math.abs(png.data[i + 2]! - bg[2]) > 30
    }
    let best = { dx: 0, dy: 0, miss: Number.POSITIVE_INFINITY }
    let boneInWindow = 0
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (isBone(before, x, y)) boneInWindow++
    for (let dy = -60; dy <= 60; dy++) {
      for (let dx = -60; dx <= 60; dx++) {
        let miss = 0
        for (let y = y0; y <= y1 && miss < best.miss; y += 2) {
          for (let x = x0; x <= x1; x += 2) if (isBone(before, x, y) !== isBone(after, x + dx, y + dy)) miss++
        }
        if (miss < best.miss) best = { dx, dy, miss }
      }
    }
    const want = [q1[0] - q0[0], q1[1] - q0[1]]
    console.log(`[migration] stage IV: outline moved ${best.dx},${best.dy} px (${best.miss} px differ), migration ${Math.hypot(...shift).toFixed(2)} mm projects to ${want.map((v) => v.toFixed(1)).join(',')} px`)
    expect(boneInWindow, 'the window holds some of the femur and some background').toBeGreaterThan(100)
    expect(Math.hypot(want[0]!, want[1]!)).toBeGreaterThan(20)
    // Where the bone behind the cut plane is wider than the cut, the outline lies up to ~10 mm
    // deeper, where perspective shows the shift ~6% smaller (≈ 3 px of ≈ 50): hence ± 3 px,
    // ≈ 0.5 mm of the 9.4 mm migration.
    expect(Math.abs(best.dx - want[0]!)).toBeLessThanOrEqual(3)
    expect(Math.abs(best.dy - want[1]!)).toBeLessThanOrEqual(3)
    expect(describeProblems(app.problems)).toBe('none')
  })
})

describe('the joint at end stage, in the coronal cut', () => {
  /**
   * At stage IV the joint space has narrowed to the table's width and the migrated head rests
   * on the roof. Walking out from the migrated head centre along the migration direction, the
   * first cool run (joint fluid, cartilage: blue above red) after the head's bone is the joint;
   * it ends at the roof's bone. It once read 6–7 mm: the space the head's old outline left was
   * painted as fluid over the roof.
   */
  it('shows a narrow joint, bone nearly on bone, not a widened one', async () => {
    const app = await openApp('flow=0&stage=4&cut=coronal&cam=0,0,150,0,0,0')
    const png = await viewPixels(app.page)
    const R = modelLandmarks().femoralHead.radius
    const c = femurShift(4)
    const d = HEAD_MIGRATION_DIRECTION.value
    const [o, at] = await project(app.page, [c, [c[0] + d[0] * R, c[1] + d[1] * R, c[2] + d[2] * R]])
    const pxPerMm = Math.hypot(at[0] - o[0], at[1] - o[1]) / R
    const colourAt = (mm: number) => sample(png, o[0] + ((at[0] - o[0]) / R) * mm, o[1] + ((at[1] - o[1]) / R) * mm)
    const cool = (mm: number) => {
      const [r, , b] = colourAt(mm)
      return b - r > 4
    }
    let from = R - 8
    while (from < R + 8 && !cool(from)) from += 0.05
    let to = from
    while (to < R + 12 && cool(to)) to += 0.05
    const table = stageValue('jointSpaceMm', 4)
    console.log(`[stage IV] joint along the migration direction: ${(to - from).toFixed(2)} mm at ${from.toFixed(1)}–${to.toFixed(1)} mm from the head centre (table ${table.toFixed(2)} mm, ${pxPerMm.toFixed(1)} px/mm)`)
    expect(from, 'a joint line is drawn').toBeLessThan(R + 8)
    expect(to - from).toBeLessThan(table + 1)
    expect(describeProblems(app.problems)).toBe('none')
  })
})

describe('stage IV from every side', () => {
  it('shows no pristine ball in any named view', async () => {
    const app = await openApp('flow=0')
    const R = modelLandmarks().femoralHead.cartilageRadius
    for (const view of ['anterior', 'posterior', 'lateral', 'superior'] as NamedView[]) {
      const healthy = await show(app.page, { view, stage: 0 })
      const ill = await show(app.page, { view, stage: 4 })
      // The head's disc on screen: its centre and the farthest of six surface points.
      const pts: V3[] = [[0, 0, 0], [R, 0, 0], [-R, 0, 0], [0, R, 0], [0, -R, 0], [0, 0, R], [0, 0, -R]]
      const [o, ...rim] = await project(app.page, pts)
      const rPx = Math.max(...rim.map((p) => Math.hypot(p[0] - o![0], p[1] - o![1])))
      const region = { x: Math.round(o![0] - rPx), y: Math.round(o![1] - rPx), width: Math.round(2 * rPx), height: Math.round(2 * rPx) }
      const share = diffCount(healthy, ill, region, 20) / (region.width * region.height)
      console.log(`[stage IV] ${view}: ${(100 * share).toFixed(1)}% of the head's square changed from stage 0`)
      expect(share, view).toBeGreaterThan(0.1)
    }
    expect(describeProblems(app.problems)).toBe('none')
  })
})

describe('still pictures', () => {
  it('saves plain arteries while the blood-flow pulses move on screen', async () => {
    // Motion allowed: with reduced motion the pulses stand still anyway.
    const app = await appPage({ reducedMotion: 'no-preference' })
    await app.open('flow=1&stage=0&cam=0,30,160,0,0,0')
    await waitForReady(app.page)
    const live1 = await canvasScreenshot(app.page)
    await app.page.waitForTimeout(700)
    const live2 = await canvasScreenshot(app.page)
    // The pulses move: the live view changes by itself (otherwise this test proves nothing).
    expect(diffCount(live1, live2, undefined, 8)).toBeGreaterThan(50)
    const saved1 = await viewPixels(app.page)
    await app.page.waitForTimeout(700)
    const saved2 = await viewPixels(app.page)
    expect(diffCount(saved1, saved2, undefined, 8)).toBe(0)
    expect(describeProblems(app.problems)).toBe('none')
  })
})

describe('the cause of the disease', () => {
  it('switches between the common route and the route after an injury: link, caption and picture', async () => {
    // From behind and above, where the retinacular arteries run up the back of the neck.
    const app = await openApp('flow=0&stage=1&mode=clinician&hide=&cam=0,60,-150,0,-5,0')
    const caption = app.page.locator('[data-testid="caption"]')
    const common = await caption.textContent()
    const before = await viewPixels(app.page)
    await app.page.locator('[data-testid="cause-traumatic"]').click()
    await waitForSettled(app.page)
    expect((await getState(app.page)).cause).toBe('traumatic')
    expect(new URL(app.page.url()).searchParams.get('cause')).toBe('traumatic')
    await expect.poll(() => caption.textContent()).not.toBe(common)
    expect(await caption.textContent()).toMatch(/fracture|dislocation|injury/i)
    // The retinacular arteries are drawn blocked after an injury.
    const after = await viewPixels(app.page)
    const share = diffCount(before, after) / (after.width * after.height)
    console.log(`[cause] ${(100 * share).toFixed(2)}% of the view changed with the route after an injury`)
    expect(share).toBeGreaterThan(0.002)
    await app.page.locator('[data-testid="cause-nontraumatic"]').click()
    await waitForSettled(app.page)
    expect(new URL(app.page.url()).searchParams.get('cause')).toBeNull()
    expect(await caption.textContent()).toBe(common)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('at stage IV grows osteophytes as lips broken round the head–neck junction, not a smooth collar', async () => {
    // A surgeon found no osteophytes at IV: the junction's new bone was a smooth ring that read as
    // the bone's own rim. Measured as the shading's fine structure (mean |Laplacian| of the grey,
    // on bone) in a window over the inferomedial junction, seen from the front with the femur
    // alone, at IV against IIIB (no osteophytes yet): 4.2× now, 1.03× with the smooth collar.
    const at = inferomedialJunction
    const app = await openApp(`flow=0&cam=-15,-15,110,-15,-15,0&hide=${ONLY_FEMUR.join(',')}`)
    const texture = async (s: number) => {
      const png = await show(app.page, { stage: s })
      const [[cx, cy]] = await project(app.page, [at(s)])
      const bg = backgroundColour(png)
      const isBone = (x: number, y: number) => {
        const [r, g, b] = sample(png, x, y)
        return Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 30
      }
      let sum = 0
      let count = 0
      for (let y = Math.round(cy) - 30; y <= Math.round(cy) + 30; y++) {
        for (let x = Math.round(cx) - 30; x <= Math.round(cx) + 30; x++) {
          if (![[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1]].every(([dx, dy]) => isBone(x + dx!, y + dy!))) continue
          sum += Math.abs(laplacian(png, x, y))
          count++
        }
      }
      return { texture: sum / count, count }
    }
    const iiib = await texture(3)
    const iv = await texture(4)
    console.log(`[osteophytes] fine shading over the inferomedial junction: ${iv.texture.toFixed(2)} at IV (${iv.count} px), ${iiib.texture.toFixed(2)} at IIIB (${iiib.count} px)`)
    expect(iiib.count).toBeGreaterThan(1000)
    expect(iv.count).toBeGreaterThan(1000)
    expect(iv.texture / iiib.texture).toBeGreaterThan(1.5)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('at stage II draws the sclerotic rim that defines it, which stage I lacks', async () => {
    // Stage II is sclerosis on the film. Its rim was ramped across the band (half there at 1.5)
    // and drawn at 14 % contrast, so stages I and II looked alike (a surgeon's review). Measured
    // in the coronal cut, femur alone: how much paler than the living bone 6 mm further down the
    // rim is, in a window 1.6 mm under the bowl's lowest point, at 1.5 against 0.9. (Measured as
    // fine shading while the rim was cross-hatched: 3.0× with the hatch, 1.4× before it. The
    // hatched rim was 2.2 grey levels paler at 1.5, −0.6 at 0.9; the dense white one, lit and glowing, 19.9 and 5.6.)
    const lowest = lowestOfDefaultLesion()
    const app = await openApp(`flow=0&cut=coronal&cam=0,0,150,0,0,0&hide=${ONLY_FEMUR.join(',')}`)
    const paler = async (s: number) => {
      const png = await show(app.page, { stage: s })
      const [[cx, cy], [ux], [, by]] = await project(app.page, [
        [lowest[0], lowest[1] - 1.6, 0],
        [lowest[0] + 1, lowest[1] - 1.6, 0],
        [lowest[0], lowest[1] - 7.6, 0],
      ])
      const half = Math.max(3, Math.round(Math.abs(ux - cx) * 0.8))
      const mean = (x0: number, y0: number) => {
        let sum = 0
        let count = 0
        for (let y = Math.round(y0) - half; y <= Math.round(y0) + half; y++) {
          for (let x = Math.round(x0) - 3 * half; x <= Math.round(x0) + 3 * half; x++) {
            sum += grey(png, x, y)
            count++
          }
        }
        return sum / count
      }
      return mean(cx, cy) - mean(cx, by)
    }
    const stageI = await paler(0.9)
    const stageII = await paler(1.5)
    console.log(`[sclerosis] the rim paler than the bone below by ${stageII.toFixed(1)} grey levels at 1.5, ${stageI.toFixed(1)} at 0.9`)
    expect(stageII).toBeGreaterThan(8)
    expect(stageII).toBeGreaterThan(3 * Math.max(stageI, 1))
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('draws the sclerotic rim as dense bone with irregular pores, not a regular lattice', async () => {
    // A cross-hatch of straight lines 1.25 mm apart read as a wire mesh laid over the bone (a
    // surgeon's review). Measured on the rim 1.6 mm under the bowl's lowest point, seen close in
    // the coronal cut at stage II: the fine shading (Laplacian of the grey, so the band's own
    // gradient does not count) correlated with itself shifted sideways by 0.6–2.5 mm. A lattice
    // repeats itself there (correlation near 1 at its period); thickened trabeculae do not.
    const lowest = lowestOfDefaultLesion()
    const app = await openApp(`flow=0&cut=coronal&hide=${ONLY_FEMUR.join(',')}`)
    const centre: V3 = [lowest[0], lowest[1] - 1.6, 0]
    const png = await show(app.page, { stage: 1.5, view: null, camera: { position: [r1(centre[0]), r1(centre[1]), 70], target: [r1(centre[0]), r1(centre[1]), 0] } })
    const [[cx, cy], [ux]] = await project(app.page, [centre, [centre[0] + 1, centre[1], 0]])
    const pxPerMm = Math.abs(ux - cx)
    const lap = (x: number, y: number) => laplacian(png, x, y)
    // The window: 3 mm wide, 1 mm high (the rim is about 3 mm thick and nearly level here).
    const hw = Math.round(1.5 * pxPerMm)
    const hh = Math.round(0.5 * pxPerMm)
    const x0 = Math.round(cx)
    const y0 = Math.round(cy)
    const correlation = (shift: number) => {
      let sab = 0
      let saa = 0
      let sbb = 0
      for (let y = y0 - hh; y <= y0 + hh; y++) {
        for (let x = x0 - hw; x <= x0 + hw; x++) {
          const a = lap(x - shift / 2, y)
          const b = lap(x + shift / 2, y)
          sab += a * b
          saa += a * a
          sbb += b * b
        }
      }
      return sab / Math.sqrt(saa * sbb || 1)
    }
    let worst = { shiftMm: 0, c: -1 }
    for (let s = Math.round(0.6 * pxPerMm); s <= Math.round(2.5 * pxPerMm); s += 2) {
      const c = correlation(s)
      if (c > worst.c) worst = { shiftMm: s / pxPerMm, c }
    }
    console.log(`[sclerosis] ${pxPerMm.toFixed(1)} px/mm; the rim's shading repeats at most ${worst.c.toFixed(2)} (shift ${worst.shiftMm.toFixed(2)} mm)`)
    expect(pxPerMm).toBeGreaterThan(8)
    expect(worst.c).toBeLessThan(0.4)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('from stage II the cut shows a few cysts in the dead bone (fluid, dark), none under the plate, which stage I lacks; the dead bone is flecked in this cut', async () => {
    // ARCO II is "sclerosis, cysts, or both" on the film; the X-ray drew the cysts' lucencies and the
    // caption named them, but the cut showed none (a surgeon's review). Counted in the coronal cut,
    // femur alone: sample points of the dead bone at least 3 mm inside the lesion's edge (clear of
    // its repair band), drawn in the cysts' dark putty.
    const lm = modelLandmarks()
    const R = lm.femoralHead.radius
    const lesion = lesionGeometry(DEFAULT_LESION, lesionAnatomyOf(lm))
    const deep = (x: number, y: number) => [[0, 0], [3, 0], [-3, 0], [0, 3], [0, -3]].every(([dx, dy]) => isInLesion([x + dx!, y + dy!, 0], lesion))
    const points: V3[] = []
    // And the dead bone within 3 mm of the joint surface: a cyst under the plate reads as an early
    // crescent (the same review), so none there.
    const shallow: V3[] = []
    for (let y = -R; y <= R; y += 0.5) {
      for (let x = -R; x <= R; x += 0.5) {
        if (deep(x, y)) points.push([x, y, 0])
        if (isInLesion([x, y, 0], lesion) && Math.hypot(x, y) > R - 3 && Math.hypot(x, y) < R - 0.5) shallow.push([x, y, 0])
      }
    }
    expect(points.length).toBeGreaterThan(500)
    expect(shallow.length).toBeGreaterThan(100)
    const app = await openApp(`flow=0&cut=coronal&cam=0,0,150,0,0,0&hide=${ONLY_FEMUR.join(',')}`)
    const shares = async (s: number, where = points) => {
      const png = await show(app.page, { stage: s })
      const screen = await project(app.page, where as [V3, ...V3[]])
      const colours = screen.map(([x, y]) => sample(png, Math.round(x), Math.round(y)))
      // The cysts' colour: a warmer brown than the dead bone's grey stipple dots (about (78, 76, 72)).
      const cyst = colours.filter((c) => isCystColour(c))
      // The flecks: the dead bone's grey (about (136, 130, 120), luminance 131) darkened to 0.72 of
      // it, luminance about 95; darker still is a cyst (luminance about 69).
      const dots = colours.filter((c) => lum(c) > 82 && lum(c) < 112)
      return { cyst: cyst.length / screen.length, dots: dots.length / screen.length }
    }
    const stageI = (await shares(0.9)).cyst
    const { cyst: stageII, dots } = await shares(1.5)
    const underPlate = (await shares(1.5, shallow)).cyst
    console.log(`[lesion cysts] share of the dead bone drawn as cyst: ${(100 * stageII).toFixed(1)} % at 1.5, ${(100 * stageI).toFixed(1)} % at 0.9; within 3 mm of the surface ${(100 * underPlate).toFixed(1)} %; stipple dots ${(100 * dots).toFixed(1)} %`)
    expect(stageII).toBeGreaterThan(0.02)
    // 0.4 % now (pixels of the plate and cartilage near the colour), 2.7 % with cysts spread through the segment.
    expect(underPlate).toBeLessThan(0.012)
    expect(stageI).toBeLessThan(0.005)
    // And the dead bone's flecks show in this, the default, cut: its dots' cells had their corners
    // on the planes through the head centre, so the cut passed between the dots: 0.2 % of the
    // points, 2.4 % now (fine, sparse flecks: round dots on a lattice read as a pegboard).
    expect(dots).toBeGreaterThan(0.012)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('draws each cyst in a white wall all round, thicker on the side of the living bone', async () => {
    // A smooth oval in an even grey ring read as a drilled hole (surgeons' reviews). Seen close in the
    // default coronal cut at stage II, femur alone: for each cyst (a patch of its dark fill), the
    // wall's width (pale pixels out from the fill's edge) along 24 rays from the fill's middle,
    // and how far the fill's edge strays from a smooth oval (the rays' radii against their
    // running mean over a quarter turn).
    const app = await openApp(`flow=0&cut=coronal&hide=${ONLY_FEMUR.join(',')}`)
    const R = modelLandmarks().femoralHead.radius
    const png = await show(app.page, { stage: 1.5, view: null, camera: { position: [0, r1(0.55 * R), 55], target: [0, r1(0.55 * R), 0] } })
    const [[cx], [ux]] = await project(app.page, [
      [0, 0, 0],
      [1, 0, 0],
    ])
    const pxPerMm = Math.abs(ux - cx)
    const dark = (x: number, y: number) => isCystColour(sample(png, x, y), 14)
    const seen = new Set<number>()
    const cysts: { x: number; y: number; n: number }[] = []
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        if (seen.has(y * png.width + x) || !dark(x, y)) continue
        const stack = [[x, y]]
        let n = 0
        let sx = 0
        let sy = 0
        seen.add(y * png.width + x)
        while (stack.length) {
          const [px, py] = stack.pop()!
          n++
          sx += px!
          sy += py!
          for (const [qx, qy] of [[px! + 1, py!], [px! - 1, py!], [px!, py! + 1], [px!, py! - 1]]) {
            if (qx! < 0 || qy! < 0 || qx! >= png.width || qy! >= png.height || seen.has(qy! * png.width + qx!) || !dark(qx!, qy!)) continue
            seen.add(qy! * png.width + qx!)
            stack.push([qx!, qy!])
          }
        }
        if (n > 2 * pxPerMm * pxPerMm) cysts.push({ x: sx / n, y: sy / n, n })
      }
    }
    const report: string[] = []
    const ratios: number[] = []
    const thin: number[] = []
    const strays: number[] = []
    for (const c of cysts) {
      const edge: number[] = []
      const wall: number[] = []
      for (let k = 0; k < 24; k++) {
        const a = (k / 24) * 2 * Math.PI
        let t = 0
        while (dark(Math.round(c.x + Math.cos(a) * t), Math.round(c.y + Math.sin(a) * t)) && t < 20 * pxPerMm) t += 0.5
        edge.push(t)
        // Past the fill's soft edge (up to 3 px), the wall: pale pixels (lum > 185; the dead grey is 131, the pink 176).
        const pale = (d: number) => lum(sample(png, Math.round(c.x + Math.cos(a) * d), Math.round(c.y + Math.sin(a) * d))) > 185
        let from = t
        while (!pale(from) && from < t + 3) from += 0.5
        let w = from
        while (pale(w)) w += 0.5
        wall.push((w - from) / pxPerMm)
      }
      const smooth = edge.map((_, k) => {
        let sum = 0
        for (let j = -3; j <= 3; j++) sum += edge[(k + j + 24) % 24]!
        return sum / 7
      })
      const stray = Math.max(...edge.map((e, k) => Math.abs(e - smooth[k]!))) / pxPerMm
      const sorted = [...wall].sort((p, q) => p - q)
      const ratio = sorted[20]! / Math.max(sorted[3]!, 0.05)
      ratios.push(ratio)
      thin.push(sorted[3]!)
      strays.push(stray)
      report.push(`at (${Math.round(c.x)}, ${Math.round(c.y)}) ${c.n} px: wall ${sorted[3]!.toFixed(2)}–${sorted[20]!.toFixed(2)} mm, outline strays ${stray.toFixed(2)} mm`)
    }
    console.log(`[cyst shape] ${pxPerMm.toFixed(1)} px/mm; ${report.join('; ')}`)
    expect(cysts.length).toBeGreaterThanOrEqual(2)
    // Every cyst's wall at least 1.6× thicker on its thick side than on its thin one. (The
    // outline's stray from its running mean does not tell a lobulated cyst from an oval one,
    // 0.13–0.16 mm both: it is reported, not tested.)
    expect(Math.min(...ratios)).toBeGreaterThan(1.6)
    // And white (like the rim) all round: the grey wall of before measured 0–0.17 mm as pale.
    expect(Math.min(...thin)).toBeGreaterThan(0.15)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('a cyst shows on a cut only where the cut opens it, and keeps its wall all round: no pale disc of wall alone, no cyst cut off by the pink band', async () => {
    // A cut through a cyst's wall alone drew a pale disc or ring with no dark fill, which read as
    // a hole (a surgeon's review). Coronal cuts at stage II, femur alone: every pale point of the
    // deep dead bone (its cysts' walls: brighter than the grey) lies within 2.5 mm of a cyst's
    // dark fill on the same cut. Before, 1–5 such points at 2, −2 and −4 mm (13 walls beside cysts now).
    const lm = modelLandmarks()
    const R = lm.femoralHead.radius
    const lesion = lesionGeometry(DEFAULT_LESION, lesionAnatomyOf(lm))
    const app = await openApp(`flow=0&cut=coronal&cam=0,0,150,0,0,0&hide=${ONLY_FEMUR.join(',')}`)
    let walls = 0
    const orphans: string[] = []
    for (const offset of [0, 2, -2, -4]) {
      // The coronal plane keeps the back half: offset o puts it at z = −o (domain/section.ts).
      const z = -offset
      // Clear of the repair zone's pink (in 3D: the floor may lie just behind or before the cut)
      // and of the plate.
      const deep = (x: number, y: number) => interfaceDistance([x, y, z], lesion) < -(REPAIR_ZONE_MM.value + 0.6) && Math.hypot(x, y, z) < R - 3
      const points: V3[] = []
      for (let y = -R; y <= R; y += 0.5) for (let x = -R; x <= R; x += 0.5) if (deep(x, y)) points.push([x, y, z])
      const png = await show(app.page, { stage: 1.5, section: { plane: 'coronal', offset, flip: false, normal: [0, 0, 1] } })
      const screen = await project(app.page, points as [V3, ...V3[]])
      const colours = screen.map(([x, y]) => sample(png, Math.round(x), Math.round(y)))
      // The dead bone's grey is about luminance 131, its flecks and the cysts' fill darker; a
      // wall is the grey mixed 0.3–0.65 toward the sclerotic white.
      const pale = points.filter((_, i) => lum(colours[i]!) > 150)
      const fill = points.filter((_, i) => lum(colours[i]!) < 80)
      walls += pale.length
      const lonely = pale.filter(([x, y]) => !fill.some(([u, v]) => Math.hypot(u - x, v - y) <= 2.5))
      if (lonely.length > 0) orphans.push(`${lonely.length} at ${offset} mm (e.g. ${lonely[0]!.join(', ')}: ${colours[points.indexOf(lonely[0]!)]!.join(' ')})`)
    }
    // And a cyst that reaches into the repair zone keeps its wall all round: the pink band was
    // drawn over it, cutting its fill and wall off straight (the default cut's lateral cyst, a
    // second review). Pixels within 2 px of a cyst's fill, in the default cut: 30 of 292 were
    // pink then, 6 of 345 now (where the thin wall is a pixel wide).
    const png = await show(app.page, { stage: 1.5, section: { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] } })
    const [[cx, cy], [ex]] = await project(app.page, [
      [0, 0, 0],
      [R, 0, 0],
    ])
    const rPx = Math.abs(ex - cx)
    // A fill is a patch: a lone dark pixel (the cut's specks, where the pink band has one) is none.
    const isDark = (x: number, y: number) => isCystColour(sample(png, x, y), 12)
    const isFill = (x: number, y: number) =>
      isDark(x, y) && [isDark(x + 1, y), isDark(x - 1, y), isDark(x, y + 1), isDark(x, y - 1)].filter(Boolean).length >= 2
    let fillPx = 0
    let ring = 0
    let pink = 0
    for (let y = Math.round(cy - rPx); y <= cy + rPx; y++) {
      for (let x = Math.round(cx - rPx); x <= cx + rPx; x++) {
        if (isFill(x, y)) {
          fillPx++
          continue
        }
        let near = false
        for (let v = -2; v <= 2 && !near; v++) for (let u = -2; u <= 2 && !near; u++) near = isFill(x + u, y + v)
        if (!near) continue
        ring++
        const [r, , b] = sample(png, x, y)
        if (r - b > 35 && r > 150) pink++
      }
    }
    console.log(`[cyst walls] pale points ${walls}; without a cyst beside them: ${orphans.join('; ') || 'none'}; round the cysts' fill (${fillPx} px) ${pink} of ${ring} px pink`)
    // The cysts the cuts do open have walls: the check is not empty.
    expect(walls).toBeGreaterThan(6)
    expect(orphans).toEqual([])
    expect(fillPx).toBeGreaterThan(20)
    expect(pink).toBeLessThanOrEqual(10)
    expect(describeProblems(app.problems)).toBe('none')
  })

  it('at stage IV the coronal cut through the osteophytes is solid bone, not a hollow', async () => {
    // The cut's stencil passes counted the bone without its osteophytes, so a cut through a lip
    // left it uncapped and the view looked into its inside (dark specks under the head, a
    // surgeon's review). In the coronal cut with the femur alone, a disc over the inferomedial
    // lip on the cut plane is all lit bone: dark pixels there are 0.0 % now, 3.2 % before.
    const app = await openApp(`flow=0&cut=coronal&hide=${ONLY_FEMUR.join(',')}`)
    const png = await show(app.page, { stage: 4 })
    const [x, y] = inferomedialJunction(4)
    const [[cx, cy]] = await project(app.page, [[x, y, 0]])
    let dark = 0
    let total = 0
    for (let py = Math.round(cy) - 14; py <= Math.round(cy) + 14; py++) {
      for (let px = Math.round(cx) - 14; px <= Math.round(cx) + 14; px++) {
        if ((px - cx) ** 2 + (py - cy) ** 2 > 14 ** 2) continue
        total++
        if (Math.max(...sample(png, px, py)) < 110) dark++
      }
    }
    console.log(`[osteophytes] dark pixels over the cut inferomedial lip: ${((100 * dark) / total).toFixed(1)} % of ${total}`)
    expect(dark / total).toBeLessThan(0.01)
    expect(describeProblems(app.problems)).toBe('none')
  })
})
