/**
 * Cancellous bone graft: morsellised chips packed into the tunnel or cavity (clinical.md §6.1
 * step 7, §6.2, §6.3 step 3). Drawn as irregular chips, one small shared geometry repeated by
 * instancing, so it reads granular and not as a smooth rod; `fill` shows the chips nearest the
 * deep end first, as packing fills a tunnel from the bottom.
 *
 * Chip size (about 3 mm) and their shades of cancellous bone are design choices. The layout is
 * seeded by the piece's size, so the same graft looks the same in every picture.
 */
import { BufferAttribute, BufferGeometry, Color, Matrix3, Matrix4, Quaternion, Vector3 } from 'three'
import { flatNormal, Surface, type P3 } from '../shapes/surface.ts'
import type { ObjectModel } from '../objectModel.ts'
import { finish, type Slices } from '../slices.ts'
import { insideRadialSolid, radialBounds, type RadialSolid } from '../../../domain/treatment/radialSolid.ts'
import type { Vec3 } from '../../../domain/vec3.ts'

export const GRAFT_CHIPS = { size: 3, spacing: 2.2 } as const

/** Where the chips go: one transform and shade per chip, deepest first. */
export interface ChipLayout {
  /** Column-major 4×4 matrices, deepest chip first. */
  readonly matrices: Float32Array
  /** Linear RGB per chip. */
  readonly colours: Float32Array
  /** Each chip's distance from the deep end (mm), ascending, for the fill. */
  readonly depths: Float32Array
}
/** A chip's size, as a share of its drawn size, where a whole one does not fit (design choice). */
const SMALL_CHIP = 0.5

/** Small deterministic PRNG (mulberry32): the same layout for the same size. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Semi-axes across (local X and Z) of a graft that fills an ellipsoid instead of a cylinder. */
export interface Oval {
  readonly x: number
  readonly z: number
}

/**
 * Chips filling a cylinder of `radius` from y = 0 down to y = −length, deepest first; with
 * `oval`, the ellipsoid inside that length (semi-axes oval.x, length / 2, oval.z: a scraped-out
 * cavity), every chip wholly inside it.
 */
export function chipLayout(radius: number, length: number, oval?: Oval): ChipLayout {
  const next = random(Math.round(radius * 100) * 7919 + Math.round(length * 100))
  // Chips shrink in a narrow tunnel (under 6 mm across), so a few still fit across it.
  const shrink = Math.min(1, radius / GRAFT_CHIPS.size)
  const spacing = GRAFT_CHIPS.spacing * shrink
  const half = (GRAFT_CHIPS.size * shrink) / 2
  const chips: { y: number; m: Matrix4; c: Color }[] = []
  const m = new Matrix4()
  const q = new Quaternion()
  const axis = new Vector3()
  const scale = new Vector3()
  const base = new Color('#d8b48c')
  const pale = new Color('#efe4cf')
  const place = (x: number, y: number, z: number) => {
    const px = x + (next() - 0.5) * spacing * 0.6
    const pz = z + (next() - 0.5) * spacing * 0.6
    const reach = chipScale(next, half, scale)
    const py = Math.max(-length + reach, Math.min(-reach, y + (next() - 0.5) * spacing * 0.5))
    const at = oval ? insideOval(px, py, pz, reach, oval, length / 2) : insideCylinder(px, py, pz, reach, radius)
    chipTurn(next, axis, q)
    if (!at) return
    m.compose(at, q, scale)
    chips.push({ y: at.y, m: m.clone(), c: base.clone().lerp(pale, next() * 0.6) })
  }
  // Jittered layers: a square grid inside, and a ring of chips at the wall so the column's
  // outline is the tunnel's, not a ragged core.
  for (let y = -half; y > -length; y -= spacing * 0.9) {
    // The layer's outline: the tunnel's circle, or the ellipse where this layer cuts the cavity.
    const s = oval ? Math.sqrt(Math.max(0, 1 - ((y + length / 2) / (length / 2)) ** 2)) : 1
    const ax = oval ? oval.x * s : radius
    const az = oval ? oval.z * s : radius
    if (ax < half || az < half) continue
    for (let x = -ax + spacing; x <= ax - spacing; x += spacing) {
      for (let z = -az + spacing; z <= az - spacing; z += spacing) {
        if ((x / (ax - spacing)) ** 2 + (z / (az - spacing)) ** 2 <= 1) place(x, y, z)
      }
    }
    const rx = ax - half
    const rz = az - half
    const count = Math.max(3, Math.floor((2 * Math.PI * Math.max(rx, rz)) / spacing))
    const turn = next() * Math.PI * 2
    for (let k = 0; k < count; k++) {
      const a = turn + (k / count) * Math.PI * 2
      place(rx * Math.cos(a), y, rz * Math.sin(a))
    }
  }
  return packed(chips, half, length)
}

