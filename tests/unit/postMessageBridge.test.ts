/**
 * The embed bridge answers only its embedder (issue 10): requests from other windows and from
 * opaque origins are ignored, replies never go to '*', subscriptions are per window, capped,
 * coalesced and dropped when their window goes away.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNEL, EVENT_INTERVAL_MS, MAX_SUBSCRIPTIONS, startPostMessageBridge, type BridgeOptions } from '../../src/api/postMessageBridge.ts'
import type { HipExplorerApi } from '../../src/api/types.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'

interface FakeWindow {
  postMessage: ReturnType<typeof vi.fn>
  closed: boolean
}
const fakeWindow = (): FakeWindow => ({ postMessage: vi.fn(), closed: false })

function fakeApi() {
  const listeners = new Set<() => void>()
  let stage = 0
  const api = {
    version: 'test',
    getState: () => ({ ...DEFAULT_VIEW_STATE, stage }),
    setState: vi.fn((patch: { stage?: number }) => {
      stage = patch.stage ?? stage
      for (const l of listeners) l()
      return { state: { ...DEFAULT_VIEW_STATE, stage }, ignored: [] }
    }),
    subscribe: (l: () => void) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    ready: async () => {},
    idle: async () => {},
    screenshot: async () => 'data:image/png;base64,',
    stats: () => ({}),
    status: () => ({}),
    project: () => null,
    camera: () => null,
  }
  return { api: api as unknown as HipExplorerApi, listeners }
}

let stop: () => void = () => {}
const target = new EventTarget()

function start(api: HipExplorerApi, options: BridgeOptions) {
  stop = startPostMessageBridge(api, { target, ...options })
}

function ask(source: FakeWindow | null, origin: string, id: string | number, method: string, args: unknown[] = []) {
  target.dispatchEvent(Object.assign(new Event('message'), { source, origin, data: { channel: CHANNEL, id, method, args } }))
}

const tick = () => new Promise((r) => setTimeout(r, 0))
const replies = (w: FakeWindow) => w.postMessage.mock.calls.map(([message, origin]) => ({ message, origin }))

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  stop()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('postMessage bridge', () => {
  it('answers the parent, to its origin only', async () => {
    const parent = fakeWindow()
    const { api } = fakeApi()
    start(api, { ancestors: [parent as unknown as Window] })
    ask(parent, 'https://portal.example', 1, 'getState')
    await tick()
    expect(replies(parent)).toEqual([{ message: { channel: CHANNEL, id: 1, result: { ...DEFAULT_VIEW_STATE, stage: 0 } }, origin: 'https://portal.example' }])
  })

  it('ignores any other window: a page that frames the portal gets nothing and changes nothing', async () => {
    const parent = fakeWindow()
    const top = fakeWindow()
    const { api } = fakeApi()
    start(api, { ancestors: [parent, top] as unknown as Window[] })
    ask(top, 'http://attacker.example', 1, 'getState')
    ask(top, 'http://attacker.example', 2, 'setState', [{ stage: 4 }])
    ask(top, 'http://attacker.example', 3, 'subscribe')
    await tick()
    expect(top.postMessage).not.toHaveBeenCalled()
    expect(api.setState).not.toHaveBeenCalled()
  })

  it('refuses opaque origins instead of replying to "*"', async () => {
    const parent = fakeWindow()
    const { api } = fakeApi()
    start(api, { ancestors: [parent as unknown as Window] })
    ask(parent, 'null', 1, 'getState')
    await tick()
    expect(parent.postMessage).not.toHaveBeenCalled()
  })

  it('with a host allow-list: listed ancestors only, the parent included', async () => {
    const parent = fakeWindow()
    const top = fakeWindow()
    const { api } = fakeApi()
    start(api, { ancestors: [parent, top] as unknown as Window[], allowedOrigins: ['https://portal.example'] })
    ask(parent, 'https://widgets.example', 1, 'getState')
    ask(top, 'https://portal.example', 2, 'getState')
    await tick()
    expect(parent.postMessage).not.toHaveBeenCalled()
    expect(replies(top).map((r) => r.message.id)).toEqual([2])
  })

  it('keys subscriptions by window, caps them, and coalesces state events', async () => {
    vi.useFakeTimers()
    const parent = fakeWindow()
    const { api } = fakeApi()
    start(api, { ancestors: [parent as unknown as Window] })
    for (let i = 0; i < MAX_SUBSCRIPTIONS + 5; i++) ask(parent, 'https://portal.example', `s${i}`, 'subscribe')
    await vi.advanceTimersByTimeAsync(0)
    const answers = replies(parent).map((r) => r.message)
    expect(answers.filter((m) => m.result === true)).toHaveLength(MAX_SUBSCRIPTIONS)
    expect(answers.filter((m) => typeof m.error === 'string' && /too many subscriptions/.test(m.error))).toHaveLength(5)
    parent.postMessage.mockClear()
    for (let i = 1; i <= 1000; i++) api.setState({ stage: i / 1000 })
    await vi.advanceTimersByTimeAsync(EVENT_INTERVAL_MS + 1)
    const events = replies(parent).map((r) => r.message).filter((m) => m.event === 'state')
    expect(events).toHaveLength(MAX_SUBSCRIPTIONS) // one per subscription, not 1000 each
    expect(events.every((m) => m.state.stage === 1)).toBe(true)
    // Unsubscribing one leaves the others.
    ask(parent, 'https://portal.example', 'u', 'unsubscribe', ['s0'])
    await vi.advanceTimersByTimeAsync(0)
    expect(replies(parent).at(-1)!.message).toEqual({ channel: CHANNEL, id: 'u', result: true })
  })

  it('drops the subscriptions of a window that went away', async () => {
    vi.useFakeTimers()
    const parent = fakeWindow()
    const { api, listeners } = fakeApi()
    start(api, { ancestors: [parent as unknown as Window] })
    ask(parent, 'https://portal.example', 1, 'subscribe')
    await vi.advanceTimersByTimeAsync(0)
    expect(listeners.size).toBe(1)
    parent.closed = true
    api.setState({ stage: 2 })
    await vi.advanceTimersByTimeAsync(EVENT_INTERVAL_MS + 1)
    expect(listeners.size).toBe(0)
  })
})
