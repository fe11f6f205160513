/**
 * Point queries against a closed triangle surface of the committed model (three-mesh-bvh in
 * Node): whether a point is inside, and how far it is from the surface. For the replacement
 * planner's tests (the stem inside the canal, the resurfacing reamer clear of the neck).
 */
import { BufferAttribute, BufferGeometry, DoubleSide, Ray, Vector3 } from 'three'
import { MeshBVH } from 'three-mesh-bvh'
import type { Vec3 } from '../../src/domain/vec3.ts'

export class SurfaceQuery {
  private readonly bvh: MeshBVH
  private readonly ray = new Ray()
  private readonly target = { point: new Vector3(), distance: 0, faceIndex: 0 }
  private readonly p = new Vector3()

  constructor(positions: Float32Array, indices: Uint32Array) {
    const geometry = new BufferGeometry()
    geometry.setAttribute('position', new BufferAttribute(positions, 3))
    geometry.setIndex(new BufferAttribute(indices, 1))
    this.bvh = new MeshBVH(geometry)
  }

  /** Inside by the parity of crossings along a fixed, skew direction (no axis-aligned ties). */
  inside(point: Vec3): boolean {
    this.ray.origin.set(point[0], point[1], point[2])
    this.ray.direction.set(0.5377, 0.8362, 0.1083).normalize()
    return this.bvh.raycast(this.ray, DoubleSide).length % 2 === 1
  }

  distance(point: Vec3): number {
    this.p.set(point[0], point[1], point[2])
    this.bvh.closestPointToPoint(this.p, this.target)
    return this.target.distance
  }
}

/** The triangles of a mesh whose three vertices all pass `keep` (by their region index). */
export function trianglesWhere(indices: Uint32Array, regions: Uint8Array, keep: (region: number) => boolean): Uint32Array {
  const out: number[] = []
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t]!, b = indices[t + 1]!, c = indices[t + 2]!
    if (keep(regions[a]!) && keep(regions[b]!) && keep(regions[c]!)) out.push(a, b, c)
  }
  return new Uint32Array(out)
}
