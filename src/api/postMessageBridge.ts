/**
 * The automation API over postMessage, for a page that embeds the viewer in an iframe
 * (e.g. a patient portal). Protocol (all messages carry `channel: "hip-explorer"`):
 *
 *   parent -> viewer  { channel, id, method: 'getState' | 'setState' | 'screenshot' | 'stats'
 *                       | 'status' | 'project' | 'camera' | 'ready' | 'idle' | 'subscribe' | 'unsubscribe', args?: [...] }
 *   viewer -> parent  { channel, id, result } or { channel, id, error }
 *   viewer -> parent  { channel, event: 'state', state }   after 'subscribe', on every change
 *
 * The view state is not private (it is what the link shows), so any embedding origin may ask;
 * replies go back only to the origin that asked.
 */
import type { HipExplorerApi } from './types.ts'

export const CHANNEL = 'hip-explorer'

const METHODS = ['getState', 'setState', 'screenshot', 'stats', 'status', 'project', 'camera', 'ready', 'idle', 'subscribe', 'unsubscribe'] as const
type Method = (typeof METHODS)[number]

interface Request {
  channel: typeof CHANNEL
  id: string | number
  method: Method
  args?: unknown[]
}

function isRequest(data: unknown): data is Request {
  if (typeof data !== 'object' || data === null) return false
  const d = data as Partial<Request>
  return d.channel === CHANNEL && (typeof d.id === 'string' || typeof d.id === 'number') && METHODS.includes(d.method as Method)
}

export function startPostMessageBridge(api: HipExplorerApi, target: Window = window): () => void {
  const subscriptions = new Map<string, () => void>()

  const onMessage = async (event: MessageEvent) => {
    if (!isRequest(event.data) || !event.source) return
    const { id, method, args = [] } = event.data
    const source = event.source as Window
    const origin = event.origin === 'null' || event.origin === '' ? '*' : event.origin
    const reply = (body: Record<string, unknown>) => source.postMessage({ channel: CHANNEL, id, ...body }, origin)
    try {
      switch (method) {
        case 'getState': return reply({ result: api.getState() })
        case 'setState': return reply({ result: api.setState(args[0] as never) })
        case 'screenshot': return reply({ result: await api.screenshot((args[0] ?? {}) as never) })
        case 'stats': return reply({ result: api.stats() })
        case 'status': return reply({ result: api.status() })
        case 'project': return reply({ result: api.project(args[0] as [number, number, number]) })
        case 'camera': return reply({ result: api.camera() })
        case 'ready': await api.ready(); return reply({ result: true })
        case 'idle': await api.idle(); return reply({ result: true })
        case 'subscribe': {
          const key = `${origin} ${String(id)}`
          subscriptions.get(key)?.()
          subscriptions.set(key, api.subscribe((state) => source.postMessage({ channel: CHANNEL, event: 'state', id, state }, origin)))
          return reply({ result: true })
        }
        case 'unsubscribe': {
          const key = `${origin} ${String(args[0] ?? id)}`
          subscriptions.get(key)?.()
          return reply({ result: subscriptions.delete(key) })
        }
      }
    } catch (error) {
      reply({ error: error instanceof Error ? error.message : String(error) })
    }
  }
  const listener = (event: MessageEvent) => void onMessage(event)
  target.addEventListener('message', listener)
  return () => {
    target.removeEventListener('message', listener)
    subscriptions.forEach((stop) => stop())
  }
}
