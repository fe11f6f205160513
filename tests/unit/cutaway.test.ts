import { describe, expect, it } from 'vitest'
import { cutawayShown, cutawayWanted, insideCutaway } from '../../src/domain/cutaway.ts'
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/domain/viewState.ts'

const state = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW_STATE, ...patch })

describe('when the window in the socket is open', () => {
  it('opens by itself once the disease is shown, not for the healthy hip or a treatment', () => {
    expect(cutawayShown(state({ stage: 0 }))).toBe(false)
    expect(cutawayShown(state({ stage: 0.1 }))).toBe(true)
    expect(cutawayShown(state({ stage: 3 }))).toBe(true)
    expect(cutawayShown(state({ stage: 3, procedure: 'core-decompression' }))).toBe(false)
  })

  it('follows the user when they choose', () => {
    expect(cutawayShown(state({ stage: 3, cutaway: 'off' }))).toBe(false)
    expect(cutawayShown(state({ stage: 0, cutaway: 'on' }))).toBe(true)
  })

  it('closes for a cut and for the see-through bones, which already show the head, but keeps the wish', () => {
    const cut = state({ stage: 3, section: { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] } })
    expect(cutawayShown(cut)).toBe(false)
    expect(cutawayWanted(cut)).toBe(true)
    expect(cutawayShown(state({ stage: 3, cutaway: 'on', faded: ['femur', 'hipBone'] }))).toBe(false)
  })
})

describe('what the window removes', () => {
  const eye = [0, 0, 300] as const
  const centre = [0, 0, 0] as const
  it('removes points in front of the head inside the cone, and nothing behind the head', () => {
    expect(insideCutaway([0, 0, 20], eye, centre, 32)).toBe(true)
    expect(insideCutaway([25, 0, 10], eye, centre, 32)).toBe(true)
    expect(insideCutaway([0, 0, -5], eye, centre, 32)).toBe(false)
    expect(insideCutaway([0, 20, -30], eye, centre, 32)).toBe(false)
  })

  it('is a cone from the eye: its radius shrinks toward the eye', () => {
    // At the head's depth the edge is at 32 mm; half-way to the eye it is at 16 mm.
    expect(insideCutaway([31, 0, 0.01], eye, centre, 32)).toBe(true)
    expect(insideCutaway([33, 0, 0.01], eye, centre, 32)).toBe(false)
    const near = [0, 0, 100] as const
    expect(insideCutaway([15, 0, 50], near, centre, 32)).toBe(true)
    expect(insideCutaway([17, 0, 50], near, centre, 32)).toBe(false)
  })

  it('cuts only the bone near the head', () => {
    expect(insideCutaway([0, 0, 60], eye, centre, 32)).toBe(true)
    expect(insideCutaway([0, 0, 80], eye, centre, 32)).toBe(false)
  })

  it('removes nothing while closed', () => {
    expect(insideCutaway([0, 0, 20], eye, centre, 0)).toBe(false)
  })
})

describe('the look of the cut', () => {
  it('paints the window’s cut faces like the cross-section’s caps', async () => {
    const { CUT_COLOUR } = await import('../../src/scene/disease/cutawayLook.ts')
    const { CAP_STYLES } = await import('../../src/scene/section/sectionCaps.ts')
    const cap = (id: string) => CAP_STYLES.find((s) => s.id === id)?.color
    expect(CUT_COLOUR.hipBone).toBe(cap('hipBone'))
    expect(CUT_COLOUR.femur).toBe(cap('femur'))
    expect(CUT_COLOUR.acetCartilage).toBe(cap('acetabularCartilage'))
  })
})
