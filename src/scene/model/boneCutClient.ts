/**
 * The scene's side of the geometry worker (geometry/boneCut.worker.ts): started for a model on
 * the first cut asked for, given a bone's solids once, before that bone's first cut (a femur-only
 * treatment never copies or sends the pelvis), then asked for cuts by bone and removal list.
 * Results are cached by the removals' targets, ids and numbers (geometry/removalKey.ts), so a
 * treatment stepping back and forth computes each picture once; their buffers arrive by transfer.
 * Loaded lazily with the rest of the cutting code (./boneRemoval.ts).
 */
import type { BoneRemoval, RemovalTarget } from '../../domain/treatment/frame.ts'
import type { CutResult } from '../../geometry/cutResult.ts'
import type { FromWorker, ToWorker } from '../../geometry/boneCutProtocol.ts'
import { removalsKey } from '../../geometry/removalKey.ts'
import { sourceBuffers } from '../../geometry/solidSource.ts'
import type { LoadedHip } from './modelStore.ts'
import { removalSolidInputs } from './modelGeometry.ts'

/** Cut results kept (a treatment has up to a dozen steps that take bone; each ≈ 3 MB). */
const CACHE_SIZE = 12

interface Waiting {
  resolve(result: CutResult): void
  reject(error: Error): void
}

interface Client {
  readonly model: LoadedHip
  readonly worker: Worker
  /** The bones whose solids the worker has. */
  readonly sent: Set<RemovalTarget>
  readonly waiting: Map<string, Waiting>
  readonly cache: Map<string, Promise<CutResult>>
}

let client: Client | null = null

/** Worker milliseconds of each cut computed so far, by key (for the benchmark and the notes). */
export const workerTimes = new Map<string, number>()

function failAll(c: Client, error: Error): void {
  for (const w of c.waiting.values()) w.reject(error)
  c.waiting.clear()
  c.cache.clear()
}

function clientFor(model: LoadedHip): Client {
  if (client?.model === model) return client
  if (client) {
    client.worker.terminate()
    failAll(client, new Error('another model was loaded'))
  }
  const worker = new Worker(new URL('../../geometry/boneCut.worker.ts', import.meta.url), { type: 'module', name: 'bone-cut' })
  const c: Client = { model, worker, sent: new Set(), waiting: new Map(), cache: new Map() }
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data
    const w = c.waiting.get(message.key)
    if (!w) return
    c.waiting.delete(message.key)
    if (message.type === 'cut') {
      workerTimes.set(message.key, message.ms)
      w.resolve(message.result)
    } else w.reject(new Error(message.reason))
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

/** The bone `target` of `model` cut by `removals` (that bone's own, not []), from the cache or the worker. */
export function cutFor(model: LoadedHip, target: RemovalTarget, removals: readonly BoneRemoval[]): Promise<CutResult> {
  const c = clientFor(model)
  const key = removalsKey(removals)
  const known = c.cache.get(key)
  if (known) {
    // Most recently used last: the oldest is dropped first.
    c.cache.delete(key)
    c.cache.set(key, known)
    return known
  }
  sendSolids(c, target)
  const result = new Promise<CutResult>((resolve, reject) => c.waiting.set(key, { resolve, reject }))
  result.catch(() => c.cache.get(key) === result && c.cache.delete(key))
  c.cache.set(key, result)
  while (c.cache.size > CACHE_SIZE) c.cache.delete(c.cache.keys().next().value!)
  post(c.worker, { type: 'cut', target, key, removals })
  return result
}
