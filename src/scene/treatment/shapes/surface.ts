/**
 * A small triangle-soup writer for the instrument and graft shapes: triangles with their own
 * normals, wound to face along them, so a builder can give a flat facet a flat normal and a
 * round shaft a round one without fighting an indexed mesh's shared vertices.
 */
import { Box3, BufferAttribute, BufferGeometry, Sphere, Vector3 } from 'three'

export type P3 = readonly [number, number, number]

export class Surface {
  // Written straight into typed arrays (grown by doubling): building a 22 000-triangle reamer
  // with number[] pushes and spread copies took 60 ms in Node and more in a page, on the main
  // thread while a step played. The values are the same float32s either way.
  private positions = new Float32Array(3 * 3 * 256)
  private normals = new Float32Array(3 * 3 * 256)
  private used = 0

  /** One triangle; its winding is turned to face the mean of its vertex normals. */
  triangle(a: P3, b: P3, c: P3, na: P3, nb: P3, nc: P3): void {
    const ex = b[0] - a[0]
    const ey = b[1] - a[1]
    const ez = b[2] - a[2]
    const fx = c[0] - a[0]
    const fy = c[1] - a[1]
    const fz = c[2] - a[2]
    const gx = ey * fz - ez * fy
    const gy = ez * fx - ex * fz
    const gz = ex * fy - ey * fx
    if (gx === 0 && gy === 0 && gz === 0) return // a pole's zero-area sliver draws nothing
    const facing = gx * (na[0] + nb[0] + nc[0]) + gy * (na[1] + nb[1] + nc[1]) + gz * (na[2] + nb[2] + nc[2])
    this.reserve(9)
    this.vertex(a, na)
    if (facing < 0) {
      this.vertex(c, nc)
      this.vertex(b, nb)
    } else {
      this.vertex(b, nb)
      this.vertex(c, nc)
    }
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
    geometry.setAttribute('position', new BufferAttribute(this.positions.slice(0, this.used), 3))
    geometry.setAttribute('normal', new BufferAttribute(this.normals.slice(0, this.used), 3))
    setBounds(geometry, this.positions, this.used)
    return geometry
  }

  private vertex(p: P3, n: P3): void {
    const i = this.used
    this.positions[i] = p[0]
    this.positions[i + 1] = p[1]
    this.positions[i + 2] = p[2]
    this.normals[i] = n[0]
    this.normals[i + 1] = n[1]
    this.normals[i + 2] = n[2]
    this.used = i + 3
  }

  private reserve(floats: number): void {
    if (this.used + floats <= this.positions.length) return
    const grow = (from: Float32Array) => {
      const to = new Float32Array(Math.max(from.length * 2, this.used + floats))
      to.set(from.subarray(0, this.used))
      return to
    }
    this.positions = grow(this.positions)
    this.normals = grow(this.normals)
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

/**
 * The geometry's bounding box and sphere (the box's centre, the farthest vertex), straight from
 * the positions: three's computeBoundingSphere goes through a Vector3 and the attribute's
 * accessors per vertex, twice, which was a quarter of a reamer's build in a page (25 ms).
 */
export function setBounds(geometry: BufferGeometry, positions: Float32Array, floats = positions.length): void {
  let minX = Infinity, minY = Infinity, minZ = Infinity, maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity
  for (let i = 0; i < floats; i += 3) {
    const x = positions[i]!, y = positions[i + 1]!, z = positions[i + 2]!
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
    if (z < minZ) minZ = z
    if (z > maxZ) maxZ = z
  }
  if (floats === 0) {
    geometry.boundingBox = new Box3()
    geometry.boundingSphere = new Sphere()
    return
  }
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2, cz = (minZ + maxZ) / 2
  let far = 0
  for (let i = 0; i < floats; i += 3) {
    const dx = positions[i]! - cx, dy = positions[i + 1]! - cy, dz = positions[i + 2]! - cz
    far = Math.max(far, dx * dx + dy * dy + dz * dz)
  }
  geometry.boundingBox = new Box3(new Vector3(minX, minY, minZ), new Vector3(maxX, maxY, maxZ))
  geometry.boundingSphere = new Sphere(new Vector3(cx, cy, cz), Math.sqrt(far))
}
