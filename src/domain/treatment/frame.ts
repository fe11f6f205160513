/**
 * What a treatment shows at one moment: the bone taken away, the instruments and their poses, and
 * the pieces (grafts, the withdrawn core, marrow cells) placed in or beside the hip. The pure
 * timeline (./timeline.ts) produces it from the plan (./planner.ts), a step and a time within
 * the step; the scene draws it and never keeps treatment state of its own, so going back is
 * recomputing, not undoing.
 *
 * Coordinates: millimetres in the model frame of the generated hip (+Y superior, +Z anterior,
 * +X the patient's left, origin = femoral head centre, right hip). The scene mirrors the whole
 * model for a left hip, and these with it.
 */
import type { Vec3 } from '../anatomy/landmarks.ts'
import type { ImplantSpec } from './replacement/implantSpec.ts'
import type { StemSpec } from './replacement/stemDesign.ts'
import type { RadialSolid } from './radialSolid.ts'

export type { Vec3 }

/**
 * A solid of bone taken away from the femur (its cortex `femur` and its cancellous core
 * `femurCancellous`). Removals only ever add up: a later one never puts bone back; a graft or a
 * replaced window is a piece drawn in the hole.
 */
export type BoneRemoval = RemovalShape & {
  /**
   * Which bone it takes from: the femur (its cortex and cancellous core; the default) or the
   * pelvis (the socket's bone, its cartilage and the labrum: acetabular reaming).
   */
  readonly target?: RemovalTarget
}

export const REMOVAL_TARGETS = ['femur', 'pelvis'] as const
export type RemovalTarget = (typeof REMOVAL_TARGETS)[number]

/** One side of a plane: the removed side is where `normal` · (p − `point`) > 0. */
export interface HalfSpace {
  readonly point: Vec3
  /** Unit normal toward the bone taken away. */
  readonly normal: Vec3
}

/** A turned surface: at `at` mm along a lathe axis, this radius (mm). */
export interface ProfilePoint {
  readonly at: number
  readonly radius: number
}

export type RemovalShape =
  | {
      readonly kind: 'cylinder'
      /** Stable within a plan; the geometry worker caches results by the removals' ids and numbers. */
      readonly id: string
      /** Centre of the entry end (outside the bone, so the hole opens cleanly). */
      readonly from: Vec3
      /** Centre of the flat deep end. */
      readonly to: Vec3
      readonly radius: number
    }
  | {
      /** A cavity scraped out with curettes or an expandable reamer. */
      readonly kind: 'ellipsoid'
      readonly id: string
      readonly centre: Vec3
      /** Unit axes, right-handed, and the half-lengths along them (mm). */
      readonly axes: readonly [Vec3, Vec3, Vec3]
      readonly radii: Vec3
    }
  | {
      /**
       * Necrotic bone scraped out along the lesion's own shape (./radialSolid.ts), the solid
       * scaled by `grow` (0 … 1) about its centre while the curette works.
       */
      readonly kind: 'radial'
      readonly id: string
      readonly solid: RadialSolid
      readonly grow: number
    }
  | {
      /** A cortical window: a box whose `axes[2]` points out of the bone. */
      readonly kind: 'box'
      readonly id: string
      readonly centre: Vec3
      readonly axes: readonly [Vec3, Vec3, Vec3]
      readonly halfSizes: Vec3
    }
  | {
      /**
       * A saw cut (the neck osteotomy, resurfacing's head-height cut): the bone inside the
       * `bound` sphere on the removed side of every plane (a convex piece; the sphere only keeps
       * the cut from reaching bone far away).
       */
      readonly kind: 'planes'
      readonly id: string
      readonly planes: readonly HalfSpace[]
      readonly bound: { readonly centre: Vec3; readonly radius: number }
    }
  | {
      /**
       * The body of a broach (or rasp) of a stem of `spec`, placed like a stem (its tip, unit
       * axis up the stem, unit direction toward the head): the canal it shapes.
       */
      readonly kind: 'stem'
      readonly id: string
      readonly spec: StemSpec
      readonly tip: Vec3
      readonly up: Vec3
      readonly medial: Vec3
    }
  | {
      /**
       * What a reamer turning about an axis takes off the outside of the head (resurfacing's
       * sleeve and chamfer reamers): points whose distance `s` along `axis` from `base` lies
       * between the profile's first and last `at`, and whose distance from the axis lies between
       * the profile's radius at `s` (linear between points) and `outerRadius`.
       */
      readonly kind: 'turned'
      readonly id: string
      readonly base: Vec3
      readonly axis: Vec3
      readonly outerRadius: number
      /** Ascending in `at`, at least two points. */
      readonly profile: readonly ProfilePoint[]
    }

