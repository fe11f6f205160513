/**
 * Baked vertex colour (COLOR_0) = ambient occlusion × subtle colour variation.
 *
 * AO is sampled from the scene's distance field along the normal (the classic SDF
 * occlusion estimate): cheap at build time, free per frame, and it survives a lost GPU
 * context, unlike screen-space AO. The variation is a deterministic value noise, so two
 * builds give the same bytes.
 */
import type { MeshData } from './meshData.ts'
import type { Sdf } from './sdf.ts'

function hash3(x: number, y: number, z: number): number {
  let h = (x * 374761393 + y * 668265263 + z * 2147483647) | 0
  h = Math.imul(h ^ (h >>> 13), 1274126177)
  h ^= h >>> 16
  return (h >>> 0) / 4294967295
}

/** Smooth 3-D value noise in [0, 1]. */
export function valueNoise(x: number, y: number, z: number): number {
  const xi = Math.floor(x), yi = Math.floor(y), zi = Math.floor(z)
  const fx = x - xi, fy = y - yi, fz = z - zi
  const sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy), sz = fz * fz * (3 - 2 * fz)
  let acc = 0
  for (let dz = 0; dz < 2; dz++)
    for (let dy = 0; dy < 2; dy++)
      for (let dx = 0; dx < 2; dx++) {
        const w = (dx ? sx : 1 - sx) * (dy ? sy : 1 - sy) * (dz ? sz : 1 - sz)
        acc += w * hash3(xi + dx, yi + dy, zi + dz)
      }
  return acc
}

export interface ShadingOptions {
  /** Strength of the colour variation (0 = none). */
  readonly variation: number
  /** Warm/cool tint of the variation (bone yellows a little where it is denser). */
  readonly tint: readonly [number, number, number]
  readonly aoStrength: number
}

export function bakeColors(m: MeshData, scene: Sdf, o: ShadingOptions): Float32Array {
  const P = m.positions
  const N = m.normals!
  const nv = P.length / 3
  const out = new Float32Array(nv * 3)
  const steps = [1.2, 2.8, 5.5, 10]
  for (let i = 0; i < nv; i++) {
    const x = P[i * 3]!, y = P[i * 3 + 1]!, z = P[i * 3 + 2]!
    const nx = N[i * 3]!, ny = N[i * 3 + 1]!, nz = N[i * 3 + 2]!
    let occ = 0
    let wsum = 0
    for (let k = 0; k < steps.length; k++) {
      const s = steps[k]!
      const d = scene(x + nx * s, y + ny * s, z + nz * s)
      const w = 1 / (k + 1)
      occ += (w * Math.max(0, s - d)) / s
      wsum += w
    }
    const ao = Math.max(0.25, 1 - o.aoStrength * (occ / wsum))
    const n1 = valueNoise(x / 14, y / 14, z / 14) - 0.5
    const n2 = valueNoise(x / 3.5 + 17, y / 3.5, z / 3.5) - 0.5
    const v = 1 + o.variation * (0.8 * n1 + 0.4 * n2)
    out[i * 3] = Math.min(1, ao * v * (1 + o.tint[0] * n1))
    out[i * 3 + 1] = Math.min(1, ao * v * (1 + o.tint[1] * n1))
    out[i * 3 + 2] = Math.min(1, ao * v * (1 + o.tint[2] * n1))
  }
  return out
}
