/**
 * One bounding-volume hierarchy per geometry (three-mesh-bvh), shared by everything that casts
 * rays at the model (picking, label occlusion). Built on first use, in lazily loaded code.
 */
import type { BufferGeometry, Mesh } from 'three'
import { acceleratedRaycast, MeshBVH } from 'three-mesh-bvh'

type WithBvh = BufferGeometry & { boundsTree?: MeshBVH }

export function ensureBvh(geometry: BufferGeometry): MeshBVH {
  const g = geometry as WithBvh
  return (g.boundsTree ??= new MeshBVH(geometry))
}

/** Makes R3F's pointer events on this mesh use the hierarchy (per mesh, no global patch). */
export function accelerateRaycast(mesh: Mesh): void {
  ensureBvh(mesh.geometry)
  mesh.raycast = acceleratedRaycast
}
