/**
 * The work of the geometry worker (./boneCut.worker.ts), kept apart from the messaging so the
 * scene tests can run it in Node: one bone's solids (the femur's or the pelvis's:
 * domain/treatment/removalTarget.ts), decoded from the file's arrays (./solidSource.ts) and
 * loaded once, cut by a list of removals (those that take from that bone) and
 * handed back ready for the GPU — in each mesh's own frame (the file's quantization transform),
 * with the triangles already split into the part near the joint and the rest, as the scene
 * draws the bones (scene/model/splitNearJoint.ts), and the bounds of each part.
 */
import type { BoneRemoval, RemovalTarget } from '../domain/treatment/frame.ts'
import { removalsOn } from '../domain/treatment/removalTarget.ts'
import { BoneSubtractor, type ManifoldToplevel } from './subtractBone.ts'
import type { SolidMesh } from './solidMesh.ts'
import { PIECE_SOLIDS, REMOVAL_SOLIDS, type CutPart, type CutResult, type CutSolid, type PieceResult, type PieceSolid, type RemovalSolid, type SolidInput } from './cutResult.ts'
import { decodeSolid, type SolidSource } from './solidSource.ts'

function toLocalFrame(solid: SolidMesh, m: readonly number[]): { positions: Float32Array; normals: Float32Array } {
  const count = solid.positions.length / 3
  const positions = new Float32Array(count * 3)
  const normals = new Float32Array(count * 3)
  const P = solid.positions
  const N = solid.normals
  for (let v = 0; v < count; v++) {
    const x = P[v * 3]!, y = P[v * 3 + 1]!, z = P[v * 3 + 2]!
    positions[v * 3] = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!
    positions[v * 3 + 1] = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!
    positions[v * 3 + 2] = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!
    if (!N) continue
    // Rotation and uniform scale: the normal turns with the linear part, then is made unit again.
    const nx = N[v * 3]!, ny = N[v * 3 + 1]!, nz = N[v * 3 + 2]!
    const a = m[0]! * nx + m[4]! * ny + m[8]! * nz
    const b = m[1]! * nx + m[5]! * ny + m[9]! * nz
    const c = m[2]! * nx + m[6]! * ny + m[10]! * nz
    const l = Math.hypot(a, b, c) || 1
    normals[v * 3] = a / l
    normals[v * 3 + 1] = b / l
    normals[v * 3 + 2] = c / l
  }
  return { positions, normals }
}

function part(indices: Uint32Array, positions: Float32Array): CutPart {
  if (indices.length === 0) return { indices, box: [0, 0, 0, 0, 0, 0], sphere: [0, 0, 0, 0] }
  const min = [Infinity, Infinity, Infinity]
  const max = [-Infinity, -Infinity, -Infinity]
  for (let i = 0; i < indices.length; i++) {
    const v = indices[i]! * 3
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k]!, positions[v + k]!)
      max[k] = Math.max(max[k]!, positions[v + k]!)
    }
  }
  const c = [0, 1, 2].map((k) => (min[k]! + max[k]!) / 2)
  let r2 = 0
  for (let i = 0; i < indices.length; i++) {
    const v = indices[i]! * 3
    r2 = Math.max(r2, (positions[v]! - c[0]!) ** 2 + (positions[v + 1]! - c[1]!) ** 2 + (positions[v + 2]! - c[2]!) ** 2)
  }
  return { indices, box: [...min, ...max], sphere: [...c, Math.sqrt(r2)] }
}

/** Near and far triangles, by the model-frame positions (as scene/model/splitNearJoint.ts partitions). */
function splitParts(cut: SolidMesh, split: SolidInput['split']): Uint32Array[] {
  if (!split) return [cut.indices]
  const r2 = split.radius * split.radius
  const P = cut.positions
  const nearVertex = new Uint8Array(P.length / 3)
  for (let v = 0; v < nearVertex.length; v++) {
    nearVertex[v] = (P[v * 3]! - split.centre[0]) ** 2 + (P[v * 3 + 1]! - split.centre[1]) ** 2 + (P[v * 3 + 2]! - split.centre[2]) ** 2 < r2 ? 1 : 0
  }
  const I = cut.indices
  let nearCount = 0
  for (let t = 0; t < I.length; t += 3) if (nearVertex[I[t]!] || nearVertex[I[t + 1]!] || nearVertex[I[t + 2]!]) nearCount += 3
  const near = new Uint32Array(nearCount)
  const far = new Uint32Array(I.length - nearCount)
  let a = 0
  let b = 0
  for (let t = 0; t < I.length; t += 3) {
    const into = nearVertex[I[t]!] || nearVertex[I[t + 1]!] || nearVertex[I[t + 2]!] ? near : far
    const at = into === near ? a : b
    into[at] = I[t]!
    into[at + 1] = I[t + 1]!
    into[at + 2] = I[t + 2]!
    if (into === near) a += 3
    else b += 3
  }
  return [near, far]
}

