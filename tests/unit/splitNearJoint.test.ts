import { describe, expect, it } from 'vitest'
import { CylinderGeometry, Group, Matrix4, Mesh, MeshStandardMaterial, Vector3 } from 'three'
import { partitionTriangles, splitMeshNearJoint } from '../../src/scene/model/splitNearJoint.ts'

/** A 200 mm shaft along Y with its top end at the origin (like a femur below its head). */
function shaft(): CylinderGeometry {
  const g = new CylinderGeometry(15, 15, 200, 12, 40)
  g.translate(0, -100, 0)
  return g
}

function triangleVertices(indices: ArrayLike<number>, geometry: CylinderGeometry, toModel = new Matrix4()): Vector3[][] {
  const position = geometry.getAttribute('position')
  const out: Vector3[][] = []
  for (let i = 0; i < indices.length; i += 3) {
    out.push([0, 1, 2].map((k) => new Vector3().fromBufferAttribute(position, indices[i + k]!).applyMatrix4(toModel)))
  }
  return out
}

describe('partitionTriangles', () => {
  it('puts a triangle near when any of its vertices is within the radius, and every triangle in one part', () => {
    const geometry = shaft()
    const region = { centre: [0, 0, 0] as const, radius: 40 }
    const parts = partitionTriangles(geometry, new Matrix4(), region)!
    expect(parts.near.length + parts.far.length).toBe(geometry.getIndex()!.count)
    const centre = new Vector3()
    for (const tri of triangleVertices(parts.near, geometry)) expect(Math.min(...tri.map((v) => v.distanceTo(centre)))).toBeLessThan(40)
    for (const tri of triangleVertices(parts.far, geometry)) expect(Math.min(...tri.map((v) => v.distanceTo(centre)))).toBeGreaterThanOrEqual(40)
    // About the top fifth of the shaft is near.
    expect(parts.near.length / geometry.getIndex()!.count).toBeGreaterThan(0.1)
    expect(parts.near.length / geometry.getIndex()!.count).toBeLessThan(0.35)
  })

  it('measures in the model frame through the mesh transform (quantized files scale their nodes)', () => {
    const geometry = shaft()
    geometry.scale(100, 100, 100) // stored ×100, drawn at 1/100: as a quantized position attribute
    const toModel = new Matrix4().makeScale(0.01, 0.01, 0.01)
    const scaled = partitionTriangles(geometry, toModel, { centre: [0, 0, 0], radius: 40 })!
    const plain = partitionTriangles(shaft(), new Matrix4(), { centre: [0, 0, 0], radius: 40 })!
    expect(scaled.near.length).toBe(plain.near.length)
  })

  it('leaves a mesh whole when all of it is near or all far', () => {
    expect(partitionTriangles(shaft(), new Matrix4(), { centre: [0, 0, 0], radius: 500 })).toBeNull()
    expect(partitionTriangles(shaft(), new Matrix4(), { centre: [0, 900, 0], radius: 10 })).toBeNull()
  })
})

describe('splitMeshNearJoint', () => {
  it('keeps the near part in the mesh and adds the far part as its child, sharing the vertex buffers', () => {
    // As in the file: the structure node is the mesh itself, directly under the root.
    const root = new Group()
    const source = shaft()
    const mesh = new Mesh(source, new MeshStandardMaterial())
    mesh.name = 'femur'
    mesh.position.set(1, 2, 3)
    mesh.userData = { structureId: 'femur', regions: ['femoralHead'] }
    root.add(mesh)
    const total = source.getIndex()!.count
    const farMaterial = new MeshStandardMaterial()
    const far = splitMeshNearJoint(mesh, root, { centre: [1, 2, 3], radius: 40 }, () => farMaterial)!
    expect(far).not.toBeNull()
    // Under the node: hiding or fading the structure reaches both parts.
    expect(far.parent).toBe(mesh)
    const walked: Mesh[] = []
    mesh.traverse((o) => walked.push(o as Mesh))
    expect(walked).toContain(far)
    expect(far.material).toBe(farMaterial)
    expect(far.userData).toEqual({ structureId: 'femur', regions: ['femoralHead'], diseaseFree: true })
    expect(mesh.userData.diseaseFree).toBeUndefined()
    // In the mesh's own frame: the far part lies exactly where the triangles were.
    expect(far.position.toArray()).toEqual([0, 0, 0])
    far.updateWorldMatrix(true, false)
    expect(far.matrixWorld.equals(mesh.matrixWorld)).toBe(true)
    // Same attribute objects: nothing copied, uploaded once.
    expect(far.geometry.getAttribute('position')).toBe(source.getAttribute('position'))
    expect(mesh.geometry.getAttribute('normal')).toBe(source.getAttribute('normal'))
    expect(mesh.geometry.getIndex()!.count + far.geometry.getIndex()!.count).toBe(total)
    expect(far.geometry.boundingSphere!.center.y).toBeLessThan(mesh.geometry.boundingSphere!.center.y)
  })

  it('returns null and changes nothing when the mesh lies wholly near the joint', () => {
    const root = new Group()
    const source = shaft()
    const mesh = new Mesh(source, new MeshStandardMaterial())
    root.add(mesh)
    expect(splitMeshNearJoint(mesh, root, { centre: [0, 0, 0], radius: 1000 }, () => new MeshStandardMaterial())).toBeNull()
    expect(mesh.geometry).toBe(source)
    expect(mesh.children).toHaveLength(0)
  })
})
