/**
 * Messages between the page and the plan worker (./plan.worker.ts). A plan is plain data
 * (numbers, arrays and objects: domain/treatment/planner.ts), so it crosses by structured clone.
 */
import type { LesionGeometry } from '../../domain/lesion/index.ts'
import type { PlanInput, TreatmentPlan } from '../../domain/treatment/planner.ts'

export type ToPlanWorker =
  /** Plan this treatment; the answer carries the same id. */
  | { readonly type: 'plan'; readonly id: number; readonly input: PlanInput }
  /** Sample this lesion's volume now (kept per lesion), which every hip-saving plan asks first. */
  | { readonly type: 'lesion'; readonly lesion: LesionGeometry }

export type FromPlanWorker =
  | { readonly type: 'plan'; readonly id: number; readonly plan: TreatmentPlan }
  | { readonly type: 'failed'; readonly id: number; readonly reason: string }
