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
import { finish, type Slices } from '../slices.ts'

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
  return finish(perforatedDomeSlices(d))
}

/** Rows of the grid per slice: a 55-mm reamer's 40 rows in some 10 slices of a few ms each. */
const ROWS_PER_SLICE = 4

/** perforatedDome in slices (../slices.ts): yields every few rows of its grid and of its cells. */
export function* perforatedDomeSlices(d: PerforatedDome): Slices<BufferGeometry> {
  const { rows, columns } = d
  const theta0 = d.apicalHole
  // Built while a hip replacement plays (its reamers, a size per pass; the shell): the grid's
  // points, normals and hole flags are made once per vertex, not once per cell that uses them
  // (a 55-mm reamer's ≈ 100 000 small arrays per build made a 40-ms build and as long a garbage
  // collection in one task).
  const shift = d.shiftY ?? 0
  const rough = d.roughNormals ?? 0
  const outerAt: P3[][] = []
  const innerAt: P3[][] = []
  const outerNormal: P3[][] = []
  const innerNormal: P3[][] = []
  const dirs: P3[][] = []
  // The hole (if any) each grid point falls in. Inside a hole: within its angle of its centre,
  // i.e. a dot product above its cosine (an arccosine per hole and grid point was most of a
  // reamer's build time); only holes whose polar angle is within their angle of the row's can.
  const inHole: Int32Array[] = []
  const holeCos = d.holes.map((hole) => Math.cos(hole.angle))
  const holePolar = d.holes.map((hole) => Math.acos(Math.max(-1, Math.min(1, hole.direction[1]))))
  for (let i = 0; i <= rows; i++) {
    const theta = theta0 + ((Math.PI / 2 - theta0) * i) / rows
    const near = d.holes.map((_, k) => k).filter((k) => Math.abs(holePolar[k]! - theta) <= d.holes[k]!.angle + 1e-9)
    const row: P3[] = [], outer: P3[] = [], inner: P3[] = [], nOut: P3[] = [], nIn: P3[] = []
    const flags = new Int32Array(columns).fill(-1)
    for (let j = 0; j < columns; j++) {
      const p = domeDirection(theta, (2 * Math.PI * j) / columns)
      row.push(p)
      outer.push([p[0] * d.outer, p[1] * d.outer + shift, p[2] * d.outer])
      inner.push([p[0] * d.inner, p[1] * d.inner + shift, p[2] * d.inner])
      if (rough === 0) nOut.push(p)
      else {
        const n = jitter(i, j)
        nOut.push(unitP([p[0] + n[0] * rough, p[1] + n[1] * rough, p[2] + n[2] * rough]))
      }
      nIn.push([-p[0], -p[1], -p[2]])
      for (const k of near) {
        if (dotP(p, d.holes[k]!.direction) > holeCos[k]!) {
          flags[j] = k
          break
        }
      }
    }
    dirs.push(row)
    outerAt.push(outer)
    innerAt.push(inner)
    outerNormal.push(nOut)
    innerNormal.push(nIn)
    inHole.push(flags)
    if (i % (2 * ROWS_PER_SLICE) === 2 * ROWS_PER_SLICE - 1) yield
  }
  /** The hole a cell touches (any corner inside), or −1. */
  const holeOf = (i: number, j: number): number => {
    if (i < 0 || i >= rows) return -1
    const jj = (j + columns) % columns
    const j1 = (jj + 1) % columns
    const a = inHole[i]!, b = inHole[i + 1]!
    return a[jj]! >= 0 ? a[jj]! : a[j1]! >= 0 ? a[j1]! : b[jj]! >= 0 ? b[jj]! : b[j1]!
  }
  const s = new Surface()
  /** A wall quad between the outer and inner copies of the grid edge (i, j)–(k, l), facing `toward`. */
  const wall = (i: number, j: number, k: number, l: number, toward: P3) => {
    s.quad(outerAt[i]![j]!, outerAt[k]![l]!, innerAt[k]![l]!, innerAt[i]![j]!, toward, toward, toward, toward)
  }
  /** Where the neighbour cell (ni, nj) was dropped into a hole: a wall on the edge (i, j)–(k, l), facing the hole's centre. */
  const wallIfHole = (ni: number, nj: number, i: number, j: number, k: number, l: number) => {
    const h = holeOf(ni, nj)
    if (h < 0) return
    const hole = d.holes[h]!.direction
    const p = dirs[i]![j]!, q = dirs[k]![l]!
    const mid = unitP([p[0] + q[0], p[1] + q[1], p[2] + q[2]])
    const c0 = dotP(mid, hole)
    wall(i, j, k, l, unitP([hole[0] - mid[0] * c0, hole[1] - mid[1] * c0, hole[2] - mid[2] * c0]))
  }
  for (let i = 0; i < rows; i++) {
    const o0 = outerAt[i]!, o1 = outerAt[i + 1]!, n0 = outerNormal[i]!, n1 = outerNormal[i + 1]!
    const in0 = innerAt[i]!, in1 = innerAt[i + 1]!, m0 = innerNormal[i]!, m1 = innerNormal[i + 1]!
    for (let j = 0; j < columns; j++) {
      if (holeOf(i, j) >= 0) continue
      const j1 = (j + 1) % columns
      s.quad(o0[j]!, o0[j1]!, o1[j1]!, o1[j]!, n0[j]!, n0[j1]!, n1[j1]!, n1[j]!)
      s.quad(in0[j]!, in0[j1]!, in1[j1]!, in1[j]!, m0[j]!, m0[j1]!, m1[j1]!, m1[j]!)
      // Walls where a neighbour was dropped into a hole: facing the hole's centre.
      wallIfHole(i - 1, j, i, j, i, j1)
      wallIfHole(i + 1, j, i + 1, j, i + 1, j1)
      wallIfHole(i, j - 1, i, j, i + 1, j)
      wallIfHole(i, j + 1, i, j1, i + 1, j1)
    }
    if (i % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) yield
  }
  // The face at the equator, facing down; the apical hole's wall, facing the axis.
  for (let j = 0; j < columns; j++) {
    const j1 = (j + 1) % columns
    wall(rows, j, rows, j1, [0, -1, 0])
    if (theta0 > 0) {
      const p = dirs[0]![j]!
      const q = dirs[0]![j1]!
      const mid = unitP([p[0] + q[0], p[1] + q[1], p[2] + q[2]])
      wall(0, j, 0, j1, unitP([-mid[0], 0, -mid[2]]))
    }
  }
  return s.toGeometry()
}
