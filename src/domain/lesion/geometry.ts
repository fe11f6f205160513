/**
 * Where the necrotic lesion sits in the femoral head and what shape it has: one pure model,
 * used by the renderer (its shaders evaluate the same formulas, see scene/disease/lesionGlsl.ts),
 * by the treatments that aim at it, and by the tests.
 *
 * Model frame (docs/contracts.md): right hip, millimetres, origin = centre of the femoral head,
 * +Y superior, +Z anterior, +X medial (lateral is −X). Angles on the mid-coronal slice are
 * measured from vertical, lateral positive; on the mid-sagittal slice, anterior positive.
 *
 * Shape [Inf] (reference §5 "lesion geometry guidance", corrected 2026-12-02): a subchondral
 * bowl under the anterosuperior dome. It is the part of the head inside a half-ellipsoid whose
 * centre sits on the head surface at the lesion's centre direction u: `coronal` wide across
 * the head (medial–lateral), `sagittal` wide front to back, `depth` deep along u. Its floor,
 * the reactive interface, is therefore curved and convex towards the neck (never a pie slice
 * with straight sides meeting at the head centre), and it is made slightly serpiginous by a few
 * gentle waves (INTERFACE_WAVES, about 1 mm). A small lesion is a shallow cap; larger ones
 * reach deeper and further forwards, and stay clear of the head centre's far side.
 *
 * Place: the JIC type sets where the lesion's lateral edge falls on the mid-coronal slice, in
 * thirds of the weight-bearing portion (Sugano 2002: A = medial third or less, B = medial two
 * thirds or less, C1 = more but not beyond the acetabular edge, C2 = beyond it). The weight-
 * bearing portion is read from the model: laterally the acetabular edge, medially the end of
 * the model's weight-bearing zone on that slice (see `weightBearingPortion`). The lesion never
 * reaches medial of the fovea (the inferomedial head keeps its supply); a combination that
 * cannot fit (a large lesion confined to the medial third) is moved laterally and `shownType`
 * says what the drawing shows.
 */
import { cited, type Cited } from '../evidence.ts'
import type { HipLandmarks } from '../anatomy/landmarks.ts'
import type { LesionSize, LesionType, Vec3 } from '../viewState.ts'
import type { LesionChoice } from './choice.ts'

const DEG = Math.PI / 180

// ---- the hip the lesion is placed in ------------------------------------------------------

/** What the placement needs to know about the hip, read from the model's landmarks. */
export interface LesionAnatomy {
  /** Bony radius of the femoral head, mm. */
  readonly headRadius: number
  /** Lateral acetabular edge on the mid-coronal slice, degrees from vertical (lateral +). */
  readonly acetabularEdgeDeg: number
  /** Medial end of the weight-bearing portion on the mid-coronal slice, degrees (medial −). */
  readonly weightBearingMedialDeg: number
  /** Unit direction from the head centre to the fovea capitis. */
  readonly foveaDirection: Vec3
  /** Unit direction from the head centre down the neck. */
  readonly neckDirection: Vec3
  /** Angle between that direction and the head–neck junction, degrees: the head is the ball beyond it. */
  readonly junctionAngleDeg: number
  /** The centre of the weight-bearing zone: unit direction from the head centre. */
  readonly loadDirection: Vec3
}

/**
 * The anatomy of the committed model (public/models/hip.glb). Captions need the lesion's shown
 * type without the model at hand; tests/unit/lesion-anatomy.test.ts checks these values equal
 * `lesionAnatomyOf` applied to the model's own landmarks, so they cannot drift apart.
 */
export const DEFAULT_LESION_ANATOMY: LesionAnatomy = {
  headRadius: 23,
  acetabularEdgeDeg: 32.0,
  weightBearingMedialDeg: -17.9,
  foveaDirection: [0.9579, 0.1972, -0.2087],
  neckDirection: [-0.6819, -0.7026, -0.2035],
  junctionAngleDeg: 56.7,
  loadDirection: [-0.12, 0.8996, 0.4198],
}

const round1 = (v: number) => Math.round(v * 10) / 10
const round4 = (v: number) => Math.round(v * 1e4) / 1e4

