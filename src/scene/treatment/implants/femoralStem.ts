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
import { Surface, flatNormal, type P3 } from '../shapes/surface.ts'

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

/**
 * The body: a loft of sections. `teeth` ridges the surface every `teeth.pitch` mm (a broach);
 * the model's local frame is set by the caller (x, t, z here).
 */
export function stemBody(g: StemGeometry, teeth?: { pitch: number; depth: number }): BufferGeometry {
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
  const centre = (ring: P3[]): P3 => {
    const c = ring.reduce((a, p) => [a[0] + p[0], a[1] + p[1], a[2] + p[2]] as P3, [0, 0, 0] as P3)
    return [c[0] / ring.length, c[1] / ring.length, c[2] / ring.length]
  }
  for (let i = 0; i < rings.length - 1; i++) {
    const a = rings[i]!
    const b = rings[i + 1]!
    for (let k = 0; k < a.length; k++) {
      const k1 = (k + 1) % a.length
      const mid = centre([a[k]!, a[k1]!, b[k]!, b[k1]!])
      const axisPoint: P3 = [centre(a)[0], mid[1], 0]
      const outward: P3 = [mid[0] - axisPoint[0], 0, mid[2] - axisPoint[2]]
      // The facet's own normal (the broach's teeth shade by it); at the pointed tip, where the
      // first ring is one point, from the facet's other three corners.
      let n = flatNormal(a[k]!, a[k1]!, b[k1]!, outward)
      if (Math.hypot(...n) < 0.5) n = flatNormal(a[k]!, b[k1]!, b[k]!, outward)
      s.quad(a[k]!, a[k1]!, b[k1]!, b[k]!, n, n, n, n)
    }
  }
  // The top: a flat shoulder, fanned from its middle.
  const top = rings.at(-1)!
  const c = centre(top)
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

/** From the stem frame (x, t, z) to the model's local frame: +Y down the stem (toward the tip's `to`). */
export const STEM_TO_LOCAL = new Matrix4().makeScale(1, -1, -1)

export function buildFemoralStem(spec: StemSpec): ObjectModel {
  const g = stemGeometry(spec)
  const body = smoothNormals(stemBody(g))
  const neck = neckAndTaper(g)
  const plate = collar(g)
  for (const geometry of [body, neck, plate]) {
    geometry?.applyMatrix4(STEM_TO_LOCAL)
    geometry?.computeBoundingBox()
    geometry?.computeBoundingSphere()
  }
  return {
    parts: [
      { name: 'stem', geometry: body, material: 'titanium', working: true },
      { name: 'neck', geometry: neck, material: 'titanium', working: false },
      ...(plate ? [{ name: 'collar', geometry: plate, material: 'titanium' as const, working: false }] : []),
    ],
  }
}

