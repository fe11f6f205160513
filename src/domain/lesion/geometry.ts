/**
 * Where the necrotic lesion sits in the head, for the renderer.
 *
 * Model frame (docs/contracts.md): right hip, millimetres, origin = centre of the femoral
 * head, +Y superior, +Z anterior, +X medial (so lateral is −X).
 *
 * Shape [Inf] (reference §5 "lesion geometry guidance"): a subchondral wedge whose apex
 * points at the head centre — the part of a cone (apex at the head centre, axis `centre`,
 * half-angle `halfExtentDeg`) that lies between the surface and `depthFraction` of the
 * radius in from it. `isInLesion` is the exact membership test.
 *
 * Size sets the half-angle: it is solved so the wedge holds the size class's share of the
 * head volume. Location (JIC type) sets how far the centre tilts medially or laterally:
 * it is placed so the lesion's lateral edge on the mid-coronal slice falls where that
 * type's edge lies. A large lesion cannot stay in the medial third (a 35% wedge spans
 * ≈145° of arc), so for such combinations the tilt is clamped and `shownType` says what
 * the drawing actually shows.
 */
import { cited, type Cited } from '../evidence.ts'
import type { LesionType, Vec3 } from '../viewState.ts'
import type { LesionChoice } from './choice.ts'
import { LESION_SIZE_CLASSES } from './sizeClasses.ts'

const DEG = Math.PI / 180

/** Lateral edge of the acetabulum seen from the head centre: mean lateral centre-edge angle. */
export const ACETABULAR_EDGE_DEG: Cited<number> = cited(33.6, 'S', ['werner2012'], 'mean LCE angle 33.6°')

/** Forward tilt of the lesion centre from the dome. */
export const SAGITTAL_TILT_DEG: Cited<number> = cited(
  20,
  'Inf',
  ['ref-geometry', 'josr2024map', 'josr2020sphere'],
  'lesions concentrate in the anterior/superior weight-bearing head (§5); 20° keeps them in front of the dome',
)

/** How deep the wedge reaches, as a fraction of the head radius from the surface. */
export const DEPTH_FRACTION: Cited<number> = cited(
  0.75,
  'Inf',
  ['ref-geometry', 'ref-failing'],
  'apex points at the head centre but stops short of it, so the inferior head fed by the secondary vessels stays alive',
)

/** Range the coronal tilt of the centre is clamped to (medial −, lateral +). */
export const CORONAL_TILT_RANGE_DEG: Cited<readonly [number, number]> = cited(
  [-60, 45],
  'Inf',
  ['ref-geometry'],
  'keeps the centre in the upper head, where lesions sit (§5)',
)

/** How far beyond the acetabular edge a C2 lesion's lateral edge is drawn. */
export const C2_OVERHANG_DEG: Cited<number> = cited(15, 'Inf', ['ref-geometry'], 'clearly lateral of the edge, as C2 requires')

/** How far inside the acetabular edge a C1 lesion's lateral edge is drawn. */
export const C1_INSET_DEG: Cited<number> = cited(
  3,
  'Inf',
  ['ref-geometry'],
  'just inside the edge keeps the centre as near the dome as C1 allows (the default is an anterosuperior C1 lesion)',
)

/** Kerboul angle on radiographs (sum of the AP and lateral necrotic arcs): class limits. */
export const KERBOUL_RADIOGRAPHIC: Cited<{ readonly smallMax: number; readonly largeMin: number }> = cited(
  { smallMax: 160, largeMin: 200 },
  'S',
  ['kerboul-orthopaedicsone'],
  'small ≤ 160°, medium 161–199°, large ≥ 200°',
)

/** Modified Kerboul (MRI): at ≥ 240° all 25 hips collapsed, at ≤ 190° none of 4 (Ha 2006). */
export const MODIFIED_KERBOUL_COLLAPSE: Cited<{ readonly noneUpTo: number; readonly allFrom: number }> = cited(
  { noneUpTo: 190, allFrom: 240 },
  'S',
  ['ha2006'],
)

