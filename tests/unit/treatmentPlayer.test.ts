/**
 * The treatment player's rules (issue 11), on the real stores: stepping, skipping optional
 * steps, playing through the clock with one store change per step and one history entry per
 * run, pausing on outside changes, idle() waiting while playing, and closing back to the
 * disease view exactly as it was.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/domain/viewState.ts'
import { STEP_SECONDS } from '../../src/domain/treatment/steps.ts'
import { stepCountOf } from '../../src/domain/procedureStepCounts.ts'
import { getViewState, useViewStore } from '../../src/state/viewStore.ts'
import { usePlayerStore } from '../../src/state/playerStore.ts'
import { clockT } from '../../src/state/treatmentClock.ts'
import { pendingWork } from '../../src/state/pendingWork.ts'
import { historyMethodFor, takeHistoryIntent } from '../../src/state/historyIntent.ts'
import { treatmentMoment } from '../../src/state/treatmentMoment.ts'
import { useStatusStore } from '../../src/state/statusStore.ts'
import {
  advanceClock,
  chooseVariant,
  closeTreatment,
  goToStep,
  openTreatment,
  pause,
  play,
  scrubTo,
  setSkipOptional,
  stageLinkedStep,
  stepBy,
  togglePlay,
} from '../../src/state/treatmentPlayer.ts'
import { setTreatmentStaging } from '../../src/state/treatmentStaging.ts'

const store = () => useViewStore.getState()
const playing = () => usePlayerStore.getState().playing
/** Plays the current step to its end (the scene's driver does this frame by frame), and lets the next one begin. */
const playOneStep = () => {
  for (let i = 0; i < 4; i++) advanceClock(STEP_SECONDS / 4)
  vi.runOnlyPendingTimers()
}

beforeEach(() => {
  vi.useFakeTimers()
  pause()
  setSkipOptional(false)
  store().apply(DEFAULT_VIEW_STATE, { kind: 'none' })
  takeHistoryIntent()
})

afterEach(() => {
  vi.runOnlyPendingTimers()
  vi.useRealTimers()
})

describe('stepping', () => {
  it('opens at the first step\'s end, paused; Next and Previous show each step\'s end', () => {
    openTreatment('core-decompression')
    expect(getViewState()).toMatchObject({ procedure: 'core-decompression', variant: null, step: 0 })
    expect([clockT(), playing()]).toEqual([1, false])
    expect(stepBy(1)).toBe(true)
    expect([store().step, clockT()]).toEqual([1, 1])
    expect(stepBy(-1)).toBe(true)
    expect(stepBy(-1)).toBe(false)
    expect(store().step).toBe(0)
  })

  it('"skip optional steps" passes over them going forward and back; a step chosen in the list is shown anyway', () => {
    openTreatment('core-decompression') // optional: 1 (arthroscopy), 5 (debridement), 6 (BMAC)
    setSkipOptional(true)
    const seen = [store().step]
    while (stepBy(1)) seen.push(store().step)
    expect(seen).toEqual([0, 2, 3, 4, 7])
    stepBy(-1)
    expect(store().step).toBe(4)
    goToStep(5)
    expect(store().step).toBe(5)
  })

  it('a variant starts from its first step and stays in the link state', () => {
    openTreatment('core-decompression')
    stepBy(1)
    chooseVariant('multiple-drilling')
    expect(getViewState()).toMatchObject({ procedure: 'core-decompression', variant: 'multiple-drilling', step: 0 })
    goToStep(40)
    expect(store().step).toBe(stepCountOf('core-decompression', 'multiple-drilling') - 1)
  })
})