/**
 * The placement anatomy from the model's landmarks. The weight-bearing portion on the
 * mid-coronal slice is where the model's weight-bearing zone (a cone about
 * `weightBearingZone.direction`) crosses that slice; its lateral end is the acetabular edge.
 */
export function lesionAnatomyOf(lm: HipLandmarks): LesionAnatomy {
  const c = lm.femoralHead.centre
  const edge = lm.acetabulum.lateralEdge
  const acetabularEdgeDeg = Math.atan2(-(edge[0] - c[0]), edge[1] - c[1]) / DEG
  const wb = lm.weightBearingZone
  // Points of the mid-coronal great circle inside the zone's cone: scan from lateral to medial.
  const cosHalf = Math.cos(wb.halfAngleDeg * DEG)
  let medial = Number.NaN
  for (let a = 90; a >= -90; a -= 0.05) {
    const d = -Math.sin(a * DEG) * wb.direction[0] + Math.cos(a * DEG) * wb.direction[1]
    if (d >= cosHalf) medial = a
  }
  const f = lm.fovea.centre
  const fl = Math.hypot(f[0] - c[0], f[1] - c[1], f[2] - c[2])
  // The neck lies opposite the neck axis's direction (which points from the neck to the head);
  // the junction's angle from it is the mean over the junction's landmark foramina.
  const n = lm.neckAxis.direction
  const neck: Vec3 = [-n[0], -n[1], -n[2]]
  const hn = lm.headNeckJunction
  const junction = [...hn.posterosuperior, hn.anterior, hn.inferior]
  let sum = 0
  for (const p of junction) {
    const d: Vec3 = [p[0] - c[0], p[1] - c[1], p[2] - c[2]]
    sum += Math.acos(Math.max(-1, Math.min(1, dot(d, neck) / Math.hypot(d[0], d[1], d[2])))) / DEG
  }
  return {
    headRadius: lm.femoralHead.radius,
    acetabularEdgeDeg: round1(acetabularEdgeDeg),
    weightBearingMedialDeg: round1(medial),
    foveaDirection: [round4((f[0] - c[0]) / fl), round4((f[1] - c[1]) / fl), round4((f[2] - c[2]) / fl)],
    neckDirection: [round4(neck[0]), round4(neck[1]), round4(neck[2])],
    junctionAngleDeg: round1(sum / junction.length),
    loadDirection: [round4(wb.direction[0]), round4(wb.direction[1]), round4(wb.direction[2])],
  }
}

// ---- JIC types ----------------------------------------------------------------------------

/** The weight-bearing portion on the mid-coronal slice and its thirds, as horizontal offsets. */
export interface WeightBearingPortion {
  /** Angles (deg from vertical, lateral +) of its medial end, the two third-lines and its lateral end (the acetabular edge). */
  readonly medialDeg: number
  readonly medialThirdDeg: number
  readonly twoThirdsDeg: number
  readonly lateralDeg: number
}

/**
 * JIC thirds are thirds of the portion's width as seen on an AP radiograph or a mid-coronal MRI
 * slice, i.e. cut by vertical lines: equal steps of the horizontal offset sin(angle).
 */
export function weightBearingPortion(anatomy: LesionAnatomy = DEFAULT_LESION_ANATOMY): WeightBearingPortion {
  const xm = Math.sin(anatomy.weightBearingMedialDeg * DEG)
  const xl = Math.sin(anatomy.acetabularEdgeDeg * DEG)
  const at = (t: number) => Math.asin(xm + (xl - xm) * t) / DEG
  return { medialDeg: anatomy.weightBearingMedialDeg, medialThirdDeg: at(1 / 3), twoThirdsDeg: at(2 / 3), lateralDeg: anatomy.acetabularEdgeDeg }
}

/** The JIC type of a lesion whose lateral edge on the mid-coronal slice is at `edgeDeg`. */
export function jicTypeOfLateralEdge(edgeDeg: number, anatomy: LesionAnatomy = DEFAULT_LESION_ANATOMY): LesionType {
  const wb = weightBearingPortion(anatomy)
  if (edgeDeg <= wb.medialThirdDeg) return 'A'
  if (edgeDeg <= wb.twoThirdsDeg) return 'B'
  if (edgeDeg <= wb.lateralDeg) return 'C1'
  return 'C2'
}

