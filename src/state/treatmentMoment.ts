/**
 * What the treatment scene draws: the treatment shown and where it stands, (procedure, variant,
 * step, t). The scene reads it inside useFrame (nothing allocated per call: one object, updated
 * in place) and is told of changes by React (the store fields) and by the clock driver, which
 * asks for a frame whenever t moves (scene/treatment/TreatmentClockDriver.tsx).
 */
import type { ProcedureId } from '../domain/procedures.ts'
import { clockT } from './treatmentClock.ts'
import { useViewStore } from './viewStore.ts'

export interface TreatmentMoment {
  /** The treatment shown, or null (the disease view). */
  procedure: ProcedureId | null
  /** Its variant, or null for the default sequence. */
  variant: string | null
  /** 0-based step within the variant's step list. */
  step: number
  /** Linear time within the step, 0 (it begins) … 1 (its end state); easing is the timeline's. */
  t: number
}

const moment: TreatmentMoment = { procedure: null, variant: null, step: 0, t: 1 }

/** The moment now. The same object every call: read it, do not keep it. */
export function treatmentMoment(): Readonly<TreatmentMoment> {
  const { procedure, variant, step } = useViewStore.getState()
  moment.procedure = procedure
  moment.variant = variant
  moment.step = step
  moment.t = clockT()
  return moment
}
