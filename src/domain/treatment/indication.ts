/**
 * Whether a treatment is usually considered at a stage, from its indication range in the
 * procedure data (clinical reference §6), with the data's one-line reason. Informational only:
 * real decisions depend on age, cause, lesion size and location, symptoms and the surgeon (§1).
 */
import { PROCEDURES, type ProcedureId } from '../procedures.ts'
import type { Mode } from '../viewState.ts'

export interface IndicationVerdict {
  /** The stage lies in the treatment's range (from, to], like the stage bands. */
  readonly considered: boolean
  /** "Usually considered at this stage" or "Usually not at this stage". */
  readonly text: string
  /** When the treatment is usually considered, in the mode's words. */
  readonly reason: string
}

export function indicationVerdict(id: ProcedureId, stage: number, mode: Mode): IndicationVerdict {
  const info = PROCEDURES[id]
  const { from, to } = info.indication.value
  const considered = stage > from && stage <= to
  return {
    considered,
    text: considered ? 'Usually considered at this stage' : 'Usually not at this stage',
    reason: mode === 'patient' ? info.indicationText.patient : info.indicationText.clinical,
  }
}

/**
 * The note shown for the whole time a treatment is open outside its usual range: calm, clear
 * that it is shown for learning, and that the stage is not the whole decision (§1).
 */
export function offIndicationNote(id: ProcedureId, mode: Mode): string {
  const info = PROCEDURES[id]
  return mode === 'patient'
    ? `Usually not used at this stage: shown so you can see how it is done. ${info.indicationText.patient} Your surgeon can explain which options fit you.`
    : `Outside the usual indication at this stage, shown for teaching. ${info.indicationText.clinical}`
}
