/**
 * Keys while a tour is open (ui/keyboard.ts asks here before the treatment's and the stage
 * marks': a tour is what plays):
 * - Page Down / Page Up, a presentation clicker's next / previous: next / previous scene,
 *   wherever focus is (a keyboard user on a slider or in a text field keeps its keys: those
 *   never reach here, see keyboard.ts);
 * - → / ← (an arrow-key clicker) when nothing has focus; on the focused 3D view they keep
 *   turning the model (which ends the tour, as any change by hand does);
 * - Space: next scene, as a clicker's, when nothing or the 3D view has focus;
 * - Escape ends the tour and keeps the view, unless a dialog is open (Escape is the dialog's).
 * Returns null for a key it leaves to the page's usual handling. The player loads on demand.
 */
import type { KeyFocus } from '../keyboard.ts'
import { clickerKeyAction, type ClickerMoves } from '../clickerKeys.ts'

type TourPlayer = typeof import('../../state/tourPlayer.ts')
type Action = (player: TourPlayer) => unknown

/** Runs `action` on the tour player, loading it first if need be. */
export function withTourPlayer(action: Action): void {
  import('../../state/tourPlayer.ts')
    .then(action)
    .catch((error: unknown) => console.warn('The tour player could not be loaded:', error))
}

/** Next / previous scene; Space is next too, as a clicker's; Escape ends the tour and keeps the view. */
const MOVES: ClickerMoves<TourPlayer> = {
  next: (p) => p.stepBy(1),
  previous: (p) => p.stepBy(-1),
  space: (p) => p.stepBy(1),
  escape: (p) => p.endTour(),
}

export function handleTourKey(event: KeyboardEvent, focus: KeyFocus): boolean | null {
  const action = clickerKeyAction(event, focus, MOVES)
  if (!action) return null
  withTourPlayer(action)
  return true
}
