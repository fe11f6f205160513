import { expect, it } from 'vitest'
import { PROCEDURE_IDS, procedureSteps } from '../../src/domain/procedures.ts'
import { PROCEDURE_STEP_COUNTS } from '../../src/domain/procedureStepCounts.ts'

it('the step counts used by links match the procedures\' step lists', () => {
  for (const id of PROCEDURE_IDS) expect(PROCEDURE_STEP_COUNTS[id], id).toBe(procedureSteps(id).length)
})
