import { describe, expect, it } from 'vitest'
import { ACETABULAR_CHANGES, XRAY_ATTENUATION, excessAttenuation, xraySignDensities, xraySigns } from '../../src/domain/imaging/xrayAttenuation.ts'
import { MRI_SIGNAL, mriSignal, mriSigns } from '../../src/domain/imaging/mriSignal.ts'
import { FILM_FOG, filmGrey } from '../../src/domain/imaging/filmResponse.ts'
import { imageCaption } from '../../src/domain/imaging/imagingCaptions.ts'
import { IMAGE_FRAMES, mriSliceZ, scaleBarMm } from '../../src/domain/imaging/imageFrames.ts'
import { STAGE_FINDINGS } from '../../src/domain/staging/findings.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'
import { parseViewQuery, sanitizePatch, serializeViewQuery } from '../../src/domain/urlState.ts'
import { imagePixelsFor, MAX_IMAGE_PX } from '../../src/state/imagingStore.ts'
import { stillPictureCssPx } from '../../src/ui/imaging/imageSheet.ts'
import { FROG_LEG_ABDUCTION_DEG, FROG_LEG_FLEXION_DEG, frogLegRotation, rotate } from '../../src/domain/imaging/frogLeg.ts'
import { IMAGE_KINDS, imageTitle } from '../../src/domain/imaging/imageKinds.ts'
import { loadLandmarks } from './model-loader.ts'
import { PIECE_TISSUE, pieceTissue } from '../../src/domain/imaging/treatmentTissues.ts'
import { IMPLANT_KINDS, PIECE_KINDS } from '../../src/domain/treatment/frame.ts'

const STAGES = Array.from({ length: 81 }, (_, i) => i / 20)
/** No sign at all (0 or -0: a lucency at zero strength is -0). */
const NONE = { scleroticRim: 0, patchySclerosis: 0, crescent: 0, acetabularSclerosis: 0, acetabularCyst: 0 }
const absolute = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.abs(v)]))

describe('X-ray densities', () => {
  it('orders the tissues as a film shows them: cortex, hip bone, cancellous, then cartilage and soft tissue', () => {
    const a = (t: keyof typeof XRAY_ATTENUATION) => XRAY_ATTENUATION[t].value
    expect(a('cortex')).toBeGreaterThan(a('hipBone'))
    expect(a('hipBone')).toBeGreaterThan(a('cancellous'))
    expect(a('cancellous')).toBeGreaterThan(a('cartilage'))
    expect(a('cartilage')).toBeGreaterThanOrEqual(a('softTissue'))
    expect(excessAttenuation('softTissue')).toBe(0)
    // Cartilage is radiolucent: the joint space is dark on a film.
    expect(excessAttenuation('cartilage')).toBeLessThan(0.25 * excessAttenuation('cancellous'))
  })

  it('adds nothing before ARCO II: the film at stage 0 and ARCO I is normal by construction', () => {
    for (const s of STAGES.filter((v) => v <= 1)) expect(absolute({ ...xraySignDensities(s) })).toEqual(NONE)
  })

  it('brings sclerosis in at II, the lucent crescent at III and the acetabular sclerosis at IV, each only rising', () => {
    expect(xraySigns(1.5).scleroticRim).toBeGreaterThan(0.3)
    expect(xraySigns(2).crescent).toBe(0)
    expect(xraySigns(2.5).crescent).toBe(1)
    expect(xraySignDensities(2.5).crescent).toBeLessThan(0)
    // As dark at mid-IIIA as at its end: the extent sets the crack's length, not its darkness.
    expect(xraySignDensities(2.25).crescent).toBe(xraySignDensities(2.5).crescent)
    expect(xraySigns(2.5).acetabularSclerosis).toBe(0)
    expect(xraySigns(3.5).acetabularSclerosis).toBeGreaterThan(0)
    for (let i = 1; i < STAGES.length; i++) {
      const [a, b] = [xraySigns(STAGES[i - 1]!), xraySigns(STAGES[i]!)]
      expect(b.scleroticRim).toBeGreaterThanOrEqual(a.scleroticRim)
      expect(b.crescent).toBeGreaterThanOrEqual(a.crescent)
      expect(b.acetabularSclerosis).toBeGreaterThanOrEqual(a.acetabularSclerosis)
    }
  })

  it('at IV makes the roof as dense as cortex and its cysts as lucent as soft tissue, each cyst inside the sclerotic band', () => {
    // At full strength (the end of IV); before it both scale with the table's acetabularSclerosis.
    expect(xraySigns(4).acetabularSclerosis).toBe(1)
    const iv = xraySignDensities(4)
    expect(XRAY_ATTENUATION.hipBone.value + iv.acetabularSclerosis).toBeCloseTo(XRAY_ATTENUATION.cortex.value, 0)
    expect(XRAY_ATTENUATION.hipBone.value + iv.acetabularCyst).toBeCloseTo(XRAY_ATTENUATION.softTissue.value, 6)
    expect(xraySigns(3.5).acetabularCyst).toBe(xraySigns(3.5).acetabularSclerosis)
    expect(ACETABULAR_CHANGES.plateMm, 'bone left between a cyst and the joint, mm').toBeGreaterThanOrEqual(1)
    for (const c of ACETABULAR_CHANGES.cysts.value) {
      // Its centre is the plate and its own depth (radius along y) under the surface.
      expect(ACETABULAR_CHANGES.plateMm + 2 * c.radiiMm[1], 'a cyst within the thickest sclerosis, mm').toBeLessThanOrEqual(ACETABULAR_CHANGES.sclerosisDomeMm.value)
      expect(c.direction[1] / Math.hypot(...c.direction), 'a cyst under the roof').toBeGreaterThan(0.9)
    }
  })
})

