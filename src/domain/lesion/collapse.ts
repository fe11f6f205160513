/**
 * Collapse of the femoral head over the lesion, as pure math: the same formulas run in the
 * vertex shader (scene/disease/shaders.ts, `dzCollapseAt`), so tests can check in Node what the GPU
 * draws, and the stage IV migration (../staging/migration.ts) is solved with it.
 *
 * Frame: the model frame (docs/contracts.md), millimetres, relative to the head centre. A point
 * of the head surface in direction `dir` moves radially inward by
 *
 *   d = D · inside(dir) · hinge(dir) · flat(dir)
 *
 * - D = collapseDepthMm from the staging table: the depression measured on radiographs.
 * - The necrotic segment sinks as a piece, most under the lateral pillar (clinical reference §5:
 *   the fracture starts at the lesion's anterolateral margin; collapse centred there), and hinges
 *   on its medial side: `hinge` rises from 0.35 at the lesion's medial edge to 1 over its lateral
 *   part (the lesion frame's lateral coordinate).
 * - At the lateral margin the fracture leaves a step: `inside` goes from 0 to 1 within 1.5 mm of
 *   the lesion's edge there; on the medial side it eases in over 7 mm. Nothing outside the lesion
 *   moves, and the dome is not cut flat like a saw-cut facet: the sunken piece keeps its curve.
 * - Only the loaded dome gives way, and it is flattened, not lowered as a shelf: `flat` is the
 *   depth, as a share of D, at which a sphere FLATTENED_RADIUS_FACTOR times the head's radius,
 *   touching the point D below the surface at the collapse centre, runs under the head's
 *   surface. It is 1 at the centre (the part of the segment's full-depth zone nearest an aim
 *   anterosuperior on the dome, from the hip's weight-bearing zone) and falls to 0 where that
 *   sphere meets the head, about 55° away at 3 mm (IIIB), so the part of a large lesion that
 *   runs down the front of the head, under no load, keeps its place, and the sunken surface
 *   keeps a curve (flatter than the head's, no facet).
 * Only points near the head surface move (radial window), so the neck and the trochanters are
 * untouched even for a large lesion.
 */
import { interfaceDistance, type LesionGeometry } from './geometry.ts'
import type { Vec3 } from '../viewState.ts'
import { acrossOf, dot, normalise, rotateToward } from '../vec3.ts'

/** Depth under the bony surface at which the footprint is read, mm (as in the domain). */
export const FOOTPRINT_PROBE_MM = 0.5
/** Width over which the sunken piece meets the intact bone: a step laterally, a hinge medially, mm. */
export const STEP_WIDTH_LATERAL_MM = 1.5
export const HINGE_WIDTH_MEDIAL_MM = 7
/** Share of the depth by which the medial edge of the piece sinks. */
export const MEDIAL_SHARE = 0.35
/**
 * The collapsed dome follows a sphere this many times the head's radius: "segmental flattening,
 * out-of-round head" (clinical reference §5, ARCO IIIB) [Inf: the factor, with the aim below,
 * chosen so that at IIIB (3.1 mm) the depth peaks anterosuperiorly and is gone by 60° from the
 * top in front, as a surgeon's review asked, while the AP and lateral films still show the
 * table's depth within 0.3 mm (the AP outline: 2.9 of 3.08 mm) and the piece keeps a curve
 * rather than a saw-cut facet].
 */
export const FLATTENED_RADIUS_FACTOR = 1.3
/**
 * Below this share of D the flattening eases to nothing, so the sunken piece meets the head
 * without a ridge: the bend there is no tighter than about 5 mm radius at IIIB.
 */
export const FLATTEN_EASE = 0.75
/**
 * The collapse is centred this many degrees from the weight-bearing zone's centre (25° anterior
 * of vertical in this model) toward the summit: about 10° anterior of it. The table's depth is
 * what the films measure (ARCO: depression on the AP or lateral radiograph), and the AP outline
 * sinks by it only when the sunken piece spans the summit: centred on the zone's centre it sank
 * 0.6 of 3.1 mm at IIIB [Inf: clinical reference §5, collapse centred anterosuperiorly].
 */
