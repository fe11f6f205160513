/**
 * The tour player's rules (issue 14), on the real stores: opening plays with the scene timer
 * outside the store (one store change per scene, one history entry per run), Next / Previous
 * pause, the end stops, a scene set from outside (a link, Back, the API) is shown paused with its
 * view, and any change by the user ends the tour and keeps the view; the clicker's keys go
 * through the tour's scenes before a treatment's steps.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'
import { parseViewQuery, sanitizePatch, serializeViewQuery } from '../../src/domain/urlState.ts'
import { sceneState, TOURS } from '../../src/domain/tours/tours.ts'
import { getViewState, useViewStore } from '../../src/state/viewStore.ts'
import { useTourPlayerStore } from '../../src/state/tourPlayerStore.ts'
import { historyMethodFor, takeHistoryIntent } from '../../src/state/historyIntent.ts'
import { pendingWork } from '../../src/state/pendingWork.ts'
import { stepIdsOf } from '../../src/domain/treatment/stepIds.ts'
import { endTour, goToScene, openTour, pause, play, restart, stepBy, togglePlay } from '../../src/state/tourPlayer.ts'
import { goToStep } from '../../src/state/treatmentPlayer.ts'
import { handleGlobalKey } from '../../src/ui/keyboard.ts'

const store = () => useViewStore.getState()
const playing = () => useTourPlayerStore.getState().playing
const seconds = (tour: keyof typeof TOURS, scene: number) => TOURS[tour].scenes[scene]!.seconds * 1000
/** The view a scene shows, as the link writes it (what the reader sees, whatever route led there). */
const link = () => serializeViewQuery(getViewState())
const sceneLink = (tour: keyof typeof TOURS, scene: number) => serializeViewQuery(sceneState(tour, scene, getViewState()))
const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve))

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  pause()
  store().apply(DEFAULT_VIEW_STATE, { kind: 'none' })
  takeHistoryIntent()
})
afterEach(() => {
  pause()
  vi.useRealTimers()
})

describe('playing', () => {
  it('opens at the first scene and plays: each scene after its own time, then stops on the last', () => {
    openTour('healthy-to-collapse')
    expect(getViewState()).toMatchObject({ tour: 'healthy-to-collapse', scene: 0 })
    expect(link()).toBe(sceneLink('healthy-to-collapse', 0))
    expect(playing()).toBe(true)
    expect(pendingWork()).toContain('tour playing')
    const count = TOURS['healthy-to-collapse'].scenes.length
    for (let scene = 1; scene < count; scene++) {
      vi.advanceTimersByTime(seconds('healthy-to-collapse', scene - 1) - 1)
      expect(store().scene, 'not before its time').toBe(scene - 1)
      vi.advanceTimersByTime(1)
      expect(store().scene).toBe(scene)
      expect(link()).toBe(sceneLink('healthy-to-collapse', scene))
    }
    vi.advanceTimersByTime(seconds('healthy-to-collapse', count - 1))
    expect([store().scene, playing()]).toEqual([count - 1, false])
    expect(pendingWork()).not.toContain('tour playing')
    // Play at the end starts again from the first scene.
    play()
    expect([store().scene, playing()]).toEqual([0, true])
  })

  it('one history entry for the scene opened, one for the run that follows', () => {
    const methods: string[] = []
    const stop = useViewStore.subscribe(() => methods.push(historyMethodFor(takeHistoryIntent())))
    openTour('blood-supply')
    for (let i = 0; i < 3; i++) vi.advanceTimersByTime(seconds('blood-supply', i))
    stop()
    expect(methods).toEqual(['push', 'push', 'replace', 'replace'])
  })

  it('pause stops the timer; play goes on from the scene shown; restart plays from the first', () => {
    openTour('blood-supply')
    togglePlay()
    vi.advanceTimersByTime(60_000)
    expect([store().scene, playing()]).toEqual([0, false])
    stepBy(1)
    stepBy(1)
    togglePlay()
    vi.advanceTimersByTime(seconds('blood-supply', 2))
    expect(store().scene).toBe(3)
    restart()
    expect([store().scene, playing()]).toEqual([0, true])
  })
})

describe('stepping', () => {
  it('Next and Previous pause and show each scene; nothing happens past either end', () => {
    openTour('treatment-options')
    expect(stepBy(1)).toBe(true)
    expect([store().scene, playing()]).toEqual([1, false])
    vi.advanceTimersByTime(60_000)
    expect(store().scene).toBe(1)
    expect(stepBy(-1)).toBe(true)
    expect(stepBy(-1)).toBe(false)
    expect(store().scene).toBe(0)
    goToScene(5)
    expect(link()).toBe(sceneLink('treatment-options', 5))
    expect(store()).toMatchObject({ procedure: 'total-hip-replacement', step: stepIdsOf('total-hip-replacement', null).indexOf('reduce'), stage: 3.5 })
    expect(stepBy(1)).toBe(false)
  })

  it('a scene shows the same view whichever way it is reached', () => {
    openTour('blood-supply')
    goToScene(5)
    const forward = link()
    goToScene(7)
    stepBy(-1)
    stepBy(-1)
    expect(link()).toBe(forward)
  })
})