/** How far beyond the acetabular edge a C2 lesion's lateral edge is drawn. */
export const C2_OVERHANG_DEG: Cited<number> = cited(
  22,
  'Inf',
  ['ref-geometry', 'sugano2002'],
  'clearly lateral of the bony edge, so the uncovered lateral head is necrotic and no living lateral pillar remains',
)

/**
 * Where each type's lateral edge is drawn [Inf]: inside its range — A and B in the middle of their
 * thirds, C1 80% of the way to the acetabular edge (a few millimetres inside the rim, so the default
 * large C1 lesion takes in the lateral pillar under the roof, where lesions concentrate), C2
 * clearly beyond the edge.
 */
function targetEdgeDeg(type: LesionType, anatomy: LesionAnatomy): number {
  const wb = weightBearingPortion(anatomy)
  const x = (deg: number) => Math.sin(deg * DEG)
  const between = (a: number, b: number, t: number) => Math.asin(x(a) + (x(b) - x(a)) * t) / DEG
  switch (type) {
    case 'A':
      return between(wb.medialDeg, wb.medialThirdDeg, 0.5)
    case 'B':
      return between(wb.medialThirdDeg, wb.twoThirdsDeg, 0.5)
    case 'C1':
      return between(wb.twoThirdsDeg, wb.lateralDeg, 0.8)
    case 'C2':
      return wb.lateralDeg + C2_OVERHANG_DEG.value
  }
}

// ---- the shape ----------------------------------------------------------------------------

/** Half-axes of the bowl (fractions of the head radius) and its forward tilt, per size class. */
export interface LesionShape {
  /** Half-width across the head (medial–lateral). */
  readonly coronal: number
  /** Half-width front to back. */
  readonly sagittal: number
  /** Depth along the centre direction, from the surface. */
  readonly depth: number
  /** Forward tilt of the centre from the coronal plane, degrees. */
  readonly forwardTiltDeg: number
}

/**
 * [Inf] Chosen so that each class lands inside both of its published size measures — the share
 * of the head's volume beyond the head–neck junction (small < 15%, medium 15–30%, large > 30%;
 * Steinberg 1995) and the Kerboul arc
 * sum on the mid-coronal and mid-sagittal slices (small ≤ 160°, medium 161–199°, large ≥ 200°;
 * Kerboul 1974; ≥ 240° collapsed in 25/25 hips, Ha 2006) — while staying in the anterosuperior
 * head: lesions concentrate there, larger ones spread further forward (3D-CT map, J Orthop Surg
 * Res 2024; the anterosuperior quadrants are most involved, equivalent-sphere MRI 2020), and the medial–lateral width is limited by the room between the fovea and the
 * acetabular edge. tests/unit/lesion.test.ts measures volume and arcs for every combination.
 *
 * The large bowl is round rather than long: across 90°, front to back 141° (Kerboul 231°, 33% of
 * the head, medial edge 15° clear of the fovea). A trough twice the head's width front to back
 * (the earlier 0.58 / 2.0 R: 72° + 167°) met the same classes, but its floor crossed a sagittal
 * cut as a straight line, which a surgeon reviewing it corrected; the reference wants a floor
 * convex towards the neck on both cuts (clinical reference §5, lesion geometry guidance).
 */
export const LESION_SHAPES: Cited<Readonly<Record<LesionSize, LesionShape>>> = cited(
  {
    small: { coronal: 0.45, sagittal: 0.95, depth: 0.36, forwardTiltDeg: 14 },
    medium: { coronal: 0.48, sagittal: 1.0, depth: 0.9, forwardTiltDeg: 20 },
    large: { coronal: 0.69, sagittal: 1.2, depth: 1.04, forwardTiltDeg: 28 },
  },
  'Inf',
  ['ref-geometry', 'steinberg1995', 'kerboul1974', 'ha2006', 'josr2024map', 'josr2020sphere'],
  'half-axes of the bowl per size class, measured against the volume and Kerboul classes by the tests',
)

