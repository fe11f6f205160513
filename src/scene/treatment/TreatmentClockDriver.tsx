/**
 * Runs the treatment clock (state/treatmentClock.ts) from the render loop while a treatment
 * plays, and asks for a frame whenever the clock moves, so the scene that draws the treatment at
 * (step, t) needs no loop of its own. The canvas renders on demand: this asks for the next frame
 * only while playing, so a paused or closed treatment leaves the view idle (zero frames).
 *
 * Reduced motion: each step jumps to its end state and is held for the step's length, counted
 * with a timer rather than frames (nothing moves, so nothing needs drawing meanwhile).
 */
import { useEffect, useRef } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import { STEP_SECONDS } from '../../domain/treatment/stepTiming.ts'
import { usePlayerStore } from '../../state/playerStore.ts'
import { onClockChange, setClockT } from '../../state/treatmentClock.ts'
import { advanceClock, finishStep, stepEnding } from '../../state/treatmentPlayer.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { useReducedMotion } from '../useReducedMotion.ts'
import { requestAnimationFrameAfterWarmUp } from '../three/programWarmUp.ts'
import { TREATMENT_CLOCK_FRAME_PRIORITY } from '../framePriorities.ts'

/**
 * Longest time one frame may advance playback, ms: after a stall (a hidden tab, a slow software
 * renderer) the step goes on from where it was instead of jumping ahead.
 */
const MAX_FRAME_MS = 250

export default function TreatmentClockDriver() {
  const invalidate = useThree((s) => s.invalidate)
  const playing = usePlayerStore((s) => s.playing)
  const reducedMotion = useReducedMotion()
  const step = useViewStore((s) => s.step)
  const lastFrameAt = useRef<number | null>(null)

  // The clock moved (played, scrubbed, a new step): draw it. Playing moves it within a frame, so
  // the frame is asked for through the warm-up like every frame of an animation.
  useEffect(() => onClockChange(() => requestAnimationFrameAfterWarmUp(invalidate)), [invalidate])

  useEffect(() => {
    lastFrameAt.current = null
    if (!playing) return
    if (!reducedMotion) {
      invalidate()
      return
    }
    setClockT(1)
    // Nothing in between is drawn: a step chosen while playing is shown at its end at once.
    const stopHolding = onClockChange((t) => {
      if (t < 1) setClockT(1)
    })
    const timer = window.setTimeout(() => finishStep(true), STEP_SECONDS * 1000)
    return () => {
      stopHolding()
      window.clearTimeout(timer)
    }
  }, [playing, reducedMotion, step, invalidate])

  useFrame(() => {
    if (!playing || reducedMotion) return
    const now = performance.now()
    const elapsed = lastFrameAt.current === null ? 0 : Math.min(MAX_FRAME_MS, now - lastFrameAt.current)
    lastFrameAt.current = now
    advanceClock(elapsed / 1000)
    // At a step's end nothing moves until the next step begins (its own task), which asks for its frame.
    if (usePlayerStore.getState().playing && !stepEnding()) requestAnimationFrameAfterWarmUp(invalidate)
  }, TREATMENT_CLOCK_FRAME_PRIORITY)
  return null
}
