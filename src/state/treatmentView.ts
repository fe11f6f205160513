/**
 * What the treatment shown asks of the parts every page has: the framing of the named views (the
 * step's focus, from landmarks) and the structures the operation has moved aside. The treatment
 * layer (scene/treatment, loaded with the first treatment) publishes them when the step changes —
 * never per frame — so the camera and the model read two fields instead of carrying the step data
 * in the first download.
 */
import { create } from 'zustand'
import type { StructureId } from '../domain/anatomy/structures.ts'
import type { Framing } from '../domain/cameraViews.ts'

export interface TreatmentView {
  /** What the named views frame during this step, or null for the whole hip. */
  readonly framing: Framing | null
  /** A key that changes with the framing, so a new step's view glides there. */
  readonly framingKey: string
  readonly movedAside: readonly StructureId[]
}

const NONE: readonly StructureId[] = []
export const NO_TREATMENT_VIEW: TreatmentView = { framing: null, framingKey: '', movedAside: NONE }

export const useTreatmentView = create<TreatmentView>()(() => NO_TREATMENT_VIEW)
