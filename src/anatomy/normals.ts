/**
 * Vertex normals.
 *
 * Bones come from a distance field, so their normals are its gradient: smooth, with no
 * triangulation speckle at glancing angles (a failure of the first experiment). Meshes
 * built from parametric sweeps get angle-weighted normals with creases above ~50°, so
 * the edges of cut faces and caps stay crisp instead of "melted".
 */
import type { MeshData } from './meshData.ts'
import { gradient, type Sdf } from './sdf.ts'

export function fieldNormals(m: MeshData, f: Sdf, h = 0.3): Float32Array {
  const nv = m.positions.length / 3
  const out = new Float32Array(nv * 3)
  for (let i = 0; i < nv; i++) {
    const g = gradient(f, m.positions[i * 3]!, m.positions[i * 3 + 1]!, m.positions[i * 3 + 2]!, h)
    const l = Math.hypot(g[0], g[1], g[2]) || 1
    out[i * 3] = g[0] / l
    out[i * 3 + 1] = g[1] / l
    out[i * 3 + 2] = g[2] / l
  }
  return out
}

/**
 * Splits vertices along edges sharper than `creaseDeg` and computes angle-weighted
 * normals per smooth group. Returns a new mesh (more vertices, same triangles).
 */
export function creasedNormals(m: MeshData, creaseDeg = 50): MeshData {
  const P = m.positions
  const I = m.indices
  const nt = I.length / 3
  const fn = new Float32Array(nt * 3)
  for (let t = 0; t < nt; t++) {
    const a = I[t * 3]! * 3
    const b = I[t * 3 + 1]! * 3
    const c = I[t * 3 + 2]! * 3
    const ux = P[b]! - P[a]!, uy = P[b + 1]! - P[a + 1]!, uz = P[b + 2]! - P[a + 2]!
    const vx = P[c]! - P[a]!, vy = P[c + 1]! - P[a + 1]!, vz = P[c + 2]! - P[a + 2]!
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx
    const l = Math.hypot(nx, ny, nz) || 1
    fn[t * 3] = nx / l
    fn[t * 3 + 1] = ny / l
    fn[t * 3 + 2] = nz / l
  }
  // Triangles around each vertex.
  const nv = P.length / 3
  const start = new Uint32Array(nv + 1)
  for (let i = 0; i < I.length; i++) start[I[i]! + 1]!++
  for (let v = 0; v < nv; v++) start[v + 1]! += start[v]!
  const fill = start.slice(0, nv)
  const corner = new Uint32Array(I.length)
  for (let i = 0; i < I.length; i++) corner[fill[I[i]!]!++] = i
  const cosCrease = Math.cos((creaseDeg * Math.PI) / 180)
  const newIndex = new Uint32Array(I.length)
  const pos: number[] = []
  const nor: number[] = []
  const extra = m.uvs ? [] as number[] : null
  const regions = m.regions ? [] as number[] : null
  const colors = m.colors ? [] as number[] : null
  const group = new Int32Array(I.length).fill(-1)
  for (let v = 0; v < nv; v++) {
    const cs = corner.subarray(start[v]!, start[v + 1]!)
    for (const c0 of cs) {
      if (group[c0]! >= 0) continue
      // Group = corners whose face normal is within the crease angle of this seed.
      const t0 = (c0 / 3) | 0
      let sx = 0, sy = 0, sz = 0
      const members: number[] = []
      for (const c of cs) {
        if (group[c]! >= 0) continue
        const t = (c / 3) | 0
        const d = fn[t * 3]! * fn[t0 * 3]! + fn[t * 3 + 1]! * fn[t0 * 3 + 1]! + fn[t * 3 + 2]! * fn[t0 * 3 + 2]!
        if (d < cosCrease) continue
        members.push(c)
        // angle weight at this corner
        const i0 = I[c]! * 3
        const base = t * 3
        const k = c - base
        const i1 = I[base + ((k + 1) % 3)]! * 3
        const i2 = I[base + ((k + 2) % 3)]! * 3
        const ax = P[i1]! - P[i0]!, ay = P[i1 + 1]! - P[i0 + 1]!, az = P[i1 + 2]! - P[i0 + 2]!
        const bx = P[i2]! - P[i0]!, by = P[i2 + 1]! - P[i0 + 1]!, bz = P[i2 + 2]! - P[i0 + 2]!
        const la = Math.hypot(ax, ay, az) || 1
        const lb = Math.hypot(bx, by, bz) || 1
        const w = Math.acos(Math.max(-1, Math.min(1, (ax * bx + ay * by + az * bz) / (la * lb))))
        sx += fn[t * 3]! * w
        sy += fn[t * 3 + 1]! * w
        sz += fn[t * 3 + 2]! * w
      }
      const id = pos.length / 3
      const l = Math.hypot(sx, sy, sz) || 1
      pos.push(P[v * 3]!, P[v * 3 + 1]!, P[v * 3 + 2]!)
      nor.push(sx / l, sy / l, sz / l)
      if (extra) extra.push(m.uvs![v * 2]!, m.uvs![v * 2 + 1]!)
      if (regions) regions.push(m.regions![v]!)
      if (colors) colors.push(m.colors![v * 3]!, m.colors![v * 3 + 1]!, m.colors![v * 3 + 2]!)
      for (const c of members) {
        group[c] = id
        newIndex[c] = id
      }
    }
  }
  const out: MeshData = { positions: new Float32Array(pos), indices: newIndex, normals: new Float32Array(nor) }
  if (extra) out.uvs = new Float32Array(extra)
  if (regions) out.regions = new Uint8Array(regions)
  if (colors) out.colors = new Float32Array(colors)
  return out
}

/**
 * For shells built on the joint sphere (cartilage): snaps the normals of the two big
 * surfaces to the exact radial direction (inward for the articular side of the socket),
 * leaving the narrow side strips creased. Thickness varies by ~1 mm over tens of mm, so
 * the radial normal is within ~2° of the true one, and it hides the parametrisation
 * (meridians of the grid showed as faint lines with face-averaged normals).
 */
export function snapRadialNormals(m: MeshData, cosLimit = 0.8): MeshData {
  const P = m.positions
  const N = m.normals!
  for (let i = 0; i < P.length; i += 3) {
    const r = Math.hypot(P[i]!, P[i + 1]!, P[i + 2]!) || 1
    const rx = P[i]! / r, ry = P[i + 1]! / r, rz = P[i + 2]! / r
    const d = rx * N[i]! + ry * N[i + 1]! + rz * N[i + 2]!
    if (d > cosLimit) {
      N[i] = rx
      N[i + 1] = ry
      N[i + 2] = rz
    } else if (d < -cosLimit) {
      N[i] = -rx
      N[i + 1] = -ry
      N[i + 2] = -rz
    }
  }
  return m
}
