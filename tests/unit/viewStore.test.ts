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
