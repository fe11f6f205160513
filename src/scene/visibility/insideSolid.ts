/**
 * Whether a point lies inside a closed solid (all the meshes of a structure's node): an odd
 * number of surface crossings along a ray from the point, the same parity the section's stencil
 * caps count along the view ray (scene/section/sectionCaps.ts). Both sides of every triangle
 * count. Uses the geometry's bounding-volume hierarchy when there is one (../three/boundsTrees.ts:
 * picking's, or a cut part's from the geometry worker), else three's plain ray cast; nothing is
 * imported from three-mesh-bvh, so this stays in the first download.
 */
import { DoubleSide, Matrix4, Mesh, MeshBasicMaterial, Ray, Raycaster, Vector3, type Object3D } from 'three'
import { solidMeshes } from '../model/solidMeshes.ts'
import { boundsTreeOf } from '../three/boundsTrees.ts'

/** Three directions in general position (no two along an axis of the model's grids): the majority decides. */
const DIRECTIONS = [new Vector3(0.5774, 0.6172, 0.5345).normalize(), new Vector3(-0.7071, 0.3015, -0.6396).normalize(), new Vector3(0.2673, -0.8018, 0.5345).normalize()]

const inverse = new Matrix4()
const localRay = new Ray()
const raycaster = new Raycaster()
const probe = new Mesh(undefined, new MeshBasicMaterial({ side: DoubleSide }))
probe.matrixAutoUpdate = false

function crossings(mesh: Mesh, pointWorld: Vector3, directionWorld: Vector3): number {
  const tree = boundsTreeOf(mesh.geometry)
  if (tree) {
    inverse.copy(mesh.matrixWorld).invert()
    localRay.origin.copy(pointWorld).applyMatrix4(inverse)
    localRay.direction.copy(directionWorld).transformDirection(inverse)
    return tree.raycast(localRay, DoubleSide).length
  }
  probe.geometry = mesh.geometry
  probe.matrixWorld.copy(mesh.matrixWorld)
  raycaster.set(pointWorld, directionWorld)
  return raycaster.intersectObject(probe, false).length
}

export function insideSolid(node: Object3D, pointWorld: Vector3): boolean {
  node.updateWorldMatrix(true, true)
  const meshes = solidMeshes(node)
  let votes = 0
  for (const direction of DIRECTIONS) {
    let n = 0
    for (const mesh of meshes) n += crossings(mesh, pointWorld, direction)
    if (n % 2 === 1) votes++
  }
  return votes >= 2
}
