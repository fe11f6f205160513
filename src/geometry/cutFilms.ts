/**
 * Films left by a cut: where a solid's surface lies on the planned cut surface (the socket's
 * cartilage ends at the bony socket, and the last acetabular reamer is sized to take exactly that
 * surface), what is left between the cutter's flat facets and the round surface they approximate
 * is a closed film a few micrometres thick — one piece, measured 0.01 mm thick over 5 000 mm² of
 * the cartilage after the 55-mm reamer. Drawn, it would fight the reamed bone lying on it for
 * every pixel; a reamer leaves no such film. So a piece of a cut solid whose mean thickness
 * (twice its volume over its area) is under FILM_MM is dropped. Pieces are found on the
 * triangles (one pass of union–find), not with manifold-3d's decompose (which re-evaluates the
 * boolean: 0.7 s on the femur), so a cut that leaves one piece costs a few milliseconds more.
 */

/** Thinner than this on average (mm), a piece of a cut solid is a film of the cut, not bone. */
export const FILM_MM = 0.05

function root(parent: Uint32Array, v: number): number {
  while (parent[v] !== v) {
    parent[v] = parent[parent[v]!]!
    v = parent[v]!
  }
  return v
}

/**
 * The triangles of `indices` without the pieces that are films. `props` holds x, y, z first in
 * every `stride` values; `mergeFrom`/`mergeTo` join vertices split at attribute seams (the same
 * point), so a piece is not cut in two at a seam.
 */
export function withoutFilms(props: ArrayLike<number>, stride: number, indices: Uint32Array, mergeFrom: ArrayLike<number>, mergeTo: ArrayLike<number>): Uint32Array {
  const count = props.length / stride
  const parent = new Uint32Array(count)
  for (let v = 0; v < count; v++) parent[v] = v
  const join = (a: number, b: number) => {
    const ra = root(parent, a), rb = root(parent, b)
    if (ra !== rb) parent[ra] = rb
  }
  for (let i = 0; i < mergeFrom.length; i++) join(mergeFrom[i]!, mergeTo[i]!)
  for (let t = 0; t < indices.length; t += 3) {
    join(indices[t]!, indices[t + 1]!)
    join(indices[t]!, indices[t + 2]!)
  }
  // Volume (divergence theorem) and area per piece, at its root vertex. A cavity's wall (the
  // femur's canal inside its cortex) is a piece of its own here, with a negative volume: its size
  // is what counts.
  const rootOf = new Uint32Array(count)
  for (let v = 0; v < count; v++) rootOf[v] = root(parent, v)
  const volume = new Float64Array(count)
  const area = new Float64Array(count)
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t]! * stride, b = indices[t + 1]! * stride, c = indices[t + 2]! * stride
    const ax = props[a]!, ay = props[a + 1]!, az = props[a + 2]!
    const bx = props[b]!, by = props[b + 1]!, bz = props[b + 2]!
    const cx = props[c]!, cy = props[c + 1]!, cz = props[c + 2]!
    const r = rootOf[indices[t]!]!
    volume[r]! += (ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx)) / 6
    const ux = bx - ax, uy = by - ay, uz = bz - az, wx = cx - ax, wy = cy - ay, wz = cz - az
    area[r]! += Math.hypot(uy * wz - uz * wy, uz * wx - ux * wz, ux * wy - uy * wx) / 2
  }
  const film = (r: number) => area[r]! > 0 && (2 * Math.abs(volume[r]!)) / area[r]! < FILM_MM
  let anyFilm = false
  for (let v = 0; v < count && !anyFilm; v++) if (rootOf[v] === v && film(v)) anyFilm = true
  if (!anyFilm) return indices
  const kept: number[] = []
  for (let t = 0; t < indices.length; t += 3) if (!film(rootOf[indices[t]!]!)) kept.push(indices[t]!, indices[t + 1]!, indices[t + 2]!)
  return Uint32Array.from(kept)
}
