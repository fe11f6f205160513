/**
 * The femoral stem, a tapered wedge (the cementless shape a surgeon calls "a tapered stem"),
 * described by numbers so the planner can place it and the scene can build exactly what was
 * planned. Proportions are design choices shaped to fit the generated femur's canal (the
 * reference sizes only the cavity, §6.5): a flat wedge, wider medial-lateral than front-back,
 * narrowing to a rounded tip, with a medial curve that flares into the calcar and a lateral
 * shoulder; the neck leaves a sloped top face (the collar plane, where the neck is cut) and ends
 * in a 12/14-type taper.
 *
 * Stem frame (mm): origin at the distal tip on the stem axis; t up the axis (proximal), x toward
 * the head (medial, in the neck's plane), z = x × t completes a right-handed frame.
 */
import { REPLACEMENT_SIZES } from './replacementSizes.ts'

export const STEM_SIZES = { smallest: 1, largest: 10 } as const

/** Family proportions at size 3 (scale 1); every width grows 4% a size (design choices). */
const FAMILY = {
  scaleAt: (size: number) => 0.88 + 0.04 * size,
  length: (size: number) => 146 + 2 * size,
  tipLateral: 3.2,
  topLateral: 7,
  tipMedial: 3.2,
  topMedial: 8,
  /** The medial calcar curve: it flares `flare` mm over the top `flareLength` mm. */
  flare: 14,
  flareLength: 60,
  tipAP: 2.6,
  topAP: 7.5,
  /** Where the neck axis crosses the stem axis, mm below the shoulder top. */
  neckBelowTop: 17,
  /** From that crossing along the neck to the collar plane. */
  collar: 12,
  neckDiameter: 11,
  /** Standard offset (head centre to stem axis, medium head) of each size; the varus neck adds 6 mm. */
  offset: (size: number) => 32 + size,
  highOffsetExtra: 6,
  /** A collar, when the stem has one: a plate this thick reaching this far past the body. */
  collarThickness: 2,
  collarOverhang: 2.5,
} as const

export interface StemSpec {
  readonly size: number
  /** Neck–shaft angle of the stem (°): 132 standard, 127 varus (high offset). */
  readonly neckAngleDeg: number
  readonly collared: boolean
}

export interface StemGeometry {
  readonly spec: StemSpec
  /** Shoulder top to tip (mm). */
  readonly length: number
  /** Width scale of the size. */
  readonly scale: number
  /** Angle between the neck axis and the stem axis (°), 180 − neck angle. */
  readonly neckTiltDeg: number
  /** t where the neck axis crosses the stem axis. */
  readonly neckOriginT: number
  /** Unit neck direction in (x, t): toward the head. */
  readonly neckDirection: readonly [number, number]
  /** Along the neck from its origin: the collar plane, the taper's base and tip (mm). */
  readonly collarAt: number
  readonly taperBaseAt: number
  readonly taperTipAt: number
  /** Along the neck from its origin to the centre of a medium head (mm). */
  readonly headCentreAt: number
  /** Offset of a medium head (mm from the stem axis). */
  readonly offset: number
  readonly neckRadius: number
  readonly taper: { readonly small: number; readonly large: number; readonly length: number }
  readonly collar: { readonly thickness: number; readonly overhang: number } | null
}

/** A medium head's centre sits this far beyond the taper's tip (design choice). */
export const HEAD_CENTRE_PAST_TAPER = 2

export function stemGeometry(spec: StemSpec): StemGeometry {
  const scale = FAMILY.scaleAt(spec.size)
  const length = FAMILY.length(spec.size)
  const tilt = 180 - spec.neckAngleDeg
  const rad = (tilt * Math.PI) / 180
  const standard = spec.neckAngleDeg >= REPLACEMENT_SIZES.stemNeckAngles.value[0]
  const offset = FAMILY.offset(spec.size) + (standard ? 0 : FAMILY.highOffsetExtra)
  const headCentreAt = offset / Math.sin(rad)
  const taper = REPLACEMENT_SIZES.taper.value
  const taperTipAt = headCentreAt - HEAD_CENTRE_PAST_TAPER
  return {
    spec,
    length,
    scale,
    neckTiltDeg: tilt,
    neckOriginT: length - FAMILY.neckBelowTop,
    neckDirection: [Math.sin(rad), Math.cos(rad)],
    collarAt: FAMILY.collar,
    taperBaseAt: taperTipAt - taper.length,
    taperTipAt,
    headCentreAt,
    offset,
    neckRadius: FAMILY.neckDiameter / 2,
    taper,
    collar: spec.collared ? { thickness: FAMILY.collarThickness, overhang: FAMILY.collarOverhang } : null,
  }
}