describe('MRI signals', () => {
  it('shows fatty marrow bright on T1 and the lesion band dark; on T2 the double line, dark outside and bright inside', () => {
    expect(mriSignal('fattyMarrow', 'T1')).toBeGreaterThan(0.8)
    expect(mriSignal('necroticCentre', 'T1')).toBeGreaterThan(0.8)
    expect(mriSignal('interfaceInner', 'T1')).toBeLessThan(0.2)
    expect(mriSignal('scleroticOuter', 'T1')).toBeLessThan(0.2)
    expect(mriSignal('interfaceInner', 'T2')).toBeGreaterThan(0.8)
    expect(mriSignal('scleroticOuter', 'T2')).toBeLessThan(0.2)
    expect(mriSignal('cortex', 'T1')).toBeLessThan(0.1)
  })

  it('shows oedema and fluid bright on T2 and low on T1', () => {
    for (const t of ['oedema', 'fluid', 'fracture'] as const) {
      expect(mriSignal(t, 'T2')).toBeGreaterThan(0.8)
      expect(mriSignal(t, 'T1')).toBeLessThan(0.35)
    }
  })

  it('is abnormal at ARCO I while the X-ray is still normal: the band outlines the lesion', () => {
    expect(mriSigns(0)).toEqual({ demarcation: 0, interfaceLine: 0, scleroticLine: 0, oedema: 0, fracture: 0, effusion: 0, acetabular: 0 })
    const one = mriSigns(0.75)
    expect(one.demarcation).toBeGreaterThan(0.3)
    expect(one.scleroticLine).toBeGreaterThan(0.3)
    expect(absolute({ ...xraySignDensities(0.75) })).toEqual(NONE)
  })

  it('shows the roof\'s osteoarthritis only once the joint wears (with the X-ray\'s acetabular sclerosis)', () => {
    for (const s of STAGES) expect(mriSigns(s).acetabular, `stage ${s}`).toBe(xraySigns(s).acetabularSclerosis)
    expect(mriSigns(2.5).acetabular).toBe(0)
    expect(mriSigns(4).acetabular).toBe(1)
  })

  it('lets oedema rise to pericollapse, then fall', () => {
    const oedema = STAGES.map((s) => mriSigns(s).oedema)
    const peak = oedema.indexOf(Math.max(...oedema))
    expect(STAGES[peak]).toBeGreaterThan(2)
    expect(STAGES[peak]).toBeLessThanOrEqual(2.75)
    for (let i = 1; i <= peak; i++) expect(oedema[i]!).toBeGreaterThanOrEqual(oedema[i - 1]!)
    for (let i = peak + 1; i < oedema.length; i++) expect(oedema[i]!).toBeLessThanOrEqual(oedema[i - 1]!)
  })

  it('cites every tissue', () => {
    for (const c of Object.values(MRI_SIGNAL)) expect(c.sources.length).toBeGreaterThan(0)
  })
})

