/**
 * Signed distance of the right hip bone (os coxae) in the model frame.
 *
 * Parts: the acetabular body (a thick mass around the cup, trimmed by the undulating
 * rim), the iliac wing (an S-curved plate with a Catmull-Rom outline carrying the
 * spines and the crest, thick at its borders and thin in the iliac fossa), the ischium
 * (column, spine, tuberosity, ramus) and the pubis (superior ramus with pectineal line
 * and obturator groove, body, tubercle, inferior ramus). The cup and the fossa are
 * subtracted last, so no part can intrude into the joint. Positions are anatomical
 * estimates relative to the hip centre for an average adult [Inf].
 */
import { acetabulumGeometry, type AcetabulumGeometry } from './acetabulumGeometry.ts'
import type { HipFrames } from './frames.ts'
import { catmullRomClosed, polygonSdf, tabulate2d, type P2 } from './polygon2d.ts'
import { bounded, boundsOf, capsule, ellipsoid, smax, smin, sminBounded, sweep, taperedEllipse, type Sdf } from './sdf.ts'
import { cross, norm, smoothstep, type V3 } from './vec.ts'

/** Plate frame of the iliac wing: u from ASIS toward PSIS, v up, w toward the iliac fossa. */
export interface IliacFrame {
  readonly u0: V3
  readonly v0: V3
  readonly w0: V3
  /** Mid-surface offset w(u, v) of the wing: lateral flare plus the S-curve of the crest. */
  mid(u: number, v: number): number
  /** Wing thickness t(u, v). */
  thickness(u: number, v: number, edge: number): number
  /** Model point at plate coordinates (u, v) and offset w from the mid-surface. */
  point(u: number, v: number, dw?: number): V3
  readonly outline: readonly P2[]
  readonly outlineSdf: (u: number, v: number) => number
}

/** Control points of the wing outline in (u, v) mm, counter-clockwise. */
export const ILIAC_OUTLINE: readonly P2[] = [
  [-22, 12], // below the AIIS, merges into the acetabular roof
  [-37, 30], // AIIS
  [-36, 43], // notch between the spines
  [-53, 60], // ASIS
  [-44, 78],
  [-22, 96],
  [2, 108], // iliac tubercle region
  [35, 117],
  [62, 118], // highest point of the crest
  [88, 108],
  [108, 88],
  [117, 66], // PSIS
  [110, 54],
  [112, 42], // PIIS
  [96, 28], // greater sciatic notch
  [78, 6],
  [62, -12], // toward the ischial spine
  [40, -22],
  [10, -12],
  [-10, 0],
]

/** Smooth max(0, x) with a knee of width k (no seam in the wing). */
const softplus = (x: number, k: number) => k * Math.log1p(Math.exp(x / k))

export function iliacFrame(): IliacFrame {
  const u0 = norm([0.423, -0.024, -0.906])
  const v0 = norm([0.024 * 0.423, 1, 0])
  const w0 = norm(cross(u0, v0))
  const uA = -53
  const U = 170
  // Viewed from above the crest is an italic S: its anterior part concave medially (the
  // wing bulges laterally to the iliac tubercle, the widest point of the pelvis), its
  // posterior part gently concave laterally toward the sacroiliac joint.
  const mid = (u: number, v: number) => {
    const s = Math.sin((2 * Math.PI * (u - uA)) / U)
    return 9 - 0.6 * softplus(v - 35, 8) - (15 + 7 * s) * s * smoothstep(10, 80, v)
  }
  const outline = catmullRomClosed(ILIAC_OUTLINE, 8)
  const outlineSdf = tabulate2d(polygonSdf(outline), [-100, -70], [170, 160], 0.5)
  const thickness = (u: number, v: number, edge: number) => {
    // Thin iliac fossa, thick rim (crest lips, spines, sciatic border), thick supra-
    // acetabular roof and sciatic buttress carrying the load to the sacrum.
    const rimT = 6.5 * smoothstep(-14, -1, edge)
    const roof = 16 * Math.exp(-(((v - 18) / 20) ** 2)) * smoothstep(-40, -20, u) * (1 - smoothstep(70, 100, u))
    const buttress = 9 * Math.exp(-(((u - 80) / 20) ** 2)) * smoothstep(0, 25, v) * (1 - smoothstep(50, 75, v))
    return 3.2 + rimT + roof + buttress
  }
  const point = (u: number, v: number, dw = 0): V3 => {
    const w = mid(u, v) + dw
    return [u0[0] * u + v0[0] * v + w0[0] * w, u0[1] * u + v0[1] * v + w0[1] * w, u0[2] * u + v0[2] * v + w0[2] * w]
  }
  return { u0, v0, w0, mid, thickness, point, outline, outlineSdf }
}

