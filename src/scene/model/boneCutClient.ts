/**
 * The scene's side of the geometry worker (geometry/boneCut.worker.ts): started for a model on
 * the first cut asked for, given a bone's solids once, before that bone's first cut (a femur-only
 * treatment never copies or sends the pelvis), then asked for cuts by bone and removal list.
 * Results are cached by the removals' targets, ids and numbers (geometry/removalKey.ts), so a
 * treatment stepping back and forth computes each picture once; their buffers arrive by transfer.
 * The worker gets one job at a time, in the order geometry/cutQueue.ts keeps: the cut on screen
 * first, cuts asked for ahead after it, stale ones dropped.
 * Loaded lazily with the rest of the cutting code (./boneRemoval.ts).
 */
import type { BoneRemoval, RemovalTarget } from '../../domain/treatment/frame.ts'
import type { CutResult, PieceResult } from '../../geometry/cutResult.ts'
import type { FromWorker, ToWorker } from '../../geometry/boneCutProtocol.ts'
import { removalsKey } from '../../geometry/removalKey.ts'
import { CutQueue, type CutUrgency } from '../../geometry/cutQueue.ts'
import { sourceBuffers } from '../../geometry/solidSource.ts'
import type { LoadedHip } from './modelStore.ts'
import { headCartilageInput, removalSolidInputs } from './modelGeometry.ts'

/** Cut results kept (a treatment has up to a dozen steps that take bone; each ≈ 3 MB). */
const CACHE_SIZE = 12

interface Waiting {
  resolve(result: CutResult | PieceResult): void
  reject(error: Error): void
}

interface Client {
  readonly model: LoadedHip
  readonly worker: Worker
  /** The bones whose solids the worker has. */
  readonly sent: Set<RemovalTarget>
  readonly waiting: Map<string, Waiting>
  readonly cache: Map<string, Promise<CutResult>>
  /** Pieces of bone asked for (a treatment has one or two: the resected head, whole and cut open). */
  readonly pieces: Map<string, Promise<PieceResult>>
  /** Whether the worker has the head cartilage's solid (sent with the first piece). */
  cartilageSent: boolean
  /** Jobs not yet posted; `busy` while the worker computes the one posted. */
  readonly queue: CutQueue<ToWorker>
  busy: boolean
}

/** Why a cut never ran: a newer one replaced it before the worker began it (geometry/cutQueue.ts). */
export class CutDropped extends Error {
  constructor(key: string) {
    super(`the cut ${key} was replaced before it began`)
  }
}

let client: Client | null = null

/** The results of the cuts that have arrived, by their promise in the cache (see readyCut). */
const arrived = new WeakMap<Promise<CutResult>, CutResult>()

/** Worker milliseconds of each cut computed so far, by key (for the benchmark and the notes). */
export const workerTimes = new Map<string, number>()

function failAll(c: Client, error: Error): void {
  c.queue.clear()
  c.busy = false
  for (const w of c.waiting.values()) w.reject(error)
  c.waiting.clear()
  c.cache.clear()
  c.pieces.clear()
}

/** Forgets and rejects the jobs the queue dropped (at once: a call right after must ask anew). */
function dropped(c: Client, keys: readonly string[]): void {
  for (const key of keys) {
    c.cache.delete(key)
    const w = c.waiting.get(key)
    c.waiting.delete(key)
    w?.reject(new CutDropped(key))
  }
}

/** Posts the next job when the worker is free. */
function pump(c: Client): void {
  if (c.busy) return
  const job = c.queue.next()
  if (!job) return
  c.busy = true
  c.worker.postMessage(job.message, [...job.transfer])
}

function clientFor(model: LoadedHip): Client {
  if (client?.model === model) return client
  if (client) {
    client.worker.terminate()
    failAll(client, new Error('another model was loaded'))
  }
  const worker = new Worker(new URL('../../geometry/boneCut.worker.ts', import.meta.url), { type: 'module', name: 'bone-cut' })
  const c: Client = { model, worker, sent: new Set(), waiting: new Map(), cache: new Map(), pieces: new Map(), cartilageSent: false, queue: new CutQueue(), busy: false }
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data
    c.busy = false
    const w = c.waiting.get(message.key)
    c.waiting.delete(message.key)
    if (message.type === 'failed') w?.reject(new Error(message.reason))
    else {
      workerTimes.set(message.key, message.ms)
      w?.resolve(message.result)
    }
    pump(c)
  }
  worker.onerror = (event) => {
    event.preventDefault()
    failAll(c, new Error(`the geometry worker stopped (${event.message || 'it could not start'})`))
  }
  client = c
  return c
}