export const INSTRUMENT_KINDS = [
  'guide-wire',
  'trephine',
  'steinmann-pin',
  'expandable-reamer',
  'curette',
  'graft-impactor',
  'aspiration-needle',
  'oscillating-saw',
  'marrow-syringe',
  'acetabular-reamer',
  'broach',
  // The trial neck and head on the last broach, left seated for the trial reduction.
  'trial-head',
  'cup-impactor',
  // Hip resurfacing's head preparation and cap (its guide pin is the guide wire: see objectNames.ts).
  'sleeve-reamer',
  'head-cutter',
  'chamfer-reamer',
  'peg-drill',
  'head-impactor',
  // Opening the femoral canal for a stem.
  'box-chisel',
  'canal-finder',
] as const
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number]

export interface InstrumentPose {
  readonly id: string
  readonly kind: InstrumentKind
  /** The working tip (mm, model frame). */
  readonly tip: Vec3
  /** Unit direction the tool points, from its handle toward its tip. */
  readonly axis: Vec3
  /** Working diameter (wire, pin, trephine outer diameter; curette cup; reamer body), mm. */
  readonly diameter: number
  /** Length of the shaft drawn behind the tip, mm (the handle sits at tip − axis·length). */
  readonly length: number
  /** Turn about the axis, radians (drills and trephines turn as they advance). */
  readonly spin: number
  /** 0 closed … 1 fully open (the expandable reamer's blades; how far a syringe's plunger is drawn); 0 for other tools. */
  readonly open: number
  /** A broach is the body of a stem of this size (its diameter is then not used for its shape). */
  readonly broach?: StemSpec
  /** A trial head (kind 'trial-head', on the broach of `broach`): its diameter and neck length (mm along the taper). */
  readonly trial?: { readonly headDiameter: number; readonly neckLength: number }
  /**
   * The unit direction the tool's local +X is turned toward (before `spin`): the side a broach's
   * calcar curve faces (medial), the width of a saw blade (so the blade lies in its cut's plane).
   * Without it the turn is `spin` alone.
   */
  readonly across?: Vec3
  /** Given in the femur's rest frame and moved with the femur (see FemurPose). */
  readonly onFemur?: boolean
}

export const PIECE_KINDS = [
  'bone-core',
  'cancellous-graft',
  'cortical-strut',
  'marrow-cells',
  'drill-track',
  'bone-window',
  'fibula-graft',
  'vascular-pedicle',
  'acetabular-shell',
  'acetabular-liner',
  'prosthetic-head',
  'femoral-stem',
  'resurfacing-cap',
  'bone-cement',
  'resurfacing-cup',
  'dome-screw',
  // The femoral head the neck cut took off, cut open beside the joint (./replacement/removedHead.ts).
  'removed-head',
] as const

/** Pieces that are implants: built from the piece's `implant` spec. */
export const IMPLANT_KINDS = ['acetabular-shell', 'acetabular-liner', 'prosthetic-head', 'femoral-stem', 'resurfacing-cap', 'bone-cement', 'resurfacing-cup', 'dome-screw'] as const satisfies readonly PieceKind[]
export type ImplantKind = (typeof IMPLANT_KINDS)[number]
export type PieceKind = (typeof PIECE_KINDS)[number]

