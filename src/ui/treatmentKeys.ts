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
 * Returns null for a key it leaves to the page's usual handling.
 */
import { closeTreatment, stepBy, togglePlay } from '../state/treatmentPlayer.ts'
import type { KeyFocus } from './keyboard.ts'

export function handleTreatmentKey(event: KeyboardEvent, focus: KeyFocus): boolean | null {
  switch (event.key) {
    case 'PageDown':
      stepBy(1)
      return true
    case 'PageUp':
      stepBy(-1)
      return true
    case 'ArrowRight':
    case 'ArrowLeft':
      if (focus !== 'nothing' || event.shiftKey) return null
      stepBy(event.key === 'ArrowRight' ? 1 : -1)
      return true
    case ' ':
      if (focus === 'elsewhere') return null
      // A held key repeats: one press is one toggle.
      if (!event.repeat) togglePlay()
      return true
    case 'Escape':
      if (document.querySelector('dialog[open]')) return null
      closeTreatment()
      return true
  }
  return null
}
