/**
 * The resurfacing cap: a thin metal shell whose outside is the new bearing sphere and whose
 * inside is the shape the head is reamed to (a cylinder, a 45° chamfer and a flat top), with a
 * short peg up the neck on its axis. Shared by the planner (the reamers' sizes and cut planes)
 * and the scene builder, so the bone is cut to exactly the shape the cap covers.
 *
 * Cap frame (mm): origin at the bearing's centre, +y along the cap's axis toward its dome.
 */
import { REPLACEMENT_SIZES } from './replacementSizes.ts'

export interface CapGeometry {
  /** Bearing (outer) diameter: the component's size. */
  readonly outerDiameter: number
  /** The reamed cylinder's diameter: the cap's inner size. */
  readonly innerDiameter: number
  /** The skirt's end, below the centre (negative y). */
  readonly rimY: number
  /** Where the inner cylinder meets the chamfer. */
  readonly chamferY: number
  /** The flat inner top (the head-height cut) and its radius. */
  readonly topY: number
  readonly topRadius: number
  readonly peg: { readonly radius: number; readonly tipY: number }
  /** The cement layer inside the cap (mm). */
  readonly cement: number
}

/** The least wall left where the chamfer meets the cylinder (design choice). */
const MIN_CHAMFER_WALL = 2

export function capGeometry(outerDiameter: number, boneRadius: number): CapGeometry {
  const S = REPLACEMENT_SIZES
  const ro = outerDiameter / 2
  const ri = ro - S.capWall.value
  const topY = boneRadius - S.headHeightCut.value
  // The chamfer starts as high on the cylinder as the wall allows.
  const chamferY = Math.sqrt(Math.max(0, (ro - MIN_CHAMFER_WALL) ** 2 - ri * ri))
  const slope = Math.tan((S.chamferDeg.value * Math.PI) / 180)
  const topRadius = Math.max(ri - (topY - chamferY) / slope, S.peg.value.diameter)
  return {
    outerDiameter,
    innerDiameter: 2 * ri,
    rimY: -S.capRimBelowCentre.value,
    chamferY,
    topY,
    topRadius,
    peg: { radius: S.peg.value.diameter / 2, tipY: topY - S.peg.value.length },
    cement: S.cementLayer.value,
  }
}

/** Radius of the cap's inner surface (the reamed head) at height y, or null above the top. */
export function capInnerRadius(g: CapGeometry, y: number): number | null {
  const ri = g.innerDiameter / 2
  if (y > g.topY) return null
  if (y <= g.chamferY) return ri
  return ri + ((g.topRadius - ri) * (y - g.chamferY)) / (g.topY - g.chamferY)
}

/**
 * The cement that fills the shaped head before the cap goes on: the whole of the cap's inside
 * (from its rim to its flat top) and the peg's drilled hole below it, as a turned profile (r, y)
 * in the cap frame, counter-clockwise (up the outside, inward over the top).
 *
 * Why the whole inside [Inf]: in ONFH the head under the cap is not whole. The curetted necrotic
 * bone leaves a hollow, and a collapsed dome has already sunk below the planned flat cut
 * (clinical.md §4.3: 4–5 mm at ARCO IIIB–IV against a 2-mm cut), so the cap's top would sit over
 * empty space. Amstutz and Le Duff (J Hip Surg 2017;1:38) cement the metaphyseal stem "to increase
 * the area of the interface between the remaining vascularized bone and cement in hips with large
 * femoral defects"; filling every defect under the cap with cement is our inference from that, not
 * a described technique. Where sound bone remains it occupies the same space and is drawn over
 * the cement (../../../scene/treatment/treatmentMaterials.ts 'cementFill'), so only the filled
 * defects show.
 */
export function cementFillProfile(g: CapGeometry): readonly { readonly r: number; readonly y: number }[] {
  const ri = g.innerDiameter / 2
  const p = g.peg.radius
  return [
    { r: 0, y: g.peg.tipY },
    { r: p, y: g.peg.tipY },
    { r: p, y: g.rimY },
    { r: ri, y: g.rimY },
    { r: ri, y: g.chamferY },
    { r: g.topRadius, y: g.topY },
    { r: 0, y: g.topY },
  ]
}
