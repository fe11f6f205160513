/**
 * Ray-casting hierarchies (three-mesh-bvh) for a cut's parts, built in the geometry worker: built
 * on the main thread at the first ray cast after a cut (the labels look whether something hides
 * them), each took 50–300 ms there, the longest stops left in a treatment's play-through
 * (CPU profile of core decompression). The main thread only wraps the roots
 * (scene/three/bvh.ts ensureBvh).
 */
import { BufferAttribute, BufferGeometry } from 'three'
import { MeshBVH } from 'three-mesh-bvh'
import type { CutResult } from './cutResult.ts'

/**
 * Gives every part of `result` its hierarchy's roots. Building one reorders the part's triangles
 * in `indices` (in place): the geometry is then drawn from that same order, which the roots index.
 */
export function withHierarchies(result: CutResult): CutResult {
  const solids: CutResult['solids'] = {}
  for (const [id, solid] of Object.entries(result.solids) as [keyof CutResult['solids'], NonNullable<CutResult['solids'][keyof CutResult['solids']]>][]) {
    const position = new BufferAttribute(solid.positions, 3)
    const parts = solid.parts.map((part) => {
      if (part.indices.length === 0) return part
      const geometry = new BufferGeometry()
      geometry.setAttribute('position', position)
      geometry.setIndex(new BufferAttribute(part.indices, 1))
      const bvh = new MeshBVH(geometry)
      const { roots } = MeshBVH.serialize(bvh, { cloneBuffers: false }) as { roots: ArrayBuffer[] }
      return { ...part, bvhRoots: roots }
    })
    solids[id] = { ...solid, parts }
  }
  return { ...result, solids }
}
