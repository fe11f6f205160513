/**
 * Narrow-band acceleration for level-set meshing.
 *
 * manifold-3d's levelSet calls the JS distance function ~2·(box/edge)³ times, single
 * threaded. Far from the surface only the sign matters, so we first sample a coarse grid
 * and interpolate it; the exact function runs only within `band` of the surface. With a
 * band wider than the coarse cell diagonal (times a safety factor for our not quite
 * Euclidean fields) the topology is unchanged and meshing is 4–5× faster.
 */
import type { Sdf } from './sdf.ts'

export interface Box {
  readonly min: [number, number, number]
  readonly max: [number, number, number]
}

export function narrowBand(f: Sdf, box: Box, cell = 3): Sdf {
  const nx = Math.ceil((box.max[0] - box.min[0]) / cell) + 2
  const ny = Math.ceil((box.max[1] - box.min[1]) / cell) + 2
  const nz = Math.ceil((box.max[2] - box.min[2]) / cell) + 2
  const ox = box.min[0] - cell * 0.5
  const oy = box.min[1] - cell * 0.5
  const oz = box.min[2] - cell * 0.5
  const grid = new Float32Array(nx * ny * nz)
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) grid[i + nx * (j + ny * k)] = f(ox + i * cell, oy + j * cell, oz + k * cell)
  const band = cell * Math.sqrt(3) * 1.6
  const inv = 1 / cell
  return (x, y, z) => {
    const fx = (x - ox) * inv
    const fy = (y - oy) * inv
    const fz = (z - oz) * inv
    const i = Math.min(nx - 2, Math.max(0, Math.floor(fx)))
    const j = Math.min(ny - 2, Math.max(0, Math.floor(fy)))
    const k = Math.min(nz - 2, Math.max(0, Math.floor(fz)))
    const tx = fx - i
    const ty = fy - j
    const tz = fz - k
    const b = i + nx * (j + ny * k)
    const sy = nx
    const sz = nx * ny
    const c00 = grid[b]! + (grid[b + 1]! - grid[b]!) * tx
    const c10 = grid[b + sy]! + (grid[b + sy + 1]! - grid[b + sy]!) * tx
    const c01 = grid[b + sz]! + (grid[b + sz + 1]! - grid[b + sz]!) * tx
    const c11 = grid[b + sy + sz]! + (grid[b + sy + sz + 1]! - grid[b + sy + sz]!) * tx
    const c0 = c00 + (c10 - c00) * ty
    const c1 = c01 + (c11 - c01) * ty
    const coarse = c0 + (c1 - c0) * tz
    if (coarse > band || coarse < -band) return coarse
    return f(x, y, z)
  }
}
