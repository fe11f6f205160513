/**
 * Where playback stands within the current treatment step: t = 0 when the step begins, 1 at its
 * end state. It changes every frame while a treatment plays, so it is not store state (nothing
 * re-renders for it): a plain value with listeners, like ./labelChannel.ts. The scene's driver
 * (scene/treatment/TreatmentClockDriver.tsx) advances it while playing; the player's actions
 * (./treatmentPlayer.ts) and the scrubber set it. Linear: easing is the timeline's business.
 */
type Listener = (t: number) => void

let t = 1
const listeners = new Set<Listener>()

/** Time within the current step, 0..1. */
export function clockT(): number {
  return t
}

/** Sets the time within the step (clamped to 0..1) and tells the listeners when it changed. */
export function setClockT(next: number): void {
  const value = Number.isFinite(next) ? Math.min(1, Math.max(0, next)) : 1
  if (value === t) return
  t = value
  for (const listener of listeners) listener(t)
}

/** Calls back whenever t changes (every frame while playing); returns the unsubscribe function. */
export function onClockChange(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
