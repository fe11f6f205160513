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

/** A plan asked for: made by the worker or, without one, on the main thread. */
interface Job {
  readonly id: number
  readonly input: PlanInput
  resolve(plan: TreatmentPlan): void
  reject(error: Error): void
}

/** Why a plan was never made: a newer one was asked for before it began (a stage being dragged). */
export class PlanDropped extends Error {
  constructor() {
    super('a newer plan was asked for before this one began')
  }
}

/** undefined: not started yet; null: none (plans are made on the main thread). */
let worker: Worker | null | undefined
/**
 * One plan is made at a time, and one waits: a newer request replaces the waiting one. Dragging
 * the stage with a treatment open asks for a plan per step of the drag; the plans left behind
 * are never made, and the last one comes after at most one plan's time.
 */
let running: Job | null = null
let waiting: Job | null = null
/** Plans asked for and not yet made, by the memo's key: asking twice makes one. */
const asked = new Map<string, Promise<TreatmentPlan>>()
let nextId = 1

function post(w: Worker, message: ToPlanWorker): void {
  w.postMessage(message)
}

function begin(job: Job): void {
  running = job
  const w = planWorker()
  if (w) {
    post(w, { type: 'plan', id: job.id, input: job.input })
    return
  }
  // On the main thread, in a task of its own (not the caller's).
  setTimeout(() => {
    if (running !== job) return
    try {
      finish(job, plannedTreatment(job.input))
    } catch (error) {
      finish(job, error instanceof Error ? error : new Error(String(error)))
    }
  }, 0)
}

function finish(job: Job, result: TreatmentPlan | Error): void {
  if (running !== job) return
  running = null
  if (result instanceof Error) job.reject(result)
  else job.resolve(result)
  const next = waiting
  waiting = null
  if (next) begin(next)
}

/** The worker, started on first use; null when there is none (then it is never tried again). */
function planWorker(): Worker | null {
  if (worker !== undefined) return worker
  if (typeof Worker === 'undefined') return (worker = null)
  try {
    const w = new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module', name: 'treatment-plan' })
    w.onmessage = (event: MessageEvent<FromPlanWorker>) => {
      const message = event.data
      if (running?.id !== message.id) return
      finish(running, message.type === 'failed' ? new Error(`the treatment could not be planned: ${message.reason}`) : message.plan)
    }
    w.onerror = (event) => {
      event.preventDefault()
      w.terminate()
      worker = null
      // The plan it was making is made here instead.
      if (running) begin(running)
    }
    worker = w
  } catch {
    worker = null
  }
  return worker
}

/**
 * `input`'s plan: the one kept in the memo, else made by the worker (or in a task of its own)
 * and then kept there. Never made in the caller's task. Rejects with PlanDropped when a newer
 * plan is asked for before this one began.
 */
export function planInBackground(input: PlanInput): Promise<TreatmentPlan> {
  const known = knownPlan(input)
  if (known) return Promise.resolve(known)
  const key = planKey(input)
  const asking = asked.get(key)
  if (asking) return asking
  const made = new Promise<TreatmentPlan>((resolve, reject) => {
    const job: Job = { id: nextId++, input, resolve, reject }
    if (!running) begin(job)
    else {
      waiting?.reject(new PlanDropped())
      waiting = job
    }
  })
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
