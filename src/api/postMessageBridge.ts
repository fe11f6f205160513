/**
 * The automation API over postMessage, for a page that embeds the viewer in an iframe
 * (e.g. a patient portal). Protocol (all messages carry `channel: "hip-explorer"`):
 *
 *   parent -> viewer  { channel, id, method: 'getState' | 'setState' | 'screenshot' | 'stats'
 *                       | 'status' | 'project' | 'camera' | 'ready' | 'idle' | 'subscribe' | 'unsubscribe', args?: [...] }
 *   viewer -> parent  { channel, id, result } or { channel, id, error }
 *   viewer -> parent  { channel, event: 'state', id, state }   after 'subscribe', when the state changed
 *
 * Who may ask (docs/api.md, "Who may call"): the view shows a patient's stage, so only the
 * embedding window is obeyed, never any window that happens to hold a reference to this frame
 * (a page that frames the portal could otherwise read the stage, change the view and take
 * screenshots, unseen by the portal). Specifically:
 * - the request must come from `window.parent` or, when the host lists origins in
 *   `<meta name="hip-explorer-embedders" content="https://a.example https://b.example">`, from an
 *   ancestor window (parent, its parent, … top) whose origin is listed; with a list, the parent
 *   too must be on it;
 * - requests from opaque origins ("null": sandboxed or data: frames) are refused: the only way
 *   to answer them is postMessage(…, '*'), which delivers to whatever document the window holds
 *   by then. A sandboxed embedder needs `allow-same-origin` to use this API;
 * - replies and events go only to the origin that asked, never to '*';
 * - subscriptions are keyed by the asking window, at most MAX_SUBSCRIPTIONS per window, dropped
 *   when that window is closed or can no longer be reached; state events are coalesced (at most
 *   one per EVENT_INTERVAL_MS per subscription, always the latest state).
 */
import type { HipExplorerApi } from './types.ts'
import type { ViewState } from '../domain/viewState.ts'

export const CHANNEL = 'hip-explorer'
export const MAX_SUBSCRIPTIONS = 8
/** Calls that wait (ready, idle, screenshot) at once per window: more is a flood, not a client. */
export const MAX_WAITING_CALLS = 32
export const EVENT_INTERVAL_MS = 50
export const EMBEDDERS_META = 'hip-explorer-embedders'

const METHODS = ['getState', 'setState', 'screenshot', 'stats', 'status', 'project', 'camera', 'ready', 'idle', 'subscribe', 'unsubscribe'] as const
type Method = (typeof METHODS)[number]

interface Request {
  channel: typeof CHANNEL
  id: string | number
  method: Method
  args?: unknown
}

function isRequest(data: unknown): data is Request {
  if (typeof data !== 'object' || data === null) return false
  const d = data as Partial<Request>
  return d.channel === CHANNEL && (typeof d.id === 'string' || typeof d.id === 'number') && METHODS.includes(d.method as Method)
}

/** The origins of the host's allow-list meta tag; null when there is none. Invalid entries are skipped. */
export function embeddersFromDocument(doc: Document = document): string[] | null {
  const content = doc.querySelector(`meta[name="${EMBEDDERS_META}"]`)?.getAttribute('content')
  if (content == null) return null
  const origins: string[] = []
  for (const entry of content.split(/\s+/).filter(Boolean)) {
    try {
      const origin = new URL(entry).origin
      if (origin !== 'null') origins.push(origin)
      else console.warn(`${EMBEDDERS_META}: "${entry}" has no origin and is ignored`)
    } catch {
      console.warn(`${EMBEDDERS_META}: "${entry}" is not an origin and is ignored`)
    }
  }
  return origins
}

/** The windows above this one, nearest first (parent, its parent, … top). */
function ancestorsOf(self: Window): Window[] {
  const out: Window[] = []
  for (let w = self; w.parent !== w && out.length < 16; w = w.parent) out.push(w.parent)
  return out
}

export interface BridgeOptions {
  /** Where messages arrive (the viewer's window). */
  target?: Window | EventTarget
  /** The embedding windows, nearest first; default: this window's ancestors. */
  ancestors?: readonly Window[]
  /** Origins an ancestor must have (the host's list); null or absent: the parent, any origin. */
  allowedOrigins?: readonly string[] | null
}

interface Subscriber {
  readonly source: Window
  readonly origin: string
  /** Subscription ids of this window (keyed by type and value: 1 and '1' differ). */
  readonly ids: Map<string, string | number>
  stop: () => void
  timer: ReturnType<typeof setTimeout> | null
  waiting: number
}