/** A solid placed by the treatment or taken out of the bone and set aside. */
export interface Piece {
  readonly id: string
  readonly kind: PieceKind
  /**
   * Axis ends of the piece (a cylinder, or a box for a window: see `halfSizes`), mm: `to` is its
   * deep end (a core's or strut's tip, the end of a tunnel), where `fill` starts.
   */
  readonly from: Vec3
  readonly to: Vec3
  readonly radius: number
  /** For 'bone-window': half-sizes across the axis (mm) and the unit direction of its first side. */
  readonly halfSizes?: readonly [number, number]
  readonly across?: Vec3
  /**
   * For 'bone-window': the radius of the bone surface it was cut from, around an axis along its
   * first side (the neck's, mm), so that put back it lies flush with the bone.
   */
  readonly bend?: number
  /**
   * For 'bone-window': how far (mm) the bone surface at its two ends along its first side stands
   * out of the plane at its middle (the neck's waist is hollow along its length), so that put back
   * its ends rise with the bone.
   */
  readonly rise?: number
  /** 0 … 1: how much of it is shown (marrow cells and graft fill the tunnel from the deep end). */
  readonly fill: number
  /**
   * A piece that fills a scraped-out cavity (graft packed into the head) is an ellipsoid instead:
   * centred between `from` and `to`, on these unit axes with these half-lengths; `fill` scales it.
   */
  readonly ellipsoid?: { readonly axes: readonly [Vec3, Vec3, Vec3]; readonly radii: Vec3 }
  /**
   * Graft packed into a cavity that follows the lesion, or marrow cells injected into it: the
   * cavity's solid (model frame), which `from`–`to` span along its third axis; the chips or the
   * cells fill it (drawn in that frame, `across` its first axis).
   */
  readonly solid?: RadialSolid
  /**
   * For a cavity's graft: no chip within this cylinder (model frame) — the fibula's core, where
   * a column of graft of its own lies and the fibula then goes.
   */
  readonly keepOut?: { readonly from: Vec3; readonly to: Vec3; readonly radius: number }
  /**
   * For 'vascular-pedicle': its centre line (mm, model frame) from where it leaves the graft to
   * its free or joined end; `to` is its first point and `to − from` the graft's axis (the frame
   * the line is drawn in). `fill` 1: joined, the anastomosis drawn at its last point.
   */
  readonly path?: readonly Vec3[]
  /**
   * An implant's planned sizes (required for the implant kinds). Cups, liner, head, cap and cement
   * are centred on `to`, their dome (the head's top) toward `to` − `from`, local +X along
   * `across` (the shell's screw holes); a stem's tip is `to`, `from` lies up the stem, `across`
   * is medial. Builders: src/scene/treatment/implants/.
   */
  readonly implant?: ImplantSpec
  /** Given in the femur's rest frame and moved with the femur (see FemurPose): a stem, its head. */
  readonly onFemur?: boolean
  /**
   * For 'removed-head': the femur's own bone inside `removal` (its rest frame), drawn moved by
   * `pose` (rest frame → model frame) with the disease of the stage in it. Its cut faces are the
   * removal's planes. `from`/`to` then only say where it lies (`to`: its cut face's centre).
   */
  readonly boneOut?: { readonly removal: BoneRemoval; readonly pose: FemurPose }
  /**
   * Lies outside the patient (the withdrawn core on its tray, the harvested fibula waiting to go
   * in): a cut through the hip does not cut it (./pieceSection.ts).
   */
  readonly setAside?: boolean
}

/** Every kind of drawn treatment object: what picking and the name tags name. */
export type TreatmentObjectKind = InstrumentKind | PieceKind

/** One drawn instrument or piece, as picking reports it (its id is the pose's or piece's). */
export interface TreatmentObjectRef {
  readonly id: string
  readonly kind: TreatmentObjectKind
  readonly role: 'instrument' | 'piece'
}

/**
 * Where the femur is drawn while an operation moves it (a joint replacement's dislocation and
 * reduction): a rigid motion of the femur's REST frame (the model frame before anything moved
 * it) — first the share `migration` of the stage IV migration the disease view applies
 * (domain/staging/migration.ts), then a turn of `angleDeg` about the unit `axis` through `pivot`
 * (right-handed), then a move by `shift` (mm).
 *
 * The convention every treatment follows: the timeline gives femur removals, and the
 * instruments and pieces marked `onFemur`, in the rest frame; the scene moves all of them, and
 * every femur-side structure (bone, inner bone, head cartilage, the vessels on the neck, the
 * disease drawn in the head), by this one motion (scene/model/femurPose.ts). Pelvis removals and
 * everything else stay in the model frame. A frame without a pose leaves the femur where the
 * disease view draws it (the same as angle 0, shift 0, migration 1). Motions between two poses
 * of the same pivot and axis are eased by ./femurMotion.ts (partWay).
 */
export interface FemurPose {
  readonly pivot: Vec3
  readonly axis: Vec3
  readonly angleDeg: number
  readonly shift: Vec3
  /** 1: the stage's migration still applied (the femur not yet touched); 0: the leg's length restored. */
  readonly migration: number
}

/** The scene of a treatment at (step, t). */
export interface TreatmentFrame {
  readonly removals: readonly BoneRemoval[]
  readonly instruments: readonly InstrumentPose[]
  readonly pieces: readonly Piece[]
  /** Where the femur is drawn (absent: where the disease view draws it). */
  readonly femur?: FemurPose
}

export const EMPTY_FRAME: TreatmentFrame = { removals: [], instruments: [], pieces: [] }
