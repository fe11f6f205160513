/**
 * The disease shaders' value noise (`dzHash`, `dzNoise` in scene/disease/shaders.ts) in
 * TypeScript, in single precision as the GPU computes it (Math.fround after each operation), so
 * that the rules that mirror the shaders (./drawnTissue.ts) drop the same patches of worn
 * cartilage the picture drops.
 */
const f = Math.fround

const fract = (x: number): number => f(x - Math.floor(x))

function hash(x: number, y: number, z: number): number {
  let px = fract(f(f(x * f(0.3183099)) + f(0.1)))
  let py = fract(f(f(y * f(0.3183099)) + f(0.1)))
  let pz = fract(f(f(z * f(0.3183099)) + f(0.1)))
  px = f(px * 17)
  py = f(py * 17)
  pz = f(pz * 17)
  return fract(f(f(f(px * py) * pz) * f(f(px + py) + pz)))
}

const mix = (a: number, b: number, t: number): number => f(a + f(f(b - a) * t))

/** Smooth value noise at a point (0..1). */
export function shaderNoise(x: number, y: number, z: number): number {
  const ix = Math.floor(x)
  const iy = Math.floor(y)
  const iz = Math.floor(z)
  const s = (t: number) => f(f(t * t) * f(3 - f(2 * t)))
  const fx = s(fract(x))
  const fy = s(fract(y))
  const fz = s(fract(z))
  const h = (dx: number, dy: number, dz: number) => hash(ix + dx, iy + dy, iz + dz)
  return mix(
    mix(mix(h(0, 0, 0), h(1, 0, 0), fx), mix(h(0, 1, 0), h(1, 1, 0), fx), fy),
    mix(mix(h(0, 0, 1), h(1, 0, 1), fx), mix(h(0, 1, 1), h(1, 1, 1), fx), fy),
    fz,
  )
}