/** A chip's random size (into `scale`); returns its reach: its largest half-size, however it is turned. */
function chipScale(next: () => number, half: number, scale: Vector3): number {
  const s = half * (0.7 + 0.5 * next())
  scale.set(s * (0.8 + 0.4 * next()), s * (0.7 + 0.3 * next()), s * (0.8 + 0.4 * next()))
  return Math.max(scale.x, scale.y, scale.z)
}

/** A chip's random turn (into `q`). */
function chipTurn(next: () => number, axis: Vector3, q: Quaternion): void {
  axis.set(next() - 0.5, next() - 0.5, next() - 0.5).normalize()
  q.setFromAxisAngle(axis, next() * Math.PI * 2)
}

/** The chips as instances, nearest the deep end (y = 0) first: `fill` shows them in that order. */
function packed(chips: { y: number; m: Matrix4; c: Color }[], half: number, length: number): ChipLayout {
  chips.sort((a, b) => b.y - a.y)
  const matrices = new Float32Array(chips.length * 16)
  const colours = new Float32Array(chips.length * 3)
  const depths = new Float32Array(chips.length)
  chips.forEach((chip, i) => {
    chip.m.toArray(matrices, i * 16)
    chip.c.toArray(colours, i * 3)
    // A chip counts as placed once its far side is in: the last layer shows only at full fill.
    depths[i] = Math.min(-chip.y + half, length)
  })
  return { matrices, colours, depths }
}

/** A chip centre kept inside the cylinder (pulled in if a jitter pushed it out), so the piece is the tunnel's width. */
function insideCylinder(x: number, y: number, z: number, reach: number, radius: number): Vector3 {
  const out = Math.hypot(x, z)
  const pull = out + reach > radius ? Math.max(radius - reach, 0) / (out || 1) : 1
  return new Vector3(x * pull, y, z * pull)
}

/**
 * A chip centre kept inside the ellipsoid shrunk by the chip's reach (pulled toward its centre if
 * a jitter pushed it out): no chip pokes through the cavity's wall. Null where none fits.
 */
function insideOval(x: number, y: number, z: number, reach: number, oval: Oval, halfLength: number): Vector3 | null {
  // (Shrinking each half-axis by the reach is not quite the ellipsoid's inner parallel surface
  // where it is most curved; a quarter more keeps every chip inside for the cavities planned.)
  const margin = reach * 1.25
  const a = oval.x - margin
  const b = halfLength - margin
  const c = oval.z - margin
  if (a <= 0 || b <= 0 || c <= 0) return null
  const dy = y + halfLength
  const q = (x / a) ** 2 + (dy / b) ** 2 + (z / c) ** 2
  const pull = q > 1 ? 1 / Math.sqrt(q) : 1
  return new Vector3(x * pull, dy * pull - halfLength, z * pull)
}

/**
 * Chips packed into a scraped-out cavity that follows the lesion: `solid` is the cavity in the
 * piece's own frame (its deep end, under the plate, at y = 0; the cavity within y = −length … 0).
 * Layer by layer from the top, on a jittered grid; a chip that would poke through the wall is
 * pulled toward the cavity's centre (up to one spacing), so the wall is lined, not ragged.
 */
