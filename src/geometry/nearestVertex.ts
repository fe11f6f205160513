/**
 * The nearest vertex of a point cloud to a query point, through a uniform grid of buckets:
 * where the bone is cut, the new faces take their region (and shading) from the nearest vertex
 * of the uncut bone. Tens of thousands of queries take milliseconds.
 */
export class NearestVertex {
  private readonly buckets = new Map<number, number[]>()
  private readonly origin: [number, number, number]
  private readonly dims: [number, number, number]

  constructor(
    private readonly positions: Float32Array,
    private readonly cell = 3,
  ) {
    const min = [Infinity, Infinity, Infinity]
    const max = [-Infinity, -Infinity, -Infinity]
    for (let i = 0; i < positions.length; i += 3) {
      for (let k = 0; k < 3; k++) {
        min[k] = Math.min(min[k]!, positions[i + k]!)
        max[k] = Math.max(max[k]!, positions[i + k]!)
      }
    }
    this.origin = [min[0]!, min[1]!, min[2]!]
    this.dims = [0, 1, 2].map((k) => Math.max(1, Math.ceil((max[k]! - min[k]!) / cell) + 1)) as [number, number, number]
    for (let v = 0; v < positions.length / 3; v++) {
      const key = this.key(this.at(positions[v * 3]!, 0), this.at(positions[v * 3 + 1]!, 1), this.at(positions[v * 3 + 2]!, 2))
      const list = this.buckets.get(key)
      if (list) list.push(v)
      else this.buckets.set(key, [v])
    }
  }

  private at(x: number, k: number): number {
    return Math.min(this.dims[k]! - 1, Math.max(0, Math.floor((x - this.origin[k]!) / this.cell)))
  }

  private key(i: number, j: number, k: number): number {
    return (k * this.dims[1] + j) * this.dims[0] + i
  }

  /** Index of the nearest vertex (−1 only for an empty cloud). */
  find(x: number, y: number, z: number): number {
    const ci = this.at(x, 0), cj = this.at(y, 1), ck = this.at(z, 2)
    const P = this.positions
    let best = -1
    let bestD = Infinity
    const reach = Math.max(...this.dims)
    for (let shell = 0; shell <= reach; shell++) {
      for (let k = ck - shell; k <= ck + shell; k++) {
        if (k < 0 || k >= this.dims[2]) continue
        for (let j = cj - shell; j <= cj + shell; j++) {
          if (j < 0 || j >= this.dims[1]) continue
          for (let i = ci - shell; i <= ci + shell; i++) {
            if (i < 0 || i >= this.dims[0]) continue
            // Only the shell's surface: the inside was searched already.
            if (Math.max(Math.abs(i - ci), Math.abs(j - cj), Math.abs(k - ck)) !== shell) continue
            const list = this.buckets.get(this.key(i, j, k))
            if (!list) continue
            for (const v of list) {
              const d = (P[v * 3]! - x) ** 2 + (P[v * 3 + 1]! - y) ** 2 + (P[v * 3 + 2]! - z) ** 2
              if (d < bestD) {
                bestD = d
                best = v
              }
            }
          }
        }
      }
      // A vertex in a farther shell is at least `shell` cells away: stop once nothing can beat it.
      if (best >= 0 && Math.sqrt(bestD) <= shell * this.cell) break
    }
    return best
  }
}
