/**
 * Landmarks written by the generator into the model's scene `extras.landmarks`
 * (millimetres, model frame: +Y superior, +Z anterior, +X the patient's left, origin =
 * femoral head centre, right hip). Later features (lesion, drilling, implants, labels,
 * camera views) are placed from these, never from hard-coded coordinates.
 *
 * `parseLandmarks` validates untrusted JSON (the loaded file) and returns either the
 * typed landmarks or the list of problems; it never throws.
 */

export type Vec3 = readonly [number, number, number]

/** A line: a point on it and a unit direction. */
export interface Axis {
  readonly origin: Vec3
  readonly direction: Vec3
}

export interface NeckSurface {
  readonly fromMm: number
  readonly stepMm: number
  /** Two unit vectors across the neck axis (and each other). */
  readonly across: readonly [Vec3, Vec3]
  /** Per ring, the surface's distance (mm) from the axis in each of its evenly spread directions. */
  readonly radii: readonly (readonly number[])[]
}

export interface HipLandmarks {
  readonly version: 1
  readonly units: 'mm'
  readonly side: 'right'
  readonly femoralHead: {
    readonly centre: Vec3
    /** Bony radius (under the cartilage). */
    readonly radius: number
    /** Outer radius of the cartilage at the dome. */
    readonly cartilageRadius: number
  }
  /** Neck axis: origin = head centre, direction from the neck toward the head. */
  readonly neckAxis: Axis
  /** Anatomical shaft axis: origin on the axis at the neck–shaft intersection, direction proximal (up the shaft). */
  readonly shaftAxis: Axis
  readonly acetabulum: {
    readonly centre: Vec3
    /** Bony sphere radius. */
    readonly radius: number
    /** Unit axis out of the opening (lateral, inferior, anterior). */
    readonly openingAxis: Vec3
    /** Lateral edge of the bony roof (sourcil) in the coronal plane through the head centre. */
    readonly lateralEdge: Vec3
    /** Inferior tip of the radiographic teardrop (medial wall of the fossa). */
    readonly teardrop: Vec3
    /** Centre direction of the acetabular fossa and of the notch (unit). */
    readonly fossaDirection: Vec3
    readonly notchDirection: Vec3
  }
  /** Core-decompression entry on the lateral cortex, at/below the greater trochanter, above the lesser trochanter level. */
  readonly coreDecompressionEntry: {
    readonly point: Vec3
    /** Unit direction from the entry toward the anterosuperior weight-bearing zone. */
    readonly direction: Vec3
  }
  /** Anterosuperior weight-bearing zone of the head (where lesions sit). */
  readonly weightBearingZone: {
    /** Unit direction from the head centre to the zone centre. */
    readonly direction: Vec3
    /** Point on the bony head surface at the zone centre. */
    readonly centre: Vec3
    /** Angular half-extent of the zone (degrees). */
    readonly halfAngleDeg: number
  }
  readonly fovea: { readonly centre: Vec3; readonly radius: number }
  /** Foramina of the retinacular arteries at the head–neck junction (bone surface). */
  readonly headNeckJunction: {
    readonly posterosuperior: readonly Vec3[]
    readonly anterior: Vec3
    readonly inferior: Vec3
  }
  readonly greaterTrochanterTip: Vec3
  readonly lesserTrochanterTip: Vec3
  readonly trochantericFossa: Vec3
  readonly pelvis: {
    readonly asis: Vec3
    readonly aiis: Vec3
    readonly psis: Vec3
    readonly ischialSpine: Vec3
    readonly ischialTuberosity: Vec3
    readonly pubicTubercle: Vec3
    readonly obturatorForamen: Vec3
  }
  /** Centre and mean radius of the neck's narrowest section (implants, neck notching). Optional: added later. */
  readonly neckIsthmus?: { readonly centre: Vec3; readonly radius: number }
  /**
   * The neck's outer surface as rings across the neck axis, so a pass up the neck can be kept
   * inside the real bone (the neck is oval, taller than deep, and its waist is off-centre: a
   * circle of mean radius let drills out of it). Ring i lies `fromMm + i × stepMm` from the head's
   * centre toward the shaft along `neckAxis`; radius k of a ring points along
   * cos(2πk/n)·across[0] + sin(2πk/n)·across[1], n = the ring's length. Optional: added later.
   * Checked where it is read (domain/treatment/neckWall.ts, which falls back to the isthmus's
   * circle when it is malformed), not by parseLandmarks: that runs in the first download.
   */
  readonly neckSurface?: NeckSurface
  /** Axis point where the medullary canal opens below the cancellous metaphysis (stem entry depth). */
  readonly medullaryCanalTop?: Vec3
  /** Most lateral point of the greater trochanter (lateral approach, hip axis length). */
  readonly greaterTrochanterLateral?: Vec3
  /**
   * Centre lines of vessels a treatment connects to, sampled every few millimetres from the
   * vessel's origin outward (the LFCA's ascending branch: the recipient of the fibula's pedicle,
   * clinical.md §6.3 step 4). Optional: added later.
   */
  readonly vessels?: { readonly lfcaAscendingBranch: readonly Vec3[] }
  /** Thicknesses used to build the joint (mm). */
  readonly joint: {
    readonly headCartilageDome: number
    readonly headCartilageMargin: number
    readonly acetabularCartilageRoof: number
    readonly jointSpaceSuperior: number
  }
}

