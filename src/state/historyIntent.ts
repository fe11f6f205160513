/**
 * How the latest view-state change should reach the browser history. Set by the store's
 * actions just before they change the state, read by the link synchroniser right after.
 *
 * - push: a discrete choice (stage mark, procedure, step, named view, mode): a new entry, so
 *   Back returns to the previous choice;
 * - gesture: a continuous change (slider drag, orbit). The first change of a gesture adds one
 *   entry, the following ones of the same kind update it, so history is not flooded;
 * - replace: the caller asked to change the current entry (the API's `history: 'replace'`);
 * - none: the change came from the history itself (Back/Forward) or from the initial link.
 */
export type HistoryIntent = { kind: 'push' } | { kind: 'gesture'; key: string } | { kind: 'replace' } | { kind: 'none' }

let current: HistoryIntent = { kind: 'none' }

export function setHistoryIntent(intent: HistoryIntent): void {
  current = intent
}

export function takeHistoryIntent(): HistoryIntent {
  const intent = current
  current = { kind: 'none' }
  return intent
}

let openGesture: string | null = null

/**
 * Called when a gesture ends (pointer up, key up: see linkSync.ts; a quiet spell of API calls):
 * the next change adds an entry. With a key, only that kind of gesture ends.
 */
export function endGesture(key?: string): void {
  if (key === undefined || openGesture === key) openGesture = null
}

/** Decides push or replace for an intent, tracking whether a gesture's entry exists already. */
export function historyMethodFor(intent: HistoryIntent): 'push' | 'replace' {
  if (intent.kind === 'push') {
    openGesture = null
    return 'push'
  }
  if (intent.kind === 'gesture') {
    const continuing = openGesture === intent.key
    openGesture = intent.key
    return continuing ? 'replace' : 'push'
  }
  return 'replace'
}
