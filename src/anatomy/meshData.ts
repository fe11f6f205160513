/**
 * The plain indexed triangle mesh every stage passes along: positions in mm (model
 * frame) and counter-clockwise triangles seen from outside. Optional per-vertex data is
 * added by later stages (normals, colours, regions, texture coordinates).
 */
export interface MeshData {
  positions: Float32Array
  indices: Uint32Array
  normals?: Float32Array
  colors?: Float32Array
  regions?: Uint8Array
  uvs?: Float32Array
}

export const triangleCount = (m: MeshData): number => m.indices.length / 3
export const vertexCount = (m: MeshData): number => m.positions.length / 3

/** Concatenates meshes (disjoint shells stay disjoint). Attributes present on all are kept. */
export function mergeMeshes(parts: readonly MeshData[]): MeshData {
  let nv = 0
  let ni = 0
  for (const p of parts) {
    nv += p.positions.length / 3
    ni += p.indices.length
  }
  const out: MeshData = { positions: new Float32Array(nv * 3), indices: new Uint32Array(ni) }
  const all = <K extends keyof MeshData>(k: K) => parts.every((p) => p[k] !== undefined)
  if (all('normals')) out.normals = new Float32Array(nv * 3)
  if (all('colors')) out.colors = new Float32Array(nv * 3)
  if (all('regions')) out.regions = new Uint8Array(nv)
  if (all('uvs')) out.uvs = new Float32Array(nv * 2)
  let vo = 0
  let io = 0
  for (const p of parts) {
    const n = p.positions.length / 3
    out.positions.set(p.positions, vo * 3)
    if (out.normals) out.normals.set(p.normals!, vo * 3)
    if (out.colors) out.colors.set(p.colors!, vo * 3)
    if (out.regions) out.regions.set(p.regions!, vo)
    if (out.uvs) out.uvs.set(p.uvs!, vo * 2)
    for (let i = 0; i < p.indices.length; i++) out.indices[io + i] = p.indices[i]! + vo
    vo += n
    io += p.indices.length
  }
  return out
}

/** Reverses triangle winding (for the inner wall of a hollow shell). */
export function flipped(m: MeshData): MeshData {
  const idx = new Uint32Array(m.indices.length)
  for (let i = 0; i < idx.length; i += 3) {
    idx[i] = m.indices[i]!
    idx[i + 1] = m.indices[i + 2]!
    idx[i + 2] = m.indices[i + 1]!
  }
  const out: MeshData = { ...m, indices: idx }
  if (m.normals) out.normals = m.normals.map((v) => -v)
  return out
}
