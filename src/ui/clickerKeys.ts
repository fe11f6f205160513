/**
 * The keys a presentation clicker (and a keyboard) uses to go through whatever is open — a
 * tour's scenes (./tours/tourKeys.ts), a treatment's steps (./treatmentKeys.ts) — as one rule:
 * - Page Down / Page Up, a clicker's next / previous, wherever focus is (a keyboard user on a
 *   slider or in a text field keeps its keys: those never reach here, see keyboard.ts);
 * - → / ← (an arrow-key clicker) when nothing has focus; on the focused 3D view they keep
 *   turning the model;
 * - Space when nothing or the 3D view has focus (on a focused button or checkbox, Space is that
 *   control's own key); a held key's repeats do nothing, so one press is one action;
 * - Escape, unless a dialog is open (Escape is the dialog's).
 * What each of them does is the caller's.
 */
import type { KeyFocus } from './keyboard.ts'

export interface ClickerMoves<P> {
  next(player: P): unknown
  previous(player: P): unknown
  space(player: P): unknown
  escape(player: P): unknown
}

/** The action for `event`, or null for a key left to the page's usual handling. */
export function clickerKeyAction<P>(event: KeyboardEvent, focus: KeyFocus, moves: ClickerMoves<P>): ((player: P) => unknown) | null {
  switch (event.key) {
    case 'PageDown':
      return moves.next
    case 'PageUp':
      return moves.previous
    case 'ArrowRight':
    case 'ArrowLeft':
      if (focus !== 'nothing' || event.shiftKey) return null
      return event.key === 'ArrowRight' ? moves.next : moves.previous
    case ' ':
      if (focus === 'elsewhere') return null
      return event.repeat ? () => undefined : moves.space
    case 'Escape':
      if (document.querySelector('dialog[open]')) return null
      return moves.escape
  }
  return null
}