describe('playing', () => {
  it('Play at a step\'s end plays that step from its start, then the next ones, one store change per step, and stops after the last', () => {
    openTreatment('bone-grafting')
    goToStep(2)
    const changes: number[] = []
    const stop = useViewStore.subscribe((s) => changes.push(s.step))
    play()
    expect([playing(), clockT(), store().step]).toEqual([true, 0, 2])
    advanceClock(STEP_SECONDS / 2)
    expect(clockT()).toBeCloseTo(0.5)
    expect(treatmentMoment()).toMatchObject({ procedure: 'bone-grafting', step: 2, t: 0.5 })
    for (let i = 0; i < 10; i++) playOneStep()
    stop()
    expect(changes).toEqual([3, 4])
    expect([playing(), clockT(), store().step]).toEqual([false, 1, 4])
  })

  it('a step played to its end is drawn at its end in that frame; the next step begins in a task of its own, unless paused meanwhile', () => {
    openTreatment('bone-grafting')
    goToStep(1)
    play()
    advanceClock(STEP_SECONDS)
    expect([store().step, clockT()], 'the frame that reaches the end draws the end').toEqual([1, 1])
    advanceClock(STEP_SECONDS / 4)
    expect(store().step, 'a second frame before that task changes nothing').toBe(1)
    vi.runOnlyPendingTimers()
    expect([store().step, clockT(), playing()]).toEqual([2, 0, true])
    advanceClock(STEP_SECONDS)
    pause()
    vi.runOnlyPendingTimers()
    expect([store().step, clockT(), playing()], 'paused at the end: it stays there').toEqual([2, 1, false])
  })

  it('Play at the end of the last step starts again from the first', () => {
    openTreatment('bone-grafting')
    goToStep(4)
    play()
    expect([store().step, clockT(), playing()]).toEqual([0, 0, true])
  })

  it('pausing keeps the time within the step; the scrubber sets it and pauses', () => {
    openTreatment('hip-resurfacing')
    play()
    advanceClock(STEP_SECONDS * 0.25)
    togglePlay()
    expect([playing(), clockT()]).toEqual([false, 0.25])
    play()
    expect(clockT(), 'resumes mid-step').toBe(0.25)
    scrubTo(0.8)
    expect([playing(), clockT()]).toEqual([false, 0.8])
  })

  it('Next while playing plays the step it reaches from its start', () => {
    openTreatment('hip-resurfacing')
    play()
    advanceClock(1)
    stepBy(1)
    expect([store().step, clockT(), playing()]).toEqual([1, 0, true])
  })

  it('hipExplorer.idle() waits while playing: playback is work under way until it pauses or ends', () => {
    openTreatment('bone-grafting')
    play()
    expect(pendingWork()).toContain('treatment playing')
    pause()
    expect(pendingWork()).not.toContain('treatment playing')
    goToStep(3)
    play()
    for (let i = 0; i < 3; i++) playOneStep()
    expect(playing()).toBe(false)
    expect(pendingWork()).not.toContain('treatment playing')
  })

  it('does not play without a 3D view (nothing would run the clock, and idle() would never resolve); stepping still works', () => {
    const webgl = useStatusStore.getState().webgl
    useStatusStore.getState().setWebgl('unavailable')
    try {
      openTreatment('bone-grafting')
      play()
      expect(playing()).toBe(false)
      expect(pendingWork()).not.toContain('treatment playing')
      expect(stepBy(1)).toBe(true)
    } finally {
      useStatusStore.setState({ webgl })
    }
  })

  it('a step changed from outside (Back/Forward, the API) pauses and shows its end', () => {
    openTreatment('total-hip-replacement')
    play()
    advanceClock(1)
    store().apply({ step: 4 }, { kind: 'none' })
    expect([playing(), clockT(), store().step]).toEqual([false, 1, 4])
  })
})

describe('history', () => {
  it('each choice is an entry; a whole run of playback is one entry, so Back returns to where Play was pressed', () => {
    const methods: string[] = []
    const stop = useViewStore.subscribe(() => methods.push(historyMethodFor(takeHistoryIntent())))
    openTreatment('bone-grafting')
    stepBy(1)
    play()
    for (let i = 0; i < 3; i++) playOneStep()
    stop()
    expect(methods).toEqual(['push', 'push', 'push', 'replace', 'replace'])
    expect(store().step).toBe(4)
  })
})

describe('closing', () => {
  const diseaseView: Partial<ViewState> = {
    stage: 1.5,
    view: null,
    camera: { position: [120, 40, 300], target: [0, 0, 0] },
    section: { plane: 'coronal', offset: -5, flip: false, normal: [0, 0, 1] },
    hidden: ['jointCapsule', 'labrum'],
    faded: ['hipBone'],
    selected: 'femur',
    labels: true,
    cutaway: 'off',
  }

  it('returns to the disease view exactly as it was, whatever the treatment changed, and keeps the mode', () => {
    store().apply(diseaseView, { kind: 'push' })
    const before = getViewState()
    openTreatment('core-decompression')
    // What a treatment may change: the framing, a cut, parts shown, the selection, the stage.
    store().apply({ view: 'lateral', camera: null, section: null, hidden: [], faded: [], selected: 'hipBone', stage: 3, labels: false, cutaway: 'on', mode: 'clinician' }, { kind: 'push' })
    stepBy(1)
    closeTreatment()
    expect(getViewState()).toEqual({ ...before, mode: 'clinician' })
    expect(playing()).toBe(false)
  })

  it('a treatment opened another way (the API, Back) also returns to the view it was opened from', () => {
    store().apply(diseaseView, { kind: 'push' })
    const before = getViewState()
    store().apply({ procedure: 'hip-resurfacing', step: 3, view: 'superior', camera: null }, { kind: 'gesture', key: 'api' })
    closeTreatment()
    expect(getViewState()).toEqual(before)
  })
})

