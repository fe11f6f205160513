/**
 * A slider keeps keyboard focus after it is clicked or dragged, and a focused slider maps
 * Page Down to "previous" (the WAI-ARIA slider convention): with a presentation clicker, which
 * sends Page Down for "next", the disease went backwards after the lecturer had touched the
 * slider once. So a slider used with a pointer lets go of focus when the pointer is released
 * (nothing is focused: the page's keys apply, ui/keyboard.ts); a slider reached with Tab keeps
 * focus and its ARIA keys for keyboard users.
 *
 * Spread onto the `<input type="range">`: `<input {...RELEASE_FOCUS_AFTER_POINTER} … />`.
 */
import type { PointerEvent } from 'react'

function release(event: PointerEvent<HTMLElement>) {
  const el = event.currentTarget
  // After the browser's own pointerup handling (which may focus the control), not before.
  const frame = requestAnimationFrame(() => {
    el.removeEventListener('keydown', keep, true)
    if (document.activeElement === el) el.blur()
  })
  // A key pressed on the control before that frame is a keyboard user taking it over (on a busy
  // machine a frame can be late by more than a keystroke): the control keeps focus, and the
  // key its meaning, instead of the next keys landing on the page.
  function keep() {
    cancelAnimationFrame(frame)
  }
  el.addEventListener('keydown', keep, { capture: true, once: true })
}

export const RELEASE_FOCUS_AFTER_POINTER = {
  onPointerUp: release,
  onPointerCancel: release,
} as const
