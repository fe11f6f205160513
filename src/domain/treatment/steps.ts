/**
 * The step list of a treatment as the player shows it: the procedure's own steps, or a
 * variant's when that variant changes the sequence (the Phemister strut goes through a core,
 * not a window). Every part that counts, names or plays steps asks here.
 */
import { PROCEDURES, type ProcedureId, type ProcedureStep } from '../procedures.ts'

/** The variant ids a procedure offers (the default sequence is `null`). */
export function variantIds(id: ProcedureId): readonly string[] {
  return PROCEDURES[id].variants.map((v) => v.id)
}

export function isVariantOf(id: ProcedureId, variant: string): boolean {
  return variantIds(id).includes(variant)
}

export function treatmentSteps(id: ProcedureId, variant: string | null): readonly ProcedureStep[] {
  const info = PROCEDURES[id]
  const chosen = variant === null ? undefined : info.variants.find((v) => v.id === variant)
  return chosen?.steps ?? info.steps
}

/** How long a step plays (its own module, so the player's clock does not load the step texts). */
export { STEP_SECONDS } from './stepTiming.ts'