export const COLLAPSE_AIM_TO_SUMMIT_DEG = 15

export interface CollapseParams {
  readonly lesion: LesionGeometry
  /** Depression under the lateral pillar, mm (collapseDepthMm). */
  readonly depthMm: number
}

export function smoothstep(e0: number, e1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)))
  return t * t * (3 - 2 * t)
}

const mix = (a: number, b: number, t: number) => a + (b - a) * t
const DEG = Math.PI / 180

/** 0 over the lesion's medial part, 1 over its lateral part (from the lesion-frame x of the surface point). */
export function lateralness(dir: Vec3, g: LesionGeometry): number {
  const R = g.radius
  const q: Vec3 = [dir[0] * R - g.centre[0] * R, dir[1] * R - g.centre[1] * R, dir[2] * R - g.centre[2] * R]
  const x = q[0] * g.lateral[0] + q[1] * g.lateral[1] + q[2] * g.lateral[2]
  const lat = Math.min(1, Math.max(-1, x / g.semiAxesMm[0]))
  return smoothstep(-0.8, 0.4, lat)
}

/**
 * How much of the segment sinks in direction `dir`, before the load: 0 outside the lesion, a step
 * at its lateral margin and a hinge on its medial side (see the header).
 */
export function segmentShare(dir: Vec3, g: LesionGeometry): number {
  const r = g.radius - FOOTPRINT_PROBE_MM
  const sm = interfaceDistance([dir[0] * r, dir[1] * r, dir[2] * r], g)
  const t = lateralness(dir, g)
  const inside = 1 - smoothstep(-mix(HINGE_WIDTH_MEDIAL_MM, STEP_WIDTH_LATERAL_MM, t), 0, sm)
  return inside * mix(MEDIAL_SHARE, 1, t)
}

/**
 * Share of D by which the head sinks at `angle` (rad) from the collapse centre: the depth under
 * the head's surface (radius R) of the flattening sphere (radius FLATTENED_RADIUS_FACTOR · R) that
 * passes D below the surface at the centre, eased to 0 at its edge. Same as `dzFlatShare`.
 */
export function flatShare(angle: number, R: number, D: number): number {
  const rf = FLATTENED_RADIUS_FACTOR * R
  // The flattening sphere's centre lies k behind the head's centre, on the collapse centre's axis.
  const k = rf - R + D
  const sin = Math.sin(angle)
  const reach = -k * Math.cos(angle) + Math.sqrt(Math.max(0, rf * rf - k * k * sin * sin))
  const x = (R - reach) / D
  return x <= 0 ? 0 : Math.min(1, x) * smoothstep(0, FLATTEN_EASE, x)
}

const centres = new WeakMap<LesionGeometry, Vec3>()
/** The segment's share taken as full depth: within 0.05% of it (0.003 mm at 6 mm). */
const FULL_SHARE = 0.9995

/** The load direction turned COLLAPSE_AIM_TO_SUMMIT_DEG toward the summit (the model frame's +y). */
export function collapseAim(g: LesionGeometry): Vec3 {
  return rotateToward(normalise(g.loadDirection), [0, 1, 0], COLLAPSE_AIM_TO_SUMMIT_DEG)
}

/**
 * Where the collapse is deepest: the point of the segment's full-depth zone (segmentShare 1,
 * lateral part) nearest its aim, the load direction turned COLLAPSE_AIM_TO_SUMMIT_DEG toward the
 * summit — the aim itself when the lesion's lateral part covers it. Rings of growing angle about
 * the aim, 0.5° apart.
 */
export function collapseCentre(g: LesionGeometry): Vec3 {
  const known = centres.get(g)
  if (known) return known
  const l = collapseAim(g)
  const [u, v] = acrossOf(l)
  let found: Vec3 = l
  let best = 0
  for (let polar = 0; polar <= 120 && best < FULL_SHARE; polar += 0.5) {
    const sp = Math.sin(polar * DEG)
    const cp = Math.cos(polar * DEG)
    for (let az = 0; az < 360; az += polar === 0 ? 360 : 1) {
      const ca = Math.cos(az * DEG) * sp
      const sa = Math.sin(az * DEG) * sp
      const d: Vec3 = [l[0] * cp + u[0] * ca + v[0] * sa, l[1] * cp + u[1] * ca + v[1] * sa, l[2] * cp + u[2] * ca + v[2] * sa]
      const share = segmentShare(d, g)
      if (share > best) {
        best = share
        found = d
      }
    }
  }
  centres.set(g, found)
  return found
}

