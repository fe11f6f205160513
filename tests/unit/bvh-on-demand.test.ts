/**
 * The model's ray casts through hierarchies (src/scene/three/bvh.ts), built on demand: switching
 * a mesh over builds nothing (PickAccelerator builds ahead, one mesh per quiet moment); a ray
 * that misses the mesh's bounding sphere builds nothing either; the first ray that reaches it
 * builds the mesh's hierarchy and finds the same hit as three's own ray cast.
 */
import { describe, expect, it } from 'vitest'
import { BoxGeometry, Mesh, MeshBasicMaterial, Raycaster, Vector3, type Intersection } from 'three'
import { accelerateRaycast, hasBvh } from '../../src/scene/three/bvh.ts'

describe('ray casts through hierarchies built on demand', () => {
  it('builds a mesh\'s hierarchy on the first ray that reaches it, not before', () => {
    const mesh = new Mesh(new BoxGeometry(10, 10, 10, 8, 8, 8), new MeshBasicMaterial())
    mesh.position.set(100, 0, 0)
    mesh.updateMatrixWorld(true)
    accelerateRaycast(mesh)
    expect(hasBvh(mesh.geometry), 'switched over, nothing built').toBe(false)

    const missed: Intersection[] = []
    mesh.raycast(new Raycaster(new Vector3(0, 0, 50), new Vector3(0, 0, -1)), missed)
    expect(missed).toEqual([])
    expect(hasBvh(mesh.geometry), 'a ray that misses its bounding sphere builds nothing').toBe(false)

    const ray = new Raycaster(new Vector3(100, 1, 50), new Vector3(0, 0, -1))
    const hits: Intersection[] = []
    mesh.raycast(ray, hits)
    expect(hasBvh(mesh.geometry)).toBe(true)
    const plain: Intersection[] = []
    Mesh.prototype.raycast.call(mesh, ray, plain)
    expect(hits.map((h) => h.distance.toFixed(4))).toEqual(plain.map((h) => h.distance.toFixed(4)))
    expect(hits[0]!.distance).toBeCloseTo(45, 4)
  })
})
