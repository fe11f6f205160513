/**
 * The treatments' ids, apart from their data (./procedures.ts): links, the API and the keys
 * check an id without loading every step text into the first download.
 */
export const PROCEDURE_IDS = ['core-decompression', 'bone-grafting', 'vascularised-fibula', 'total-hip-replacement', 'hip-resurfacing'] as const
export type ProcedureId = (typeof PROCEDURE_IDS)[number]

const ID_SET: ReadonlySet<string> = new Set(PROCEDURE_IDS)
export function isProcedureId(value: string): value is ProcedureId {
  return ID_SET.has(value)
}