/** Where the subchondral fracture (crescent) starts. */
export const CRESCENT_ORIGIN: Cited<string> = cited(
  'the anterosuperior margin of the lesion, under the subchondral plate',
  'S',
  ['hamada2018', 'ref-geometry'],
  'first cracks ran between resorption zones in the anterosuperior head in 18/18 early-collapse heads',
)

/**
 * The weight-bearing portion on the mid-coronal slice, as horizontal offsets from the head
 * centre in units of the radius (lateral +): from the acetabular edge laterally to the same
 * distance medially [Inf: the reference gives only the lateral edge]. JIC thirds are
 * thirds of this width, as measured on an AP radiograph.
 */
const WB_HALF_WIDTH = Math.sin(ACETABULAR_EDGE_DEG.value * DEG)
const THIRD_LINE = WB_HALF_WIDTH / 3

/** Where each type's lateral edge is placed, as a horizontal offset (lateral +, × radius). */
function targetEdgeOffset(type: LesionType): number {
  switch (type) {
    case 'A':
      return -2 * THIRD_LINE // middle of the medial third's range for the edge
    case 'B':
      return 0 // middle of (−⅓, +⅓]
    case 'C1':
      return Math.sin((ACETABULAR_EDGE_DEG.value - C1_INSET_DEG.value) * DEG)
    case 'C2':
      return Math.sin((ACETABULAR_EDGE_DEG.value + C2_OVERHANG_DEG.value) * DEG)
  }
}

/** The JIC type a lateral edge at this angle (deg from vertical, lateral +) falls in. */
export function jicTypeOfLateralEdge(edgeDeg: number): LesionType {
  const x = Math.sin(edgeDeg * DEG)
  if (x <= -THIRD_LINE) return 'A'
  if (x <= THIRD_LINE) return 'B'
  if (x <= WB_HALF_WIDTH) return 'C1'
  return 'C2'
}

export interface LesionGeometry {
  /** Unit vector from the head centre to the middle of the lesion's surface footprint. */
  readonly centre: Vec3
  /** Tilt of the centre from vertical seen on an AP view (coronal plane); + = lateral. */
  readonly coronalTiltDeg: number
  /** Tilt of the centre from vertical seen on a lateral view (sagittal plane); + = anterior. */
  readonly sagittalTiltDeg: number
  /** Half-angle of the bounding cone (apex at the head centre) = angular radius of the footprint. */
  readonly halfExtentDeg: number
  /** The wedge spans radii from (1 − depthFraction)·R to R. */
  readonly depthFraction: number
  /** Share of the head volume inside the wedge (the size class's fraction). */
  readonly volumeFraction: number
  /**
   * Kerboul-style sum of the necrotic arcs on the coronal and sagittal views (2 × 2 ×
   * halfExtent for this round footprint). Ha 2006 (MRI): ≥ 240° collapsed in 25/25 hips.
   */
  readonly kerboulArcSumDeg: number
  /** Lateral edge of the lesion on the mid-coronal slice, degrees from vertical (lateral +). */
  readonly lateralEdgeDeg: number
  /** JIC type the drawing shows; differs from the chosen one only when that was impossible. */
  readonly shownType: LesionType
}

/** Half-angle of a cone whose wedge (depth δ) holds `fraction` of the ball's volume. */
function halfAngleForFraction(fraction: number, depth: number): number {
  // Wedge volume / ball volume = (1 − cos θ)/2 · (1 − (1 − δ)³).
  const shell = 1 - (1 - depth) ** 3
  const cos = 1 - (2 * fraction) / shell
  return Math.acos(Math.max(-1, Math.min(1, cos))) / DEG
}

/** Half-width (deg) of the cone's cut through the mid-coronal plane, for a centre at (φ, ψ). */
function coronalHalfWidth(halfExtentDeg: number, coronalDeg: number, sagittalDeg: number): number {
  // A point at coronal angle a is inside iff cos(a − φ) ≥ cos θ · √(1 + cos²φ · tan²ψ).
  const k = Math.cos(halfExtentDeg * DEG) * Math.sqrt(1 + Math.cos(coronalDeg * DEG) ** 2 * Math.tan(sagittalDeg * DEG) ** 2)
  return k >= 1 ? 0 : Math.acos(k) / DEG
}