export function* chipLayoutInSolid(solid: RadialSolid, length: number, keepOut?: KeepOut): Slices<ChipLayout> {
  const { min, max } = radialBounds(solid)
  const next = random(Math.round(solid.reach.reduce((sum, r, i) => sum + r * ((i % 97) + 1), 0) * 10))
  const spacing = GRAFT_CHIPS.spacing
  const half = GRAFT_CHIPS.size / 2
  const chips: { y: number; m: Matrix4; c: Color }[] = []
  const m = new Matrix4()
  const q = new Quaternion()
  const axis = new Vector3()
  const scale = new Vector3()
  const base = new Color('#d8b48c')
  const pale = new Color('#efe4cf')
  const c = solid.centre
  const fits = (p: Vec3, reach: number): boolean => {
    if (!insideRadialSolid(solid, p, 0.1)) return false
    if (keepOut && entersKeepOut(p, keepOut, reach)) return false
    for (let k = 0; k < 3; k++) {
      for (const sign of [-1, 1]) {
        const o: [number, number, number] = [p[0], p[1], p[2]]
        o[k] = o[k]! + sign * reach
        if (!insideRadialSolid(solid, o, 0.1)) return false
      }
    }
    return true
  }
  for (let y = -half; y > -length; y -= spacing * 0.9) {
    // A layer per slice: a fibula's cavity is about 25 of them.
    yield
    for (let x = min[0]; x <= max[0]; x += spacing) {
      for (let z = min[2]; z <= max[2]; z += spacing) {
        const p: Vec3 = [x + (next() - 0.5) * spacing * 0.6, y + (next() - 0.5) * spacing * 0.5, z + (next() - 0.5) * spacing * 0.6]
        let reach = chipScale(next, half, scale)
        chipTurn(next, axis, q)
        const out: Vec3 = [p[0] - c[0], p[1] - c[1], p[2] - c[2]]
        const far = Math.hypot(...out)
        const place = (): Vec3 | null => {
          for (let pull = 0; pull <= spacing && far > 0; pull += spacing / 3) {
            const k = Math.max(0, 1 - pull / far)
            const tried: Vec3 = [c[0] + out[0] * k, c[1] + out[1] * k, c[2] + out[2] * k]
            if (fits(tried, reach)) return tried
          }
          return null
        }
        let at = place()
        // Where a whole chip does not fit (the thin wedge between a core's flat end and the domed
        // roof), a smaller one does: packed graft is morsellised and fills the space (a surgeon's
        // review saw that wedge, left empty, as a dark gap ahead of the fibula's end).
        if (!at) {
          reach *= SMALL_CHIP
          scale.multiplyScalar(SMALL_CHIP)
          at = place()
        }
        if (!at) continue
        m.compose(new Vector3(at[0], at[1], at[2]), q, scale)
        chips.push({ y: at[1], m: m.clone(), c: base.clone().lerp(pale, next() * 0.6) })
      }
    }
  }
  return packed(chips, half, length)
}

export function buildCancellousGraft(radius: number, length: number, oval?: Oval): ObjectModel {
  return finish(chipModel(chipLayout(radius, length, oval)))
}

/** The graft of a cavity that follows the lesion (see `chipLayoutInSolid`). */
export function buildCavityGraft(solid: RadialSolid, length: number, keepOut?: KeepOut): ObjectModel {
  return finish(cavityGraftSlices(solid, length, keepOut))
}

/** `buildCavityGraft` in slices (../slices.ts): its layout and baking took 12–19 ms in Node, more in a page. */
export function* cavityGraftSlices(solid: RadialSolid, length: number, keepOut?: KeepOut): Slices<ObjectModel> {
  return yield* chipModel(yield* chipLayoutInSolid(solid, length, keepOut))
}

/** A cylinder no chip enters (a core through the cavity, with its own graft), in the piece's frame. */
export interface KeepOut {
  readonly from: Vec3
  readonly to: Vec3
  readonly radius: number
}

/**
 * Whether a chip reaching `reach` mm round `p` would enter the keep-out: a cylinder with flat
 * ends, as a drilled core is. (It was a round-ended capsule, which also kept a half-ball of the
 * core's radius ahead of its end free of chips; where the cavity lies round the core's end, as
 * for the fibula, that made no measurable difference: the gap there was whole chips not fitting.)
 */
function entersKeepOut(p: Vec3, { from, to, radius }: KeepOut, reach: number): boolean {
  const ab: Vec3 = [to[0] - from[0], to[1] - from[1], to[2] - from[2]]
  const ap: Vec3 = [p[0] - from[0], p[1] - from[1], p[2] - from[2]]
  const length = Math.hypot(...ab)
  if (length === 0) return false
  const along = (ap[0] * ab[0] + ap[1] * ab[1] + ap[2] * ab[2]) / length
  if (along < -reach || along > length + reach) return false
  const k = along / length
  return Math.hypot(ap[0] - ab[0] * k, ap[1] - ab[1] * k, ap[2] - ab[2] * k) < radius + reach
}

