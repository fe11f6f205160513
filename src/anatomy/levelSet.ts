/**
 * Meshes a signed-distance field with manifold-3d (always watertight), through the
 * narrow-band cache, and returns plain arrays.
 */
import type { Manifold } from 'manifold-3d'
import { manifoldModule } from './manifoldModule.ts'
import type { MeshData } from './meshData.ts'
import { narrowBand, type Box } from './narrowBand.ts'
import type { Sdf } from './sdf.ts'

export async function levelSetManifold(f: Sdf, box: Box, edge: number, coarseCell = 3): Promise<Manifold> {
  const wasm = await manifoldModule()
  const fast = narrowBand(f, box, coarseCell)
  // manifold-3d treats positive as inside: pass the negated distance.
  return wasm.Manifold.levelSet((p) => -fast(p[0], p[1], p[2]), { min: box.min, max: box.max }, edge)
}

export function manifoldToMesh(m: Manifold): MeshData {
  const mesh = m.getMesh()
  const np = mesh.numProp
  const nv = mesh.vertProperties.length / np
  const positions = new Float32Array(nv * 3)
  for (let i = 0; i < nv; i++) {
    positions[i * 3] = mesh.vertProperties[i * np]!
    positions[i * 3 + 1] = mesh.vertProperties[i * np + 1]!
    positions[i * 3 + 2] = mesh.vertProperties[i * np + 2]!
  }
  return { positions, indices: new Uint32Array(mesh.triVerts) }
}

export async function meshToManifold(m: MeshData): Promise<Manifold> {
  const wasm = await manifoldModule()
  const mesh = new wasm.Mesh({ numProp: 3, vertProperties: m.positions, triVerts: m.indices })
  mesh.merge()
  return new wasm.Manifold(mesh)
}

export async function levelSetMesh(f: Sdf, box: Box, edge: number, coarseCell = 3): Promise<MeshData> {
  const m = await levelSetManifold(f, box, edge, coarseCell)
  const out = manifoldToMesh(m)
  m.delete()
  return out
}
