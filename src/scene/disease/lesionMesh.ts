/**
 * The necrotic lesion as a solid (for the see-through view): the subchondral wedge of
 * domain/lesion/geometry.ts — the part of a cone from the head centre (axis, half-angle θ)
 * between the radii (1 − depthFraction)·R and just under the subchondral plate. Built once
 * per lesion choice, in the model frame; the caller disposes the old one.
 */
import { BufferAttribute, BufferGeometry, Quaternion, Vector3 } from 'three'
import type { LesionGeometry } from '../../domain/lesion/geometry.ts'

const RINGS = 14
const SEGMENTS = 48
/** Depth of the outer cap under the bony surface, mm: it stays inside the bone. */
export const UNDER_PLATE_MM = 0.8

export function buildLesionGeometry(lesion: LesionGeometry, centre: readonly number[], radius: number): BufferGeometry {
  const theta = (lesion.halfExtentDeg * Math.PI) / 180
  const outer = radius - UNDER_PLATE_MM
  const inner = (1 - lesion.depthFraction) * radius
  const positions: number[] = []
  const index: number[] = []
  const rotate = new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), new Vector3(...lesion.centre).normalize())
  const v = new Vector3()
  const push = (r: number, a: number, phi: number) => {
    v.set(Math.sin(a) * Math.cos(phi), Math.cos(a), Math.sin(a) * Math.sin(phi)).multiplyScalar(r).applyQuaternion(rotate)
    positions.push(v.x + centre[0]!, v.y + centre[1]!, v.z + centre[2]!)
    return positions.length / 3 - 1
  }
  // A grid of (ring, segment) at one radius; `flip` turns its faces inward.
  const cap = (r: number, flip: boolean) => {
    const start = positions.length / 3
    for (let i = 0; i <= RINGS; i++) for (let j = 0; j < SEGMENTS; j++) push(r, (theta * i) / RINGS, (2 * Math.PI * j) / SEGMENTS)
    for (let i = 0; i < RINGS; i++) {
      for (let j = 0; j < SEGMENTS; j++) {
        const a = start + i * SEGMENTS + j
        const b = start + i * SEGMENTS + ((j + 1) % SEGMENTS)
        const c = a + SEGMENTS
        const d = b + SEGMENTS
        if (flip) index.push(a, b, c, b, d, c)
        else index.push(a, c, b, b, c, d)
      }
    }
    return start + RINGS * SEGMENTS // first vertex of the rim ring
  }
  const outerRim = cap(outer, false)
  const innerRim = cap(inner, true)
  // Side: the cone between the two rims.
  for (let j = 0; j < SEGMENTS; j++) {
    const a = outerRim + j
    const b = outerRim + ((j + 1) % SEGMENTS)
    const c = innerRim + j
    const d = innerRim + ((j + 1) % SEGMENTS)
    index.push(a, c, b, b, c, d)
  }
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3))
  geometry.setIndex(index)
  geometry.computeVertexNormals()
  return geometry
}
