/**
 * The femoral stem (clinical.md §6.5): the planner's tapered wedge (domain/treatment/replacement/
 * stemDesign.ts) lofted ring by ring — rounded-rectangle sections from a rounded tip to the
 * lateral shoulder, the medial side running up the calcar curve into the sloped collar plane —
 * with the neck leaving that plane and ending in the 12/14-type taper; a collar when asked.
 * Satin titanium. The broach (../instruments/broach.ts) is the same body with teeth.
 *
 * Frame: the distal tip at the origin, the stem lying along −Y (local −Y = up the stem), local
 * +X medial in the neck's plane: the piece's `to` is the tip, `from` lies up the stem and
 * `across` is the stem's medial direction.
 */
import { Matrix4, type BufferGeometry } from 'three'
import { STEM_TIP_ROUND_MM, sectionOutline, stemGeometry, stemNose, stemSection, type StemGeometry, type StemSpec } from '../../../domain/treatment/replacement/stemDesign.ts'
import type { ObjectModel } from '../objectModel.ts'
import { lathe, type ProfilePoint } from '../shapes/lathe.ts'
import { Surface, flatNormal, setBounds, type P3 } from '../shapes/surface.ts'
import { finish, type Slices } from '../slices.ts'

/** Points round each section and the rounded tip's length (design choices). */
export const STEM_MESH = { around: 40, tipRound: STEM_TIP_ROUND_MM } as const

/** Heights of the rings: close together at the rounded tip and up the calcar curve. */
function ringHeights(g: StemGeometry): number[] {
  const out: number[] = []
  for (let k = 0; k <= 6; k++) out.push(STEM_MESH.tipRound * (1 - Math.cos((k / 6) * (Math.PI / 2))))
  for (let t = STEM_MESH.tipRound + 4; t < g.length - 60; t += 4) out.push(t)
  for (let t = g.length - 60; t < g.length; t += 1.5) out.push(t)
  out.push(g.length)
  // A ring exactly where the calcar curve meets the collar plane: the body's widest point.
  let widest = 0
  let widestMedial = stemSection(g, widest).medial
  for (let t = g.length - 60; t <= g.length; t += 0.02) {
    const medial = stemSection(g, t).medial
    if (medial > widestMedial) [widest, widestMedial] = [t, medial]
  }
  return [...out.filter((t) => Math.abs(t - widest) > 0.3), widest].sort((a, b) => a - b)
}

/** The mean of a ring's points. */
function centre(ring: readonly P3[]): P3 {
  let x = 0, y = 0, z = 0
  for (const p of ring) {
    x += p[0]
    y += p[1]
    z += p[2]
  }
  return [x / ring.length, y / ring.length, z / ring.length]
}

/**
 * The body: a loft of sections. `teeth` ridges the surface every `teeth.pitch` mm (a broach);
 * the model's local frame is set by the caller (x, t, z here).
 */
export function stemBody(g: StemGeometry, teeth?: { pitch: number; depth: number }): BufferGeometry {
  return finish(stemBodySlices(g, teeth))
}

/** Rings of facets per slice of a body built ahead (a broach's body is about four). */
const RINGS_PER_SLICE = 16

/** stemBody in slices (../slices.ts): a broach is made ahead in quiet moments. */
export function* stemBodySlices(g: StemGeometry, teeth?: { pitch: number; depth: number }): Slices<BufferGeometry> {
  const s = new Surface()
  const heights = ringHeights(g)
  const rings: P3[][] = heights.map((t) => {
    const section = stemSection(g, t)
    // The rounded nose: sections shrink toward the tip's point.
    const nose = stemNose(t)
    const tooth = teeth ? 1 - teeth.depth * ((t % teeth.pitch) / teeth.pitch) : 1
    const cx = (section.medial + section.lateral) / 2
    return sectionOutline(section, STEM_MESH.around).map(([x, z]) => [cx + (x - cx) * nose * tooth, t, z * nose * tooth] as P3)
  })
  // Each ring's middle, once (asking it per facet was most of a broach's build: 44 ms of a
  // hip replacement's step, profiled in the page).
  const middles = rings.map(centre)
  for (let i = 0; i < rings.length - 1; i++) {
    if (i > 0 && i % RINGS_PER_SLICE === 0) yield
    const a = rings[i]!
    const b = rings[i + 1]!
    const axisX = middles[i]![0]
    for (let k = 0; k < a.length; k++) {
      const k1 = (k + 1) % a.length
      const a0 = a[k]!, a1 = a[k1]!, b0 = b[k]!, b1 = b[k1]!
      // Outward from the ring's axis, at the facet's middle.
      const outward: P3 = [(a0[0] + a1[0] + b0[0] + b1[0]) / 4 - axisX, 0, (a0[2] + a1[2] + b0[2] + b1[2]) / 4]
      // The facet's own normal (the broach's teeth shade by it); at the pointed tip, where the
      // first ring is one point, from the facet's other three corners.
      let n = flatNormal(a0, a1, b1, outward)
      if (Math.hypot(...n) < 0.5) n = flatNormal(a0, b1, b0, outward)
      s.quad(a0, a1, b1, b0, n, n, n, n)
    }
  }
  // The top: a flat shoulder, fanned from its middle.
  const top = rings.at(-1)!
  const c = middles.at(-1)!
  for (let k = 0; k < top.length; k++) s.triangle(c, top[k]!, top[(k + 1) % top.length]!, [0, 1, 0], [0, 1, 0], [0, 1, 0])
  return s.toGeometry()
}

/**
 * Smooth normals for the loft: each flat quad's normal was only used to wind it; average them per
 * position so the wedge reads as one rounded body (its corners are rounded, not faceted).
 * Positions are matched to 10⁻⁴ mm through integer keys in an open-addressed table (string keys
 * per vertex made this two-thirds of a stem's build, 33 ms of a hip replacement's step).
 */