/** Where the collar plane crosses the stem's (x, t) plane at height t: x on the plane. */
export function collarPlaneX(g: StemGeometry, t: number): number {
  const [nx, nt] = g.neckDirection
  const cx = nx * g.collarAt
  const ct = g.neckOriginT + nt * g.collarAt
  // Points p with (p − c)·n = 0: x = cx − (t − ct)·nt / nx.
  return cx - ((t - ct) * nt) / nx
}

/** The body's cross-section at height t (0 … length): its lateral and medial x and its half-thickness. */
export interface StemSection {
  readonly lateral: number
  readonly medial: number
  readonly halfAP: number
}

export function stemSection(g: StemGeometry, t: number): StemSection {
  const f = Math.min(Math.max(t / g.length, 0), 1)
  const s = g.scale
  const lateral = -(FAMILY.tipLateral + (FAMILY.topLateral - FAMILY.tipLateral) * f) * s
  const intoFlare = Math.max(0, t - (g.length - FAMILY.flareLength)) / FAMILY.flareLength
  const medialBody = (FAMILY.tipMedial + (FAMILY.topMedial - FAMILY.tipMedial) * f + FAMILY.flare * intoFlare * intoFlare) * s
  const medial = Math.max(Math.min(medialBody, collarPlaneX(g, t)), lateral + 0.5)
  const halfAP = (FAMILY.tipAP + (FAMILY.topAP - FAMILY.tipAP) * f) * s
  return { lateral, medial, halfAP }
}

/** The body's rounded nose: over this length from the tip its sections shrink to a point (design choice). */
export const STEM_TIP_ROUND_MM = 6

/**
 * How much of the section at height t the body fills (1 above the nose): the builder of the drawn
 * stem and broach and the broach's cut both scale the section by it, about its middle.
 */
export function stemNose(t: number): number {
  return t < STEM_TIP_ROUND_MM ? Math.sqrt(Math.max(0, 1 - ((STEM_TIP_ROUND_MM - t) / STEM_TIP_ROUND_MM) ** 2)) : 1
}

/** Radius of the rounded corners of a section (the edges of a wedge are rounded, not sharp). */
export function sectionCornerRadius(section: StemSection): number {
  return Math.min(2.5, 0.45 * Math.min(section.medial - section.lateral, 2 * section.halfAP) / 2)
}

/** Where the metaphyseal flare begins (t): below it the body runs in the diaphyseal canal. */
export function stemDiaphysealTop(g: StemGeometry): number {
  return g.length - FAMILY.flareLength
}

/**
 * Points on the body's surface (stem frame), for tests that check the stem stays in the canal:
 * `rings` sections from tip to top, `around` points on each rounded rectangle.
 */
export function stemSurfacePoints(g: StemGeometry, rings: number, around: number): [number, number, number][] {
  const points: [number, number, number][] = []
  for (let i = 0; i <= rings; i++) {
    const t = (i / rings) * g.length
    for (const [x, z] of sectionOutline(stemSection(g, t), around)) points.push([x, t, z])
  }
  return points
}

/**
 * The rounded rectangle of a section as `around` points (x, z), counter-clockwise seen from
 * above (+t), starting on the medial face. Shared by the builder and the tests.
 */
export function sectionOutline(section: StemSection, around: number): [number, number][] {
  const r = sectionCornerRadius(section)
  const cx = (section.medial + section.lateral) / 2
  const hx = (section.medial - section.lateral) / 2 - r
  const hz = section.halfAP - r
  const out: [number, number][] = []
  for (let k = 0; k < around; k++) {
    // A superellipse-free rounded rectangle: each corner a quarter circle, the sides between them.
    const angle = (k / around) * Math.PI * 2
    const c = Math.cos(angle)
    const sn = Math.sin(angle)
    const x = cx + Math.sign(c) * hx * Math.min(1, Math.abs(c) * 4) + r * c
    const z = Math.sign(sn) * hz * Math.min(1, Math.abs(sn) * 4) + r * sn
    out.push([x, z])
  }
  return out
}