export interface PelvisLandmarks {
  readonly asis: V3
  readonly aiis: V3
  readonly psis: V3
  readonly piis: V3
  readonly iliacTubercle: V3
  readonly crestTop: V3
  readonly ischialSpine: V3
  readonly ischialTuberosity: V3
  readonly pubicTubercle: V3
  readonly pubicBody: V3
  readonly iliopubicEminence: V3
  readonly obturatorForamen: V3
  readonly obturatorCanal: V3
  readonly auricularSurface: V3
  readonly iliacTuberosity: V3
  readonly greaterSciaticNotch: V3
  readonly lesserSciaticNotch: V3
}

export function pelvisLandmarks(il: IliacFrame): PelvisLandmarks {
  return {
    asis: il.point(-53, 60),
    aiis: il.point(-37, 30),
    psis: il.point(117, 66),
    piis: il.point(112, 42),
    iliacTubercle: il.point(2, 108),
    crestTop: il.point(62, 118),
    ischialSpine: [34, -15, -50],
    ischialTuberosity: [21, -62, -31],
    pubicTubercle: [64, -26, 50],
    pubicBody: [78, -42, 36],
    iliopubicEminence: [25, 8, 21],
    obturatorForamen: [44.5, -46.8, 8.6], // centre of the hole cut out of the obturator frame
    obturatorCanal: [32, -14, 27],
    auricularSurface: il.point(92, 45, 6),
    iliacTuberosity: il.point(100, 72, 6),
    greaterSciaticNotch: il.point(84, 12),
    lesserSciaticNotch: [24, -38, -30],
  }
}