/**
 * The gentle waves that make the reactive interface serpiginous (mm, in the lesion's own frame:
 * x lateral, y anterior, z along the centre direction). Written once here; the shaders get the
 * same numbers (scene/disease/lesionGlsl.ts). Amplitudes sum to about 1 mm [Inf: MRI shows a
 * "serpiginous" or "wavy" low-signal rim, Mitchell 1987; the scale is a design choice].
 */
export const INTERFACE_WAVES: readonly { readonly k: Vec3; readonly phase: number; readonly amplitude: number }[] = [
  { k: [0.42, 0.0, 0.25], phase: 0.7, amplitude: 0.45 },
  { k: [0.0, 0.36, -0.3], phase: 2.1, amplitude: 0.35 },
  { k: [0.28, -0.31, 0.0], phase: 4.0, amplitude: 0.25 },
]

/**
 * How far inside the reactive interface the repair tissue reaches, mm [Inf: the inner, bright
 * band of the double line, a fibrovascular layer of a few millimetres (Mitchell 1987; reference
 * §5); the width is a design choice]. The cut draws it as the interface's pink band, and the
 * lesion's cysts sit along its inner edge (scene/disease/shaders.ts, sectionCaps.ts).
 */
export const REPAIR_ZONE_MM: Cited<number> = cited(2.6, 'Inf', ['ref-geometry', 'mitchell1987'], 'the inner bright band of the double line; its width is a design choice')

/** Where the subchondral fracture (crescent) starts. */
export const CRESCENT_ORIGIN: Cited<string> = cited(
  'the anterolateral margin of the lesion, just under the subchondral plate',
  'S',
  ['hamada2018', 'ref-geometry'],
  'first cracks ran between resorption zones in the anterosuperior head in 18/18 early-collapse heads',
)

/** Depth of the crescent (the fracture line) under the bony surface, mm [Inf: "just beneath the subchondral plate"]. */
export const CRESCENT_DEPTH_MM: Cited<number> = cited(1.8, 'Inf', ['ref-geometry', 'hamada2018'], 'a subchondral plate of about 1–2 mm lies above the fracture')

/** Kerboul angle (sum of the necrotic arcs on two perpendicular views): class limits. */
export const KERBOUL_RADIOGRAPHIC: Cited<{ readonly smallMax: number; readonly largeMin: number }> = cited(
  { smallMax: 160, largeMin: 200 },
  'S-sec',
  ['kerboul1974', 'orthopaedicsone-kerboul'],
  'small ≤ 160°, medium 161–199°, large ≥ 200°: the class limits as OrthopaedicsOne gives them for the Kerboul angle; the 1974 paper (which defines the angle) was read only in its abstract',
)

/** Modified Kerboul (MRI): at ≥ 240° all 25 hips collapsed, at ≤ 190° none of 4 (Ha 2006). */
export const MODIFIED_KERBOUL_COLLAPSE: Cited<{ readonly noneUpTo: number; readonly allFrom: number }> = cited(
  { noneUpTo: 190, allFrom: 240 },
  'S',
  ['ha2006'],
)

/** Margin kept between the lesion's medial-most point and the fovea, towards the medial pole (deg). */
export const FOVEA_CLEARANCE_DEG: Cited<number> = cited(
  6,
  'Inf',
  ['ref-failing', 'boraiah2009'],
  'the inferomedial head, fed by the inferior retinacular and foveal vessels, usually survives',
)

