/**
 * Keeps the view store and the address bar in step:
 * - on start, the link's query is applied (ignored values go to a notice);
 * - every change writes the link, pushing or replacing history as its intent says;
 * - Back/Forward re-apply the link of that entry;
 * - a gesture (slider drag, key held, orbit) ends on pointer up / key up: the next one is a new
 *   entry, and the entry of the one that ended gets its final value at once.
 */
import { parseViewQuery, serializeViewQuery, type UrlCodecOptions } from '../domain/urlState.ts'
import { DEFAULT_VIEW_STATE } from '../domain/viewState.ts'
import { historyMethodFor, takeHistoryIntent, endGesture } from './historyIntent.ts'
import { getViewState, useViewStore } from './viewStore.ts'
import { useStatusStore } from './statusStore.ts'
import { beginWork } from './pendingWork.ts'

export function startLinkSync(options: UrlCodecOptions = {}): () => void {
  const apply = (search: string) => {
    const { patch, ignored, leftToStep } = parseViewQuery(search, options)
    useViewStore.getState().apply({ ...DEFAULT_VIEW_STATE, ...patch }, { kind: 'none' })
    // A hand-made link to a treatment step: the player stages the step (its view and cut) as it
    // would if the user had gone there. The player loads apart from the first download.
    if (leftToStep) {
      const linked = getViewState()
      const done = beginWork('link staging')
      import('./treatmentPlayer.ts')
        .then((player) => player.stageLinkedStep(leftToStep, linked))
        .catch((error: unknown) => console.warn('The treatment step could not be staged:', error))
        .finally(done)
    }
    return ignored
  }

  const ignored = apply(window.location.search)
  useStatusStore.getState().showLinkNotice(ignored)
  takeHistoryIntent()
  // Rewrite the address without what was ignored, so a copied link is clean.
  writeLinkNow()

  const unsubscribe = useViewStore.subscribe(() => {
    writeLink(historyMethodFor(takeHistoryIntent()))
  })
  const onPopState = () => {
    endGesture()
    // The browser already shows another entry: a replacement still pending belongs to the one
    // left. It is kept for that entry and written into it when the reader comes back to it.
    if (pendingUrl !== null && shownEntry !== null) rememberLateWrite(shownEntry, pendingUrl)
    discardPending()
    shownEntry = entryIdOf(window.history.state)
    const late = shownEntry !== null ? lateWrites.get(shownEntry) : undefined
    if (late !== undefined && shownEntry !== null) {
      lateWrites.delete(shownEntry)
      window.history.replaceState(window.history.state, '', late)
    }
    const notIgnored = apply(window.location.search)
    takeHistoryIntent()
    if (notIgnored.length) useStatusStore.getState().showLinkNotice(notIgnored)
  }
  const onGestureEnd = () => {
    endGesture()
    flushPending()
  }
  window.addEventListener('popstate', onPopState)
  window.addEventListener('pointerup', onGestureEnd, true)
  window.addEventListener('pointercancel', onGestureEnd, true)
  window.addEventListener('keyup', onGestureEnd, true)
  window.addEventListener('pagehide', flushPending)
  return () => {
    unsubscribe()
    window.removeEventListener('popstate', onPopState)
    window.removeEventListener('pointerup', onGestureEnd, true)
    window.removeEventListener('pointercancel', onGestureEnd, true)
    window.removeEventListener('keyup', onGestureEnd, true)
    window.removeEventListener('pagehide', flushPending)
  }
}

/**
 * Every entry the page writes carries an id in history.state, so that a value written after the
 * reader left an entry (Back within REPLACE_DELAY_MS of a slider step) still reaches it.
 */
const ENTRY_KEY = 'hipExplorerEntry'
const session = Math.random().toString(36).slice(2, 8)
let entryCount = 0
let shownEntry: string | null = null
const lateWrites = new Map<string, string>()
/** Browsers keep about 50 entries per tab; older late writes can never be needed. */
const MAX_LATE_WRITES = 50

function entryIdOf(state: unknown): string | null {
  const id = typeof state === 'object' && state !== null ? (state as Record<string, unknown>)[ENTRY_KEY] : undefined
  return typeof id === 'string' ? id : null
}

function entryState(id: string): Record<string, unknown> {
  const state: unknown = window.history.state
  return { ...(typeof state === 'object' && state !== null ? state : {}), [ENTRY_KEY]: id }
}

function newEntryId(): string {
  entryCount += 1
  return `${session}-${entryCount}`
}

function rememberLateWrite(entry: string, url: string): void {
  lateWrites.delete(entry)
  lateWrites.set(entry, url)
  if (lateWrites.size > MAX_LATE_WRITES) lateWrites.delete(lateWrites.keys().next().value!)
}

/**
 * Replacing the address on every slider or orbit step would hit browser limits (Safari allows
 * about 100 history calls per 30 s), so replacements are coalesced. A push first writes the
 * pending replacement, so the entry it leaves behind holds where the gesture ended.
 */
const REPLACE_DELAY_MS = 250
let pendingUrl: string | null = null
let pendingTimer: number | null = null

function currentUrl(): string {
  return `${window.location.pathname}${serializeViewQuery(getViewState())}${window.location.hash}`
}

/** Writes a replacement still waiting into the address now (before a reload, or when the page goes). */
export function flushPendingLink(): void {
  flushPending()
}

function flushPending(): void {
  if (pendingTimer !== null) window.clearTimeout(pendingTimer)
  pendingTimer = null
  if (pendingUrl !== null) window.history.replaceState(window.history.state, '', pendingUrl)
  pendingUrl = null
}

function discardPending(): void {
  if (pendingTimer !== null) window.clearTimeout(pendingTimer)
  pendingTimer = null
  pendingUrl = null
}

function writeLink(method: 'push' | 'replace'): void {
  const url = currentUrl()
  if (method === 'replace') {
    pendingUrl = url
    pendingTimer ??= window.setTimeout(flushPending, REPLACE_DELAY_MS)
    return
  }
  flushPending()
  const shown = `${window.location.pathname}${window.location.search}${window.location.hash}`
  if (url === shown) return
  shownEntry = newEntryId()
  window.history.pushState({ [ENTRY_KEY]: shownEntry }, '', url)
}

function writeLinkNow(): void {
  flushPending()
  shownEntry = entryIdOf(window.history.state) ?? newEntryId()
  window.history.replaceState(entryState(shownEntry), '', currentUrl())
}
