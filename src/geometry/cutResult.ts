/**
 * What crosses between the scene and the geometry worker: a bone's solids going in (model
 * frame, with each mesh's own frame and how the scene splits it), the cut solids coming back
 * (each mesh's frame, split as the scene draws them). Kept apart from the subtraction code so
 * the scene can name these without loading it.
 */
import type { RemovalTarget, Vec3 } from '../domain/treatment/frame.ts'
import type { RemovalSolid } from '../domain/treatment/removalTarget.ts'
import type { SolidMesh } from './solidMesh.ts'

/** The solids each target's removals take bone from (domain/treatment/removalTarget.ts). */
export { REMOVAL_SOLIDS, type RemovalSolid } from '../domain/treatment/removalTarget.ts'

export interface SolidInput extends SolidMesh {
  /** Model frame → the mesh's own frame, a column-major 4×4 matrix (rotation and uniform scale). */
  readonly toLocal: readonly number[]
  /** Triangles with a vertex closer than `radius` to `centre` (model frame) form the near part; null = one part. */
  readonly split: { readonly centre: Vec3; readonly radius: number } | null
}

export interface CutPart {
  readonly indices: Uint32Array
  /** min x, y, z, max x, y, z of the part's vertices (the mesh's frame). */
  readonly box: readonly number[]
  /** centre x, y, z and radius. */
  readonly sphere: readonly number[]
}

/** A cut solid in its mesh's frame: shared vertex attributes, and the near part then the far one. */
export interface CutSolid {
  readonly positions: Float32Array
  readonly normals: Float32Array
  readonly colors: Uint8Array | null
  readonly regions: Uint8Array | null
  readonly parts: readonly CutPart[]
}

/** One bone (`target`) cut: each of its solids (REMOVAL_SOLIDS[target]). */
export interface CutResult {
  readonly target: RemovalTarget
  readonly solids: Partial<Record<RemovalSolid, CutSolid>>
}

export function cutBuffers(result: CutResult): ArrayBuffer[] {
  const out: ArrayBuffer[] = []
  for (const solid of Object.values(result.solids)) {
    for (const a of [solid.positions, solid.normals, solid.colors, solid.regions]) if (a) out.push(a.buffer as ArrayBuffer)
    for (const part of solid.parts) out.push(part.indices.buffer as ArrayBuffer)
  }
  return out
}