export interface LesionGeometry {
  /** Head radius the geometry was made for, mm. */
  readonly radius: number
  /** Unit vector from the head centre to the middle of the lesion's surface footprint (u). */
  readonly centre: Vec3
  /** Unit tangent at u pointing laterally (in the plane of u and the mediolateral axis). */
  readonly lateral: Vec3
  /** Unit tangent at u pointing anteriorly (u × lateral, so lateral, anterior, centre is right-handed). */
  readonly anterior: Vec3
  /** Half-axes of the bowl along lateral, anterior and centre, mm. */
  readonly semiAxesMm: Vec3
  /** Tilt of u from vertical seen on an AP view (coronal plane); + = lateral. */
  readonly coronalTiltDeg: number
  /** Tilt of u from vertical seen on a lateral view (sagittal plane); + = anterior. */
  readonly sagittalTiltDeg: number
  /** Lateral and medial edges of the necrotic arc on the mid-coronal slice, deg (lateral +). */
  readonly lateralEdgeDeg: number
  readonly medialEdgeDeg: number
  /** Necrotic arcs on the mid-coronal and mid-sagittal slices (MRI) and their sum, the modified Kerboul angle (Ha 2006), deg. */
  readonly coronalArcDeg: number
  readonly sagittalArcDeg: number
  readonly modifiedKerboulDeg: number
  /**
   * Necrotic arcs on two views at right angles that show the lesion in profile (across, front to
   * back) and their sum, the Kerboul angle whose size classes are small ≤ 160°, large ≥ 200°, deg.
   */
  readonly acrossArcDeg: number
  readonly frontToBackArcDeg: number
  readonly kerboulArcSumDeg: number
  /** How far (deg, towards the medial pole) the lesion's medial-most point stays lateral of the fovea. */
  readonly foveaClearanceDeg: number
  /** The centre of the hip's weight-bearing zone (LesionAnatomy): the collapse is deepest nearest it. */
  readonly loadDirection: Vec3
  /** JIC type the drawing shows; differs from the chosen one only when that was impossible. */
  readonly shownType: LesionType
}

type V = [number, number, number]
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
const normalise = (a: Vec3): V => {
  const l = Math.hypot(a[0], a[1], a[2])
  return [a[0] / l, a[1] / l, a[2] / l]
}
const cross = (a: Vec3, b: Vec3): V => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]

/** Unit direction with projected angles φ (AP view, lateral +) and ψ (lateral view, anterior +). */
function direction(coronalDeg: number, sagittalDeg: number): V {
  return normalise([-Math.tan(coronalDeg * DEG), 1, Math.tan(sagittalDeg * DEG)])
}

interface Frame {
  readonly radius: number
  readonly centre: Vec3
  readonly lateral: Vec3
  readonly anterior: Vec3
  readonly semiAxesMm: Vec3
}

function frameFor(coronalDeg: number, sagittalDeg: number, shape: LesionShape, radius: number): Frame {
  const centre = direction(coronalDeg, sagittalDeg)
  // Lateral (−X) with its component along u removed.
  const towardLateral: Vec3 = [-1, 0, 0]
  const d = dot(towardLateral, centre)
  const lateral = normalise([towardLateral[0] - d * centre[0], towardLateral[1] - d * centre[1], towardLateral[2] - d * centre[2]])
  const anterior = cross(centre, lateral)
  return { radius, centre, lateral, anterior, semiAxesMm: [shape.coronal * radius, shape.sagittal * radius, shape.depth * radius] }
}

/** The serpiginous waves at a point of the lesion frame (mm). */
export function interfaceWave(x: number, y: number, z: number): number {
  let w = 0
  for (const { k, phase, amplitude } of INTERFACE_WAVES) w += amplitude * Math.sin(k[0] * x + k[1] * y + k[2] * z + phase)
  return w
}

/**
 * Signed distance (mm, approximate away from the surface) from a point to the reactive interface:
 * negative inside the bowl. `p` is relative to the head centre, model frame. Not clipped to the
 * head: combine with |p| ≤ R (see `isInLesion`). The shaders compute exactly this
 * (scene/disease/lesionGlsl.ts): an ellipsoid distance estimate (k0 (k0 − 1) / k1) plus the waves.
 */
export function interfaceDistance(p: Vec3, g: Frame): number {
  const r = g.radius
  const qx = p[0] - g.centre[0] * r
  const qy = p[1] - g.centre[1] * r
  const qz = p[2] - g.centre[2] * r
  const x = qx * g.lateral[0] + qy * g.lateral[1] + qz * g.lateral[2]
  const y = qx * g.anterior[0] + qy * g.anterior[1] + qz * g.anterior[2]
  const z = qx * g.centre[0] + qy * g.centre[1] + qz * g.centre[2]
  const [a, b, c] = g.semiAxesMm
  // Math.sqrt of the sums, not Math.hypot: samplers of the lesion call this some 10⁵ times per
  // plan, and hypot's overflow guard made it a third slower (no overflow at mm scales).
  const xa = x / a, yb = y / b, zc = z / c
  const k0 = Math.sqrt(xa * xa + yb * yb + zc * zc)
  const k1 = Math.max(Math.sqrt((xa / a) ** 2 + (yb / b) ** 2 + (zc / c) ** 2), 1e-9)
  return (k0 * (k0 - 1)) / k1 + interfaceWave(x, y, z)
}