export class BoneCutJob {
  private readonly subtractors = new Map<RemovalSolid, BoneSubtractor>()
  private readonly inputs = new Map<RemovalSolid, SolidInput>()
  /** Solids only pieces are cut from (the head cartilage), loaded with the first piece. */
  private readonly pieceSubtractors = new Map<PieceSolid, BoneSubtractor>()
  private readonly pieceInputs = new Map<PieceSolid, SolidInput>()

  constructor(
    private readonly wasm: ManifoldToplevel,
    readonly target: RemovalTarget,
    sources: Partial<Record<RemovalSolid, SolidSource>>,
  ) {
    for (const id of REMOVAL_SOLIDS[target]) {
      const source = sources[id]
      if (!source) throw new Error(`the ${target} solids lack ${id}`)
      const input = decodeSolid(source)
      this.inputs.set(id, input)
      this.subtractors.set(id, new BoneSubtractor(wasm, input))
    }
  }

  /** The solids minus the removals that take from this bone (others are left to the other job). */
  cut(removals: readonly BoneRemoval[]): CutResult {
    const own = removalsOn(removals, this.target)
    const solids: Partial<Record<RemovalSolid, CutSolid>> = {}
    for (const [id, subtractor] of this.subtractors) {
      const input = this.inputs.get(id)!
      const cut = subtractor.subtract(own)
      const { positions, normals } = toLocalFrame(cut, input.toLocal)
      const parts = splitParts(cut, input.split).map((indices) => part(indices, positions))
      solids[id] = { positions, normals, colors: cut.colors, regions: cut.regions, cutFaces: cutFacesOf(cut), parts }
    }
    return { target: this.target, solids }
  }

  /**
   * The femur's bone inside a saw cut's `removal` (the resected head): each of PIECE_SOLIDS
   * intersected with it, its own surface and the faces on the removal's planes as two parts.
   * `cartilage`: the head cartilage's solid, needed with the first piece only.
   */
  piece(removal: BoneRemoval, cartilage: SolidSource | null): PieceResult {
    if (this.target !== 'femur' || removal.kind !== 'planes') throw new Error('a piece is cut from the femur by a saw cut')
    if (cartilage && !this.pieceSubtractors.has('femoralHeadCartilage')) {
      const input = decodeSolid(cartilage)
      this.pieceInputs.set('femoralHeadCartilage', input)
      this.pieceSubtractors.set('femoralHeadCartilage', new BoneSubtractor(this.wasm, input))
    }
    const planes = removal.planes
    const solids: Partial<Record<PieceSolid, CutSolid>> = {}
    for (const id of PIECE_SOLIDS) {
      const subtractor = this.subtractors.get(id as RemovalSolid) ?? this.pieceSubtractors.get(id)
      const input = this.inputs.get(id as RemovalSolid) ?? this.pieceInputs.get(id)
      if (!subtractor || !input) continue
      const kept = subtractor.within(removal)
      const { positions, normals } = toLocalFrame(kept, input.toLocal)
      const P = kept.positions
      const onPlane = (v: number) => planes.some((h) => Math.abs((P[v * 3]! - h.point[0]) * h.normal[0] + (P[v * 3 + 1]! - h.point[1]) * h.normal[1] + (P[v * 3 + 2]! - h.point[2]) * h.normal[2]) < ON_PLANE_MM)
      const flat = new Uint8Array(P.length / 3)
      for (let v = 0; v < flat.length; v++) flat[v] = onPlane(v) ? 1 : 0
      const surface: number[] = []
      const cut: number[] = []
      const I = kept.indices
      for (let t = 0; t < I.length; t += 3) (flat[I[t]!] && flat[I[t + 1]!] && flat[I[t + 2]!] ? cut : surface).push(I[t]!, I[t + 1]!, I[t + 2]!)
      solids[id] = { positions, normals, colors: kept.colors, regions: kept.regions, cutFaces: cutFacesOf(kept), parts: [part(Uint32Array.from(surface), positions), part(Uint32Array.from(cut), positions)] }
    }
    return { solids }
  }

  dispose(): void {
    for (const s of this.subtractors.values()) s.dispose()
    for (const s of this.pieceSubtractors.values()) s.dispose()
    this.subtractors.clear()
    this.pieceSubtractors.clear()
  }
}

/** The solid's cut-face flags; none made (the removals took nothing): all zero. */
function cutFacesOf(solid: SolidMesh): Uint8Array {
  return solid.cutFaces ?? new Uint8Array(solid.positions.length / 3)
}

/** A vertex this close to a removal's plane (mm) lies on its cut face. */
const ON_PLANE_MM = 1e-3
