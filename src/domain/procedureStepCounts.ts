/**
 * How many steps each procedure has, without its step texts: links and the API need only the
 * count to clamp `step`, and the texts (several KB) belong to the procedure panel, which loads
 * them when a procedure is shown. A unit test keeps these equal to procedureSteps(id).length.
 */
import type { ProcedureId } from './procedures.ts'

export const PROCEDURE_STEP_COUNTS: Readonly<Record<ProcedureId, number>> = {
  'core-decompression': 8,
  'bone-grafting': 5,
  'vascularised-fibula': 6,
  'total-hip-replacement': 7,
  'hip-resurfacing': 6,
}

export function stepCountOf(id: ProcedureId): number {
  return PROCEDURE_STEP_COUNTS[id]
}
