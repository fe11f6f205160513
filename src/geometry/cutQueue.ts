/**
 * The order in which the geometry worker (./boneCut.worker.ts) gets its cuts, kept by the scene's
 * client (scene/model/boneCutClient.ts), which hands the worker one job at a time.
 *
 * Why a queue of our own: a cut takes 0.3–3 s in the worker, and every step a user moves to asks
 * for its own cut and, ahead, for the cuts of the frames this step and the next will show. Posted
 * straight to the worker they ran first-come first-served: a user clicking quickly through a
 * dozen steps left dozens of cuts ahead of the one on screen, and the next treatment waited
 * 20–25 s behind cuts of steps nobody looked at any more. Here:
 * - a cut to be **shown** goes before any cut computed **ahead**;
 * - a newer cut to be shown on a bone replaces one still waiting for that bone (only the last
 *   asked for is drawn: scene/model/boneRemoval.ts);
 * - a new set of cuts ahead replaces the cuts ahead still waiting (they were for a step left);
 * - a cut asked for again to be shown moves up to the shown ones;
 * - pieces (the resected head) are kept in order and never dropped.
 * The job being computed is never dropped (the worker cannot stop mid-cut).
 */
import type { RemovalTarget } from '../domain/treatment/frame.ts'

export type CutUrgency = 'shown' | 'ahead' | 'piece'

export interface QueuedCut<M> {
  readonly key: string
  readonly target: RemovalTarget
  urgency: CutUrgency
  /** What to post to the worker, and the buffers to transfer with it. */
  readonly message: M
  readonly transfer: readonly ArrayBuffer[]
}

const RANK: Record<CutUrgency, number> = { piece: 0, shown: 0, ahead: 1 }

export class CutQueue<M> {
  private jobs: QueuedCut<M>[] = []

  get size(): number {
    return this.jobs.length
  }

  has(key: string): boolean {
    return this.jobs.some((j) => j.key === key)
  }

  /**
   * Adds a job (or, when its key waits already, raises it to `job.urgency` if that is more
   * urgent). Returns the keys of the jobs it replaced, which will never run.
   */
  add(job: QueuedCut<M>): string[] {
    const waiting = this.jobs.find((j) => j.key === job.key)
    if (waiting) {
      if (RANK[job.urgency] < RANK[waiting.urgency]) waiting.urgency = job.urgency
      if (job.urgency === 'shown') return this.dropShown(job.target, job.key)
      return []
    }
    const dropped = job.urgency === 'shown' ? this.dropShown(job.target, job.key) : []
    this.jobs.push(job)
    return dropped
  }

  /** Drops the cuts to be shown on `target` that are waiting (it is to be shown uncut). Returns their keys. */
  dropShownOn(target: RemovalTarget): string[] {
    return this.drop((j) => j.urgency === 'shown' && j.target === target)
  }

  /** Drops the cuts ahead that are waiting and not in `keep`. Returns their keys. */
  replaceAhead(keep: ReadonlySet<string>): string[] {
    return this.drop((j) => j.urgency === 'ahead' && !keep.has(j.key))
  }

  /** The next job to post: the oldest of the most urgent. */
  next(): QueuedCut<M> | undefined {
    let best = -1
    for (let i = 0; i < this.jobs.length; i++) {
      if (best < 0 || RANK[this.jobs[i]!.urgency] < RANK[this.jobs[best]!.urgency]) best = i
    }
    return best < 0 ? undefined : this.jobs.splice(best, 1)[0]
  }

  /** Empties the queue. Returns the keys it held. */
  clear(): string[] {
    return this.drop(() => true)
  }

  private dropShown(target: RemovalTarget, except: string): string[] {
    return this.drop((j) => j.urgency === 'shown' && j.target === target && j.key !== except)
  }

  private drop(which: (job: QueuedCut<M>) => boolean): string[] {
    const dropped = this.jobs.filter(which).map((j) => j.key)
    if (dropped.length) this.jobs = this.jobs.filter((j) => !which(j))
    return dropped
  }
}
