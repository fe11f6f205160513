/**
 * What the user chose: the whole view state that a copied link reproduces.
 * Pure data; validation and URL encoding live in ./urlState.ts.
 */
import type { StructureId } from './anatomy/structures.ts'
import type { ProcedureId } from './procedures.ts'
import type { SectionState } from './section.ts'
import type { CutawayChoice } from './cutaway.ts'
import type { TourId } from './tours/tourCatalogue.ts'

export const STAGE_MIN = 0
export const STAGE_MAX = 4

export const MODES = ['patient', 'clinician'] as const
export type Mode = (typeof MODES)[number]

export const SIDES = ['right', 'left'] as const
export type Side = (typeof SIDES)[number]

/** Languages with complete content. Only English so far. */
export const LANGS = ['en'] as const
export type Lang = (typeof LANGS)[number]

export const STAGE_SYSTEMS = ['arco', 'ficat'] as const
export type StageSystem = (typeof STAGE_SYSTEMS)[number]

export const LESION_SIZES = ['small', 'medium', 'large'] as const
export type LesionSize = (typeof LESION_SIZES)[number]

export const LESION_TYPES = ['A', 'B', 'C1', 'C2'] as const
export type LesionType = (typeof LESION_TYPES)[number]

/**
 * Why the head lost its blood supply (clinical reference §3, "two routes"): the common
 * non-traumatic disease (steroids, alcohol, unknown), where circulation fails inside the head while
 * the vessels outside stay open; or an injury (femoral-neck fracture, dislocation) that tears
 * the retinacular arteries on the neck.
 */
export const CAUSES = ['nontraumatic', 'traumatic'] as const
export type Cause = (typeof CAUSES)[number]

export const NAMED_VIEWS = ['anterior', 'posterior', 'lateral', 'superior', 'surgeon'] as const
export type NamedView = (typeof NAMED_VIEWS)[number]

export type Vec3 = readonly [number, number, number]

/** A free camera, in model millimetres (origin = centre of the femoral head). */
export interface CameraPose {
  readonly position: Vec3
  readonly target: Vec3
}

export interface ViewState {
  /** Continuous disease stage, 0 = healthy ... 4 = end stage (see domain/staging). */
  readonly stage: number
  readonly stageSystem: StageSystem
  readonly lesionSize: LesionSize
  readonly lesionType: LesionType
  /** The route to the disease: changes which vessels fail in the picture and the captions. */
  readonly cause: Cause
  /** Treatment shown, or null for the natural course. */
  readonly procedure: ProcedureId | null
  /**
   * The procedure's variant (e.g. 'multiple-drilling'), or null for its default sequence; always
   * null without a procedure. Which steps it has: domain/treatment/steps.ts.
   */
  readonly variant: string | null
  /** 0-based step of the procedure's (or variant's) step list (0 when no procedure). */
  readonly step: number
  readonly mode: Mode
  /** Named camera view, or null when the user moved the camera (see `camera`). */
  readonly view: NamedView | null
  /** Free camera pose; only meaningful when `view` is null. */
  readonly camera: CameraPose | null
  /** Structures the user hid. Sorted, without duplicates. */
  readonly hidden: readonly StructureId[]
  /** Structures drawn see-through ("X-ray"). Sorted, without duplicates. */
  readonly faded: readonly StructureId[]
  /** The cutting plane, or null for the whole model. */
  readonly section: SectionState | null
  /** Named labels with leader lines on the landmarks. */
  readonly labels: boolean
  /** The selected structure, whose name and description are shown. */
  readonly selected: StructureId | null
  readonly side: Side
  readonly lang: Lang
  /** Blood-flow animation running. */
  readonly flow: boolean
  /** The window cut in the socket over the head (see ./cutaway.ts for when `auto` opens it). */
  readonly cutaway: CutawayChoice
  /**
   * Presenter mode: the view fills the screen with the caption in large type and the controls
   * out of sight until wanted. How the view is shown, not what: every other field means the same.
   */
  readonly present: boolean
  /** The Images panel beside the view: simulated X-ray and MRI of the hip shown (issue 13). */
  readonly images: boolean
  /**
   * The guided tour shown (./tours/), or null. Its scene sets the rest of the view; any other
   * change by the user ends the tour and keeps the view (./tours/manualChange.ts).
   */
  readonly tour: TourId | null
  /** 0-based scene of the tour (0 when no tour; 1-based in the link, as `step` is). */
  readonly scene: number
}

export const DEFAULT_VIEW_STATE: ViewState = {
  stage: 0,
  stageSystem: 'arco',
  lesionSize: 'large',
  lesionType: 'C1',
  cause: 'nontraumatic',
  procedure: null,
  variant: null,
  step: 0,
  mode: 'patient',
  view: 'anterior',
  camera: null,
  // The femoral artery runs in front of the ball: hidden at first, so the joint shows unobstructed;
  // one click in the structure list shows it.
  hidden: ['femoralArtery'],
  faded: [],
  section: null,
  labels: false,
  selected: null,
  side: 'right',
  lang: 'en',
  flow: true,
  cutaway: 'auto',
  present: false,
  images: false,
  tour: null,
  scene: 0,
}
