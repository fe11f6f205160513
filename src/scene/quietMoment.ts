/**
 * Runs `run` in a quiet moment of the page (an idle callback, at the latest after `timeoutMs`;
 * a timer where the browser has none). Returns a cancel. For work done ahead of the user: it
 * must fit one quiet moment (well under a long task's 50 ms).
 */
export function inQuietMoment(run: () => void, timeoutMs = 1000): () => void {
  if (globalThis.requestIdleCallback !== undefined) {
    const id = globalThis.requestIdleCallback(run, { timeout: timeoutMs })
    return () => globalThis.cancelIdleCallback(id)
  }
  const id = setTimeout(run, 50)
  return () => clearTimeout(id)
}
