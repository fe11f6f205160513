/**
 * Keys while a treatment is open (ui/keyboard.ts asks here first):
 * - Page Down / Page Up, a presentation clicker's next / previous: next / previous step,
 *   wherever focus is (a keyboard user on a slider or in a text field keeps its keys: those
 *   never reach here, see keyboard.ts);
 * - → / ← (an arrow-key clicker) when nothing has focus; on the focused 3D view they keep
 *   turning the model;
 * - Space: play / pause, when nothing or the 3D view has focus (on a focused button or
 *   checkbox, Space is that control's own key);
 * - Escape closes the treatment, unless a dialog is open (Escape is the dialog's).
 * Returns null for a key it leaves to the page's usual handling. The player itself loads on
 * demand (it is not part of the first download): by the time a treatment is open it is there.
 */
import type { KeyFocus } from './keyboard.ts'

type Action = (player: typeof import('../state/treatmentPlayer.ts')) => unknown

function keyAction(event: KeyboardEvent, focus: KeyFocus): Action | null {
  switch (event.key) {
    case 'PageDown':
      return (p) => p.stepBy(1)
    case 'PageUp':
      return (p) => p.stepBy(-1)
    case 'ArrowRight':
    case 'ArrowLeft':
      if (focus !== 'nothing' || event.shiftKey) return null
      return event.key === 'ArrowRight' ? (p) => p.stepBy(1) : (p) => p.stepBy(-1)
    case ' ':
      if (focus === 'elsewhere') return null
      // A held key repeats: one press is one toggle.
      return event.repeat ? () => undefined : (p) => p.togglePlay()
    case 'Escape':
      if (document.querySelector('dialog[open]')) return null
      return (p) => p.closeTreatment()
  }
  return null
}

/** Runs `action` on the treatment player, loading it first if need be. */
export function withPlayer(action: Action): void {
  import('../state/treatmentPlayer.ts')
    .then(action)
    .catch((error: unknown) => console.warn('The treatment player could not be loaded:', error))
}

export function handleTreatmentKey(event: KeyboardEvent, focus: KeyFocus): boolean | null {
  const action = keyAction(event, focus)
  if (!action) return null
  withPlayer(action)
  return true
}
