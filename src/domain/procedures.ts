/**
 * Treatments the viewer can walk through, step by step.
 * Step lists follow ../shared clinical reference §6 (sources cited per step); the data of
 * each procedure lives in ./procedures/, one file per procedure.
 */
import { BONE_GRAFTING } from './procedures/boneGrafting.ts'
import { CORE_DECOMPRESSION } from './procedures/coreDecompression.ts'
import { HIP_RESURFACING } from './procedures/hipResurfacing.ts'
import { TOTAL_HIP_REPLACEMENT } from './procedures/totalHipReplacement.ts'
import { VASCULARISED_FIBULA } from './procedures/vascularisedFibula.ts'
import type { ProcedureInfo, ProcedureStep } from './procedures/types.ts'
import { PROCEDURE_IDS, type ProcedureId } from './procedureIds.ts'

export type { Measure, ProcedureInfo, ProcedureStep, ProcedureVariant, StageRange } from './procedures/types.ts'

// The ids live apart from the data, so that code checking an id does not pull in every text.
export { isProcedureId, PROCEDURE_IDS, type ProcedureId } from './procedureIds.ts'

export const PROCEDURES: Readonly<Record<ProcedureId, ProcedureInfo>> = {
  'core-decompression': CORE_DECOMPRESSION,
  'bone-grafting': BONE_GRAFTING,
  'vascularised-fibula': VASCULARISED_FIBULA,
  'total-hip-replacement': TOTAL_HIP_REPLACEMENT,
  'hip-resurfacing': HIP_RESURFACING,
}

/** The steps of a procedure, in order (the view state's `step` is a 0-based index into them). */
/**
 * The heading of a treatment as shown (player, saved image's caption): for clinicians the family's
 * name and the sequence's — the variant's, else the default's (a surgeon's review: the Phemister
 * strut graft was headed "light-bulb technique").
 */
export function treatmentTitle(id: ProcedureId, variant: string | null, mode: 'patient' | 'clinician'): string {
  const info = PROCEDURES[id]
  if (mode === 'patient') return info.plainName
  const sequence = info.variants.find((v) => v.id === variant)?.name ?? info.defaultName
  return sequence ? `${info.clinicalName}: ${sequence}` : info.clinicalName
}

export function procedureSteps(id: ProcedureId): readonly ProcedureStep[] {
  return PROCEDURES[id].steps
}

/**
 * Procedures typically considered at stage s: those whose indication range (from, to]
 * holds s. Informational only; real choices depend on far more than the stage (§1).
 */
export function proceduresForStage(s: number): ProcedureId[] {
  return PROCEDURE_IDS.filter((id) => {
    const { from, to } = PROCEDURES[id].indication.value
    return s > from && s <= to
  })
}
