/**
 * A surface that wraps a centre (a cartilage sheet on its bony sphere), written into an
 * equirectangular map of its radius by direction: each triangle is laid out in the map's
 * (u, v) plane by its corners' directions and rasterised at the texel centres it covers, its
 * radius interpolated across it. The triangles tile the surface, so every texel under the surface
 * gets a value (the map's texels are larger than the triangles). Pure; no three.js.
 *
 * The map's layout (u about +Y from −X through +Z, v from +Y down) is the caller's: it must be
 * the one its reader uses (scene/disease/cartilageMapLayout.ts).
 */

export interface SphereMap {
  readonly width: number
  readonly height: number
  /** Radius per texel (row-major, v rows), NaN where the surface does not reach. */
  readonly radius: Float32Array
}

export function emptySphereMap(width: number, height: number): SphereMap {
  return { width, height, radius: new Float32Array(width * height).fill(Number.NaN) }
}

/**
 * Writes triangles [from, to) of a mesh into `map`: those whose three corners `keep` accepts (by
 * radius from `centre`), keeping the larger radius per texel (`larger`) or the smaller. `positions`
 * are in the map's frame (x, y, z per vertex).
 */
export function rasteriseIntoSphereMap(
  map: SphereMap,
  positions: ArrayLike<number>,
  index: ArrayLike<number>,
  centre: readonly [number, number, number],
  keep: (radius: number) => boolean,
  larger: boolean,
  from = 0,
  to = index.length / 3,
): void {
  const { width: W, height: H, radius: out } = map
  const u = [0, 0, 0], v = [0, 0, 0], r = [0, 0, 0]
  for (let t = from; t < to; t++) {
    let kept = true
    for (let k = 0; k < 3; k++) {
      const i = index[3 * t + k]! * 3
      const x = positions[i]! - centre[0], y = positions[i + 1]! - centre[1], z = positions[i + 2]! - centre[2]
      const len = Math.hypot(x, y, z)
      if (!(len > 1e-9) || !keep(len)) {
        kept = false
        break
      }
      r[k] = len
      u[k] = Math.atan2(z, x) / (2 * Math.PI) + 0.5
      v[k] = Math.acos(Math.max(-1, Math.min(1, y / len))) / Math.PI
    }
    if (!kept) continue
    // Across the seam (u wraps at 0/1): lay the corners out on one side of it.
    const uMax = Math.max(u[0]!, u[1]!, u[2]!)
    for (let k = 0; k < 3; k++) if (uMax - u[k]! > 0.5) u[k]! += 1
    const [u0, u1, u2] = u as [number, number, number]
    const [v0, v1, v2] = v as [number, number, number]
    const det = (u1 - u0) * (v2 - v0) - (u2 - u0) * (v1 - v0)
    if (Math.abs(det) < 1e-14) continue
    const iFrom = Math.ceil(Math.min(u0, u1, u2) * W - 0.5), iTo = Math.floor(Math.max(u0, u1, u2) * W - 0.5)
    const jFrom = Math.max(0, Math.ceil(Math.min(v0, v1, v2) * H - 0.5)), jTo = Math.min(H - 1, Math.floor(Math.max(v0, v1, v2) * H - 0.5))
    for (let j = jFrom; j <= jTo; j++) {
      const vc = (j + 0.5) / H
      for (let i = iFrom; i <= iTo; i++) {
        const uc = (i + 0.5) / W
        // Barycentric weights of the texel centre; a hair outside counts (shared edges).
        const b1 = ((uc - u0) * (v2 - v0) - (u2 - u0) * (vc - v0)) / det
        const b2 = ((u1 - u0) * (vc - v0) - (uc - u0) * (v1 - v0)) / det
        const b0 = 1 - b1 - b2
        if (b0 < -1e-6 || b1 < -1e-6 || b2 < -1e-6) continue
        const value = b0 * r[0]! + b1 * r[1]! + b2 * r[2]!
        const k = j * W + (((i % W) + W) % W)
        const old = out[k]!
        if (Number.isNaN(old) || (larger ? value > old : value < old)) out[k] = value
      }
    }
  }
}