export function hipBoneSdf(f: HipFrames, acet: AcetabulumGeometry = acetabulumGeometry(f)): Sdf {
  const il = iliacFrame()
  const lm = pelvisLandmarks(il)
  const R = acet.radius
  const a = acet.axis

  // Acetabular body, centred medially behind the cup; the rim cut applies to it only.
  // A narrow rim face (≈6 mm) that rounds off, not a broad flat cut: the body's outer
  // surface falls away from the rim toward the pelvis.
  const bc: V3 = [-a[0] * 9, -a[1] * 9 + 1.5, -a[2] * 9]
  const bodyEx = a
  const bodyEy = norm(cross(a, [0, 0, 1]))
  const bodyEz = norm(cross(bodyEx, bodyEy))
  // Its depth along the axis sets the medial wall behind the fossa (the quadrilateral
  // plate): ≈6–7 mm here, thin as in the bone, thick above under the roof.
  const body = ellipsoid(bc, bodyEx, bodyEy, bodyEz, [27, 35, 34])

  // Wing: plate distance, corrected for the slope of the mid-surface.
  const wing: Sdf = (x, y, z) => {
    const u = x * il.u0[0] + y * il.u0[1] + z * il.u0[2]
    const v = x * il.v0[0] + y * il.v0[1] + z * il.v0[2]
    const w = x * il.w0[0] + y * il.w0[1] + z * il.w0[2]
    const edge = il.outlineSdf(u, v)
    if (edge > 30) return edge
    const m = il.mid(u, v)
    const dmu = (il.mid(u + 0.5, v) - il.mid(u - 0.5, v)) / 1
    const dmv = (il.mid(u, v + 0.5) - il.mid(u, v - 0.5)) / 1
    const t = il.thickness(u, v, edge)
    const plate = Math.abs(w - m) / Math.sqrt(1 + dmu * dmu + dmv * dmv) - t / 2
    return smax(plate, edge, Math.min(t * 0.45, 5))
  }
  const asisBump = ellipsoid(lm.asis, il.u0, il.v0, il.w0, [9, 4.5, 4])
  const aiisBump = ellipsoid(lm.aiis, il.u0, il.v0, il.w0, [4.5, 9, 5])
  const tubercle = ellipsoid(lm.iliacTubercle, il.u0, il.v0, il.w0, [15, 4, 6.5])
  const auricular = ellipsoid(lm.auricularSurface, il.u0, il.v0, il.w0, [14, 20, 3.5])
  const tuberosity = ellipsoid(lm.iliacTuberosity, il.u0, il.v0, il.w0, [12, 10, 5])
  // Arcuate line → pectineal line: the brim of the true pelvis on the inner surface.
  const arcuate = sweep([il.point(95, 38, 5), il.point(55, 20, 8), [30, 14, 6], lm.iliopubicEminence], [2.6, 2.6, 2.4, 2.2], [2.6, 2.6, 2.4, 2.2], [0, 1, 0])

  // Ischium: posterior column down to the tuberosity; spine; ramus.
  const ischium = taperedEllipse([4, -18, -22], [18, -52, -30], 14, 11, 11, 9, [0, 0, 1])
  const tuber = ellipsoid(lm.ischialTuberosity, norm([0.15, -1, 0.1]), norm([1, 0.15, 0]), norm(cross(norm([0.15, -1, 0.1]), norm([1, 0.15, 0]))), [17, 9.5, 12.5])
  const spine = taperedEllipse([16, -12, -34], lm.ischialSpine, 9, 3.2, 3, 1.8, [0, 1, 0.2])
  const ischRamus = sweep([[22, -66, -22], [42, -72, -2], [64, -63, 22], [74, -56, 32]], [8, 7, 7, 7.5], [3.6, 3.2, 3.2, 3.8], [0, 1, 0.35])

  // Pubis: superior ramus (a flattened triangular bar), body, tubercle, crest.
  const supRamus = sweep([[20, -4, 16], [36, -11, 34], [68, -28, 42]], [10, 8.5, 9.5], [7, 5.2, 5.6], [0, 1, 0.25])
  const pubBody = ellipsoid(lm.pubicBody, [1, 0, 0], norm([0, 1, 0.15]), norm([0, -0.15, 1]), [8, 22, 12])
  const pubTubercle = capsule(lm.pubicTubercle, [76, -22, 44], 3.4, 2.8)
  const eminence = ellipsoid(lm.iliopubicEminence, [1, 0, 0], [0, 1, 0], [0, 0, 1], [8, 6, 6])
  // Pectineal line (pecten pubis): the sharp upper-posterior edge of the superior ramus.
  const pectineal = sweep([[22, 4, 12], [37, -3, 30], [64, -19, 37]], [1.8, 1.7, 1.5], [1.8, 1.7, 1.5], [0, 1, 0])
  const obturatorGroove = capsule([16, -12, 20], [42, -21, 31], 4.2, 3.8)

  // Obturator frame: the rami are flat bars round the foramen, not pipes. A thin plate in
  // the plane of the foramen (outer ellipse) with the foramen cut out (inner ellipse).
  const obN = norm([-0.63, -0.43, 0.64])
  const obE1 = norm([0.733, -0.077, 0.678])
  const obE2 = norm(cross(obN, obE1))
  const obC: V3 = [43, -44, 9]
  const ellipse2 = (u: number, v: number, a: number, b: number) => (Math.hypot(u / a, v / b) - 1) * Math.min(a, b)
  const obturatorFrame: Sdf = (x, y, z) => {
    const px = x - obC[0], py = y - obC[1], pz = z - obC[2]
    const u = px * obE1[0] + py * obE1[1] + pz * obE1[2]
    const v = px * obE2[0] + py * obE2[1] + pz * obE2[2]
    const w = px * obN[0] + py * obN[1] + pz * obN[2]
    const ring = smax(ellipse2(u, v, 42, 33), -ellipse2(u - 1, v + 3, 27, 17), 4)
    return smax(Math.abs(w) - 2.6, ring, 2.4)
  }

  const cupR = R
  const fossaR = R + acet.fossaDepth
  // Bounded parts (bounding sphere + slope ratio) so the union skips far-away parts:
  // the wing surface, for instance, never needs the pubis evaluated.
  const seg = (a: V3, b: V3, rmax: number) => boundsOf([a, b], rmax)
  const B = (f: Sdf, bs: { c: V3; r: number }, ratio: number) => bounded(f, bs.c, bs.r, ratio)
  const pAiis = B(aiisBump, { c: lm.aiis, r: 9 }, 4.5 / 9)
  const pAsis = B(asisBump, { c: lm.asis, r: 9 }, 4 / 9)
  const pTubercle = B(tubercle, { c: lm.iliacTubercle, r: 15 }, 4 / 15)
  const pAuricular = B(auricular, { c: lm.auricularSurface, r: 20 }, 3.5 / 20)
  const pTuberosity = B(tuberosity, { c: lm.iliacTuberosity, r: 12 }, 5 / 12)
  const pArcuate = B(arcuate, boundsOf([il.point(95, 38, 5), il.point(55, 20, 8), [30, 14, 6], lm.iliopubicEminence], 2.6), 2.2 / 2.6)
  const pIschium = B(ischium, seg([4, -18, -22], [18, -52, -30], 14), 9 / 14)
  const pTuber = B(tuber, { c: lm.ischialTuberosity, r: 17 }, 9.5 / 17)
  const pSpine = B(spine, seg([16, -12, -34], lm.ischialSpine, 9), 1.8 / 9)
  const pIschRamus = B(ischRamus, boundsOf([[22, -66, -22], [42, -72, -2], [64, -63, 22], [74, -56, 32]], 8), 3.2 / 8)
  const pSupRamus = B(supRamus, boundsOf([[20, -4, 16], [36, -11, 34], [68, -28, 42]], 10), 5.2 / 10)
  const pPubBody = B(pubBody, { c: lm.pubicBody, r: 22 }, 8 / 22)
  const pPubTubercle = B(pubTubercle, seg(lm.pubicTubercle, [76, -22, 44], 3.4), 2.8 / 3.4)
  const pEminence = B(eminence, { c: lm.iliopubicEminence, r: 8 }, 6 / 8)
  const pPectineal = B(pectineal, boundsOf([[22, 4, 12], [37, -3, 30], [64, -19, 37]], 1.8), 1.5 / 1.8)
  return (x, y, z) => {
    // body trimmed by the undulating rim
    const ap = x * a[0] + y * a[1] + z * a[2]
    const phi = acet.azimuth([x, y, z])
    const rimH = acet.rimHeight(phi)
    let d = sminBounded(body(x, y, z), pAiis, 11, x, y, z)
    d = smin(d, wing(x, y, z), 12)
    d = sminBounded(d, pAsis, 10, x, y, z)
    d = sminBounded(d, pTubercle, 10, x, y, z)
    d = sminBounded(d, pAuricular, 6, x, y, z)
    d = sminBounded(d, pTuberosity, 8, x, y, z)
    d = sminBounded(d, pArcuate, 4, x, y, z)
    d = sminBounded(d, pIschium, 10, x, y, z)
    d = sminBounded(d, pTuber, 8, x, y, z)
    d = sminBounded(d, pSpine, 5, x, y, z)
    d = sminBounded(d, pIschRamus, 7, x, y, z)
    d = smin(d, obturatorFrame(x, y, z), 6)
    d = sminBounded(d, pSupRamus, 9, x, y, z)
    d = sminBounded(d, pPubBody, 7, x, y, z)
    d = sminBounded(d, pPubTubercle, 6, x, y, z)
    d = sminBounded(d, pEminence, 6, x, y, z)
    d = sminBounded(d, pPectineal, 3, x, y, z)
    d = smax(d, -obturatorGroove(x, y, z), 2.5)
    // Joint cavity: the bony sphere.
    const r = Math.hypot(x, y, z)
    const rho = Math.sqrt(Math.max(0, r * r - ap * ap))
    // The rim: everything beyond the undulating rim surface and within a collar around
    // the opening is trimmed (confined, so the cut cannot slice the ischium or pubis).
    // The collar is also bounded along the axis (a slab in front of the rim, deep enough
    // for the head): unbounded, it bored tunnels through the obturator frame below.
    // The collar's edge (rim face against its outer wall) is blended: a sharp corner there left a
    // concave crease along the outside of the rim that the level set meshed as a jagged, darkly
    // shaded line, read by a surgeon as a fracture of the posterior wall.
    const beyondRim = Math.max(smax(rimH - ap, rho - (cupR + 7), 4), ap - 27)
    d = smax(d, -beyondRim, 3)
    d = smax(d, -(r - cupR), 1.2)
    // Fossa (non-articular, deeper) running out through the notch.
    const inv = r > 1e-6 ? 1 / r : 0
    const fa = acet.fossaAngle([x * inv, y * inv, z * inv])
    const fossa = Math.max(r - fossaR, fa * cupR)
    d = smax(d, -fossa, 1.5)
    return d
  }
}

