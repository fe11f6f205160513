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

/**
 * Runs `run` soon, in a task of its own (a zero timer). Returns a cancel. For the heavy part of
 * what a change sets off (placing labels, encoding a picture, building ahead) when it need not be
 * done in the change's own task: React commits the change, and each part follows as its own task,
 * so no single task adds them all up (issue 11: no main-thread task over 50 ms while a treatment
 * plays; a step change summed to 60–100 ms with software WebGL, measured).
 */
export function inOwnTask(run: () => void): () => void {
  const id = setTimeout(run, 0)
  return () => clearTimeout(id)
}
