/**
 * Each bone removal of a treatment (domain/treatment/frame.ts) as a closed triangle mesh for the
 * boolean subtraction (./subtractBone.ts), with an outward unit normal per vertex. Where two
 * faces meet at a crease (the rim of a tunnel's flat end, a box's edges) each face has its own
 * vertices, so the tunnel wall shades round and its end flat; `merge` pairs those duplicates so
 * the boolean still sees one closed solid. The joint replacements' shapes have a file each: the
 * saw cut (./planesCutter.ts), the broach (./stemCutter.ts), the turned reamers
 * (./turnedCutter.ts). Pure arithmetic: no three.js, no WebAssembly.
 */
import type { BoneRemoval, Vec3 } from '../domain/treatment/frame.ts'
import { surfacePoint, type RadialSolid } from '../domain/treatment/radialSolid.ts'
import { Builder, cross, dot, frameAround, leftHanded, segmentsFor, sub, unit, type CutterMesh } from './cutterBuilder.ts'
import { planesCutter } from './planesCutter.ts'
import { stemCutter } from './stemCutter.ts'
import { turnedCutter } from './turnedCutter.ts'

export type { CutterMesh } from './cutterBuilder.ts'

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

/**
 * A radial solid (a cavity that follows the lesion) on its own grid of directions, triangulated
 * as the ellipsoid above; normals from the neighbouring grid points (round shading of the wall).
 */
function radial(solid: RadialSolid, grow: number): CutterMesh {
  const { rings, segments } = solid
  const at = (ring: number, s: number): Vec3 => surfacePoint(solid, ring, s, grow)
  const normal = (ring: number, s: number): Vec3 => {
    const p = at(ring, s)
    const outward = sub(p, solid.centre)
    if (ring === 0 || ring === rings) return unit(outward)
    const n = unit(cross(sub(at(ring, s + 1), at(ring, s - 1)), sub(at(ring + 1, s), at(ring - 1, s))))
    return dot(n, outward) < 0 ? [-n[0], -n[1], -n[2]] : n
  }
  const b = new Builder()
  const south = b.vertex(at(0, 0), normal(0, 0))
  const grid: number[][] = []
  for (let r = 1; r < rings; r++) {
    const row: number[] = []
    for (let i = 0; i < segments; i++) row.push(b.vertex(at(r, i), normal(r, i)))
    grid.push(row)
  }
  const north = b.vertex(at(rings, 0), normal(rings, 0))
  for (let i = 0; i < segments; i++) {
    const j = (i + 1) % segments
    b.tri(south, grid[0]![j]!, grid[0]![i]!)
    for (let r = 0; r + 1 < grid.length; r++) {
      const lo = grid[r]!, hi = grid[r + 1]!
      b.tri(lo[i]!, lo[j]!, hi[j]!)
      b.tri(lo[i]!, hi[j]!, hi[i]!)
    }
    const top = grid[grid.length - 1]!
    b.tri(north, top[i]!, top[j]!)
  }
  return b.done(leftHanded(solid.axes))
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
    case 'radial':
      return radial(removal.solid, removal.grow)
    case 'box':
      return box(removal.centre, removal.axes, removal.halfSizes)
    case 'planes':
      return planesCutter(removal.planes, removal.bound.centre, removal.bound.radius)
    case 'stem':
      return stemCutter(removal.spec, removal.tip, removal.up, removal.medial)
    case 'turned':
      return turnedCutter(removal.base, removal.axis, removal.outerRadius, removal.profile)
  }
}