describe('a hand-made link to a step (no view, no cut)', () => {
  const CORE = 3 // core decompression: 'guidewire', seen from the front in a cut along the wire
  const INCISION = 2 // 'incision', seen from the side, no cut
  const alongWire: ViewState['section'] = { plane: 'free', offset: 4, flip: false, normal: [0, 0, 1] }
  const plan = () => setTreatmentStaging({ procedure: 'core-decompression', variant: null, section: (step) => (step === CORE ? alongWire : null) })
  const follow = (patch: Partial<ViewState>) => {
    store().apply({ ...DEFAULT_VIEW_STATE, ...patch }, { kind: 'none' })
    takeHistoryIntent()
    return getViewState()
  }

  it('is staged as the player stages the step: its view at once, its cut once the plan is drawn, in the link\'s own entry', () => {
    const linked = follow({ procedure: 'core-decompression', step: INCISION })
    stageLinkedStep({ view: true, cut: true }, linked)
    expect([store().view, store().camera, store().section]).toEqual(['lateral', null, null])
    expect(takeHistoryIntent()).toEqual({ kind: 'replace' })

    stageLinkedStep({ view: true, cut: true }, follow({ procedure: 'core-decompression', step: CORE }))
    expect(store().section).toBeNull()
    const removePlan = plan()
    expect(store().section).toEqual(alongWire)
    expect(takeHistoryIntent()).toEqual({ kind: 'replace' })
    removePlan()
  })

  it('keeps what the link said, and what the user chose before the plan was drawn', () => {
    stageLinkedStep({ view: false, cut: true }, follow({ procedure: 'core-decompression', step: INCISION, view: 'posterior' }))
    expect(store().view).toBe('posterior')

    // A cut chosen while the model loads stays.
    stageLinkedStep({ view: true, cut: true }, follow({ procedure: 'core-decompression', step: CORE }))
    const coronal: ViewState['section'] = { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] }
    store().apply({ section: coronal }, { kind: 'push' })
    let removePlan = plan()
    expect(store().section).toEqual(coronal)
    removePlan()

    // Another step reached before the plan was drawn (Back): the link's cut is not put on it.
    stageLinkedStep({ view: true, cut: true }, follow({ procedure: 'core-decompression', step: CORE }))
    store().apply({ step: CORE + 1 }, { kind: 'none' })
    removePlan = plan()
    expect(store().section).toBeNull()
    removePlan()

    // The view turned before the player loaded: not taken back to the step's view.
    const linked = follow({ procedure: 'core-decompression', step: INCISION })
    store().apply({ view: null, camera: { position: [0, 0, 300], target: [0, 0, 0] } }, { kind: 'gesture', key: 'orbit' })
    stageLinkedStep({ view: true, cut: false }, linked)
    expect(store().view).toBeNull()
  })

  it('a step the player reaches before its plan is drawn gets its cut when the plan comes, in that step\'s entry', () => {
    // A clicker pressed while the treatment opens: the plan is made off the page's thread.
    openTreatment('core-decompression')
    goToStep(CORE)
    expect([store().step, store().section]).toEqual([CORE, null])
    takeHistoryIntent()
    const removePlan = plan()
    expect(store().section).toEqual(alongWire)
    expect(takeHistoryIntent()).toEqual({ kind: 'replace' })
    removePlan()

    // Moved on before it came: the cut is not put on the step the user is at now.
    closeTreatment()
    openTreatment('core-decompression')
    goToStep(CORE)
    goToStep(CORE + 1)
    const again = plan()
    expect([store().step, store().section]).toEqual([CORE + 1, null])
    again()
  })

  it('closes without the staging (the cut along the wire belongs to the step)', () => {
    stageLinkedStep({ view: true, cut: true }, follow({ procedure: 'core-decompression', step: INCISION }))
    store().apply({ step: CORE, section: alongWire }, { kind: 'push' })
    closeTreatment()
    expect(getViewState()).toMatchObject({ procedure: null, view: 'anterior', camera: null, section: null })
  })
})
