import { describe, expect, it } from 'vitest'
import { clipPlaneOf, cutChoice, facingSection, viewFacingCut, type SectionState } from '../../src/domain/section.ts'
import type { CameraPose, NamedView, Vec3 } from '../../src/domain/viewState.ts'

const kept = (plane: { normal: Vec3; constant: number }, p: Vec3) =>
  plane.normal[0] * p[0] + plane.normal[1] * p[1] + plane.normal[2] * p[2] + plane.constant >= 0

const coronal: SectionState = { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] }

describe('cross-section planes', () => {
  it('a coronal cut keeps the back half, so the front view shows the cut face', () => {
    const plane = clipPlaneOf(coronal, 'right')
    expect(kept(plane, [0, 0, -10])).toBe(true)
    expect(kept(plane, [0, 0, 10])).toBe(false)
  })

  it('moves the plane by its offset along the preset direction and flips the kept half in place', () => {
    const moved = clipPlaneOf({ ...coronal, offset: 5 }, 'right') // plane at z = -5
    expect(kept(moved, [0, 0, -6])).toBe(true)
    expect(kept(moved, [0, 0, -4])).toBe(false)
    const flipped = clipPlaneOf({ ...coronal, offset: 5, flip: true }, 'right')
    expect(kept(flipped, [0, 0, -6])).toBe(false)
    expect(kept(flipped, [0, 0, -4])).toBe(true)
  })

  it('mirrors the sagittal cut for a left hip, keeping the medial half on both sides', () => {
    const sag: SectionState = { plane: 'sagittal', offset: 0, flip: false, normal: [0, 0, 1] }
    // Right hip: medial is +X. Left hip (mirrored model): medial is -X.
    expect(kept(clipPlaneOf(sag, 'right'), [10, 0, 0])).toBe(true)
    expect(kept(clipPlaneOf(sag, 'left'), [-10, 0, 0])).toBe(true)
    expect(kept(clipPlaneOf(sag, 'left'), [10, 0, 0])).toBe(false)
  })

  it('a facing cut passes through the target and removes the half toward the camera', () => {
    const section = facingSection([0, 100, 300], [0, -20, 0])
    const plane = clipPlaneOf(section, 'right')
    expect(plane.normal[0] * 0 + plane.normal[1] * -20 + plane.normal[2] * 0 + plane.constant).toBeCloseTo(0, 9)
    expect(kept(plane, [0, 0, 50])).toBe(false) // toward the camera
    expect(kept(plane, [0, -40, -50])).toBe(true)
  })
})

describe('choosing a cut shows its face (issue 9)', () => {
  const at = (view: NamedView | null, side: 'right' | 'left' = 'right', camera: CameraPose | null = null) => ({ view, camera, side })

  it('keeps the plane as named when the view looks at its face', () => {
    expect(cutChoice('coronal', at('anterior'))).toEqual({ section: coronal, view: null })
    expect(cutChoice('sagittal', at('lateral', 'left'))).toMatchObject({ section: { plane: 'sagittal', flip: false }, view: null })
    expect(cutChoice('axial', at('superior'))).toMatchObject({ section: { flip: false }, view: null })
  })

  it('keeps the other half when the view looks from behind: the coronal cut from the back', () => {
    const choice = cutChoice('coronal', at('posterior'))
    expect(choice).toMatchObject({ section: { plane: 'coronal', flip: true }, view: null })
    // The kept half is now the front one: the camera (behind the hip, z < 0) is on the removed side.
    expect(kept(clipPlaneOf(choice.section, 'right'), [0, 0, 10])).toBe(true)
    expect(kept(clipPlaneOf(choice.section, 'right'), [0, 0, -10])).toBe(false)
    // A free camera behind the hip too.
    expect(cutChoice('coronal', at(null, 'right', { position: [20, 10, -300], target: [0, 0, 0] })).section.flip).toBe(true)
  })

  it('turns the camera to the view facing the cut when the face would be seen edge-on', () => {
    expect(cutChoice('axial', at('anterior'))).toMatchObject({ section: { flip: false }, view: 'superior' })
    expect(cutChoice('sagittal', at('anterior'))).toMatchObject({ section: { flip: false }, view: 'lateral' })
    expect(cutChoice('coronal', at('lateral', 'left'))).toMatchObject({ section: { flip: false }, view: 'anterior' })
  })

  it('names the view that faces each named cut, where one does', () => {
    expect(viewFacingCut(coronal)).toBe('anterior')
    expect(viewFacingCut({ ...coronal, flip: true })).toBe('posterior')
    expect(viewFacingCut({ ...coronal, plane: 'axial' })).toBe('superior')
    expect(viewFacingCut({ ...coronal, plane: 'sagittal' })).toBe('lateral')
    expect(viewFacingCut({ ...coronal, plane: 'axial', flip: true })).toBeNull()
    expect(viewFacingCut({ ...coronal, plane: 'free' })).toBeNull()
  })
})