/** Whether point p (relative to the head centre, model frame, mm) is necrotic bone. */
export function isInLesion(p: Vec3, g: Frame): boolean {
  return p[0] * p[0] + p[1] * p[1] + p[2] * p[2] <= g.radius * g.radius && interfaceDistance(p, g) < 0
}

/**
 * An axis-aligned box (model frame, relative to the head centre, mm) that holds every point at
 * least `belowMm` inside the reactive interface (`interfaceDistance` < −belowMm; 0: the whole
 * lesion), clipped to the head's sphere: samplers of the lesion's volume visit this box instead
 * of the whole head.
 *
 * Why it is safe: with k0 ≥ 1 the distance estimate k0 (k0 − 1) / k1 is at least (k0 − 1) m,
 * m the bowl's smallest half-axis (k1 ≤ k0 / m), and the waves move it by at most their summed
 * amplitudes W. So such a point has k0 < 1 + (W − belowMm) / m: it lies in the bowl's
 * ellipsoid scaled by that, whose extent along a model axis e is s √(a² (l·e)² + b² (n·e)² + c² (u·e)²).
 * Deeper than W (belowMm > W, so k0 < 1) the bound turns round: there the estimate is at most
 * (k0 − 1) M, M the largest half-axis (k0 / k1 ≤ M), and M takes m's place. (With m there, as
 * before, the box could miss points deep in the bowl; the 1.5-mm boxes happened to hold them.)
 */
export function lesionBox(g: Frame, belowMm = 0): { readonly min: Vec3; readonly max: Vec3 } {
  const waves = INTERFACE_WAVES.reduce((sum, w) => sum + Math.abs(w.amplitude), 0)
  const [a, b, c] = g.semiAxesMm
  // k0 / k1 lies between the smallest half-axis and the largest: the bound on k0 takes the one
  // that makes it safe, as the margin (W − belowMm) is room or a shortfall.
  const margin = waves - belowMm
  const s = Math.max(0, 1 + margin / (margin >= 0 ? Math.min(a, b, c) : Math.max(a, b, c)))
  const r = g.radius
  const min: V = [-r, -r, -r]
  const max: V = [r, r, r]
  for (let i = 0; i < 3; i++) {
    const half = s * Math.hypot(a * g.lateral[i]!, b * g.anterior[i]!, c * g.centre[i]!)
    min[i] = Math.max(-r, g.centre[i]! * r - half)
    max[i] = Math.min(r, g.centre[i]! * r + half)
  }
  return { min, max }
}

/** Depth under the bony surface at which footprints and arcs are read (just under the plate), mm. */
const SURFACE_PROBE_MM = 0.5

/** Angular interval (deg) of the footprint along a great circle, or null if it misses. */
function arcOn(g: Frame, point: (deg: number) => Vec3): { from: number; to: number } | null {
  const r = g.radius - SURFACE_PROBE_MM
  let from = Number.NaN
  let to = Number.NaN
  for (let a = -120; a <= 120; a += 0.25) {
    const d = point(a)
    if (interfaceDistance([d[0] * r, d[1] * r, d[2] * r], g) < 0) {
      if (Number.isNaN(from)) from = a
      to = a
    }
  }
  return Number.isNaN(from) ? null : { from, to }
}

const coronalPoint = (deg: number): Vec3 => [-Math.sin(deg * DEG), Math.cos(deg * DEG), 0]
const sagittalPoint = (deg: number): Vec3 => [0, Math.cos(deg * DEG), Math.sin(deg * DEG)]

/** Calls `visit` for points of the footprint just under the bony surface (a 2° × 4° grid about u). */
function forEachFootprintPoint(g: Frame, visit: (d: Vec3) => void): void {
  const r = g.radius - SURFACE_PROBE_MM
  const d: V = [0, 0, 0]
  for (let polar = 0; polar <= 120; polar += 2) {
    const sp = Math.sin(polar * DEG)
    const cp = Math.cos(polar * DEG)
    for (let az = 0; az < 360; az += polar === 0 ? 360 : 4) {
      const ca = Math.cos(az * DEG)
      const sa = Math.sin(az * DEG)
      for (let i = 0; i < 3; i++) d[i] = g.centre[i]! * cp + (g.lateral[i]! * ca + g.anterior[i]! * sa) * sp
      if (interfaceDistance([d[0] * r, d[1] * r, d[2] * r], g) < 0) visit(d)
    }
  }
}

