/**
 * What the treatment shown asks of the parts every page has: the framing of the named views (the
 * step's focus, from landmarks), the structures the operation has moved aside and those the step
 * shows see-through, and whether it is done under fluoroscopy. The treatment
 * layer (scene/treatment, loaded with the first treatment) publishes them when the step changes —
 * never per frame — so the camera and the model read two fields instead of carrying the step data
 * in the first download.
 */
import { create } from 'zustand'
import type { StructureId } from '../domain/anatomy/structures.ts'
import type { Framing } from '../domain/cameraViews.ts'
import type { Vec3 } from '../domain/vec3.ts'

export interface TreatmentView {
  /** What the named views frame during this step, or null for the whole hip. */
  readonly framing: Framing | null
  /** A key that changes with the framing, so a new step's view glides there. */
  readonly framingKey: string
  readonly movedAside: readonly StructureId[]
  /** Drawn see-through for the step, on top of the user's choice (domain/treatment/stepViews.ts). */
  readonly seenThrough: readonly StructureId[]
  /**
   * While a step shows a second framing (the back of the pelvis during the marrow harvest), the
   * direction the named view looks from instead of its own (unit, from the framed centre toward
   * the eye, right hip); null: the named view's. Set when the step's time crosses into or out of
   * that part, never per frame.
   */
  readonly direction: Vec3 | null
  /** The step is done under fluoroscopy: its live X-ray shows in an inset (domain/imaging/fluoroscopy.ts). */
  readonly fluoroscopy: boolean
  /**
   * The step whose live X-ray the scene keeps ready while this treatment is open: the one shown,
   * else the next done under fluoroscopy (else the first); null when the treatment has none. Its
   * picture is made when the treatment opens, so the step does not set the image's shader
   * programs up while it plays.
   */
  readonly fluoroscopyStep: number | null
}

const NONE: readonly StructureId[] = []
export const NO_TREATMENT_VIEW: TreatmentView = { framing: null, framingKey: '', movedAside: NONE, seenThrough: NONE, direction: null, fluoroscopy: false, fluoroscopyStep: null }

export const useTreatmentView = create<TreatmentView>()(() => NO_TREATMENT_VIEW)