/** Inward radial displacement (mm) of the head surface in direction `dir` (unit, from the head centre). */
export function collapseDepthAt(dir: Vec3, p: CollapseParams): number {
  const D = p.depthMm
  if (D <= 0) return 0
  const g = p.lesion
  const angle = Math.acos(Math.max(-1, Math.min(1, dot(dir, collapseCentre(g)))))
  const flat = flatShare(angle, g.radius, D)
  return flat === 0 ? 0 : D * segmentShare(dir, g) * flat
}

/** Radial window: 1 from 0.8 R out to R + 4 mm, 0 below 0.5 R and beyond R + 8 mm. */
export function radialWeight(r: number, radius: number): number {
  return smoothstep(0.5 * radius, 0.8 * radius, r) * (1 - smoothstep(radius + 4, radius + 8, r))
}

/** Where a point (model frame, relative to the head centre, mm) ends up once the head has collapsed. */
export function displacePoint(q: Vec3, p: CollapseParams): [number, number, number] {
  const r = Math.hypot(q[0], q[1], q[2])
  if (r === 0) return [0, 0, 0]
  const dir: Vec3 = [q[0] / r, q[1] / r, q[2] / r]
  const d = collapseDepthAt(dir, p) * radialWeight(r, p.lesion.radius)
  const s = (r - d) / r
  return [q[0] * s, q[1] * s, q[2] * s]
}

/**
 * The direction (unit, from the head centre) where the head sinks most — the collapse centre,
 * under the lateral pillar — and how deep. Tests measure the rendered outline there.
 */
export function deepestCollapse(p: CollapseParams): { dir: [number, number, number]; depthMm: number } {
  const c = collapseCentre(p.lesion)
  return { dir: [c[0], c[1], c[2]], depthMm: collapseDepthAt(c, p) }
}

export interface JointFit {
  /** Healthy superior joint space, mm (landmarks). */
  readonly restJointSpaceMm: number
  /** The joint space now (staging table), mm: no gap is narrower (the head is worn flat there). */
  readonly jointSpaceMm: number
  /** The femur's migration (model frame, mm). */
  readonly shift: readonly [number, number, number]
  /** Nominal head and acetabular cartilage thickness at the dome and the roof, mm. */
  readonly headCartilageMm: number
  readonly acetCartilageMm: number
  /** Table factors for the cartilage away from the lesion (× normal). */
  readonly headFactor: number
  readonly acetFactor: number
  /** Acetabular opening axis (unit) and the angle of its rim from it, rad: directions further from the axis are in the socket. */
  readonly acetAxis: readonly [number, number, number]
  readonly rimAngle: number
}

/**
 * Stage IV: the share of their thickness both cartilage layers keep in direction `dir` (from the
 * head centre at rest), so that they fit in the joint space the migrated head leaves; 1 outside
 * the socket. Same formula as `dzCartilageFit` in scene/disease/shaders.ts.
 */
export function cartilageFit(dir: Vec3, collapse: CollapseParams, j: JointFit): number {
  // The bone-to-bone gap along this direction: the socket's bony sphere (concentric with the head
  // at rest) less the distance to the head's surface once collapsed and moved by the migration.
  const R = collapse.lesion.radius
  const socket = R + j.restJointSpaceMm
  const r = R - collapseDepthAt(dir, collapse)
  const reach = Math.hypot(j.shift[0] + dir[0] * r, j.shift[1] + dir[1] * r, j.shift[2] + dir[2] * r)
  const gap = Math.max(j.jointSpaceMm, socket - reach)
  const angle = Math.acos(Math.min(1, Math.max(-1, dir[0] * j.acetAxis[0] + dir[1] * j.acetAxis[1] + dir[2] * j.acetAxis[2])))
  const inSocket = smoothstep(j.rimAngle - 0.1, j.rimAngle + 0.02, angle)
  const wanted = j.headFactor * j.headCartilageMm + j.acetFactor * j.acetCartilageMm
  const fit = Math.min(1, Math.max(0, Math.max(gap, 0) / Math.max(wanted, 1e-3)))
  return 1 + (fit - 1) * inSocket
}

