/**
 * The disease-stage slider: continuous 0–4, marked with the stages of the chosen system.
 * Mouse, touch and keyboard: arrows move by 0.1, Page Up/Down jump between stage marks,
 * Home/End go to healthy/end stage. Play walks through the disease from where it stands.
 * Dragging updates one history entry; jumps to a mark add one.
 */
import { useEffect, useState, type KeyboardEvent } from 'react'
import { STAGE_MAX, STAGE_MIN } from '../domain/viewState.ts'
import { stageDisplayName } from '../domain/staging/bands.ts'
import { plainStageName, stageCode } from '../domain/staging/plainNames.ts'
import { useViewStore } from '../state/viewStore.ts'
import { bandLabels, nextStageMark } from './stageMarks.ts'
import { useReducedMotion } from '../scene/useReducedMotion.ts'
import { FlowToggle } from './FlowToggle.tsx'
import { StagingSystemSwitch } from './StagingSystemSwitch.tsx'
import { STAGE_SLIDER_ID } from './SkipLink.tsx'
import { RELEASE_FOCUS_AFTER_POINTER } from './releaseFocusAfterPointer.ts'

const ARROW_STEP = 0.1
/** Seconds to walk from healthy to end stage when playing. */
const PLAY_SECONDS = 24
/** Pause at each stage mark while playing, so the viewer can take it in (seconds). */
const PLAY_HOLD_SECONDS = 1.2

export function StageBar() {
  const stage = useViewStore((s) => s.stage)
  const system = useViewStore((s) => s.stageSystem)
  const mode = useViewStore((s) => s.mode)
  const setStage = useViewStore((s) => s.setStage)
  const [playing, setPlaying] = useState(false)
  usePlayback(playing, setPlaying)

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    let next: number | null = null
    let gesture = true
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        next = stage + ARROW_STEP
        break
      case 'ArrowLeft':
      case 'ArrowDown':
        next = stage - ARROW_STEP
        break
      case 'PageUp':
        next = nextStageMark(stage, +1)
        gesture = false
        break
      case 'PageDown':
        next = nextStageMark(stage, -1)
        gesture = false
        break
      case 'Home':
        next = STAGE_MIN
        gesture = false
        break
      case 'End':
        next = STAGE_MAX
        gesture = false
        break
    }
    if (next === null) return
    event.preventDefault()
    event.stopPropagation()
    setPlaying(false)
    setStage(next, gesture)
  }

  // Patients read a plain name, with the doctors' code beside it in small print; clinicians the code.
  const plain = mode === 'patient'
  const name = plain ? plainStageName(stage, system) : stage === 0 ? 'healthy hip' : stageDisplayName(stage, system)
  const code = plain ? stageCode(stage, system) : null
  return (
    <section className="stagebar" aria-label="Disease stage">
      <button
        type="button"
        className="play"
        data-testid="stage-play"
        aria-pressed={playing}
        aria-label={playing ? 'Pause the disease course' : 'Play the disease course'}
        onClick={() => {
          if (!playing && stage >= STAGE_MAX) setStage(STAGE_MIN)
          setPlaying((p) => !p)
        }}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <div className="slider-block">
        <label htmlFor={STAGE_SLIDER_ID} className="slider-label">
          Disease stage: <strong data-testid="stage-name">{name}</strong>
          {code && (
            <>
              {' '}
              <small className="stage-code" data-testid="stage-code">{code}</small>
            </>
          )}
        </label>
        <input
          id={STAGE_SLIDER_ID}
          data-testid="stage-slider"
          type="range"
          min={STAGE_MIN}
          max={STAGE_MAX}
          step={0.01}
          value={stage}
          aria-valuetext={code ? `${name} (${code})` : name}
          onChange={(event) => {
            setPlaying(false)
            setStage(Number(event.target.value), true)
          }}
          onKeyDown={onKeyDown}
          {...RELEASE_FOCUS_AFTER_POINTER}
        />
        {/* Each stage's whole stretch is its tap target; a tap goes to the stage's middle
            (domain stageSpans), not to its end, which is the divider to the next stage. */}
        <ol className="stage-ticks" aria-hidden="true">
          {bandLabels(system).map((band) => (
            <li
              key={`${band.from}-${band.text}`}
              style={{
                left: `${(band.from / STAGE_MAX) * 100}%`,
                width: `${((band.to - band.from) / STAGE_MAX) * 100}%`,
                // A narrow stretch's target is widened to a finger's width (CSS): it stays on top.
                zIndex: Math.round((1 - (band.to - band.from) / STAGE_MAX) * 10),
              }}
            >
              <button
                type="button"
                tabIndex={-1}
                onClick={() => {
                  setPlaying(false)
                  setStage(band.representative)
                }}
              >
                {band.text}
              </button>
            </li>
          ))}
        </ol>
      </div>
      <FlowToggle />
      {/* For patients it waits behind "More" in the side panel (LesionControls). */}
      {!plain && <StagingSystemSwitch />}
    </section>
  )
}

/** Advances the stage while playing: steady speed, a short hold at each stage mark. */
function usePlayback(playing: boolean, setPlaying: (playing: boolean) => void) {
  const reducedMotion = useReducedMotion()
  useEffect(() => {
    if (!playing) return
    let raf = 0
    let last = performance.now()
    let hold = 0
    const tick = (now: number) => {
      const dt = Math.min(0.1, (now - last) / 1000)
      last = now
      const store = useViewStore.getState()
      if (hold > 0) {
        hold -= dt
      } else {
        const target = nextStageMark(store.stage, +1)
        // Reduced motion: jump from mark to mark instead of gliding.
        const step = reducedMotion ? target - store.stage : ((STAGE_MAX - STAGE_MIN) / PLAY_SECONDS) * dt
        const next = Math.min(target, store.stage + step)
        if (next >= target - 1e-6) {
          store.setStage(target)
          hold = reducedMotion ? PLAY_HOLD_SECONDS * 2 : PLAY_HOLD_SECONDS
          if (target >= STAGE_MAX) {
            setPlaying(false)
            return
          }
        } else store.setStage(next, true)
      }
      raf = requestAnimationFrame(tick)
    }
    raf = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(raf)
  }, [playing, reducedMotion, setPlaying])
}
