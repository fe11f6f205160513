import { beforeEach, describe, expect, it } from 'vitest'
import { getViewState, useViewStore } from '../../src/state/viewStore.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'

describe('the plain view state of the store', () => {
  beforeEach(() => {
    useViewStore.getState().apply(DEFAULT_VIEW_STATE, { kind: 'none' })
  })

  it('has every view-state field, in order, and no action', () => {
    const state = getViewState()
    expect(Object.keys(state)).toEqual(Object.keys(DEFAULT_VIEW_STATE))
    expect(state).toEqual(DEFAULT_VIEW_STATE)
    expect(Object.values(state).some((v) => typeof v === 'function')).toBe(false)
  })

  it('follows the store', () => {
    const store = useViewStore.getState()
    store.setStage(2.5)
    store.setMode('clinician')
    store.setHidden('labrum', true)
    expect(getViewState()).toEqual({ ...DEFAULT_VIEW_STATE, stage: 2.5, mode: 'clinician', hidden: ['femoralArtery', 'labrum'] })
  })
})

describe('choosing the other hip', () => {
  beforeEach(() => useViewStore.getState().apply({ ...DEFAULT_VIEW_STATE }, { kind: 'replace' }))

  it('mirrors a free cut with the hip (a cut along the right neck goes along the left one); named cuts are mirrored where they are drawn', () => {
    const free = { plane: 'free', offset: -2.7, flip: false, normal: [0.2137, 0.2421, -0.9464] } as const
    useViewStore.getState().setSection(free)
    useViewStore.getState().setSide('left')
    expect(getViewState().section).toEqual({ ...free, normal: [-0.2137, 0.2421, -0.9464] })
    useViewStore.getState().setSide('right')
    expect(getViewState().section).toEqual(free)
    const coronal = { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] } as const
    useViewStore.getState().setSection(coronal)
    useViewStore.getState().setSide('left')
    expect(getViewState().section).toEqual(coronal)
  })
})
