/**
 * What to do when a part of the page that loads on demand (a lazy chunk) fails to arrive.
 *
 * - Offline, or the connection dropped: say so; "Try again" imports it again (Chromium retries
 *   a failed dynamic import) once the connection is back. The rest of the page keeps working.
 * - The file is gone from the server: the app was redeployed and this page still refers to the
 *   old hashed chunk names. One reload fetches the new version (the view is in the link, so it
 *   is kept). A reload loop is impossible: at most one automatic reload per tab every
 *   RELOAD_GUARD_MS, remembered in sessionStorage (no storage, no automatic reload).
 *
 * The React error boundaries (ui/LazyPart.tsx, scene/ScenePart.tsx) catch the error and ask
 * here; vite's `vite:preloadError` event (any dynamic import of the build) asks too.
 */
import { useStatusStore } from './statusStore.ts'
import { flushPendingLink } from './linkSync.ts'

const RELOAD_KEY = 'hip-explorer:reloaded-for-new-version'
export const RELOAD_GUARD_MS = 5 * 60_000

export type MissingChunk = 'offline' | 'reloading' | 'outdated' | 'unavailable'

/** Whether an error is a failed download of a code chunk (wordings of Chromium, Firefox, Safari, vite). */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported|Failed to load module script|Unable to preload/i.test(message)
}

function chunkUrlOf(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error)
  return /https?:\/\/[^\s'"]+/.exec(message)?.[0] ?? null
}

/**
 * Asks the server whether the chunk is still there: a 404/410, or a web page where the script
 * should be (hosts that answer every path with index.html), means a newer version replaced it.
 */
async function probe(url: string | null): Promise<'offline' | 'gone' | 'present'> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline'
  if (!url) return 'present'
  try {
    const response = await fetch(url, { method: 'HEAD', cache: 'no-store' })
    if (response.status === 404 || response.status === 410) return 'gone'
    if (response.ok && /text\/html/i.test(response.headers.get('content-type') ?? '')) return 'gone'
    return 'present'
  } catch {
    return 'offline'
  }
}

/** Reloads unless this tab already did so recently; true when the page is reloading. */
function reloadOnce(): boolean {
  try {
    const last = Number(window.sessionStorage.getItem(RELOAD_KEY) ?? 0)
    if (Date.now() - last < RELOAD_GUARD_MS) return false
    window.sessionStorage.setItem(RELOAD_KEY, String(Date.now()))
  } catch {
    return false // without storage a loop could not be ruled out
  }
  flushPendingLink()
  window.location.reload()
  return true
}

const handled = new WeakSet<object>()

/**
 * Notes an error that a part's boundary has dealt with. R3F hands errors its boundaries caught to
 * window.reportError, which fires a global "error" event: ui/globalErrors.ts must not turn that
 * into "Something went wrong" for a part that already says what happened.
 */
export function markHandled(error: unknown): void {
  if (typeof error === 'object' && error !== null) handled.add(error)
}

export function wasHandled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && handled.has(error)
}

const verdicts = new Map<string, Promise<MissingChunk>>()

/** Finds out why a chunk did not arrive and, after a redeploy, reloads once. One check per chunk. */
export function recoverMissingChunk(error: unknown): Promise<MissingChunk> {
  const url = chunkUrlOf(error)
  const key = url ?? '?'
  let verdict = verdicts.get(key)
  if (!verdict) {
    verdict = probe(url).then((found) => {
      verdicts.delete(key) // the next failure (after "Try again") is checked afresh
      if (found === 'offline') return 'offline'
      if (found === 'present') return 'unavailable'
      return reloadOnce() ? 'reloading' : 'outdated'
    })
    verdicts.set(key, verdict)
  }
  return verdict
}

/** The sentence that tells the reader what happened to a part (`name` as in "About & sources"). */
export function partFailureText(name: string, cause: MissingChunk | 'crashed'): string {
  switch (cause) {
    case 'offline':
      return `${name} could not be downloaded: the connection seems to be offline. The rest of the page still works; try again once you are back online.`
    case 'reloading':
      return `A new version of the app is available: reloading to get it (your view is kept in the address).`
    case 'outdated':
      return `${name} could not be downloaded: the app has been updated on the server. Reload the page to get the new version (your view is kept in the address).`
    case 'unavailable':
      return `${name} could not be downloaded (the connection dropped). The rest of the page still works.`
    case 'crashed':
      return `${name} stopped working. The rest of the page still works.`
  }
}

/**
 * What a part's error boundary tells the reader (ui/LazyPart.tsx, scene/ScenePart.tsx): a crash
 * at once; a chunk that did not arrive first as "unavailable", then, once the check says why, as
 * that cause (`reload` when only reloading the page helps) while the part is still failed.
 */
export function explainPartFailure(
  error: unknown,
  name: string,
  tell: (text: string, reload: boolean) => void,
  stillFailed: () => boolean,
): void {
  if (!isChunkLoadError(error)) {
    console.error(`${name} stopped working:`, error)
    tell(partFailureText(name, 'crashed'), false)
    return
  }
  tell(partFailureText(name, 'unavailable'), false)
  void recoverMissingChunk(error).then((cause) => {
    if (stillFailed()) tell(partFailureText(name, cause), cause === 'outdated')
  })
}

/** Shows a page notice for a failed part, with its way out. */
export function noticePartFailure(id: string, text: string, action: { label: string; run: () => void }): void {
  useStatusStore.getState().showNotice({ id: `part-${id}`, text, action })
}

export function dismissPartFailure(id: string): void {
  useStatusStore.getState().dismissNotice(`part-${id}`)
}

/** Any dynamic import of the build that fails (not only those under a boundary) gets the redeploy check. */
export function watchForNewVersion(): void {
  window.addEventListener('vite:preloadError', (event) => {
    void recoverMissingChunk((event as Event & { payload?: unknown }).payload)
  })
}