export type ParseResult = { ok: true; value: HipLandmarks } | { ok: false; errors: string[] }

/** A finite number: the check of every number read from the model file (here and where its parts are read later). */
export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export function parseLandmarks(input: unknown): ParseResult {
  const errors: string[] = []
  const vec = (v: unknown, path: string, unit = false): void => {
    if (!Array.isArray(v) || v.length !== 3 || !v.every(isNum)) {
      errors.push(`${path}: expected [x, y, z] numbers`)
      return
    }
    const [x, y, z] = v as [number, number, number]
    if (unit && Math.abs(Math.hypot(x, y, z) - 1) > 1e-3) errors.push(`${path}: expected a unit vector`)
  }
  const num = (v: unknown, path: string, min = 0): void => {
    if (!isNum(v) || v <= min) errors.push(`${path}: expected a positive number`)
  }
  const obj = (v: unknown, path: string): Record<string, unknown> => {
    if (isObj(v)) return v
    errors.push(`${path}: expected an object`)
    return {}
  }
  const axis = (v: unknown, path: string) => {
    const o = obj(v, path)
    vec(o.origin, `${path}.origin`)
    vec(o.direction, `${path}.direction`, true)
  }
  const r = obj(input, 'landmarks')
  if (r.version !== 1) errors.push('version: expected 1')
  if (r.units !== 'mm') errors.push("units: expected 'mm'")
  if (r.side !== 'right') errors.push("side: expected 'right'")
  const head = obj(r.femoralHead, 'femoralHead')
  vec(head.centre, 'femoralHead.centre')
  num(head.radius, 'femoralHead.radius')
  num(head.cartilageRadius, 'femoralHead.cartilageRadius')
  axis(r.neckAxis, 'neckAxis')
  axis(r.shaftAxis, 'shaftAxis')
  const ac = obj(r.acetabulum, 'acetabulum')
  vec(ac.centre, 'acetabulum.centre')
  num(ac.radius, 'acetabulum.radius')
  vec(ac.openingAxis, 'acetabulum.openingAxis', true)
  vec(ac.lateralEdge, 'acetabulum.lateralEdge')
  vec(ac.teardrop, 'acetabulum.teardrop')
  vec(ac.fossaDirection, 'acetabulum.fossaDirection', true)
  vec(ac.notchDirection, 'acetabulum.notchDirection', true)
  const cd = obj(r.coreDecompressionEntry, 'coreDecompressionEntry')
  vec(cd.point, 'coreDecompressionEntry.point')
  vec(cd.direction, 'coreDecompressionEntry.direction', true)
  const wb = obj(r.weightBearingZone, 'weightBearingZone')
  vec(wb.direction, 'weightBearingZone.direction', true)
  vec(wb.centre, 'weightBearingZone.centre')
  num(wb.halfAngleDeg, 'weightBearingZone.halfAngleDeg')
  const fv = obj(r.fovea, 'fovea')
  vec(fv.centre, 'fovea.centre')
  num(fv.radius, 'fovea.radius')
  const hn = obj(r.headNeckJunction, 'headNeckJunction')
  if (!Array.isArray(hn.posterosuperior) || hn.posterosuperior.length === 0) errors.push('headNeckJunction.posterosuperior: expected a non-empty list')
  else hn.posterosuperior.forEach((p, i) => vec(p, `headNeckJunction.posterosuperior[${i}]`))
  vec(hn.anterior, 'headNeckJunction.anterior')
  vec(hn.inferior, 'headNeckJunction.inferior')
  vec(r.greaterTrochanterTip, 'greaterTrochanterTip')
  vec(r.lesserTrochanterTip, 'lesserTrochanterTip')
  vec(r.trochantericFossa, 'trochantericFossa')
  const pv = obj(r.pelvis, 'pelvis')
  for (const k of ['asis', 'aiis', 'psis', 'ischialSpine', 'ischialTuberosity', 'pubicTubercle', 'obturatorForamen']) vec(pv[k], `pelvis.${k}`)
  if (r.neckIsthmus !== undefined) {
    const ni = obj(r.neckIsthmus, 'neckIsthmus')
    vec(ni.centre, 'neckIsthmus.centre')
    num(ni.radius, 'neckIsthmus.radius')
  }
  if (r.medullaryCanalTop !== undefined) vec(r.medullaryCanalTop, 'medullaryCanalTop')
  if (r.greaterTrochanterLateral !== undefined) vec(r.greaterTrochanterLateral, 'greaterTrochanterLateral')
  if (r.vessels !== undefined) {
    const vs = obj(r.vessels, 'vessels')
    const line = vs.lfcaAscendingBranch
    if (!Array.isArray(line) || line.length < 2) errors.push('vessels.lfcaAscendingBranch: expected a list of at least two points')
    else line.forEach((p, i) => vec(p, `vessels.lfcaAscendingBranch[${i}]`))
  }
  const j = obj(r.joint, 'joint')
  for (const k of ['headCartilageDome', 'headCartilageMargin', 'acetabularCartilageRoof', 'jointSpaceSuperior']) num(j[k], `joint.${k}`)
  return errors.length ? { ok: false, errors } : { ok: true, value: input as HipLandmarks }
}
