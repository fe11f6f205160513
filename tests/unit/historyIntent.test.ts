import { beforeEach, describe, expect, it } from 'vitest'
import { endGesture, historyMethodFor, takeHistoryIntent } from '../../src/state/historyIntent.ts'
import { useViewStore } from '../../src/state/viewStore.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'

describe('history intent of store actions', () => {
  beforeEach(() => {
    useViewStore.getState().apply(DEFAULT_VIEW_STATE, { kind: 'none' })
    takeHistoryIntent()
    endGesture()
  })

  it('pushes discrete choices', () => {
    useViewStore.getState().setMode('clinician')
    expect(historyMethodFor(takeHistoryIntent())).toBe('push')
    useViewStore.getState().setView('lateral')
    expect(historyMethodFor(takeHistoryIntent())).toBe('push')
  })

  it('adds one entry per slider drag, then replaces it', () => {
    const methods: string[] = []
    for (const stage of [0.1, 0.4, 1.2, 2.3]) {
      useViewStore.getState().setStage(stage, true)
      methods.push(historyMethodFor(takeHistoryIntent()))
    }
    expect(methods).toEqual(['push', 'replace', 'replace', 'replace'])
    expect(useViewStore.getState().stage).toBe(2.3)
  })

  it('starts a new entry when another kind of change comes between two gestures', () => {
    const store = useViewStore.getState()
    store.setStage(1, true)
    historyMethodFor(takeHistoryIntent())
    store.setCamera({ position: [0, 0, 400], target: [0, 0, 0] })
    expect(historyMethodFor(takeHistoryIntent())).toBe('push')
    store.setStage(1.5, true)
    expect(historyMethodFor(takeHistoryIntent())).toBe('push')
  })

  it('keeps stage inside 0..4 and rounds to the link precision', () => {
    useViewStore.getState().setStage(7)
    expect(useViewStore.getState().stage).toBe(4)
    useViewStore.getState().setStage(1.23456)
    expect(useViewStore.getState().stage).toBe(1.23)
  })

  it('a free camera replaces the named view; a named view clears the camera', () => {
    const store = useViewStore.getState()
    store.setCamera({ position: [10.04, 0, 300], target: [0, 0, 0] })
    expect(useViewStore.getState()).toMatchObject({ view: null, camera: { position: [10, 0, 300] } })
    store.setView('posterior')
    expect(useViewStore.getState()).toMatchObject({ view: 'posterior', camera: null })
  })

  it('hides and shows structures as a sorted set', () => {
    const store = useViewStore.getState()
    store.setHidden('femoralArtery', false) // hidden by default
    store.setHidden('labrum', true)
    store.setHidden('femur', true)
    store.setHidden('labrum', true)
    expect(useViewStore.getState().hidden).toEqual(['femur', 'labrum'])
    store.setHidden('femur', false)
    expect(useViewStore.getState().hidden).toEqual(['labrum'])
  })
})