/**
 * How far the footprint stays lateral of the fovea (deg): the fovea's medial angle (its angle
 * from the sagittal plane through the head centre, towards the medial pole) minus the footprint's.
 */
function clearanceFrom(g: Frame, fovea: Vec3): number {
  let medialMost = -1
  forEachFootprintPoint(g, (d) => {
    medialMost = Math.max(medialMost, d[0])
  })
  return (Math.asin(fovea[0]) - Math.asin(medialMost)) / DEG
}

/**
 * Necrotic arcs as Kerboul measured them on two radiographs at right angles, taken so that each
 * shows the lesion in profile: the angle the footprint subtends at the head centre along the
 * great circles through its centre, across (lateral direction) and front to back (anterior).
 * Read along the circle's two halves from the centre until the footprint ends.
 */
function profileArcs(g: Frame): { across: number; frontToBack: number } {
  const r = g.radius - SURFACE_PROBE_MM
  const extent = (t: Vec3, sign: number) => {
    let a = 0
    for (; a < 179; a += 0.25) {
      const c = Math.cos(a * DEG)
      const s = Math.sin(a * DEG) * sign
      const d: Vec3 = [g.centre[0] * c + t[0] * s, g.centre[1] * c + t[1] * s, g.centre[2] * c + t[2] * s]
      if (interfaceDistance([d[0] * r, d[1] * r, d[2] * r], g) >= 0) break
    }
    return a
  }
  return { across: extent(g.lateral, 1) + extent(g.lateral, -1), frontToBack: extent(g.anterior, 1) + extent(g.anterior, -1) }
}

function lateralEdgeOf(g: Frame): number {
  return arcOn(g, coronalPoint)?.to ?? Number.NaN
}

/** Coronal tilt (deg) that puts the lateral edge at `target` (the edge moves with the tilt, so bisect). */
function tiltForEdge(target: number, sagittalDeg: number, shape: LesionShape, radius: number): number {
  let lo = -75
  let hi = 60
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2
    if (lateralEdgeOf(frameFor(mid, sagittalDeg, shape, radius)) < target) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

const cache = new Map<string, LesionGeometry>()

/** The lesion for a size class and JIC type in this hip. Pure; computed once per combination. */
export function lesionGeometry(lesion: LesionChoice, anatomy: LesionAnatomy = DEFAULT_LESION_ANATOMY): LesionGeometry {
  const shape = LESION_SHAPES.value[lesion.size]
  const key = JSON.stringify([lesion.type, shape, anatomy])
  const known = cache.get(key)
  if (known) return known
  const psi = shape.forwardTiltDeg
  const R = anatomy.headRadius
  // The most medial tilt at which the lesion still stays clear of the fovea (it depends only on
  // the size): a type whose edge would need more is drawn there instead.
  const minClearance = FOVEA_CLEARANCE_DEG.value
  let lo = -75
  let hi = 60
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2
    if (clearanceFrom(frameFor(mid, psi, shape, R), anatomy.foveaDirection) < minClearance) lo = mid
    else hi = mid
  }
  const phi = Math.max(tiltForEdge(targetEdgeDeg(lesion.type, anatomy), psi, shape, R), hi)
  const frame = frameFor(phi, psi, shape, R)
  const coronal = arcOn(frame, coronalPoint)
  const sagittal = arcOn(frame, sagittalPoint)
  const coronalArcDeg = coronal ? coronal.to - coronal.from : 0
  const sagittalArcDeg = sagittal ? sagittal.to - sagittal.from : 0
  const lateralEdgeDeg = coronal?.to ?? Number.NaN
  const profile = profileArcs(frame)
  const g: LesionGeometry = {
    ...frame,
    coronalTiltDeg: phi,
    sagittalTiltDeg: psi,
    lateralEdgeDeg,
    medialEdgeDeg: coronal?.from ?? Number.NaN,
    coronalArcDeg,
    sagittalArcDeg,
    modifiedKerboulDeg: coronalArcDeg + sagittalArcDeg,
    acrossArcDeg: profile.across,
    frontToBackArcDeg: profile.frontToBack,
    kerboulArcSumDeg: profile.across + profile.frontToBack,
    foveaClearanceDeg: clearanceFrom(frame, anatomy.foveaDirection),
    loadDirection: anatomy.loadDirection,
    shownType: jicTypeOfLateralEdge(lateralEdgeDeg, anatomy),
  }
  cache.set(key, g)
  return g
}

