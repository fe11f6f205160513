/**
 * The link from a point of a simulated picture to the hip (issue 13), and the captions' source
 * lines: pure domain rules.
 */
import { describe, expect, it } from 'vitest'
import { IMAGE_FRAMES } from '../../src/domain/imaging/imageFrames.ts'
import { modelToSpot, onPicture, spotToModel } from '../../src/domain/imaging/picturePoint.ts'
import { movedSpot } from '../../src/domain/imaging/pictureKeys.ts'
import { densestAlongBeam } from '../../src/domain/imaging/xrayPick.ts'
import { imageCaption, imageFullSources, imageSourceLine } from '../../src/domain/imaging/imagingCaptions.ts'
import { IMAGE_KINDS } from '../../src/domain/imaging/imageKinds.ts'
import { SOURCES } from '../../src/domain/sources.ts'
import type { Vec3 } from '../../src/domain/viewState.ts'

const CENTRE: Vec3 = [1, 2, 3]

describe('a point of a picture in the hip', () => {
  it('puts the head centre where the frame places it, the patient’s right on the viewer’s left, superior up', () => {
    const frame = IMAGE_FRAMES.xray
    const spot = modelToSpot(frame, CENTRE, 'right', CENTRE)
    expect(spot.u).toBeCloseTo(0.5 - frame.offset[0] / frame.sizeMm, 9)
    expect(spot.v).toBeCloseTo(0.5 + frame.offset[1] / frame.sizeMm, 9)
    // +X (the patient's left) goes right, +Y (superior) goes up.
    expect(modelToSpot(frame, CENTRE, 'right', [CENTRE[0] + 10, CENTRE[1] + 10, 0]).u).toBeGreaterThan(spot.u)
    expect(modelToSpot(frame, CENTRE, 'right', [CENTRE[0] + 10, CENTRE[1] + 10, 0]).v).toBeLessThan(spot.v)
  })

  it('reads a left hip’s mirrored picture back to the same point of the model', () => {
    for (const kind of IMAGE_KINDS) {
      const frame = IMAGE_FRAMES[kind]
      const point: Vec3 = [CENTRE[0] + 7, CENTRE[1] - 11, 0]
      for (const side of ['right', 'left'] as const) {
        const spot = modelToSpot(frame, CENTRE, side, point)
        expect(onPicture(spot)).toBe(true)
        const [x, y] = spotToModel(frame, CENTRE, side, spot)
        expect(x).toBeCloseTo(point[0], 9)
        expect(y).toBeCloseTo(point[1], 9)
      }
      expect(modelToSpot(frame, CENTRE, 'left', point).u).toBeCloseTo(1 - modelToSpot(frame, CENTRE, 'right', point).u, 9)
    }
  })

  it('names on a film what stops the beam most: the head over the thin socket wall in front of it, the femur for its core', () => {
    // A beam through the head: 4 mm of the socket's anterior wall, the head's cortex shell and its cancellous core.
    const head = densestAlongBeam([
      { structure: 'hipBone', start: 10, end: 14 },
      { structure: 'femoralHeadCartilage', start: 16, end: 18 },
      { structure: 'femur', start: 18, end: 19.5 },
      { structure: 'femurCancellous', start: 19.5, end: 62.5 },
      { structure: 'femur', start: 62.5, end: 64 },
      { structure: 'jointCapsule', start: 0, end: 90 },
    ])
    expect(head).toEqual({ structure: 'femur', start: 18, end: 64 })
    // Above the head: the roof of the socket.
    expect(densestAlongBeam([{ structure: 'hipBone', start: 20, end: 45 }, { structure: 'acetabularCartilage', start: 44, end: 46 }])?.structure).toBe('hipBone')
    // Only what a film does not show (a capsule), or nothing: no structure.
    expect(densestAlongBeam([{ structure: 'jointCapsule', start: 0, end: 40 }])).toBeNull()
    expect(densestAlongBeam([])).toBeNull()
  })
})

describe('the images’ source lines', () => {
  it('never cut a name: a long list of authors ends at a name with "et al", and the full references are available', () => {
    for (const kind of IMAGE_KINDS) {
      for (const stage of [0, 0.75, 1.5, 2.25, 2.75, 3.25, 3.75]) {
        const caption = imageCaption(kind, stage, 'clinician')
        const line = imageSourceLine(caption)
        expect(line, line).not.toContain('…')
        // Every short entry is the start of its reference, ending at a whole word.
        const entries = line.replace(/^Source: /, '').replace(/\.$/, '').split('; ')
        caption.citation.sources.forEach((key, i) => {
          const short = entries[i]!.replace(/, et al$/, '')
          expect(SOURCES[key].citation.startsWith(short), `${short} starts ${SOURCES[key].citation}`).toBe(true)
          expect(/[\s,.:(]|$/.test(SOURCES[key].citation.charAt(short.length)), `"${short}" ends at a word's end`).toBe(true)
        })
        for (const key of caption.citation.sources) expect(imageFullSources(caption)).toContain(SOURCES[key].citation)
      }
    }
  })
})

describe('the keyboard marker on a picture', () => {
  it('moves a fiftieth of the picture per arrow key, a tenth with Shift, and stays on the picture', () => {
    const centre = { u: 0.5, v: 0.5 }
    expect(movedSpot(centre, 'ArrowLeft', false)).toEqual({ u: 0.48, v: 0.5 })
    expect(movedSpot(centre, 'ArrowRight', true)).toEqual({ u: 0.6, v: 0.5 })
    // Up is towards the top of the picture (v counts from the top, as shown).
    expect(movedSpot(centre, 'ArrowUp', false)).toEqual({ u: 0.5, v: 0.48 })
    expect(movedSpot(centre, 'ArrowDown', true)).toEqual({ u: 0.5, v: 0.6 })
    expect(movedSpot({ u: 0.01, v: 0.99 }, 'ArrowLeft', true)).toEqual({ u: 0, v: 0.99 })
    expect(movedSpot({ u: 0.01, v: 0.99 }, 'ArrowDown', true)).toEqual({ u: 0.01, v: 1 })
    expect(movedSpot(centre, 'Enter', false)).toBeNull()
    expect(movedSpot(centre, 'PageDown', false)).toBeNull()
  })

  it('lands back where it started after 50 steps right and 50 left (no drift)', () => {
    let spot = { u: 0, v: 0.3 }
    for (let i = 0; i < 50; i++) spot = movedSpot(spot, 'ArrowRight', false)!
    expect(spot.u).toBe(1)
    for (let i = 0; i < 50; i++) spot = movedSpot(spot, 'ArrowLeft', false)!
    expect(spot).toEqual({ u: 0, v: 0.3 })
  })
})
