/**
 * Closed meshes from parametric grids, for the soft tissues we build analytically
 * (cartilage, capsule, labrum): exact thickness where it matters and watertight by
 * construction. Orientation is checked by signed volume and fixed if needed.
 */
import type { MeshData } from './meshData.ts'
import type { V3 } from './vec.ts'

/**
 * Thick shell between an outer and an inner grid of the same shape (rows × cols);
 * `periodic` joins the last column to the first. Side strips close every open border.
 */
export function shellFromGrids(outer: readonly V3[][], inner: readonly V3[][], periodic: boolean): MeshData {
  const M = outer.length - 1
  const cols = outer[0]!.length
  const pos: number[] = []
  const push = (p: V3) => {
    pos.push(p[0], p[1], p[2])
  }
  for (const row of outer) for (const p of row) push(p)
  for (const row of inner) for (const p of row) push(p)
  const nO = (M + 1) * cols
  const O = (i: number, j: number) => i * cols + (periodic ? j % cols : j)
  const I = (i: number, j: number) => nO + O(i, j)
  const idx: number[] = []
  const jMax = periodic ? cols : cols - 1
  for (let i = 0; i < M; i++)
    for (let j = 0; j < jMax; j++) {
      const a = O(i, j), b = O(i + 1, j), c = O(i + 1, j + 1), d = O(i, j + 1)
      idx.push(a, b, c, a, c, d)
      const a2 = I(i, j), b2 = I(i + 1, j), c2 = I(i + 1, j + 1), d2 = I(i, j + 1)
      idx.push(a2, c2, b2, a2, d2, c2)
    }
  for (let j = 0; j < jMax; j++) {
    idx.push(O(0, j), O(0, j + 1), I(0, j + 1), O(0, j), I(0, j + 1), I(0, j))
    idx.push(O(M, j + 1), O(M, j), I(M, j), O(M, j + 1), I(M, j), I(M, j + 1))
  }
  if (!periodic) {
    const N = cols - 1
    for (let i = 0; i < M; i++) {
      idx.push(O(i + 1, 0), O(i, 0), I(i, 0), O(i + 1, 0), I(i, 0), I(i + 1, 0))
      idx.push(O(i, N), O(i + 1, N), I(i + 1, N), O(i, N), I(i + 1, N), I(i, N))
    }
  }
  return orientOutward({ positions: new Float32Array(pos), indices: new Uint32Array(idx) })
}

/** Closed tube from rings of points (each ring a closed polygon), capped at both ends. */
export function ringsToMesh(rings: readonly V3[][]): MeshData {
  const K = rings[0]!.length
  const pos: number[] = []
  for (const r of rings) for (const p of r) pos.push(p[0], p[1], p[2])
  const idx: number[] = []
  for (let i = 0; i + 1 < rings.length; i++)
    for (let k = 0; k < K; k++) {
      const a = i * K + k, b = i * K + ((k + 1) % K), c = (i + 1) * K + k, d = (i + 1) * K + ((k + 1) % K)
      idx.push(a, b, c, b, d, c)
    }
  for (const [i, flip] of [[0, false], [rings.length - 1, true]] as const) {
    const c = pos.length / 3
    const r = rings[i]!
    let cx = 0, cy = 0, cz = 0
    for (const p of r) {
      cx += p[0] / K
      cy += p[1] / K
      cz += p[2] / K
    }
    pos.push(cx, cy, cz)
    for (let k = 0; k < K; k++) {
      const a = i * K + k, b = i * K + ((k + 1) % K)
      if (flip) idx.push(c, a, b)
      else idx.push(c, b, a)
    }
  }
  return orientOutward({ positions: new Float32Array(pos), indices: new Uint32Array(idx) })
}

export function signedVolume(m: MeshData): number {
  const P = m.positions
  const I = m.indices
  let v = 0
  for (let t = 0; t < I.length; t += 3) {
    const a = I[t]! * 3, b = I[t + 1]! * 3, c = I[t + 2]! * 3
    v +=
      P[a]! * (P[b + 1]! * P[c + 2]! - P[b + 2]! * P[c + 1]!) -
      P[a + 1]! * (P[b]! * P[c + 2]! - P[b + 2]! * P[c]!) +
      P[a + 2]! * (P[b]! * P[c + 1]! - P[b + 1]! * P[c]!)
  }
  return v / 6
}

export function orientOutward(m: MeshData): MeshData {
  if (signedVolume(m) >= 0) return m
  const idx = new Uint32Array(m.indices.length)
  for (let t = 0; t < idx.length; t += 3) {
    idx[t] = m.indices[t]!
    idx[t + 1] = m.indices[t + 2]!
    idx[t + 2] = m.indices[t + 1]!
  }
  return { ...m, indices: idx }
}