export interface Remodelling {
  /** The femur's migration (model frame, mm). */
  readonly shift: readonly [number, number, number]
  /** The socket's bony sphere: its centre relative to the head centre at rest, and its radius, mm. */
  readonly socketCentre: readonly [number, number, number]
  readonly socketRadiusMm: number
  /** The joint space now, mm: the head surface comes no closer to the socket than this. */
  readonly jointSpaceMm: number
  /** Acetabular opening axis (unit) and its rim's angle from it, rad: the socket covers directions beyond. */
  readonly acetAxis: readonly [number, number, number]
  readonly rimAngle: number
}

/**
 * A head point (relative to the head centre at rest, mm) where it is drawn: collapsed over the
 * lesion, then — at stage IV, where the migrated head would reach into the socket — worn flat
 * against it (domain/staging/migration.ts `remodelledRadius`). Same as the vertex shader.
 */
export function drawnHeadPoint(q: Vec3, collapse: CollapseParams, m: Remodelling): [number, number, number] {
  const p = displacePoint(q, collapse)
  const r = Math.hypot(p[0], p[1], p[2])
  if (r === 0) return p
  const dir: Vec3 = [p[0] / r, p[1] / r, p[2] / r]
  const t: Vec3 = [m.shift[0] - m.socketCentre[0], m.shift[1] - m.socketCentre[1], m.shift[2] - m.socketCentre[2]]
  const limit = socketLimit(dir, t, m.socketRadiusMm - m.jointSpaceMm)
  if (r <= limit) return p
  // Only where the socket covers the head (the direction seen from the socket's centre).
  const w: Vec3 = [p[0] + t[0], p[1] + t[1], p[2] + t[2]]
  const wl = Math.hypot(w[0], w[1], w[2]) || 1
  const angle = Math.acos(Math.min(1, Math.max(-1, (w[0] * m.acetAxis[0] + w[1] * m.acetAxis[1] + w[2] * m.acetAxis[2]) / wl)))
  const cover = smoothstep(m.rimAngle - 0.1, m.rimAngle + 0.02, angle)
  const s = (r - cover * (r - limit)) / r
  return [p[0] * s, p[1] * s, p[2] * s]
}

/** Distance along `dir` from the head centre to the sphere of radius `limit` whose centre is at −t. */
function socketLimit(dir: Vec3, t: Vec3, limit: number): number {
  const b = dir[0] * t[0] + dir[1] * t[1] + dir[2] * t[2]
  const c = t[0] * t[0] + t[1] * t[1] + t[2] * t[2] - limit * limit
  const disc = b * b - c
  return disc < 0 ? Infinity : -b + Math.sqrt(disc)
}

/**
 * Stage IV: how far from the head centre (at rest) the head may reach in direction `dir` before it
 * meets the socket less the joint space, and how much the socket covers it there (0..1). Same as
 * `dzRemodelLimit` in scene/disease/shaders.ts (socket centre relative to the head centre at rest).
 */
export function remodelLimit(dir: Vec3, m: Remodelling): { reach: number; cover: number } {
  const t: Vec3 = [m.shift[0] - m.socketCentre[0], m.shift[1] - m.socketCentre[1], m.shift[2] - m.socketCentre[2]]
  const limit = socketLimit(dir, t, m.socketRadiusMm - m.jointSpaceMm)
  const reach = Number.isFinite(limit) ? limit : 1e4
  const w: Vec3 = [dir[0] * reach + t[0], dir[1] * reach + t[1], dir[2] * reach + t[2]]
  const wl = Math.hypot(w[0], w[1], w[2]) || 1
  const angle = Math.acos(Math.min(1, Math.max(-1, (w[0] * m.acetAxis[0] + w[1] * m.acetAxis[1] + w[2] * m.acetAxis[2]) / wl)))
  return { reach, cover: smoothstep(m.rimAngle - 0.1, m.rimAngle + 0.02, angle) }
}
