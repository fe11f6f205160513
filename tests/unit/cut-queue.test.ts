/**
 * The order in which the geometry worker gets its cuts (src/geometry/cutQueue.ts) and the client
 * that hands them over one at a time (src/scene/model/boneCutClient.ts), with a worker that
 * answers only when the test says so.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CutQueue, type CutUrgency } from '../../src/geometry/cutQueue.ts'
import type { BoneRemoval, RemovalTarget } from '../../src/domain/treatment/frame.ts'
import type { FromWorker, ToWorker } from '../../src/geometry/boneCutProtocol.ts'
import type { LoadedHip } from '../../src/scene/model/modelStore.ts'
import type { CutResult } from '../../src/geometry/cutResult.ts'

vi.mock('../../src/scene/model/modelGeometry.ts', () => ({
  removalSolidInputs: () => ({}),
  headCartilageInput: () => null,
}))

const job = (key: string, urgency: CutUrgency, target: RemovalTarget = 'femur') => ({ key, target, urgency, message: key, transfer: [] })
const order = (q: CutQueue<string>) => {
  const keys: string[] = []
  for (let j = q.next(); j; j = q.next()) keys.push(j.key)
  return keys
}

describe('CutQueue', () => {
  it('gives the cuts to be shown before the cuts ahead, each in the order asked', () => {
    const q = new CutQueue<string>()
    q.add(job('a1', 'ahead'))
    q.add(job('a2', 'ahead'))
    q.add(job('s1', 'shown'))
    q.add(job('p1', 'piece'))
    q.add(job('s2', 'shown', 'pelvis'))
    expect(order(q)).toEqual(['s1', 'p1', 's2', 'a1', 'a2'])
  })

  it('a newer cut to be shown on a bone replaces the one waiting for that bone, not the other bone\'s', () => {
    const q = new CutQueue<string>()
    q.add(job('f1', 'shown'))
    q.add(job('p1', 'shown', 'pelvis'))
    expect(q.add(job('f2', 'shown'))).toEqual(['f1'])
    expect(order(q)).toEqual(['p1', 'f2'])
  })

  it('a cut waiting ahead that is asked for to be shown moves up, and replaces the older shown one', () => {
    const q = new CutQueue<string>()
    q.add(job('a1', 'ahead'))
    q.add(job('a2', 'ahead'))
    q.add(job('s1', 'shown'))
    expect(q.add(job('a2', 'shown'))).toEqual(['s1'])
    expect(q.add(job('a1', 'ahead')), 'asked ahead again: nothing changes').toEqual([])
    expect(order(q)).toEqual(['a2', 'a1'])
  })

  it('a new set of cuts ahead drops the waiting ones it does not name; shown cuts and pieces stay', () => {
    const q = new CutQueue<string>()
    for (const k of ['a1', 'a2', 'a3']) q.add(job(k, 'ahead'))
    q.add(job('s1', 'shown'))
    q.add(job('p1', 'piece'))
    expect(q.replaceAhead(new Set(['a3', 'b1']))).toEqual(['a1', 'a2'])
    expect(order(q)).toEqual(['s1', 'p1', 'a3'])
  })

  it('a bone to be shown uncut drops its waiting shown cut only', () => {
    const q = new CutQueue<string>()
    q.add(job('f1', 'shown'))
    q.add(job('a1', 'ahead'))
    q.add(job('p1', 'shown', 'pelvis'))
    expect(q.dropShownOn('femur')).toEqual(['f1'])
    expect(order(q)).toEqual(['p1', 'a1'])
  })
})

/** A worker that records what it is given and answers a cut when `finish` is called. */
class HeldWorker {
  static last: HeldWorker | null = null
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  readonly posted: string[] = []
  constructor() {
    HeldWorker.last = this
  }
  postMessage(message: ToWorker): void {
    if (message.type !== 'solids') this.posted.push(message.key)
  }
  /** Answers the last cut posted. */
  finish(): void {
    const key = this.posted.at(-1)!
    this.onmessage?.({ data: { type: 'cut', key, result: { target: 'femur', solids: {} } as CutResult, ms: 1 } } as MessageEvent<FromWorker>)
  }
  terminate(): void {}
}

/** A drilling pass as the planner gives it: only its key matters here. */
const pass = (n: number): BoneRemoval[] => [{ kind: 'cylinder', id: `pass-${n}`, from: [0, 0, 0], to: [n, 0, 0], radius: 1.5 }]
const model = {} as LoadedHip

describe('the geometry worker client', () => {
  beforeEach(() => {
    vi.resetModules()
    vi.stubGlobal('Worker', HeldWorker)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('after quick steps through a treatment, the cut on screen is the next the worker computes, and the stale cuts ahead never run', async () => {
    const { cutAhead, cutFor, CutDropped } = await import('../../src/scene/model/boneCutClient.ts')
    const { removalsKey } = await import('../../src/geometry/removalKey.ts')
    const first = cutFor(model, 'femur', pass(1))
    const worker = HeldWorker.last!
    // Ten steps clicked through while the first cut is computed: each asks ahead for its frames.
    const stale: Promise<CutResult>[] = []
    for (let step = 2; step <= 11; step++) {
      cutAhead(model, [{ target: 'femur', removals: pass(step * 10) }, { target: 'femur', removals: pass(step * 10 + 1) }])
      stale.push(cutFor(model, 'femur', pass(step * 10)))
    }
    const results = Promise.allSettled(stale)
    expect(worker.posted, 'one job at a time').toEqual([removalsKey(pass(1))])
    worker.finish()
    await first
    // The last step's cut is next; the older shown cuts were replaced, and so were older cuts ahead.
    expect(worker.posted.at(-1)).toBe(removalsKey(pass(110)))
    worker.finish()
    expect(worker.posted.at(-1), 'then the last step\'s frame ahead').toBe(removalsKey(pass(111)))
    worker.finish()
    expect(worker.posted).toHaveLength(3)
    const settled = await results
    expect(settled.slice(0, -1).every((r) => r.status === 'rejected' && r.reason instanceof CutDropped)).toBe(true)
    expect(settled.at(-1)!.status).toBe('fulfilled')
    // A dropped cut asked for again is computed anew, not answered with the old rejection.
    const again = cutFor(model, 'femur', pass(20))
    expect(worker.posted.at(-1)).toBe(removalsKey(pass(20)))
    worker.finish()
    await expect(again).resolves.toBeDefined()
  })

  it('a bone shown uncut drops its waiting cut; a closed treatment\'s cuts ahead are dropped', async () => {
    const { cutAhead, cutFor, showUncut } = await import('../../src/scene/model/boneCutClient.ts')
    const busy = cutFor(model, 'femur', pass(1))
    const worker = HeldWorker.last!
    const waiting = cutFor(model, 'femur', pass(2))
    cutAhead(model, [{ target: 'femur', removals: pass(3) }])
    showUncut(model, 'femur')
    cutAhead(model, [])
    await expect(waiting).rejects.toThrow('replaced')
    worker.finish()
    await busy
    expect(worker.posted).toHaveLength(1)
  })
})
