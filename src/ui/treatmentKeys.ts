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
import { clickerKeyAction, type ClickerMoves } from './clickerKeys.ts'

type TreatmentPlayer = typeof import('../state/treatmentPlayer.ts')
type Action = (player: TreatmentPlayer) => unknown

/** Next / previous step; Space plays or pauses; Escape closes the treatment. */
const MOVES: ClickerMoves<TreatmentPlayer> = {
  next: (p) => p.stepBy(1),
  previous: (p) => p.stepBy(-1),
  space: (p) => p.togglePlay(),
  escape: (p) => p.closeTreatment(),
}

/** Runs `action` on the treatment player, loading it first if need be. */
export function withPlayer(action: Action): void {
  import('../state/treatmentPlayer.ts')
    .then(action)
    .catch((error: unknown) => console.warn('The treatment player could not be loaded:', error))
}

export function handleTreatmentKey(event: KeyboardEvent, focus: KeyFocus): boolean | null {
  const action = clickerKeyAction(event, focus, MOVES)
  if (!action) return null
  withPlayer(action)
  return true
}
