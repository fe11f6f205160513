/**
 * The scrubber within the current step: shows the treatment clock (state/treatmentClock.ts),
 * moved directly in the DOM while playing (no React render per frame); dragging it sets the
 * time and pauses. Used with a pointer it lets go of focus (the clicker's keys stay the page's);
 * reached with Tab it keeps the slider's own keys.
 */
import { useEffect, useRef } from 'react'
import { clockT, onClockChange } from '../../state/treatmentClock.ts'
import { scrubTo } from '../../state/treatmentPlayer.ts'
import { RELEASE_FOCUS_AFTER_POINTER } from '../releaseFocusAfterPointer.ts'

/** Positions of the slider: fine enough to follow a tool millimetre by millimetre. */
const RESOLUTION = 1000

const percent = (t: number) => `${Math.round(t * 100)}% through the step`

export function StepScrubber({ disabled }: { disabled: boolean }) {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    const show = (t: number) => {
      const input = ref.current
      if (!input) return
      input.value = String(Math.round(t * RESOLUTION))
      input.setAttribute('aria-valuetext', percent(t))
    }
    show(clockT())
    return onClockChange(show)
  }, [])
  return (
    <input
      ref={ref}
      type="range"
      className="step-scrubber"
      data-testid="treatment-scrubber"
      aria-label="Time within the step"
      min={0}
      max={RESOLUTION}
      step={1}
      defaultValue={Math.round(clockT() * RESOLUTION)}
      aria-valuetext={percent(clockT())}
      disabled={disabled}
      onChange={(event) => scrubTo(Number(event.target.value) / RESOLUTION)}
      {...RELEASE_FOCUS_AFTER_POINTER}
    />
  )
}
