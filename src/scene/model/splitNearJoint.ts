/**
 * Splits the big bones at load into the part near the joint and the rest.
 *
 * Why: a PC without a GPU renders WebGL in software (SwiftShader), where every shader
 * instruction costs on every vertex and pixel. The disease shaders (../disease/shaders.ts)
 * only ever change the femoral head and the socket, yet patched onto a whole bone they ran on
 * the shaft, the trochanters and the iliac wing too. So the femur (and its cancellous core)
 * and the hip bone each become two meshes sharing the same vertex buffers (no copy): the near
 * part keeps the structure's material, which the disease layer patches; the far part gets a
 * plain material of the same look and `userData.diseaseFree`, which the patcher skips.
 * Measured with `npm run bench` (see the README); it costs one draw call per split bone.
 */
import { Box3, BufferAttribute, BufferGeometry, Mesh, Sphere, Vector3, type Matrix4, type Object3D } from 'three'
import type { HipLandmarks } from '../../domain/anatomy/landmarks.ts'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import { toAncestorMatrix } from '../three/toAncestorMatrix.ts'

export interface JointRegion {
  /** Model-frame centre (mm). */
  readonly centre: readonly [number, number, number]
  /** Triangles with a vertex closer than this (mm) belong to the near part. */
  readonly radius: number
}

/**
 * Where the disease shaders act, per split bone, from the model's landmarks:
 * - femur and cancellous core: collapse and junction osteophytes end 8 mm and the head tints
 *   10 mm beyond the bony head radius (shaders.ts: dzRadial, DZ_JUNCTION_OSTEO,
 *   DZ_HEAD_FRAGMENT), so 12 mm leaves a margin for a triangle's width;
 * - hip bone: rim osteophytes end 14 mm beyond the socket radius (DZ_RIM_OSTEO); the cutaway
 *   window over the head cuts the bone around the socket, so the near part takes a wider
 *   40 mm band.
 */
export function jointRegions(landmarks: HipLandmarks): Partial<Record<StructureId, JointRegion>> {
  const head: JointRegion = { centre: landmarks.femoralHead.centre, radius: landmarks.femoralHead.radius + 12 }
  return {
    femur: head,
    femurCancellous: head,
    hipBone: { centre: landmarks.acetabulum.centre, radius: landmarks.acetabulum.radius + 40 },
  }
}

/**
 * Partitions the triangles of an indexed geometry: those with any vertex within
 * `region.radius` of `region.centre` (model frame; `toModel` maps the geometry's coordinates
 * there) and the others. Null when one side would be empty or the geometry has no index.
 */
export function partitionTriangles(geometry: BufferGeometry, toModel: Matrix4, region: JointRegion): { near: Uint32Array; far: Uint32Array } | null {
  const index = geometry.getIndex()
  const position = geometry.getAttribute('position')
  if (!index || !position) return null
  const nearVertex = new Uint8Array(position.count)
  const centre = new Vector3(...region.centre)
  const r2 = region.radius * region.radius
  const p = new Vector3()
  for (let v = 0; v < position.count; v++) {
    p.fromBufferAttribute(position, v).applyMatrix4(toModel)
    nearVertex[v] = p.distanceToSquared(centre) < r2 ? 1 : 0
  }
  const near: number[] = []
  const far: number[] = []
  for (let i = 0; i + 2 < index.count; i += 3) {
    const a = index.getX(i)
    const b = index.getX(i + 1)
    const c = index.getX(i + 2)
    ;(nearVertex[a]! || nearVertex[b]! || nearVertex[c]! ? near : far).push(a, b, c)
  }
  if (near.length === 0 || far.length === 0) return null
  return { near: Uint32Array.from(near), far: Uint32Array.from(far) }
}

/** A geometry drawing `indices` of `source`'s vertices: the attributes are shared, not copied. */
function sharingGeometry(source: BufferGeometry, indices: Uint32Array): BufferGeometry {
  const geometry = new BufferGeometry()
  for (const [name, attribute] of Object.entries(source.attributes)) geometry.setAttribute(name, attribute)
  geometry.setIndex(new BufferAttribute(indices, 1))
  geometry.userData = { ...source.userData }
  // Bounds of the vertices this part draws (three's own would span the shared buffer): they
  // drive culling and the front-to-back order of opaque draws.
  const position = source.getAttribute('position')
  const box = new Box3()
  const p = new Vector3()
  for (let i = 0; i < indices.length; i++) box.expandByPoint(p.fromBufferAttribute(position, indices[i]!))
  const sphere = new Sphere(box.getCenter(new Vector3()), 0)
  let r2 = 0
  for (let i = 0; i < indices.length; i++) r2 = Math.max(r2, sphere.center.distanceToSquared(p.fromBufferAttribute(position, indices[i]!)))
  sphere.radius = Math.sqrt(r2)
  geometry.boundingBox = box
  geometry.boundingSphere = sphere
  return geometry
}

/**
 * Splits `mesh` (a structure's mesh under `root`) in place: it keeps the near triangles, and
 * a child with the far ones and `makeMaterial()` is added to it. A child, not a sibling: the
 * file's structure node is often the mesh itself, and everything that walks a structure
 * (hide, see-through, highlight, picking, section caps) walks the node's subtree.
 * Returns the new part, or null when the mesh was left whole.
 */
export function splitMeshNearJoint(mesh: Mesh, root: Object3D, region: JointRegion, makeMaterial: () => Mesh['material']): Mesh | null {
  const parts = partitionTriangles(mesh.geometry, toAncestorMatrix(mesh, root), region)
  if (!parts) return null
  const source = mesh.geometry
  mesh.geometry = sharingGeometry(source, parts.near)
  const far = new Mesh(sharingGeometry(source, parts.far), makeMaterial())
  far.name = `${mesh.name || 'part'}-far`
  far.userData = { ...mesh.userData, diseaseFree: true }
  far.renderOrder = mesh.renderOrder
  mesh.add(far) // same frame as the mesh: identity transform
  return far
}