/** Chips baked per slice (a fibula's cavity graft has about 1 500). */
const CHIPS_PER_SLICE = 300

/**
 * The chips baked into one geometry, deepest first, so `fill` is a draw range. Baked with the
 * model (made ahead of the step that shows it, ../modelCache.ts), not per drawn object: baking a
 * fibula's cavity graft in the frame that first drew it took 24 ms of a 65-ms frame (profiled).
 * (three's InstancedMesh would add its classes to the shared three.js chunk of the first download.)
 */
function* chipModel({ matrices, colours, depths }: ChipLayout): Slices<ObjectModel> {
  // A flat-shaded icosahedron: facets catch the light like the cut faces of a chip.
  const chip = icosahedron()
  const position = chip.getAttribute('position')
  const normal = chip.getAttribute('normal')
  const per = position.count
  const positions = new Float32Array(depths.length * per * 3)
  const normals = new Float32Array(depths.length * per * 3)
  const colourOut = new Float32Array(depths.length * per * 3)
  const m = new Matrix4()
  const n = new Matrix3()
  const v = new Vector3()
  for (let i = 0; i < depths.length; i++) {
    if (i % CHIPS_PER_SLICE === CHIPS_PER_SLICE - 1) yield
    m.fromArray(matrices, i * 16)
    n.getNormalMatrix(m)
    for (let k = 0; k < per; k++) {
      const at = (i * per + k) * 3
      v.fromBufferAttribute(position, k).applyMatrix4(m).toArray(positions, at)
      v.fromBufferAttribute(normal, k).applyMatrix3(n).normalize().toArray(normals, at)
      colourOut[at] = colours[i * 3]!
      colourOut[at + 1] = colours[i * 3 + 1]!
      colourOut[at + 2] = colours[i * 3 + 2]!
    }
  }
  chip.dispose()
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(positions, 3))
  geometry.setAttribute('normal', new BufferAttribute(normals, 3))
  geometry.setAttribute('color', new BufferAttribute(colourOut, 3))
  geometry.computeBoundingSphere()
  return { parts: [{ name: 'chips', geometry, material: 'graftChips', working: true, chips: { depths, verticesPerChip: per } }] }
}

/**
 * A unit icosahedron with flat facets, written here: three's IcosahedronGeometry would pull the
 * polyhedron classes into the shared three.js chunk of the first download.
 */
function icosahedron(): BufferGeometry {
  const g = (1 + Math.sqrt(5)) / 2
  const l = Math.hypot(1, g)
  const v: P3[] = [
    [-1, g, 0], [1, g, 0], [-1, -g, 0], [1, -g, 0],
    [0, -1, g], [0, 1, g], [0, -1, -g], [0, 1, -g],
    [g, 0, -1], [g, 0, 1], [-g, 0, -1], [-g, 0, 1],
  ].map(([x, y, z]) => [x! / l, y! / l, z! / l] as P3)
  const faces = [
    [0, 11, 5], [0, 5, 1], [0, 1, 7], [0, 7, 10], [0, 10, 11], [1, 5, 9], [5, 11, 4], [11, 10, 2], [10, 7, 6], [7, 1, 8],
    [3, 9, 4], [3, 4, 2], [3, 2, 6], [3, 6, 8], [3, 8, 9], [4, 9, 5], [2, 4, 11], [6, 2, 10], [8, 6, 7], [9, 8, 1],
  ]
  const s = new Surface()
  for (const [a, b, c] of faces) {
    const pa = v[a!]!, pb = v[b!]!, pc = v[c!]!
    const centre: P3 = [(pa[0] + pb[0] + pc[0]) / 3, (pa[1] + pb[1] + pc[1]) / 3, (pa[2] + pb[2] + pc[2]) / 3]
    const n = flatNormal(pa, pb, pc, centre)
    s.triangle(pa, pb, pc, n, n, n)
  }
  return s.toGeometry()
}