describe('film response', () => {
  it('is soft tissue grey with nothing in the way, brightens monotonically with attenuation and never passes white', () => {
    expect(filmGrey(0)).toBeCloseTo(FILM_FOG, 10)
    expect(filmGrey(-5)).toBeCloseTo(FILM_FOG, 10)
    let last = filmGrey(0)
    for (let a = 1; a <= 300; a += 1) {
      const g = filmGrey(a)
      expect(g).toBeGreaterThan(last)
      expect(g).toBeLessThanOrEqual(1)
      last = g
    }
  })

  it('reads the femoral head mid to light grey and a cortex seen edge-on clearly brighter', () => {
    // 46 mm of cancellous bone inside a 1.6 mm plate on both sides.
    const head = filmGrey(46 * excessAttenuation('cancellous') + 2 * 1.6 * excessAttenuation('cortex'))
    // A 5 mm cortex of a 15 mm radius shaft, seen tangentially: a chord of 2·√(2·15·5 − 25) ≈ 22 mm.
    const cortex = filmGrey(22 * excessAttenuation('cortex'))
    expect(head).toBeGreaterThan(0.45)
    expect(head).toBeLessThan(0.8)
    expect(cortex).toBeGreaterThan(0.7)
    expect(cortex - head).toBeGreaterThan(0.1)
  })
})

describe('a treatment in the pictures', () => {
  it('gives every piece kind a tissue (or none), every implant one, and orders them as a post-operative film shows them', () => {
    expect(Object.keys(PIECE_TISSUE).sort()).toEqual([...PIECE_KINDS].sort())
    for (const kind of IMPLANT_KINDS) expect(PIECE_TISSUE[kind], kind).not.toBeNull()
    const a = (t: keyof typeof XRAY_ATTENUATION) => XRAY_ATTENUATION[t].value
    expect(a('metal')).toBeGreaterThan(a('ceramic'))
    expect(a('ceramic')).toBeGreaterThan(a('boneCement'))
    expect(a('boneCement')).toBeGreaterThan(a('cortex'))
    // The liner is faint: less than soft tissue, the gap between the head and the shell.
    expect(a('polyethylene')).toBeLessThan(a('softTissue'))
    expect(PIECE_TISSUE['femoral-stem']).toEqual({ xray: 'metal', mri: 'void' })
    expect(PIECE_TISSUE['acetabular-liner']?.xray).toBe('polyethylene')
    expect(PIECE_TISSUE['fibula-graft']?.xray).toBe('cortex')
    expect(pieceTissue('prosthetic-head', { kind: 'head', diameter: 32, neckLength: 0, material: 'ceramic' })?.xray).toBe('ceramic')
    expect(pieceTissue('prosthetic-head', { kind: 'head', diameter: 32, neckLength: 0, material: 'metal' })?.xray).toBe('metal')
    // The MRI shows the implants as a black void on both weightings.
    expect(mriSignal('signalVoid', 'T1')).toBeLessThan(0.05)
    expect(mriSignal('signalVoid', 'T2')).toBeLessThan(0.05)
  })
})

describe('frog-leg lateral', () => {
  it('turns the femur rigidly: the shaft goes forward (flexion), out to the patient’s side and still down', () => {
    const r = frogLegRotation()
    const dot = (a: readonly number[], b: readonly number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!
    const axes = [rotate(r, [1, 0, 0]), rotate(r, [0, 1, 0]), rotate(r, [0, 0, 1])]
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(dot(axes[i]!, axes[j]!)).toBeCloseTo(i === j ? 1 : 0, 10)
    const shaft = rotate(r, [0, -1, 0])
    expect(shaft[2], 'forward').toBeGreaterThan(0.3)
    expect(shaft[0], 'toward the patient’s right, the lateral side of a right hip').toBeLessThan(-0.5)
    expect(shaft[1], 'still downward').toBeLessThan(0)
    expect([FROG_LEG_FLEXION_DEG, FROG_LEG_ABDUCTION_DEG]).toEqual([45, 60])
    expect(frogLegRotation(0, 0).map((v) => Math.round(v * 1e9) / 1e9 + 0)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1])
  })

  it('shows the neck from the side: the beam, in the femur’s own frame, turned ≥ 70° about the neck from the AP’s (a turn about the beam only spins the picture)', async () => {
    const lm = await loadLandmarks()
    const r = frogLegRotation()
    const n = lm.neckAxis.direction
    // The beam (front to back) as the posed femur sees it: the inverse turn of the beam's direction.
    const inverse = [r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]] as unknown as Parameters<typeof rotate>[0]
    const beam: [number, number, number] = [0, 0, -1]
    const seen = rotate(inverse, beam)
    const acrossNeck = (v: readonly number[]) => {
      const d = v[0]! * n[0] + v[1]! * n[1] + v[2]! * n[2]
      const w = [v[0]! - d * n[0], v[1]! - d * n[1], v[2]! - d * n[2]]
      const l = Math.hypot(w[0]!, w[1]!, w[2]!)
      return w.map((x) => x / l)
    }
    const a = acrossNeck(beam)
    const b = acrossNeck(seen)
    const turn = (Math.acos(Math.min(1, a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!)) * 180) / Math.PI
    // The first version swung the thigh about the beam: 36° about the neck, an oblique.
    expect(turn, 'the view turned about the neck, degrees').toBeGreaterThanOrEqual(70)
  })

  it('is a third picture with its own title and the film’s findings as caption', () => {
    expect(IMAGE_KINDS).toEqual(['xray', 'frogLeg', 'mri'])
    expect(imageTitle('frogLeg')).toBe('X-ray, frog-leg lateral')
    expect(imageCaption('frogLeg', 2.25, 'clinician').text).toBe(STAGE_FINDINGS.IIIA.xray.value)
    expect(imageCaption('frogLeg', 2.25, 'patient').text).toMatch(/^This is what an X-ray from the side \(frog-leg\) may show at this stage: .*crescent/)
  })
})

