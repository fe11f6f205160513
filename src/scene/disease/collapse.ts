/**
 * Collapse of the femoral head over the lesion, as pure math: the same formulas run in the
 * vertex shader (./shaders.ts, `dzCollapse`), so tests can check in Node what the GPU draws.
 *
 * Frame: the model frame (docs/contracts.md), millimetres, relative to the head centre.
 * A point at angle α from the lesion axis moves radially inward by
 *
 *   d(α) = W(α) · smax(R − (R − D)/cos α, D/2)
 *
 * - D = collapseDepthMm from the staging table, so the surface point on the lesion axis
 *   sinks by exactly D (the "depression" measured on radiographs).
 * - The first term is a plane at depth D: the collapsed dome is *flattened* (segmental
 *   flattening, "out-of-round" head), not a smaller sphere.
 * - D/2 over the rest of the footprint: the whole necrotic segment sinks, with a shoulder at
 *   the lesion margin, where the fracture runs [Inf: reference §5, collapse mechanics].
 * - W fades from 1 at `CORE_FRACTION`·θ to 0 at the footprint edge θ, so the edge is smooth
 *   and bone outside the lesion never moves.
 * Only points near the head surface move (radial window), so the neck and the trochanters
 * are untouched even for a large lesion.
 */

/** Fraction of the footprint's half-angle that sinks in full before the taper to the edge. */
export const CORE_FRACTION = 0.5
/** Share of D by which the whole segment sinks around the flattened centre. */
export const SEGMENT_SHARE = 0.5

export interface CollapseParams {
  /** Bony head radius R (mm), from the landmarks. */
  readonly radius: number
  /** Unit lesion axis (model frame). */
  readonly axis: readonly [number, number, number]
  /** Half-angle of the lesion footprint, radians. */
  readonly halfAngle: number
  /** Depression at the lesion centre, mm (collapseDepthMm). */
  readonly depthMm: number
}

export function smoothstep(e0: number, e1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)))
  return t * t * (3 - 2 * t)
}

/** Polynomial smooth maximum (blend width k); equals max(a, b) when |a − b| ≥ k. */
export function smax(a: number, b: number, k: number): number {
  const h = Math.max(k - Math.abs(a - b), 0) / k
  return Math.max(a, b) + (h * h * k) / 4
}

/** Footprint weight W(α): 1 in the core, smooth to 0 at the edge θ. */
export function footprintWeight(alpha: number, halfAngle: number): number {
  return 1 - smoothstep(CORE_FRACTION * halfAngle, halfAngle, alpha)
}

/** Radial window: 1 from 0.8 R out to R + 4 mm, 0 below 0.5 R and beyond R + 8 mm. */
export function radialWeight(r: number, radius: number): number {
  return smoothstep(0.5 * radius, 0.8 * radius, r) * (1 - smoothstep(radius + 4, radius + 8, r))
}

/** Inward radial displacement (mm) at angle α from the lesion axis, for a point on the head surface. */
export function collapseDepthAt(alpha: number, p: CollapseParams): number {
  const D = p.depthMm
  if (D <= 0) return 0
  const w = footprintWeight(alpha, p.halfAngle)
  if (w <= 0) return 0
  const c = Math.cos(alpha)
  const plane = c > 1e-3 ? p.radius - (p.radius - D) / c : 0
  const k = Math.max(0.25 * D, 1e-4)
  return w * smax(Math.max(plane, 0), SEGMENT_SHARE * D, k)
}

/**
 * Where a point (model frame, relative to the head centre, mm) ends up once the head has
 * collapsed: moved toward the centre by collapseDepthAt(α) × radialWeight(r).
 */
export function displacePoint(q: readonly [number, number, number], p: CollapseParams): [number, number, number] {
  const r = Math.hypot(q[0], q[1], q[2])
  if (r === 0) return [0, 0, 0]
  const cos = Math.min(1, Math.max(-1, (q[0] * p.axis[0] + q[1] * p.axis[1] + q[2] * p.axis[2]) / r))
  const d = collapseDepthAt(Math.acos(cos), p) * radialWeight(r, p.radius)
  const s = (r - d) / r
  return [q[0] * s, q[1] * s, q[2] * s]
}

/**
 * Test helper: the bony head surface point on the lesion axis after collapse (model frame,
 * relative to the head centre) and how far it sank. The e2e measures the same depth from
 * the rendered silhouette; the unit test checks it equals collapseDepthMm.
 */
export function headSurfaceOnAxis(p: CollapseParams): { point: [number, number, number]; depthMm: number } {
  const q: [number, number, number] = [p.axis[0] * p.radius, p.axis[1] * p.radius, p.axis[2] * p.radius]
  const point = displacePoint(q, p)
  return { point, depthMm: p.radius - Math.hypot(point[0], point[1], point[2]) }
}