/**
 * Share of the femoral head's volume that is necrotic (numerical: an n³ grid). The head is the
 * ball beyond the head–neck junction, as the lesion-volume studies measure it (on MRI or CT
 * slices of the head), not the whole sphere its surface belongs to.
 */
export function lesionVolumeFraction(g: LesionGeometry, anatomy: LesionAnatomy = DEFAULT_LESION_ANATOMY, n = 64): number {
  const R = g.radius
  const neck = anatomy.neckDirection
  const plane = R * Math.cos(anatomy.junctionAngleDeg * DEG)
  let inside = 0
  let total = 0
  for (let i = 0; i < n; i++) {
    const x = R * (-1 + (2 * (i + 0.5)) / n)
    for (let j = 0; j < n; j++) {
      const y = R * (-1 + (2 * (j + 0.5)) / n)
      for (let k = 0; k < n; k++) {
        const z = R * (-1 + (2 * (k + 0.5)) / n)
        if (x * x + y * y + z * z > R * R || x * neck[0] + y * neck[1] + z * neck[2] > plane) continue
        total++
        if (interfaceDistance([x, y, z], g) < 0) inside++
      }
    }
  }
  return inside / total
}

/**
 * Unit vector to where the crescent starts (CRESCENT_ORIGIN): the footprint's edge in the
 * anterolateral direction from its centre (lateral, turned 30° forward), found along that great
 * circle: under the lateral part of the roof, where the load and the collapse begin.
 */
export function crescentStart(g: LesionGeometry): Vec3 {
  const fwd = Math.tan(30 * DEG)
  const t = normalise([g.lateral[0] + fwd * g.anterior[0], g.lateral[1] + fwd * g.anterior[1], g.lateral[2] + fwd * g.anterior[2]])
  const r = g.radius - SURFACE_PROBE_MM
  const at = (a: number): V => [g.centre[0] * Math.cos(a) + t[0] * Math.sin(a), g.centre[1] * Math.cos(a) + t[1] * Math.sin(a), g.centre[2] * Math.cos(a) + t[2] * Math.sin(a)]
  let lo = 0
  let hi = Math.PI / 2
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2
    const d = at(mid)
    if (interfaceDistance([d[0] * r, d[1] * r, d[2] * r], g) < 0) lo = mid
    else hi = mid
  }
  return at(lo)
}

/**
 * The path of the subchondral fracture: it starts at `crescentStart` and runs under the plate
 * towards and past the lesion's centre, to the far edge of the footprint; `spanDeg` is that
 * path's angular length at the head centre, over which the crescent extent (0–1) grows.
 */
export function crescentPath(g: LesionGeometry): { start: Vec3; spanDeg: number } {
  const start = crescentStart(g)
  // Along the great circle from the start through the centre, until the footprint ends.
  const c = dot(start, g.centre)
  const t = normalise([g.centre[0] - c * start[0], g.centre[1] - c * start[1], g.centre[2] - c * start[2]])
  const r = g.radius - SURFACE_PROBE_MM
  let a = 0.5
  for (; a < 180; a += 0.25) {
    const d: Vec3 = [start[0] * Math.cos(a * DEG) + t[0] * Math.sin(a * DEG), start[1] * Math.cos(a * DEG) + t[1] * Math.sin(a * DEG), start[2] * Math.cos(a * DEG) + t[2] * Math.sin(a * DEG)]
    if (interfaceDistance([d[0] * r, d[1] * r, d[2] * r], g) >= 0) break
  }
  return { start, spanDeg: a }
}