describe('image captions, frames and sizes', () => {
  it('tells a patient the healthy hip’s MRI is normal, and an early one usually still is (no "nothing yet" at stage 0)', () => {
    expect(imageCaption('mri', 0, 'patient').text).toMatch(/: A healthy hip: the MRI is normal\.$/)
    expect(imageCaption('mri', 0.3, 'patient').text).toMatch(/Usually still normal; a modern MRI may already show an early change\.$/)
    expect(imageCaption('mri', 0, 'patient').text).not.toMatch(/yet/)
  })

  it('speaks plainly to patients and gives clinicians the staging finding with its sources', () => {
    expect(imageCaption('xray', 0.75, 'patient').text).toMatch(/^This is what an X-ray may show at this stage: .*normal/)
    expect(imageCaption('mri', 0.75, 'patient').text).toMatch(/^This is what an MRI may show at this stage: /)
    expect(imageCaption('xray', 2.25, 'clinician').text).toBe(STAGE_FINDINGS.IIIA.xray.value)
    expect(imageCaption('mri', 0.75, 'clinician').citation.sources).toEqual(STAGE_FINDINGS.I.mri.sources)
  })

  it('puts a round scale bar of at most a third of each frame', () => {
    for (const frame of Object.values(IMAGE_FRAMES)) {
      const bar = scaleBarMm(frame.sizeMm)
      expect([10, 20, 50]).toContain(bar)
      expect(bar).toBeLessThanOrEqual(frame.sizeMm / 3)
    }
  })

  it('slices the MRI through the head centre, or along a coronal cut where the view is cut', () => {
    expect(mriSliceZ(null, 0.4)).toBe(0.4)
    expect(mriSliceZ({ plane: 'axial', offset: 5, flip: false, normal: [0, 0, 1] }, 0.4)).toBe(0.4)
    // The coronal plane's normal points back (-Z): an offset of 8 mm along it is 8 mm behind the centre.
    expect(mriSliceZ({ plane: 'coronal', offset: 8, flip: false, normal: [0, 0, 1] }, 0)).toBeCloseTo(-8, 6)
    expect(mriSliceZ({ plane: 'coronal', offset: 8, flip: true, normal: [0, 0, 1] }, 0)).toBeCloseTo(-8, 6)
  })

  it('renders pictures at their size on screen in steps of 64 device pixels, within bounds', () => {
    expect(imagePixelsFor(250, 1)).toBe(256)
    expect(imagePixelsFor(250, 2)).toBe(512)
    expect(imagePixelsFor(2000, 2)).toBe(MAX_IMAGE_PX)
    expect(imagePixelsFor(10, 1)).toBe(128)
  })

  it('gives each picture of a saved image a share of its width: side by side when wide, larger one under the other when narrow', () => {
    // A 1280 px view: three pictures side by side, at most 420 px each.
    expect(stillPictureCssPx(1280, 3)).toBe(Math.floor((1280 - 16 * 4) / 3))
    expect(stillPictureCssPx(2560, 3)).toBe(420)
    // A phone's 390 px view: one under the other, each beside its words.
    expect(stillPictureCssPx(390, 3)).toBe(Math.floor(390 * 0.42))
    expect(stillPictureCssPx(700, 3)).toBeGreaterThan(stillPictureCssPx(720, 3) / 2)
  })

  it('keeps the open panel in the link (images=1) and reads it back; anything else is named and ignored', () => {
    const query = serializeViewQuery({ ...DEFAULT_VIEW_STATE, images: true })
    expect(query).toBe('?images=1')
    expect(parseViewQuery(query)).toEqual({ patch: { images: true }, ignored: [] })
    expect(serializeViewQuery(DEFAULT_VIEW_STATE)).toBe('')
    expect(parseViewQuery('?images=yes').ignored).toEqual(['images=yes'])
    expect(sanitizePatch({ images: true }).patch).toEqual({ images: true })
  })
})
