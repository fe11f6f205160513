/**
 * The necrotic lesion as a solid (for the X-ray view): the bowl of domain/lesion/geometry.ts,
 * just under the subchondral plate, with its serpiginous floor. Built once per lesion choice in
 * the model frame, the caller disposes the old one.
 *
 * The bowl is convex but for its gentle waves, so it is star-shaped about a point on its axis
 * at half its depth: each vertex is found by walking out from there along one direction of a
 * UV sphere until the solid ends (then bisecting). The result is closed by construction.
 */
import { BufferAttribute, BufferGeometry } from 'three'
import { interfaceDistance, type LesionGeometry } from '../../domain/lesion/geometry.ts'

const RINGS = 40
const SEGMENTS = 80
/** Depth of the outer face under the bony surface, mm: it stays inside the bone. */
export const UNDER_PLATE_MM = 0.8

/** > 0 outside the solid: outside the head (less the plate) or outside the bowl. */
function field(x: number, y: number, z: number, g: LesionGeometry): number {
  return Math.max(Math.hypot(x, y, z) - (g.radius - UNDER_PLATE_MM), interfaceDistance([x, y, z], g))
}

/** Winds every triangle so that its front face agrees with its vertex normals. */
function orientToNormals(index: number[], p: Float32Array, n: Float32Array): void {
  for (let t = 0; t < index.length; t += 3) {
    const [a, b, c] = [index[t]! * 3, index[t + 1]! * 3, index[t + 2]! * 3]
    const e1 = [p[b]! - p[a]!, p[b + 1]! - p[a + 1]!, p[b + 2]! - p[a + 2]!]
    const e2 = [p[c]! - p[a]!, p[c + 1]! - p[a + 1]!, p[c + 2]! - p[a + 2]!]
    const gx = e1[1]! * e2[2]! - e1[2]! * e2[1]!
    const gy = e1[2]! * e2[0]! - e1[0]! * e2[2]!
    const gz = e1[0]! * e2[1]! - e1[1]! * e2[0]!
    const mx = n[a]! + n[b]! + n[c]!
    const my = n[a + 1]! + n[b + 1]! + n[c + 1]!
    const mz = n[a + 2]! + n[b + 2]! + n[c + 2]!
    if (gx * mx + gy * my + gz * mz < 0) {
      index[t + 1] = c / 3
      index[t + 2] = b / 3
    }
  }
}

export function buildLesionGeometry(lesion: LesionGeometry, centre: readonly number[]): BufferGeometry {
  const g = lesion
  const seed = g.radius - g.semiAxesMm[2] / 2
  const ox = g.centre[0] * seed
  const oy = g.centre[1] * seed
  const oz = g.centre[2] * seed
  const positions: number[] = []
  const normals: number[] = []
  /** The solid's surface along the direction (dx, dy, dz) from the seed, with its normal. */
  const vertex = (dx: number, dy: number, dz: number) => {
    let inside = 0
    let outside = 0.5
    while (field(ox + dx * outside, oy + dy * outside, oz + dz * outside, g) < 0 && outside < 3 * g.radius) {
      inside = outside
      outside += 0.5
    }
    for (let k = 0; k < 14; k++) {
      const mid = (inside + outside) / 2
      if (field(ox + dx * mid, oy + dy * mid, oz + dz * mid, g) < 0) inside = mid
      else outside = mid
    }
    const t = (inside + outside) / 2
    const px = ox + dx * t
    const py = oy + dy * t
    const pz = oz + dz * t
    // Outward normal: the field's gradient.
    const e = 0.05
    const f0 = field(px, py, pz, g)
    const nx = field(px + e, py, pz, g) - f0
    const ny = field(px, py + e, pz, g) - f0
    const nz = field(px, py, pz + e, g) - f0
    const n = Math.hypot(nx, ny, nz) || 1
    positions.push(px + centre[0]!, py + centre[1]!, pz + centre[2]!)
    normals.push(nx / n, ny / n, nz / n)
  }
  // A UV sphere of directions: one vertex at each pole, rings in between.
  vertex(0, 1, 0)
  for (let i = 1; i < RINGS; i++) {
    const polar = (Math.PI * i) / RINGS
    for (let j = 0; j < SEGMENTS; j++) {
      const az = (2 * Math.PI * j) / SEGMENTS
      vertex(Math.sin(polar) * Math.cos(az), Math.cos(polar), Math.sin(polar) * Math.sin(az))
    }
  }
  vertex(0, -1, 0)
  const ring = (i: number, j: number) => 1 + (i - 1) * SEGMENTS + (j % SEGMENTS)
  const south = 1 + (RINGS - 1) * SEGMENTS
  const index: number[] = []
  for (let j = 0; j < SEGMENTS; j++) {
    index.push(0, ring(1, j), ring(1, j + 1))
    index.push(south, ring(RINGS - 1, j + 1), ring(RINGS - 1, j))
  }
  for (let i = 1; i < RINGS - 1; i++) {
    for (let j = 0; j < SEGMENTS; j++) {
      const a = ring(i, j)
      const b = ring(i, j + 1)
      const c = ring(i + 1, j)
      const d = ring(i + 1, j + 1)
      index.push(a, c, b, b, c, d)
    }
  }
  const p = new Float32Array(positions)
  const n = new Float32Array(normals)
  orientToNormals(index, p, n)
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(p, 3))
  geometry.setAttribute('normal', new BufferAttribute(n, 3))
  geometry.setIndex(index)
  return geometry
}
