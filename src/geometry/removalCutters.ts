/**
 * Each bone removal of a treatment (domain/treatment/frame.ts) as a closed triangle mesh for the
 * boolean subtraction (./subtractBone.ts), with an outward unit normal per vertex. Where two
 * faces meet at a crease (the rim of a tunnel's flat end, a box's edges) each face has its own
 * vertices, so the tunnel wall shades round and its end flat; `merge` pairs those duplicates so
 * the boolean still sees one closed solid. Pure arithmetic: no three.js, no WebAssembly.
 */
import type { BoneRemoval, Vec3 } from '../domain/treatment/frame.ts'

export interface CutterMesh {
  /** x, y, z per vertex (model frame, mm). */
  readonly positions: Float32Array
  /** Outward unit normal per vertex. */
  readonly normals: Float32Array
  /** Counter-clockwise seen from outside. */
  readonly indices: Uint32Array
  /** Vertex `mergeFrom[i]` lies where `mergeTo[i]` lies (a crease's duplicate). */
  readonly mergeFrom: Uint32Array
  readonly mergeTo: Uint32Array
}

/**
 * Facets around a circle: enough that the flat between two facet corners sinks at most
 * FACET_SAG_MM below the planned round surface (a tunnel of 10 mm measures 10 mm, not 9.9).
 */
const FACET_SAG_MM = 0.01
const MIN_SEGMENTS = 24
const MAX_SEGMENTS = 160

export function segmentsFor(radius: number): number {
  // sag = r (1 − cos(π/n)) ≈ r π² / (2 n²)
  const n = Math.ceil(Math.PI * Math.sqrt(radius / (2 * FACET_SAG_MM)))
  return Math.min(MAX_SEGMENTS, Math.max(MIN_SEGMENTS, n + (n % 2)))
}

const sub = (a: Vec3, b: Vec3): [number, number, number] => [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
const cross = (a: Vec3, b: Vec3): [number, number, number] => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
function unit(a: Vec3): [number, number, number] {
  const l = Math.hypot(a[0], a[1], a[2])
  if (!(l > 0)) throw new Error('a bone removal has a zero-length axis')
  return [a[0] / l, a[1] / l, a[2] / l]
}

/** Two unit vectors perpendicular to `u` and to each other, (e1, e2, u) right-handed. */
function frameAround(u: Vec3): [[number, number, number], [number, number, number]] {
  const helper: Vec3 = Math.abs(u[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0]
  const e1 = unit(cross(helper, u))
  return [e1, cross(u, e1)]
}

/** Whether three axes form a left-handed frame (the contract asks for right-handed ones). */
function leftHanded([a, b, c]: readonly [Vec3, Vec3, Vec3]): boolean {
  const n = cross(a, b)
  return n[0] * c[0] + n[1] * c[1] + n[2] * c[2] < 0
}

class Builder {
  readonly p: number[] = []
  readonly n: number[] = []
  readonly t: number[] = []
  readonly from: number[] = []
  readonly to: number[] = []
  vertex(p: Vec3, n: Vec3): number {
    this.p.push(p[0], p[1], p[2])
    this.n.push(n[0], n[1], n[2])
    return this.p.length / 3 - 1
  }
  tri(a: number, b: number, c: number): void {
    this.t.push(a, b, c)
  }
  same(duplicate: number, original: number): void {
    this.from.push(duplicate)
    this.to.push(original)
  }
  /** `mirrored`: the axes given were left-handed, so every triangle is turned to face out again. */
  done(mirrored = false): CutterMesh {
    if (mirrored) for (let i = 0; i < this.t.length; i += 3) [this.t[i + 1], this.t[i + 2]] = [this.t[i + 2]!, this.t[i + 1]!]
    return {
      positions: Float32Array.from(this.p),
      normals: Float32Array.from(this.n),
      indices: Uint32Array.from(this.t),
      mergeFrom: Uint32Array.from(this.from),
      mergeTo: Uint32Array.from(this.to),
    }
  }
}

function cylinder(from: Vec3, to: Vec3, radius: number): CutterMesh {
  const u = unit(sub(to, from))
  const [e1, e2] = frameAround(u)
  const n = segmentsFor(radius)
  const b = new Builder()
  const ring = (centre: Vec3, i: number): [number, number, number] => {
    const a = (2 * Math.PI * i) / n
    const c = Math.cos(a)
    const s = Math.sin(a)
    return [centre[0] + radius * (c * e1[0] + s * e2[0]), centre[1] + radius * (c * e1[1] + s * e2[1]), centre[2] + radius * (c * e1[2] + s * e2[2])]
  }
  const radial = (i: number): [number, number, number] => {
    const a = (2 * Math.PI * i) / n
    return [Math.cos(a) * e1[0] + Math.sin(a) * e2[0], Math.cos(a) * e1[1] + Math.sin(a) * e2[1], Math.cos(a) * e1[2] + Math.sin(a) * e2[2]]
  }
  const wallFrom: number[] = []
  const wallTo: number[] = []
  for (let i = 0; i < n; i++) {
    wallFrom.push(b.vertex(ring(from, i), radial(i)))
    wallTo.push(b.vertex(ring(to, i), radial(i)))
  }
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n
    // (e1, e2, u) right-handed: the ring turns counter-clockwise seen from `to`.
    b.tri(wallFrom[i]!, wallFrom[j]!, wallTo[j]!)
    b.tri(wallFrom[i]!, wallTo[j]!, wallTo[i]!)
  }
  const down: Vec3 = [-u[0], -u[1], -u[2]]
  const capFrom = b.vertex(from, down)
  const capTo = b.vertex(to, u)
  const rimFrom: number[] = []
  const rimTo: number[] = []
  for (let i = 0; i < n; i++) {
    rimFrom.push(b.vertex(ring(from, i), down))
    b.same(rimFrom[i]!, wallFrom[i]!)
    rimTo.push(b.vertex(ring(to, i), u))
    b.same(rimTo[i]!, wallTo[i]!)
  }
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n
    b.tri(capTo, rimTo[i]!, rimTo[j]!)
    b.tri(capFrom, rimFrom[j]!, rimFrom[i]!)
  }
  return b.done()
}

