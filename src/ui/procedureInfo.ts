import { procedureSteps, type ProcedureId } from '../domain/procedures.ts'

/** Number of steps of a procedure (clamps `step` in links and API calls). */
export function stepCountOf(id: ProcedureId): number {
  return procedureSteps(id).length
}
