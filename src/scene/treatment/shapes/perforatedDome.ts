/**
 * A hemispherical shell with holes through it (an acetabular shell's screw holes and apical hole,
 * a reamer's cutting holes), written as one closed surface: a latitude–longitude grid on the
 * outer and inner spheres, the cells that touch a hole dropped, and a wall joining the outer and
 * inner grids along every dropped cell's edge. Holes are therefore traced by the grid (a fine
 * grid makes them read round); pushing grid points onto each hole's circle instead folded cells
 * over one another where rows met the rim at a slant, and a folded solid is no longer closed.
 *
 * Frame: centre at the origin, the pole (dome) at +Y, the open face at y = 0.
 */
import type { BufferGeometry } from 'three'
import { Surface, type P3 } from './surface.ts'

export interface DomeHole {
  /** Unit direction of the hole's centre from the sphere's centre. */
  readonly direction: P3
  /** Angular radius of the hole (radians). */
  readonly angle: number
}

export interface PerforatedDome {
  readonly outer: number
  readonly inner: number
  readonly holes: readonly DomeHole[]
  /** Angular radius of a hole at the pole (0: closed dome). */
  readonly apicalHole: number
  /** Rows from the pole (or the apical hole) to the face, and columns around. */
  readonly rows: number
  readonly columns: number
  /** Turns the outer surface's normals by up to this much per vertex (a porous, matte look); 0: smooth. */
  readonly roughNormals?: number
  /** Moves the whole dome along Y (a reamer puts its pole at the origin); 0 by default. */
  readonly shiftY?: number
}

/** Direction at polar angle `theta` from +Y and azimuth `phi` from +X (toward −Z). */
export function domeDirection(theta: number, phi: number): P3 {
  return [Math.sin(theta) * Math.cos(phi), Math.cos(theta), -Math.sin(theta) * Math.sin(phi)]
}

const dotP = (a: P3, b: P3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
const unitP = (a: P3): P3 => {
  const l = Math.hypot(a[0], a[1], a[2]) || 1
  return [a[0] / l, a[1] / l, a[2] / l]
}

/** A repeatable pseudo-random unit-ish offset per grid vertex (no Math.random: same look every build). */
function jitter(i: number, j: number): P3 {
  const h = (n: number) => {
    const s = Math.sin(n * 12.9898 + 78.233) * 43758.5453
    return (s - Math.floor(s)) * 2 - 1
  }
  return [h(i * 131 + j * 7 + 1), h(i * 17 + j * 113 + 2), h(i * 59 + j * 29 + 3)]
}

export function perforatedDome(d: PerforatedDome): BufferGeometry {
  const { rows, columns } = d
  const theta0 = d.apicalHole
  // Grid directions, and the hole (if any) each grid point falls in.
  const dirs: P3[][] = []
  const inHole: number[][] = []
  // Inside a hole: within its angle of its centre, i.e. a dot product above its cosine (an
  // arccosine per hole and grid point was most of a reamer's build time).
  const holeCos = d.holes.map((hole) => Math.cos(hole.angle))
  for (let i = 0; i <= rows; i++) {
    const theta = theta0 + ((Math.PI / 2 - theta0) * i) / rows
    const row: P3[] = []
    const flags: number[] = []
    for (let j = 0; j < columns; j++) {
      const p = domeDirection(theta, (2 * Math.PI * j) / columns)
      row.push(p)
      flags.push(d.holes.findIndex((hole, k) => dotP(p, hole.direction) > holeCos[k]!))
    }
    dirs.push(row)
    inHole.push(flags)
  }
  /** The hole a cell touches (any corner inside), or −1. */
  const holeOf = (i: number, j: number): number => {
    if (i < 0 || i >= rows) return -1
    const jj = (j + columns) % columns
    const j1 = (jj + 1) % columns
    for (const k of [inHole[i]![jj]!, inHole[i]![j1]!, inHole[i + 1]![jj]!, inHole[i + 1]![j1]!]) if (k >= 0) return k
    return -1
  }
  const removed = (i: number, j: number): boolean => holeOf(i, j) >= 0
  const s = new Surface()
  const shift = d.shiftY ?? 0
  const at = (p: P3, r: number): P3 => [p[0] * r, p[1] * r + shift, p[2] * r]
  const neg = (p: P3): P3 => [-p[0], -p[1], -p[2]]
  const rough = d.roughNormals ?? 0
  const outerNormal = (i: number, j: number): P3 => {
    const p = dirs[i]![j % columns]!
    if (rough === 0) return p
    const n = jitter(i, j % columns)
    return unitP([p[0] + n[0] * rough, p[1] + n[1] * rough, p[2] + n[2] * rough])
  }
  /** A wall quad between the outer and inner copies of the edge a–b, facing `toward`. */
  const wall = (a: P3, b: P3, toward: P3) => {
    s.quad(at(a, d.outer), at(b, d.outer), at(b, d.inner), at(a, d.inner), toward, toward, toward, toward)
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      if (removed(i, j)) continue
      const j1 = (j + 1) % columns
      const a = dirs[i]![j]!
      const b = dirs[i]![j1]!
      const c = dirs[i + 1]![j1]!
      const e = dirs[i + 1]![j]!
      s.quad(at(a, d.outer), at(b, d.outer), at(c, d.outer), at(e, d.outer), outerNormal(i, j), outerNormal(i, j1), outerNormal(i + 1, j1), outerNormal(i + 1, j))
      s.quad(at(a, d.inner), at(b, d.inner), at(c, d.inner), at(e, d.inner), neg(a), neg(b), neg(c), neg(e))
      // Walls where a neighbour was dropped into a hole: facing the hole's centre.
      const edges: [P3, P3, number, number][] = [
        [a, b, i - 1, j],
        [e, c, i + 1, j],
        [a, e, i, j - 1],
        [b, c, i, j + 1],
      ]
      for (const [p, q, ni, nj] of edges) {
        if (!removed(ni, nj)) continue
        const hole = d.holes[holeOf(ni, nj)]!.direction
        const mid = unitP([p[0] + q[0], p[1] + q[1], p[2] + q[2]])
        const c0 = dotP(mid, hole)
        wall(p, q, unitP([hole[0] - mid[0] * c0, hole[1] - mid[1] * c0, hole[2] - mid[2] * c0]))
      }
    }
  }
  // The face at the equator, facing down; the apical hole's wall, facing the axis.
  for (let j = 0; j < columns; j++) {
    const j1 = (j + 1) % columns
    wall(dirs[rows]![j]!, dirs[rows]![j1]!, [0, -1, 0])
    if (theta0 > 0) {
      const p = dirs[0]![j]!
      const q = dirs[0]![j1]!
      const mid = unitP([p[0] + q[0], p[1] + q[1], p[2] + q[2]])
      wall(p, q, unitP([-mid[0], 0, -mid[2]]))
    }
  }
  return s.toGeometry()
}
