/**
 * The page's side of the plan worker (./plan.worker.ts): plans are made there and kept in the
 * page's plan memo (domain/treatment/planMemo.ts), where the pictures (scene/imaging) find them
 * too. Started ahead, once the hip is drawn (./warmPlans.ts), so opening the first treatment does
 * not wait for it to load. Where no worker can run (a test's DOM without workers, a worker that
 * failed to start), a plan is made on the main thread in a task of its own.
 */
import type { LesionGeometry } from '../../domain/lesion/index.ts'
import type { PlanInput, TreatmentPlan } from '../../domain/treatment/planner.ts'
import { keepPlan, knownPlan, planKey, plannedTreatment } from '../../domain/treatment/planMemo.ts'
import type { FromPlanWorker, ToPlanWorker } from './planProtocol.ts'

interface Waiting {
  readonly input: PlanInput
  resolve(plan: TreatmentPlan): void
  reject(error: Error): void
}

/** undefined: not started yet; null: none (plans are made on the main thread). */
let worker: Worker | null | undefined
const waiting = new Map<number, Waiting>()
/** Plans asked for and not yet made, by the memo's key: asking twice makes one. */
const asked = new Map<string, Promise<TreatmentPlan>>()
let nextId = 1

/** `input`'s plan made on the main thread, in a task of its own (not the caller's). */
function onMainThread(input: PlanInput): Promise<TreatmentPlan> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(plannedTreatment(input))
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    }, 0),
  )
}

function post(w: Worker, message: ToPlanWorker): void {
  w.postMessage(message)
}

/** The worker, started on first use; null when there is none (then it is never tried again). */
function planWorker(): Worker | null {
  if (worker !== undefined) return worker
  if (typeof Worker === 'undefined') return (worker = null)
  try {
    const w = new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module', name: 'treatment-plan' })
    w.onmessage = (event: MessageEvent<FromPlanWorker>) => {
      const message = event.data
      const asker = waiting.get(message.id)
      waiting.delete(message.id)
      if (!asker) return
      if (message.type === 'failed') asker.reject(new Error(`the treatment could not be planned: ${message.reason}`))
      else asker.resolve(message.plan)
    }
    w.onerror = (event) => {
      event.preventDefault()
      w.terminate()
      worker = null
      // What it was asked is planned here instead.
      for (const asker of waiting.values()) onMainThread(asker.input).then(asker.resolve, asker.reject)
      waiting.clear()
    }
    worker = w
  } catch {
    worker = null
  }
  return worker
}

/**
 * `input`'s plan: the one kept in the memo, else made by the worker (or in a task of its own)
 * and then kept there. Never made in the caller's task.
 */
export function planInBackground(input: PlanInput): Promise<TreatmentPlan> {
  const known = knownPlan(input)
  if (known) return Promise.resolve(known)
  const key = planKey(input)
  const asking = asked.get(key)
  if (asking) return asking
  const w = planWorker()
  const made = w
    ? new Promise<TreatmentPlan>((resolve, reject) => {
        const id = nextId++
        waiting.set(id, { input, resolve, reject })
        post(w, { type: 'plan', id, input })
      })
    : onMainThread(input)
  const kept = made.then((plan) => {
    keepPlan(input, plan)
    return plan
  })
  asked.set(key, kept)
  const forget = () => asked.delete(key)
  kept.then(forget, forget)
  return kept
}

/** Starts the worker and has it sample `lesion`'s volume, which every hip-saving plan asks first. */
export function readyLesionInBackground(lesion: LesionGeometry): void {
  const w = planWorker()
  if (w) post(w, { type: 'lesion', lesion })
}