/** Sends the worker `target`'s solids, once per model. */
function sendSolids(c: Client, target: RemovalTarget): void {
  if (c.sent.has(target)) return
  const solids = removalSolidInputs(c.model, target)
  if (!solids) throw new Error(`the model has no ${target} solids to cut`)
  post(c.worker, { type: 'solids', target, solids }, Object.values(solids).flatMap(sourceBuffers))
  c.sent.add(target)
}

function post(worker: Worker, message: ToWorker, transfer: ArrayBuffer[] = []): void {
  worker.postMessage(message, transfer)
}

/**
 * The bone `target` of `model` cut by `removals` (that bone's own, not []), from the cache or the
 * worker. `shown`: the cut to draw now (it goes first and replaces an older one of that bone still
 * waiting); `ahead`: computed ahead (see cutAhead). Rejects with CutDropped when replaced.
 */
export function cutFor(model: LoadedHip, target: RemovalTarget, removals: readonly BoneRemoval[], urgency: Exclude<CutUrgency, 'piece'> = 'shown'): Promise<CutResult> {
  const c = clientFor(model)
  const key = removalsKey(removals)
  const known = c.cache.get(key)
  if (known) {
    // Most recently used last: the oldest is dropped first.
    c.cache.delete(key)
    c.cache.set(key, known)
    // Still waiting in the queue: now perhaps wanted on screen.
    if (c.queue.has(key)) dropped(c, c.queue.add({ key, target, urgency, message: { type: 'cut', target, key, removals }, transfer: [] }))
    return known
  }
  sendSolids(c, target)
  const result = new Promise<CutResult>((resolve, reject) => c.waiting.set(key, { resolve: (r) => resolve(r as CutResult), reject }))
  result.then(
    (r) => arrived.set(result, r),
    () => c.cache.get(key) === result && c.cache.delete(key),
  )
  c.cache.set(key, result)
  while (c.cache.size > CACHE_SIZE) c.cache.delete(c.cache.keys().next().value!)
  dropped(c, c.queue.add({ key, target, urgency, message: { type: 'cut', target, key, removals }, transfer: [] }))
  pump(c)
  return result
}

/**
 * The cut `cutFor` would give, when it has arrived already (computed ahead, or shown before), or
 * null: without waiting even a microtask, so a step's frame can draw it in the very frame that
 * asks for it (a promise resolves only after the frame has been drawn, and a second frame cost
 * 0.6–0.75 s with software WebGL at a treatment's close view).
 */
export function readyCut(model: LoadedHip, removals: readonly BoneRemoval[]): CutResult | null {
  if (client?.model !== model) return null
  const key = removalsKey(removals)
  const known = client.cache.get(key)
  const result = known && arrived.get(known)
  if (!known || !result) return null
  // Most recently used last, as cutFor keeps them.
  client.cache.delete(key)
  client.cache.set(key, known)
  return result
}

/** `target` is to be shown uncut: its cuts waiting to be shown will not be. */
export function showUncut(model: LoadedHip, target: RemovalTarget): void {
  if (client?.model === model) dropped(client, client.queue.dropShownOn(target))
}

/**
 * Cuts to compute ahead, most wanted first (the frames this step and the next will show): they
 * replace the cuts ahead still waiting from an earlier call, which were for a step left behind.
 */
export function cutAhead(model: LoadedHip, cuts: readonly { target: RemovalTarget; removals: readonly BoneRemoval[] }[]): void {
  if (cuts.length === 0 && client?.model !== model) return
  const c = clientFor(model)
  dropped(c, c.queue.replaceAhead(new Set(cuts.map((cut) => removalsKey(cut.removals)))))
  for (const cut of cuts) {
    cutFor(model, cut.target, cut.removals, 'ahead').catch(() => {
      // Asked for again when shown, and reported then.
    })
  }
}

/**
 * The femur's bone inside a saw cut's `removal` (the resected head: geometry/cutResult.ts
 * PieceResult), from the cache or the worker. Kept for the model's life: one or two per treatment.
 */
export function pieceFor(model: LoadedHip, removal: BoneRemoval): Promise<PieceResult> {
  const c = clientFor(model)
  const key = `piece:${removalsKey([removal])}`
  const known = c.pieces.get(key)
  if (known) return known
  sendSolids(c, 'femur')
  const cartilage = c.cartilageSent ? null : headCartilageInput(model)
  const result = new Promise<PieceResult>((resolve, reject) => c.waiting.set(key, { resolve: (r) => resolve(r as PieceResult), reject }))
  result.catch(() => c.pieces.get(key) === result && c.pieces.delete(key))
  c.pieces.set(key, result)
  c.queue.add({ key, target: 'femur', urgency: 'piece', message: { type: 'piece', target: 'femur', key, removal, cartilage }, transfer: cartilage ? sourceBuffers(cartilage) : [] })
  c.cartilageSent ||= cartilage !== null
  pump(c)
  return result
}