/** A UV sphere mapped onto the ellipsoid; normals are the field's gradient (round shading). */
function ellipsoid(centre: Vec3, axes: readonly [Vec3, Vec3, Vec3], radii: Vec3): CutterMesh {
  const n = segmentsFor(Math.max(...radii))
  const rings = n / 2
  const b = new Builder()
  const place = (x: number, y: number, z: number): { p: Vec3; n: Vec3 } => {
    const [a, c, d] = axes
    const lx = x * radii[0], ly = y * radii[1], lz = z * radii[2]
    const p: Vec3 = [
      centre[0] + lx * a[0] + ly * c[0] + lz * d[0],
      centre[1] + lx * a[1] + ly * c[1] + lz * d[1],
      centre[2] + lx * a[2] + ly * c[2] + lz * d[2],
    ]
    // Gradient of (x/rx)² + …: the local normal is (x/rx, y/ry, z/rz) on the unit sphere's point.
    const gx = x / radii[0], gy = y / radii[1], gz = z / radii[2]
    const g = unit([gx * a[0] + gy * c[0] + gz * d[0], gx * a[1] + gy * c[1] + gz * d[1], gx * a[2] + gy * c[2] + gz * d[2]])
    return { p, n: g }
  }
  const pole = (z: number) => {
    const v = place(0, 0, z)
    return b.vertex(v.p, v.n)
  }
  const south = pole(-1)
  const grid: number[][] = []
  for (let r = 1; r < rings; r++) {
    const theta = Math.PI * (r / rings) // from the south pole
    const row: number[] = []
    for (let i = 0; i < n; i++) {
      const phi = (2 * Math.PI * i) / n
      const v = place(Math.sin(theta) * Math.cos(phi), Math.sin(theta) * Math.sin(phi), -Math.cos(theta))
      row.push(b.vertex(v.p, v.n))
    }
    grid.push(row)
  }
  const north = pole(1)
  // With a right-handed frame, a ring turns counter-clockwise seen from +z.
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n
    b.tri(south, grid[0]![j]!, grid[0]![i]!)
    for (let r = 0; r + 1 < grid.length; r++) {
      const lo = grid[r]!, hi = grid[r + 1]!
      b.tri(lo[i]!, lo[j]!, hi[j]!)
      b.tri(lo[i]!, hi[j]!, hi[i]!)
    }
    const top = grid[grid.length - 1]!
    b.tri(north, top[i]!, top[j]!)
  }
  return b.done(leftHanded(axes))
}

function box(centre: Vec3, axes: readonly [Vec3, Vec3, Vec3], half: Vec3): CutterMesh {
  const b = new Builder()
  const corner = (sx: number, sy: number, sz: number): Vec3 => {
    const [a, c, d] = axes
    return [
      centre[0] + sx * half[0] * a[0] + sy * half[1] * c[0] + sz * half[2] * d[0],
      centre[1] + sx * half[0] * a[1] + sy * half[1] * c[1] + sz * half[2] * d[1],
      centre[2] + sx * half[0] * a[2] + sy * half[1] * c[2] + sz * half[2] * d[2],
    ]
  }
  const first = new Map<string, number>()
  // Each face: its outward axis (k, sign) and its corners counter-clockwise seen from outside.
  for (let k = 0; k < 3; k++) {
    for (const sign of [1, -1]) {
      const normal: Vec3 = [sign * axes[k]![0], sign * axes[k]![1], sign * axes[k]![2]]
      const i = (k + 1) % 3
      const j = (k + 2) % 3
      const quad: [number, number][] = sign > 0 ? [[-1, -1], [1, -1], [1, 1], [-1, 1]] : [[-1, -1], [-1, 1], [1, 1], [1, -1]]
      const ids = quad.map(([si, sj]) => {
        const s = [0, 0, 0]
        s[k] = sign
        s[i] = si
        s[j] = sj
        const id = b.vertex(corner(s[0]!, s[1]!, s[2]!), normal)
        const key = s.join(',')
        const known = first.get(key)
        if (known === undefined) first.set(key, id)
        else b.same(id, known)
        return id
      })
      b.tri(ids[0]!, ids[1]!, ids[2]!)
      b.tri(ids[0]!, ids[2]!, ids[3]!)
    }
  }
  return b.done(leftHanded(axes))
}

export function cutterMesh(removal: BoneRemoval): CutterMesh {
  switch (removal.kind) {
    case 'cylinder':
      return cylinder(removal.from, removal.to, removal.radius)
    case 'ellipsoid':
      return ellipsoid(removal.centre, removal.axes, removal.radii)
    case 'box':
      return box(removal.centre, removal.axes, removal.halfSizes)
  }
}
