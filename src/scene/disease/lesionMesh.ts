/**
 * The necrotic lesion as a solid (for the X-ray view): the subchondral wedge of
 * domain/lesion/geometry.ts — the part of a cone from the head centre (axis, half-angle θ)
 * between the radii (1 − depthFraction)·R and just under the subchondral plate. Built once
 * per lesion choice, in the model frame, with exact normals; the caller disposes the old one.
 */
import { BufferAttribute, BufferGeometry, Quaternion, Vector3 } from 'three'
import type { LesionGeometry } from '../../domain/lesion/geometry.ts'

const RINGS = 14
const SEGMENTS = 48
/** Depth of the outer cap under the bony surface, mm: it stays inside the bone. */
export const UNDER_PLATE_MM = 0.8

/** Winds every triangle so that its front face agrees with its vertex normals. */
function orientToNormals(index: number[], p: number[], n: number[]): void {
  for (let t = 0; t < index.length; t += 3) {
    const [a, b, c] = [index[t]! * 3, index[t + 1]! * 3, index[t + 2]! * 3]
    const e1 = [p[b]! - p[a]!, p[b + 1]! - p[a + 1]!, p[b + 2]! - p[a + 2]!]
    const e2 = [p[c]! - p[a]!, p[c + 1]! - p[a + 1]!, p[c + 2]! - p[a + 2]!]
    const g = [e1[1]! * e2[2]! - e1[2]! * e2[1]!, e1[2]! * e2[0]! - e1[0]! * e2[2]!, e1[0]! * e2[1]! - e1[1]! * e2[0]!]
    const m = [n[a]! + n[b]! + n[c]!, n[a + 1]! + n[b + 1]! + n[c + 1]!, n[a + 2]! + n[b + 2]! + n[c + 2]!]
    if (g[0]! * m[0]! + g[1]! * m[1]! + g[2]! * m[2]! < 0) {
      index[t + 1] = c / 3
      index[t + 2] = b / 3
    }
  }
}

export function buildLesionGeometry(lesion: LesionGeometry, centre: readonly number[], radius: number): BufferGeometry {
  const theta = (lesion.halfExtentDeg * Math.PI) / 180
  const outer = radius - UNDER_PLATE_MM
  const inner = (1 - lesion.depthFraction) * radius
  const positions: number[] = []
  const normals: number[] = []
  const index: number[] = []
  const rotate = new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), new Vector3(...lesion.centre).normalize())
  const v = new Vector3()
  const n = new Vector3()
  const dir = (a: number, phi: number) => v.set(Math.sin(a) * Math.cos(phi), Math.cos(a), Math.sin(a) * Math.sin(phi))
  const vertex = (p: Vector3, normal: Vector3) => {
    p.applyQuaternion(rotate)
    normal.applyQuaternion(rotate)
    positions.push(p.x + centre[0]!, p.y + centre[1]!, p.z + centre[2]!)
    normals.push(normal.x, normal.y, normal.z)
  }
  // A quad grid over (rows × SEGMENTS, wrapping around); `flip` reverses the winding.
  const grid = (start: number, rows: number, flip: boolean) => {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < SEGMENTS; j++) {
        const a = start + i * SEGMENTS + j
        const b = start + i * SEGMENTS + ((j + 1) % SEGMENTS)
        const c = a + SEGMENTS
        const d = b + SEGMENTS
        if (flip) index.push(a, b, c, b, d, c)
        else index.push(a, c, b, b, c, d)
      }
    }
  }
  // Spherical caps: normals along the radius (out for the outer cap, in for the inner one).
  for (const [r, sign] of [[outer, 1], [inner, -1]] as const) {
    const start = positions.length / 3
    for (let i = 0; i <= RINGS; i++) {
      for (let j = 0; j < SEGMENTS; j++) {
        // Start just off the pole so no triangle is degenerate.
        const a = Math.max(1e-3, (theta * i) / RINGS)
        dir(a, (2 * Math.PI * j) / SEGMENTS)
        n.copy(v).multiplyScalar(sign)
        vertex(v.clone().multiplyScalar(r), n.clone())
      }
    }
    grid(start, RINGS, sign < 0)
  }
  // Side: the cone between the rims; its normal points away from the axis.
  const side = positions.length / 3
  for (const r of [outer, inner]) {
    for (let j = 0; j < SEGMENTS; j++) {
      const phi = (2 * Math.PI * j) / SEGMENTS
      n.set(Math.cos(theta) * Math.cos(phi), -Math.sin(theta), Math.cos(theta) * Math.sin(phi))
      dir(theta, phi)
      vertex(v.clone().multiplyScalar(r), n.clone())
    }
  }
  grid(side, 1, false)
  orientToNormals(index, positions, normals)
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3))
  geometry.setAttribute('normal', new BufferAttribute(new Float32Array(normals), 3))
  geometry.setIndex(index)
  return geometry
}
