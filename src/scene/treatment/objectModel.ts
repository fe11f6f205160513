/**
 * What a builder makes for one kind at one size: its parts, each a geometry with a material
 * role and a rule that places the part for a pose. Built once per (kind, size) and shared by
 * every object of that kind and size (./modelCache.ts); the per-object meshes only hold
 * transforms.
 *
 * Local frame of every model: the working end at the origin, the object lying along −Y, so
 * it points toward +Y (an instrument's tip; a piece's deep end, `to`). The scene turns +Y onto
 * the pose's axis and spins about it (./placeObject.ts).
 */
import type { BufferGeometry, Object3D } from 'three'
import type { TreatmentMaterialRole } from './treatmentMaterials.ts'

/** What a part's placement depends on: the numbers that change without rebuilding geometry. */
export interface PartPose {
  /** Instruments: shaft length behind the tip. Pieces: the full length from `from` to `to`. */
  readonly length: number
  /** Expandable reamer: 0 closed … 1 open. */
  readonly open: number
  /** Pieces: 0 … 1 shown from the deep end. */
  readonly fill: number
  /** Pieces: radius (for parts built at unit size and scaled). */
  readonly radius: number
  /** Bone window: half-sizes across (along local X, along local Z). */
  readonly halfSizes: readonly [number, number]
}

/**
 * A part made of chips (the cancellous graft), baked deepest first into its geometry: `fill`
 * shows the leading ones, a draw range of whole chips.
 */
export interface ChipFill {
  /** Each chip's distance from the deep end (mm), ascending. */
  readonly depths: Float32Array
  /** Vertices of one chip in the geometry. */
  readonly verticesPerChip: number
}

export interface ModelPart {
  /** 'tip', 'shaft', 'handle', 'blade', 'bone', 'vessels'…: what the tests and the picker ask for. */
  readonly name: string
  readonly geometry: BufferGeometry
  /** One role, or one per geometry group. */
  readonly material: TreatmentMaterialRole | readonly TreatmentMaterialRole[]
  /** Sets the part's mesh transform and visibility for a pose; absent: fixed at the origin. */
  readonly place?: (mesh: Object3D, pose: PartPose) => void
  /** The part is working steel or bone (counts for the object's diameter), not a handle or chuck. */
  readonly working: boolean
  /** Its geometry is chips, shown from the deep end by `fill` (the graft). */
  readonly chips?: ChipFill
}

export interface ObjectModel {
  readonly parts: readonly ModelPart[]
}

/** Frees a model's geometries (every part owns its own). */
export function disposeModel(model: ObjectModel): void {
  for (const part of model.parts) part.geometry.dispose()
}
