/**
 * Treatments the viewer can walk through, step by step.
 * Step lists follow ../shared clinical reference §6 (sources cited per step).
 */
export const PROCEDURE_IDS = ['core-decompression', 'bone-grafting', 'total-hip-replacement', 'hip-resurfacing'] as const
export type ProcedureId = (typeof PROCEDURE_IDS)[number]

const ID_SET: ReadonlySet<string> = new Set(PROCEDURE_IDS)
export function isProcedureId(value: string): value is ProcedureId {
  return ID_SET.has(value)
}
