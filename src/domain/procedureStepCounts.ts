/**
 * The shape of each treatment's step list, without its texts: how many steps, which are
 * optional, and which variants exist. Links, the API, the keys and the player need only this to
 * check a variant, clamp `step` and skip optional steps; the texts (several KB) belong to the
 * treatments panel, which loads them when it is shown. A unit test keeps this table equal to
 * treatmentSteps(id, variant) (domain/treatment/steps.ts, the owner of the step lists).
 */
import type { ProcedureId } from './procedures.ts'

export interface StepShape {
  /** Number of steps. */
  readonly count: number
  /** 0-based indexes of the optional steps, ascending. */
  readonly optional: readonly number[]
}

interface TreatmentShape {
  /** The default sequence (variant null). */
  readonly steps: StepShape
  /** Every variant of the procedure, with its own sequence or the default's. */
  readonly variants: Readonly<Record<string, StepShape>>
}

const shape = (count: number, optional: readonly number[] = []): StepShape => ({ count, optional })

const CORE_DECOMPRESSION = shape(8, [1, 5, 6])
const MULTIPLE_DRILLING = shape(5)
const BONE_GRAFTING = shape(5)
const PHEMISTER = shape(6)
const VASCULARISED_FIBULA = shape(6)

export const TREATMENT_STEP_SHAPES: Readonly<Record<ProcedureId, TreatmentShape>> = {
  'core-decompression': { steps: CORE_DECOMPRESSION, variants: { 'multiple-drilling': MULTIPLE_DRILLING } },
  'bone-grafting': { steps: BONE_GRAFTING, variants: { phemister: PHEMISTER } },
  'vascularised-fibula': { steps: VASCULARISED_FIBULA, variants: {} },
  'total-hip-replacement': { steps: shape(12), variants: {} },
  'hip-resurfacing': { steps: shape(12), variants: {} },
}

/** Whether `variant` is one of the procedure's variants (own keys only: never `constructor`). */
export function hasVariant(id: ProcedureId, variant: string): boolean {
  return Object.hasOwn(TREATMENT_STEP_SHAPES[id].variants, variant)
}

/** The step list's shape for a procedure and variant (null, or a variant it does not have: the default). */
export function stepShapeOf(id: ProcedureId, variant: string | null = null): StepShape {
  const shape = TREATMENT_STEP_SHAPES[id]
  return variant !== null && hasVariant(id, variant) ? shape.variants[variant]! : shape.steps
}

export function stepCountOf(id: ProcedureId, variant: string | null = null): number {
  return stepShapeOf(id, variant).count
}

export function isOptionalStep(id: ProcedureId, variant: string | null, step: number): boolean {
  return stepShapeOf(id, variant).optional.includes(step)
}
