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
  /**
   * The part's ray-casting hierarchy (three-mesh-bvh's serialized roots) over `indices`, whose
   * triangle order it set (./partHierarchy.ts); absent where none was built.
   */
  readonly bvhRoots?: readonly ArrayBuffer[]
}

/** A cut solid in its mesh's frame: shared vertex attributes, and the near part then the far one. */
export interface CutSolid {
  readonly positions: Float32Array
  readonly normals: Float32Array
  readonly colors: Uint8Array | null
  readonly regions: Uint8Array | null
  /** 255 where a removal made the face, 0 on the bone's own surface (./solidMesh.ts). */
  readonly cutFaces: Uint8Array
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
    for (const a of [solid.positions, solid.normals, solid.colors, solid.regions, solid.cutFaces]) if (a) out.push(a.buffer as ArrayBuffer)
    for (const part of solid.parts) out.push(part.indices.buffer as ArrayBuffer, ...(part.bvhRoots ?? []))
  }
  return out
}


/**
 * The femur's solids a piece of bone taken out of it is drawn with (the resected head: its cortex,
 * its cancellous core and the cartilage on it). The cartilage is never cut by a removal
 * (domain/treatment/removalTarget.ts): it is only ever sent for a piece.
 */
export const PIECE_SOLIDS = ['femur', 'femurCancellous', 'femoralHeadCartilage'] as const
export type PieceSolid = (typeof PIECE_SOLIDS)[number]

/**
 * A piece of bone inside one removal, each solid in its mesh's frame: `parts[0]` the bone's own
 * surface, `parts[1]` the faces the removal's planes cut (drawn as cut bone).
 */
export interface PieceResult {
  readonly solids: Partial<Record<PieceSolid, CutSolid>>
}

export function pieceBuffers(result: PieceResult): ArrayBuffer[] {
  return cutBuffers({ target: 'femur', solids: result.solids as CutResult['solids'] })
}
