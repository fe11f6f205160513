/**
 * One bounding-volume hierarchy per geometry (three-mesh-bvh), shared by everything that casts
 * rays at the model (picking, label occlusion). Built on first use, in lazily loaded code, and
 * for the geometry a mesh has at that moment: a bone cut by a treatment (model/modelGeometry.ts)
 * gets its hierarchy on the first ray cast at it, not while the cut is applied — wrapped from the
 * one the geometry worker built with the cut (geometry/partHierarchy.ts), not built here.
 */
import { Sphere, type BufferGeometry, type Intersection, type Mesh, type Raycaster } from 'three'
import { acceleratedRaycast, MeshBVH } from 'three-mesh-bvh'
import { supplyBoundsTrees, type BoundsTree } from './boundsTrees.ts'

type WithBvh = BufferGeometry & { boundsTree?: MeshBVH }

export function ensureBvh(geometry: BufferGeometry): MeshBVH {
  const g = geometry as WithBvh
  return (g.boundsTree ??= fromWorker(geometry) ?? new MeshBVH(geometry))
}

/**
 * The hierarchy the geometry worker built for a cut bone's part (geometry/partHierarchy.ts), over
 * the part's index as it arrived (the worker ordered its triangles for it).
 */
function fromWorker(geometry: BufferGeometry): MeshBVH | null {
  const roots = geometry.userData.bvhRoots as ArrayBuffer[] | undefined
  const index = geometry.index?.array
  if (!roots || !(index instanceof Uint32Array)) return null
  return MeshBVH.deserialize({ roots, index }, geometry, { setIndex: false })
}

// A cut part's hierarchy is wrapped on first ask, by whoever asks (not only a pointer's ray cast).
supplyBoundsTrees((geometry) => (geometry.userData.bvhRoots ? (ensureBvh(geometry) as unknown as BoundsTree) : null))

/** Whether the geometry has its hierarchy (or the worker's, ready to wrap). */
export function hasBvh(geometry: BufferGeometry): boolean {
  return !!(geometry as WithBvh).boundsTree || !!geometry.userData.bvhRoots
}

const sphere = new Sphere()

/**
 * The hierarchy's ray cast, on the mesh's current geometry: its hierarchy built if it has none
 * yet, but only for a ray that reaches the mesh's bounding sphere (three's own first test), so a
 * first pointer move builds those of the meshes under it, not of every mesh in the scene.
 */
function raycastCurrentGeometry(this: Mesh, raycaster: Raycaster, intersects: Intersection[]): void {
  if (!hasBvh(this.geometry)) {
    if (this.geometry.boundingSphere === null) this.geometry.computeBoundingSphere()
    sphere.copy(this.geometry.boundingSphere!).applyMatrix4(this.matrixWorld)
    if (!raycaster.ray.intersectsSphere(sphere)) return
  }
  ensureBvh(this.geometry)
  acceleratedRaycast.call(this, raycaster, intersects)
}

/** Makes R3F's pointer events on this mesh use the hierarchy (per mesh, no global patch), built on the first ray that needs it. */
export function accelerateRaycast(mesh: Mesh): void {
  mesh.raycast = raycastCurrentGeometry
}
