/**
 * Keeps the view store and the address bar in step:
 * - on start, the link's query is applied (ignored values go to a notice);
 * - every change writes the link, pushing or replacing history as its intent says;
 * - Back/Forward re-apply the link of that entry.
 */
import { parseViewQuery, serializeViewQuery, type UrlCodecOptions } from '../domain/urlState.ts'
import { DEFAULT_VIEW_STATE } from '../domain/viewState.ts'
import { historyMethodFor, takeHistoryIntent, endGesture } from './historyIntent.ts'
import { getViewState, useViewStore } from './viewStore.ts'
import { useStatusStore } from './statusStore.ts'

export function startLinkSync(options: UrlCodecOptions = {}): () => void {
  const apply = (search: string) => {
    const { patch, ignored } = parseViewQuery(search, options)
    useViewStore.getState().apply({ ...DEFAULT_VIEW_STATE, ...patch }, { kind: 'none' })
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
    // The browser already shows another entry: a replacement still pending belongs to the old one.
    discardPending()
    const notIgnored = apply(window.location.search)
    takeHistoryIntent()
    if (notIgnored.length) useStatusStore.getState().showLinkNotice(notIgnored)
  }
  window.addEventListener('popstate', onPopState)
  return () => {
    unsubscribe()
    window.removeEventListener('popstate', onPopState)
  }
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

function flushPending(): void {
  if (pendingTimer !== null) window.clearTimeout(pendingTimer)
  pendingTimer = null
  if (pendingUrl !== null) window.history.replaceState(null, '', pendingUrl)
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
  if (url !== shown) window.history.pushState(null, '', url)
}

function writeLinkNow(): void {
  flushPending()
  window.history.replaceState(null, '', currentUrl())
}
