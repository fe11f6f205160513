/**
 * A small triangle-soup writer for the instrument and graft shapes: triangles with their own
 * normals, wound to face along them, so a builder can give a flat facet a flat normal and a
 * round shaft a round one without fighting an indexed mesh's shared vertices.
 */
import { BufferAttribute, BufferGeometry } from 'three'

export type P3 = readonly [number, number, number]

export class Surface {
  private readonly positions: number[] = []
  private readonly normals: number[] = []

  /** One triangle; its winding is turned to face the mean of its vertex normals. */
  triangle(a: P3, b: P3, c: P3, na: P3, nb: P3, nc: P3): void {
    const ex = [b[0] - a[0], b[1] - a[1], b[2] - a[2]] as const
    const fx = [c[0] - a[0], c[1] - a[1], c[2] - a[2]] as const
    const gx = ex[1] * fx[2] - ex[2] * fx[1]
    const gy = ex[2] * fx[0] - ex[0] * fx[2]
    const gz = ex[0] * fx[1] - ex[1] * fx[0]
    const facing = gx * (na[0] + nb[0] + nc[0]) + gy * (na[1] + nb[1] + nc[1]) + gz * (na[2] + nb[2] + nc[2])
    if (gx === 0 && gy === 0 && gz === 0) return // a pole's zero-area sliver draws nothing
    const [q, r, nq, nr] = facing < 0 ? [c, b, nc, nb] : [b, c, nb, nc]
    this.positions.push(...a, ...q, ...r)
    this.normals.push(...na, ...nq, ...nr)
  }

  /** A quad a-b-c-d (in order around its edge), with a normal per corner. */
  quad(a: P3, b: P3, c: P3, d: P3, na: P3, nb: P3, nc: P3, nd: P3): void {
    this.triangle(a, b, c, na, nb, nc)
    this.triangle(a, c, d, na, nc, nd)
  }

  /** A flat quad: its normal from its corners, turned toward `outward`. */
  flatQuad(a: P3, b: P3, c: P3, d: P3, outward: P3): void {
    const n = flatNormal(a, b, c, outward)
    this.quad(a, b, c, d, n, n, n, n)
  }

  toGeometry(): BufferGeometry {
    const geometry = new BufferGeometry()
    geometry.setAttribute('position', new BufferAttribute(new Float32Array(this.positions), 3))
    geometry.setAttribute('normal', new BufferAttribute(new Float32Array(this.normals), 3))
    geometry.computeBoundingBox()
    geometry.computeBoundingSphere()
    return geometry
  }
}

/** The unit normal of the plane through a, b, c, on the side of `outward`. */
export function flatNormal(a: P3, b: P3, c: P3, outward: P3): P3 {
  const e = [b[0] - a[0], b[1] - a[1], b[2] - a[2]]
  const f = [c[0] - a[0], c[1] - a[1], c[2] - a[2]]
  let x = e[1]! * f[2]! - e[2]! * f[1]!
  let y = e[2]! * f[0]! - e[0]! * f[2]!
  let z = e[0]! * f[1]! - e[1]! * f[0]!
  const length = Math.hypot(x, y, z) || 1
  const sign = x * outward[0] + y * outward[1] + z * outward[2] < 0 ? -1 : 1
  x *= sign / length
  y *= sign / length
  z *= sign / length
  return [x, y, z]
}