function centreVector(coronalDeg: number, sagittalDeg: number): Vec3 {
  // Projected angles: tan φ = lateral/up on the AP view, tan ψ = anterior/up on the lateral view.
  const x = -Math.tan(coronalDeg * DEG) // lateral is −X for a right hip
  const z = Math.tan(sagittalDeg * DEG)
  const n = Math.hypot(x, 1, z)
  return [x / n, 1 / n, z / n]
}

/** The lesion's geometry for a size class and JIC type (pure; cheap; no caching needed). */
export function lesionGeometry(lesion: LesionChoice): LesionGeometry {
  const fraction = LESION_SIZE_CLASSES[lesion.size].fraction.value
  const depth = DEPTH_FRACTION.value
  const psi = SAGITTAL_TILT_DEG.value
  const theta = halfAngleForFraction(fraction, depth)
  const [lo, hi] = CORONAL_TILT_RANGE_DEG.value
  const edgeAt = (phi: number): number => phi + coronalHalfWidth(theta, phi, psi)
  const targetDeg = Math.asin(targetEdgeOffset(lesion.type)) / DEG

  // edgeAt rises with φ (the half-width changes far more slowly than φ), so bisect.
  let phi: number
  if (edgeAt(lo) >= targetDeg) phi = lo
  else if (edgeAt(hi) <= targetDeg) phi = hi
  else {
    let a = lo
    let b = hi
    for (let i = 0; i < 60; i++) {
      const mid = (a + b) / 2
      if (edgeAt(mid) < targetDeg) a = mid
      else b = mid
    }
    phi = (a + b) / 2
  }
  const lateralEdgeDeg = edgeAt(phi)
  return {
    centre: centreVector(phi, psi),
    coronalTiltDeg: phi,
    sagittalTiltDeg: psi,
    halfExtentDeg: theta,
    depthFraction: depth,
    volumeFraction: fraction,
    kerboulArcSumDeg: 4 * theta,
    lateralEdgeDeg,
    shownType: jicTypeOfLateralEdge(lateralEdgeDeg),
  }
}

/** Whether point p (model frame, mm) lies in the lesion of a head of radius `radius` mm. */
export function isInLesion(p: Vec3, radius: number, g: LesionGeometry): boolean {
  const r = Math.hypot(p[0], p[1], p[2])
  if (r > radius || r < (1 - g.depthFraction) * radius || r === 0) return false
  const cos = (p[0] * g.centre[0] + p[1] * g.centre[1] + p[2] * g.centre[2]) / r
  return cos >= Math.cos(g.halfExtentDeg * DEG)
}

/**
 * Unit vector to the point where the crescent starts (CRESCENT_ORIGIN): the
 * anterosuperior edge of the footprint, i.e. the centre turned by `halfExtentDeg`
 * towards the anterosuperior direction (0, 1, 1)/√2. Anterosuperior rather than purely
 * anterior so that the start stays in the upper head even for a large lesion.
 */
export function crescentStart(g: LesionGeometry): Vec3 {
  const [cx, cy, cz] = g.centre
  const ay = Math.SQRT1_2
  const az = Math.SQRT1_2
  // Tangent towards anterosuperior: that direction minus its component along the centre.
  // Never zero: the centre's forward tilt is SAGITTAL_TILT_DEG (20°), not 45°.
  const dot = cy * ay + cz * az
  const tx = -dot * cx
  const ty = ay - dot * cy
  const tz = az - dot * cz
  const n = Math.hypot(tx, ty, tz)
  const a = g.halfExtentDeg * DEG
  const c = Math.cos(a)
  const s = Math.sin(a) / n
  return [cx * c + tx * s, cy * c + ty * s, cz * c + tz * s]
}
