/**
 * The scene's side of the geometry worker (geometry/boneCut.worker.ts): started for a model on
 * the first cut asked for, given the femur's solids once, then asked for cuts by removal list.
 * Results are cached by the removals' ids and numbers (geometry/removalKey.ts), so a treatment
 * stepping back and forth computes each picture once; their buffers arrive by transfer.
 * Loaded lazily with the rest of the cutting code (./boneRemoval.ts).
 */
import type { BoneRemoval } from '../../domain/treatment/frame.ts'
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
  const solids = removalSolidInputs(model)
  if (!solids) throw new Error('the model has no femur solids to cut')
  const worker = new Worker(new URL('../../geometry/boneCut.worker.ts', import.meta.url), { type: 'module', name: 'bone-cut' })
  const c: Client = { model, worker, waiting: new Map(), cache: new Map() }
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
  const buffers = Object.values(solids).flatMap(sourceBuffers)
  post(worker, { type: 'solids', solids }, buffers)
  client = c
  return c
}

function post(worker: Worker, message: ToWorker, transfer: ArrayBuffer[] = []): void {
  worker.postMessage(message, transfer)
}

/** The femur of `model` cut by `removals` (not []), from the cache or the worker. */
export function cutFor(model: LoadedHip, removals: readonly BoneRemoval[]): Promise<CutResult> {
  const c = clientFor(model)
  const key = removalsKey(removals)
  const known = c.cache.get(key)
  if (known) {
    // Most recently used last: the oldest is dropped first.
    c.cache.delete(key)
    c.cache.set(key, known)
    return known
  }
  const result = new Promise<CutResult>((resolve, reject) => c.waiting.set(key, { resolve, reject }))
  result.catch(() => c.cache.get(key) === result && c.cache.delete(key))
  c.cache.set(key, result)
  while (c.cache.size > CACHE_SIZE) c.cache.delete(c.cache.keys().next().value!)
  post(c.worker, { type: 'cut', key, removals })
  return result
}

