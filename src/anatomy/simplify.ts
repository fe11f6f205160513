/**
 * Simplification with meshoptimizer. Level sets produce many tiny, evenly sized
 * triangles; we keep them where the app will deform or drill (the femoral head: locked
 * vertices) and thin them elsewhere, within a geometric error in mm.
 */
import { MeshoptSimplifier } from 'meshoptimizer'
import type { MeshData } from './meshData.ts'

export interface SimplifyOptions {
  /** Wanted triangle count (upper bound; the error limit may stop earlier). */
  targetTriangles: number
  /** Maximum deviation in mm. */
  maxErrorMm: number
  /** Vertices that must not move or disappear. */
  lock?: (x: number, y: number, z: number) => boolean
}

export async function simplifyMesh(m: MeshData, o: SimplifyOptions): Promise<MeshData> {
  await MeshoptSimplifier.ready
  const nv = m.positions.length / 3
  let lock: Uint8Array | null = null
  if (o.lock) {
    lock = new Uint8Array(nv)
    for (let i = 0; i < nv; i++) lock[i] = o.lock(m.positions[i * 3]!, m.positions[i * 3 + 1]!, m.positions[i * 3 + 2]!) ? 1 : 0
  }
  const scale = MeshoptSimplifier.getScale(m.positions, 3)
  const [indices] = MeshoptSimplifier.simplifyWithAttributes(
    m.indices,
    m.positions,
    3,
    new Float32Array(0),
    0,
    [],
    lock,
    Math.min(m.indices.length, o.targetTriangles * 3),
    o.maxErrorMm / scale,
    [],
  )
  return compact({ positions: m.positions, indices })
}

/** Drops unreferenced vertices. */
export function compact(m: MeshData): MeshData {
  const nv = m.positions.length / 3
  const remap = new Int32Array(nv).fill(-1)
  let count = 0
  const indices = new Uint32Array(m.indices.length)
  for (let i = 0; i < m.indices.length; i++) {
    const v = m.indices[i]!
    if (remap[v] === -1) remap[v] = count++
    indices[i] = remap[v]!
  }
  const positions = new Float32Array(count * 3)
  for (let v = 0; v < nv; v++) {
    const r = remap[v]!
    if (r >= 0) positions.set(m.positions.subarray(v * 3, v * 3 + 3), r * 3)
  }
  return { positions, indices }
}