describe('ending', () => {
  it('End tour keeps the view it showed', () => {
    openTour('blood-supply')
    goToScene(3)
    const shown = { ...getViewState(), tour: null, scene: 0 }
    endTour()
    expect(getViewState()).toEqual(shown)
    expect(playing()).toBe(false)
  })

  it('any change by the user ends the tour and keeps the rest of the view; words and presenter mode do not', () => {
    const changes: [string, () => void][] = [
      ['stage slider', () => store().setStage(1.7, true)],
      ['view button', () => store().setView('lateral')],
      ['camera drag', () => store().setCamera({ position: [0, 0, 300], target: [0, 0, 0] })],
      ['structure list', () => store().setHidden('labrum', true)],
      ['images button', () => store().setImages(true)],
      ['API call', () => store().apply(sanitizePatch({ lesionSize: 'small' }).patch, { kind: 'gesture', key: 'api' })],
      ['treatment step', () => goToStep(2)],
    ]
    for (const [what, act] of changes) {
      openTour('treatment-options')
      goToScene(2)
      const before = getViewState()
      act()
      const after = getViewState()
      expect(after.tour, what).toBeNull()
      expect(after.scene, what).toBe(0)
      expect(playing(), what).toBe(false)
      // Everything the scene showed and the change did not touch stays.
      expect(after.procedure, what).toBe(before.procedure)
      expect(after.section, what).toEqual(before.section)
    }
    openTour('blood-supply')
    goToScene(2)
    store().setMode('clinician')
    store().setPresent(true)
    expect(getViewState()).toMatchObject({ tour: 'blood-supply', scene: 2, mode: 'clinician', present: true })
  })
})

describe('from outside: links, Back/Forward, the API', () => {
  it('a link holds the tour and its scene, 1-based, validated with a notice like other values', () => {
    expect(parseViewQuery('tour=blood-supply&scene=3').patch).toMatchObject({ tour: 'blood-supply', scene: 2 })
    expect(parseViewQuery('tour=blood-supply').patch).toMatchObject({ tour: 'blood-supply' })
    expect(parseViewQuery('tour=nope&scene=2').ignored).toEqual(['tour=nope', 'scene=2 (no tour chosen)'])
    expect(parseViewQuery('tour=healthy-to-collapse&scene=99')).toEqual({ patch: { tour: 'healthy-to-collapse', scene: 6 }, ignored: ['scene=99 (shown as 7)'] })
    expect(parseViewQuery('tour=healthy-to-collapse&scene=1.5').ignored).toEqual(['scene=1.5'])
    const state = sceneState('treatment-options', 4, DEFAULT_VIEW_STATE)
    expect(serializeViewQuery(state)).toMatch(/&tour=treatment-options&scene=5$/)
    expect({ ...DEFAULT_VIEW_STATE, ...parseViewQuery(serializeViewQuery(state)).patch }).toEqual(state)
  })

  it('the API takes the same fields (scene 0-based, as getState() gives it)', () => {
    expect(sanitizePatch({ tour: 'blood-supply', scene: 7 })).toEqual({ patch: { tour: 'blood-supply', scene: 7 }, ignored: [] })
    expect(sanitizePatch({ tour: 'blood-supply', scene: 8 }).ignored).toEqual(['scene=8 (shown as 7)'])
    expect(sanitizePatch({ scene: 1 }).ignored).toEqual(['scene=1 (no tour chosen)'])
    // What getState() reports without a tour goes back in whole (the e2e pages reset that way).
    expect(sanitizePatch({ tour: null, scene: 0 })).toEqual({ patch: { tour: null, scene: 0 }, ignored: [] })
    expect(sanitizePatch({ scene: 1 }, { currentTour: 'blood-supply' }).patch).toEqual({ scene: 1 })
    expect(sanitizePatch({ tour: null }).patch).toEqual({ tour: null, scene: 0 })
    expect(sanitizePatch({ tour: 'x' }).ignored).toEqual(['tour=x'])
  })

  it('a scene set from outside is shown paused, with its view when the link lacks it', async () => {
    openTour('healthy-to-collapse')
    expect(playing()).toBe(true)
    // A hand-made link: only the tour and the scene (the view is the default one).
    store().apply({ ...DEFAULT_VIEW_STATE, tour: 'healthy-to-collapse', scene: 4 }, { kind: 'none' })
    expect(playing()).toBe(false)
    await flush()
    expect(link()).toBe(sceneLink('healthy-to-collapse', 4))
    expect(store().stage).toBe(2.5)
  })
})

describe('the clicker keys', () => {
  const key = (k: string) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, repeat: false, target: null }) as unknown as KeyboardEvent

  it('go through the tour before the open treatment\'s steps (a tour scene with a treatment)', async () => {
    openTour('treatment-options')
    goToScene(1)
    expect(store().procedure).toBe('core-decompression')
    for (const [k, scene] of [['PageDown', 2], [' ', 3], ['ArrowRight', 4], ['PageUp', 3], ['ArrowLeft', 2]] as const) {
      expect(handleGlobalKey(key(k), 'nothing'), k).toBe(true)
      await vi.dynamicImportSettled()
      expect(store().scene, k).toBe(scene)
      expect(store().tour, k).toBe('treatment-options')
    }
  })

  it('Escape ends the tour and keeps the view', async () => {
    vi.stubGlobal('document', { querySelector: () => null })
    try {
      openTour('blood-supply')
      goToScene(6)
      const shown = link()
      expect(handleGlobalKey(key('Escape'), 'nothing')).toBe(true)
      await vi.dynamicImportSettled()
      expect(store().tour).toBeNull()
      expect(link()).toBe(shown.replace(/&tour=blood-supply&scene=7$/, ''))
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
