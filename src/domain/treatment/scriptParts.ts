/**
 * What every step script is made of: the script's type, what a step leaves for the next, the
 * instrument pose and frame helpers, and the tools' drawn shaft lengths. Shared by the timeline
 * of the hip-saving operations (./timeline.ts) and the joint replacements' (./thrTimeline.ts,
 * ./resurfacingTimeline.ts).
 */
import type { Vec3 } from '../vec3.ts'
import type { BoneRemoval, FemurPose, InstrumentKind, InstrumentPose, Piece, TreatmentFrame } from './frame.ts'
import type { TreatmentPlan } from './planner.ts'

/** What a step leaves for the next: holes, pieces, and where the femur was left (if moved). */
export interface Leftover {
  readonly removals: readonly BoneRemoval[]
  readonly pieces: readonly Piece[]
  readonly femur?: FemurPose
}

export const NOTHING: Leftover = { removals: [], pieces: [] }

export type Script = (plan: TreatmentPlan, t: number, before: Leftover) => TreatmentFrame

/**
 * Shaft lengths drawn behind each tool's tip, mm: long enough to leave the thigh from the neck
 * (the lateral soft tissue over the trochanter is several centimetres), a design choice.
 */
export const SHAFT_MM: Readonly<Record<InstrumentKind, number>> = {
  'guide-wire': 220,
  trephine: 170,
  'steinmann-pin': 170,
  'expandable-reamer': 180,
  curette: 170,
  'graft-impactor': 170,
  // An 11-gauge bone-marrow needle is about 10 cm long (design choice, see the needle's builder).
  'aspiration-needle': 110,
  'oscillating-saw': 60,
  // A 30-mL syringe: a barrel about 4 of its 22-mm diameters long with its nozzle (design choice).
  'marrow-syringe': 94,
  // Joint replacement tools reach in through the open wound, not through the thigh.
  'acetabular-reamer': 200,
  broach: 110,
  // The trial neck and head sit on the seated broach: no shaft (its handle is off for the trial).
  'trial-head': 0,
  'cup-impactor': 260,
  // Resurfacing's femoral tools reach the dislocated head through the wound (design choice).
  'sleeve-reamer': 140,
  'head-cutter': 140,
  'chamfer-reamer': 140,
  'peg-drill': 140,
  'head-impactor': 200,
  'box-chisel': 110,
  'canal-finder': 150,
}

/** Turns per second-of-step a powered tool makes while it advances (for the eye, not a speed). */
export const TURNS = 10

export function tool(id: string, kind: InstrumentKind, tip: Vec3, axis: Vec3, diameter: number, spin = 0, open = 0): InstrumentPose {
  return { id, kind, tip, axis, diameter, length: SHAFT_MM[kind], spin, open }
}

/**
 * The frame of a step: what the steps before left plus what this one adds. The femur stays where
 * the step before left it unless this step moves it (`femur`).
 */
export function frame(
  before: Leftover,
  add: { removals?: BoneRemoval[]; instruments?: InstrumentPose[]; pieces?: Piece[]; femur?: FemurPose } = {},
): TreatmentFrame {
  const femur = add.femur ?? before.femur
  return {
    removals: [...before.removals, ...(add.removals ?? [])],
    instruments: add.instruments ?? [],
    pieces: [...before.pieces, ...(add.pieces ?? [])],
    ...(femur ? { femur } : {}),
  }
}