/**
 * The landmarks moved onto the bone surface (labels and regions need them on it): each is
 * pushed along a ray away from the middle of the bone (or along a given direction, e.g.
 * medially for the auricular surface) until it meets the surface. Gradient projection
 * fails here: most landmarks sit at the centre of the bump that makes them.
 */
export function onSurface(lm: PelvisLandmarks, sdf: Sdf, il: IliacFrame): PelvisLandmarks {
  const middle: V3 = [25, 15, -20]
  const hints: Partial<Record<keyof PelvisLandmarks, V3>> = {
    auricularSurface: il.w0,
    iliacTuberosity: il.w0,
    lesserSciaticNotch: norm([0.3, 0, -1]),
  }
  const out = {} as Record<keyof PelvisLandmarks, V3>
  for (const k of Object.keys(lm) as (keyof PelvisLandmarks)[]) {
    const p = lm[k]
    // the foramen centre and the canal are holes: keep them where they are
    if (k === 'obturatorForamen' || k === 'obturatorCanal') {
      out[k] = p
      continue
    }
    const dir = hints[k] ?? norm([p[0] - middle[0], p[1] - middle[1], p[2] - middle[2]])
    const at = (t: number): V3 => [p[0] + dir[0] * t, p[1] + dir[1] * t, p[2] + dir[2] * t]
    const f = (t: number) => {
      const q = at(t)
      return sdf(q[0], q[1], q[2])
    }
    // walk out of the bone (or back into it), then bisect the crossing
    let lo = 0
    let hi = 0
    if (f(0) < 0) {
      while (f(hi) < 0 && hi < 60) hi += 0.5
      lo = hi - 0.5
    } else {
      while (f(lo) > 0 && lo > -60) lo -= 0.5
      hi = lo + 0.5
    }
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2
      if (f(mid) < 0) lo = mid
      else hi = mid
    }
    out[k] = at((lo + hi) / 2)
  }
  return out
}