const idKey = (id: unknown): string => `${typeof id}:${String(id)}`

export function startPostMessageBridge(api: HipExplorerApi, options: BridgeOptions = {}): () => void {
  const target = options.target ?? window
  const ancestors = options.ancestors ?? ancestorsOf(window)
  const allowed = options.allowedOrigins ?? null
  const windows = new Map<Window, Subscriber>()
  let warnedOpaque = false

  const mayAsk = (source: Window, origin: string): boolean => {
    if (allowed === null) return source === ancestors[0]
    return ancestors.includes(source) && allowed.includes(origin)
  }

  const send = (who: Subscriber, message: Record<string, unknown>): boolean => {
    try {
      if (who.source.closed) return false
      who.source.postMessage(message, who.origin)
      return true
    } catch {
      return false // the window went away or cannot take the message: treated as gone
    }
  }

  const drop = (who: Subscriber) => {
    if (who.timer !== null) clearTimeout(who.timer)
    who.stop()
    windows.delete(who.source)
  }

  const flush = (who: Subscriber) => {
    who.timer = null
    if (who.ids.size === 0) return
    const state: ViewState = api.getState()
    for (const id of who.ids.values()) {
      if (!send(who, { channel: CHANNEL, event: 'state', id, state })) {
        drop(who)
        return
      }
    }
  }

  const subscriberFor = (source: Window, origin: string): Subscriber => {
    let who = windows.get(source)
    // Same window, new origin: it navigated; the new document asked for nothing.
    if (who && who.origin !== origin) {
      drop(who)
      who = undefined
    }
    if (!who) {
      const created: Subscriber = { source, origin, ids: new Map(), stop: () => {}, timer: null, waiting: 0 }
      created.stop = api.subscribe(() => {
        if (created.ids.size > 0 && created.timer === null) created.timer = setTimeout(() => flush(created), EVENT_INTERVAL_MS)
      })
      windows.set(source, created)
      who = created
    }
    return who
  }

  const onMessage = async (event: MessageEvent) => {
    if (!isRequest(event.data)) return
    const source = event.source
    // Only windows (not ports or workers) can be embedders.
    if (!source || typeof (source as Window).postMessage !== 'function' || !('closed' in source)) return
    const win = source as Window
    if (event.origin === 'null' || event.origin === '') {
      if (!warnedOpaque) console.warn('hip-explorer: a request from an opaque origin (sandboxed or data: frame) was refused; see docs/api.md')
      warnedOpaque = true
      return
    }
    if (!mayAsk(win, event.origin)) return
    const { id, method } = event.data
    const args = Array.isArray(event.data.args) ? event.data.args : []
    const who = subscriberFor(win, event.origin)
    const reply = (body: Record<string, unknown>) => {
      if (!send(who, { channel: CHANNEL, id, ...body })) drop(who)
    }
    const wait = async (work: () => Promise<unknown>) => {
      if (who.waiting >= MAX_WAITING_CALLS) return reply({ error: `too many calls waiting at once (at most ${MAX_WAITING_CALLS})` })
      who.waiting++
      try {
        return reply({ result: await work() })
      } finally {
        who.waiting--
      }
    }
    try {
      switch (method) {
        case 'getState': return reply({ result: api.getState() })
        case 'setState': return reply({ result: api.setState(args[0] as never, args[1] as never) })
        case 'screenshot': return await wait(() => api.screenshot((args[0] ?? {}) as never))
        case 'stats': return reply({ result: api.stats() })
        case 'status': return reply({ result: api.status() })
        case 'project': return reply({ result: api.project(args[0] as never) })
        case 'camera': return reply({ result: api.camera() })
        case 'ready': return await wait(() => api.ready().then(() => true))
        case 'idle': return await wait(() => api.idle().then(() => true))
        case 'subscribe': {
          const key = idKey(id)
          if (!who.ids.has(key) && who.ids.size >= MAX_SUBSCRIPTIONS) {
            return reply({ error: `too many subscriptions (at most ${MAX_SUBSCRIPTIONS} per window); unsubscribe first` })
          }
          who.ids.set(key, id)
          return reply({ result: true })
        }
        case 'unsubscribe': {
          const key = idKey(args[0] ?? id)
          return reply({ result: who.ids.delete(key) })
        }
      }
    } catch (error) {
      reply({ error: error instanceof Error ? error.message : String(error) })
    }
  }
  const listener = (event: Event) => void onMessage(event as MessageEvent)
  target.addEventListener('message', listener)
  return () => {
    target.removeEventListener('message', listener)
    for (const who of [...windows.values()]) drop(who)
  }
}