function smoothNormals(geometry: BufferGeometry): BufferGeometry {
  const position = geometry.getAttribute('position')
  const normal = geometry.getAttribute('normal')
  const n = position.count
  const q = new Int32Array(3 * n)
  for (let i = 0; i < n; i++) {
    q[3 * i] = Math.round(position.getX(i) * 1e4)
    q[3 * i + 1] = Math.round(position.getY(i) * 1e4)
    q[3 * i + 2] = Math.round(position.getZ(i) * 1e4)
  }
  // Table of size a power of two ≥ 2n: a slot holds the first vertex (+1) at that position.
  let size = 1
  while (size < 2 * n) size <<= 1
  const table = new Int32Array(size)
  const group = new Int32Array(n)
  const sums = new Float64Array(3 * n)
  for (let i = 0; i < n; i++) {
    const x = q[3 * i]!, y = q[3 * i + 1]!, z = q[3 * i + 2]!
    let slot = (Math.imul(x, 73856093) ^ Math.imul(y, 19349663) ^ Math.imul(z, 83492791)) & (size - 1)
    for (;;) {
      const first = table[slot]! - 1
      if (first < 0) {
        table[slot] = i + 1
        group[i] = i
        break
      }
      if (q[3 * first] === x && q[3 * first + 1] === y && q[3 * first + 2] === z) {
        group[i] = first
        break
      }
      slot = (slot + 1) & (size - 1)
    }
    const g = group[i]!
    sums[3 * g] = sums[3 * g]! + normal.getX(i)
    sums[3 * g + 1] = sums[3 * g + 1]! + normal.getY(i)
    sums[3 * g + 2] = sums[3 * g + 2]! + normal.getZ(i)
  }
  for (let i = 0; i < n; i++) {
    const g = group[i]!
    const x = sums[3 * g]!, y = sums[3 * g + 1]!, z = sums[3 * g + 2]!
    const l = Math.hypot(x, y, z) || 1
    normal.setXYZ(i, x / l, y / l, z / l)
  }
  return geometry
}

/** The neck and taper: a lathe along the neck axis from inside the body to the taper's tip. */
export function neckAndTaper(g: StemGeometry): BufferGeometry {
  const { small, large } = g.taper
  const r = g.neckRadius
  const start = g.collarAt - 4 // starts inside the body, so no seam shows at the collar plane
  const profile: ProfilePoint[] = [
    { r: 0, y: start },
    { r, y: start },
    { r, y: g.taperBaseAt - 2 },
    // A short flare to the taper's base, then the taper narrowing to its tip.
    { r: large / 2, y: g.taperBaseAt },
    { r: small / 2, y: g.taperTipAt },
    { r: 0, y: g.taperTipAt },
  ]
  const geometry = lathe(profile, 32)
  // Lathe's +Y onto the neck direction in the (x, t) plane, from the neck's origin on the axis.
  const [nx, nt] = g.neckDirection
  const tilt = Math.atan2(nx, nt)
  geometry.applyMatrix4(new Matrix4().makeRotationZ(-tilt).setPosition(0, g.neckOriginT, 0))
  return geometry
}

/** An optional collar: a plate on the collar plane round the neck's base, reaching past the body. */
function collar(g: StemGeometry): BufferGeometry | null {
  if (!g.collar) return null
  const r = g.neckRadius + 4 + g.collar.overhang
  const geometry = lathe(
    [
      { r: 0, y: g.collarAt - g.collar.thickness },
      { r, y: g.collarAt - g.collar.thickness },
      { r, y: g.collarAt },
      { r: 0, y: g.collarAt },
    ],
    32,
  )
  const [nx, nt] = g.neckDirection
  geometry.applyMatrix4(new Matrix4().makeRotationZ(-Math.atan2(nx, nt)).setPosition(0, g.neckOriginT, 0))
  return geometry
}

/**
 * From the stem frame (x, t, z) to the model's local frame: +Y down the stem (toward the tip's
 * `to`): a half-turn about X, so y and z change sign. Done in place, with the bounds worked out
 * from the turned positions as three.js would (../shapes/surface.ts setBounds): three's
 * applyMatrix4 and computeBoundingSphere were a fifth of a broach's build in the page.
 */
export function toStemLocal(geometry: BufferGeometry): void {
  for (const name of ['position', 'normal']) {
    const attribute = geometry.getAttribute(name)
    if (!attribute) continue
    const array = attribute.array as Float32Array
    for (let i = 0; i < array.length; i += 3) {
      array[i + 1] = -array[i + 1]!
      array[i + 2] = -array[i + 2]!
    }
    attribute.needsUpdate = true
  }
  setBounds(geometry, geometry.getAttribute('position').array as Float32Array)
}

export function buildFemoralStem(spec: StemSpec): ObjectModel {
  return finish(femoralStemSlices(spec))
}

/** buildFemoralStem in slices (../slices.ts): made ahead in one, it was a 26–28 ms task in the page. */
export function* femoralStemSlices(spec: StemSpec): Slices<ObjectModel> {
  const g = stemGeometry(spec)
  const body = yield* stemBodySlices(g)
  yield
  smoothNormals(body)
  yield
  const neck = neckAndTaper(g)
  const plate = collar(g)
  for (const geometry of [body, neck, plate]) if (geometry) toStemLocal(geometry)
  return {
    parts: [
      { name: 'stem', geometry: body, material: 'titanium', working: true },
      { name: 'neck', geometry: neck, material: 'titanium', working: false },
      ...(plate ? [{ name: 'collar', geometry: plate, material: 'titanium' as const, working: false }] : []),
    ],
  }
}

