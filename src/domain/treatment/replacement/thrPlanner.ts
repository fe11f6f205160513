/**
 * Total hip replacement, planned from the hip's landmarks (clinical reference §6.5): the socket
 * reamed in rising sizes to take a press-fit shell at the planned inclination and anteversion,
 * a liner and a modular head, and a tapered stem seated in the canal so that the new head
 * centre lies where the native one was (leg length and offset restored); the neck is cut where
 * the stem's collar plane will sit. Pure and deterministic, like ../planner.ts.
 *
 * Frame: mm, the right-hip model frame (origin at the native head centre); the scene mirrors a
 * left hip. Sizes and rules: ./replacementSizes.ts.
 */
import type { HipLandmarks } from '../../anatomy/landmarks.ts'
import { add, cross, distance, dot, madd, normalise, scale, sub, type Vec3 } from '../../vec3.ts'
import { cupAxis } from './cupOrientation.ts'
import { REPLACEMENT_SIZES } from './replacementSizes.ts'
import { STEM_SIZES, sectionOutline, stemDiaphysealTop, stemGeometry, stemSection, type StemGeometry, type StemSpec } from './stemDesign.ts'

/** A hemispherical component (shell, liner, monoblock cup) or the reamed socket it sits in. */
export interface CupPlan {
  /** Centre of the hemisphere (the joint's centre of rotation). */
  readonly centre: Vec3
  /** Unit axis out of the opening. */
  readonly axis: Vec3
  readonly outerDiameter: number
  readonly innerDiameter: number
  readonly inclinationDeg: number
  readonly anteversionDeg: number
  /** Unit direction across the face toward the posterosuperior quadrant, where screw holes point. */
  readonly screwSide: Vec3
}

/** One reamer pass: a hemispherical reamer whose dome reaches `pole`. */
export interface ReamerPass {
  readonly diameter: number
  readonly centre: Vec3
  /** Deepest point of the dome. */
  readonly pole: Vec3
  /** Unit direction the reamer is driven (into the socket: −cup axis). */
  readonly axis: Vec3
}

export interface NeckCutPlan {
  /** A point on the plane (where the neck axis of the stem crosses it). */
  readonly point: Vec3
  /** Unit normal toward the head that is taken away. */
  readonly normal: Vec3
  /** Height of the plane straight above the lesser trochanter's tip, along the shaft axis (mm). */
  readonly aboveLesserTrochanterTip: number
  /** Angle between the plane and the shaft axis (°). */
  readonly angleToShaftDeg: number
  /**
   * The cut's second limb, along the shaft at the saddle (the trochanteric fossa): bone is taken
   * only beyond the neck plane and medial of this plane, so the greater trochanter stays.
   */
  readonly lateralStop: { readonly point: Vec3; readonly normal: Vec3 }
}

/** A stem (or broach) placed in the femur: its tip, axis and neck direction, model frame. */
export interface StemPlacement {
  readonly geometry: StemGeometry
  /** The distal tip, on the stem axis. */
  readonly tip: Vec3
  /** Unit axis up the stem (proximal). */
  readonly up: Vec3
  /** Unit direction toward the head, across the stem axis, in the neck's plane. */
  readonly medial: Vec3
}

export interface HeadPlan {
  readonly centre: Vec3
  readonly diameter: number
  /** Unit direction of the taper, from the stem toward the head. */
  readonly axis: Vec3
  /** −3.5 short, 0 medium, +3.5 long (mm along the taper). */
  readonly neckLength: number
  readonly material: 'ceramic' | 'metal'
}

export interface ThrPlan {
  readonly nativeHeadCentre: Vec3
  readonly reaming: readonly ReamerPass[]
  /** The socket after the last reamer (its inner diameter is the reamer's). */
  readonly reamedSocket: CupPlan
  readonly shell: CupPlan
  readonly liner: CupPlan
  readonly head: HeadPlan
  readonly neckCut: NeckCutPlan
  readonly broaches: readonly StemPlacement[]
  readonly stem: StemPlacement
  /** Distance of the new head centre from the native one (mm). */
  readonly headCentreError: number
  /** Distance of the new head centre from the cup's centre, the joint's new centre (mm). */
  readonly headToCupCentre: number
  /** How much deeper than the bony socket the reamers went along their axis, the shell's dome to the fossa's floor (mm): the cup's centre moved in by as much. */
  readonly deepening: number
}

export interface ThrOptions {
  readonly inclinationDeg?: number
  readonly anteversionDeg?: number
  readonly headDiameter?: 32 | 36
  readonly headMaterial?: 'ceramic' | 'metal'
  readonly collared?: boolean
  /** The canal, templated; default: this model's. */
  readonly canal?: CanalProfile
}

const S = REPLACEMENT_SIZES

/** Point in the stem frame (x medial, t up, z = x × t) of a placed stem → model frame. */
export function stemPoint(p: StemPlacement, x: number, t: number, z: number): Vec3 {
  const across = cross(p.medial, p.up)
  return add(add(madd(p.tip, p.up, t), scale(p.medial, x)), scale(across, z))
}

/** The unit neck direction of a placed stem (toward the head). */
export function stemNeckDirection(p: StemPlacement): Vec3 {
  const [nx, nt] = p.geometry.neckDirection
  return normalise(add(scale(p.medial, nx), scale(p.up, nt)))
}

/** The centre of a head of `neckLength` on a placed stem. */
export function stemHeadCentre(p: StemPlacement, neckLength: number): Vec3 {
  const g = p.geometry
  const [nx, nt] = g.neckDirection
  const along = g.headCentreAt + neckLength
  return stemPoint(p, nx * along, g.neckOriginT + nt * along, 0)
}

/**
 * How much deeper than the bony socket the reamers are driven, along their axis, so that the
 * shell's dome sits on the floor of the acetabular fossa (the "true floor", at the teardrop: the
 * fossa's floor lies on a sphere about the socket's centre through it); seated so, the shell
 * fills the fossa's hollow instead of bridging it (REPLACEMENT_SIZES.reamingDepth). The last
 * reamer stops the press-fit's half short of the floor: the shell is pressed the rest of the way.
 */
export function floorDeepening(lm: HipLandmarks, shellDiameter: number): number {
  const floorRadius = distance(lm.acetabulum.teardrop, lm.acetabulum.centre)
  return Math.max(0, floorRadius - shellDiameter / 2)
}

/**
 * The socket: the shell's size from the bony socket, reamers rising to it, the cup's angles.
 * `depth` 'floor' drives the reamers in along their axis until the shell seats on the fossa's
 * floor (THA: the joint's centre moves in with them, medially and up); 'bony' keeps the bony socket's centre
 * (resurfacing: the kept head sets the joint's centre).
 */
export function planSocket(
  lm: HipLandmarks,
  inclinationDeg: number,
  anteversionDeg: number,
  wall: number,
  depth: 'bony' | 'floor' = 'bony',
): { reaming: ReamerPass[]; reamed: CupPlan; cup: CupPlan; deepening: number } {
  const axis = cupAxis(inclinationDeg, anteversionDeg)
  const bony = 2 * lm.acetabulum.radius
  const step = S.cupStep.value
  const pressFit = S.pressFit.value
  // The smallest cup in 2-mm steps whose last reamer takes the whole bony surface.
  let cupDiameter = step * Math.ceil((bony + pressFit) / step)
  if (cupDiameter - pressFit < bony) cupDiameter += step
  const last = cupDiameter - pressFit
  const deepening = depth === 'floor' ? floorDeepening(lm, cupDiameter) : 0
  const centre = madd(lm.acetabulum.centre, axis, -deepening)
  const pole = madd(centre, axis, -last / 2)
  const drive = scale(axis, -1)
  const { count, step: reamerStep } = S.reamerSteps.value
  // Every reamer's dome reaches the final depth: the first ones deepen the floor, the later ones widen.
  const reaming: ReamerPass[] = []
  for (let i = count - 1; i >= 0; i--) {
    const diameter = last - i * reamerStep
    reaming.push({ diameter, centre: madd(pole, axis, diameter / 2), pole, axis: drive })
  }
  const screwSide = posterosuperior(axis)
  const angles = { inclinationDeg, anteversionDeg, screwSide }
  return {
    reaming,
    reamed: { centre, axis, outerDiameter: last, innerDiameter: last, ...angles },
    cup: { centre, axis, outerDiameter: cupDiameter, innerDiameter: cupDiameter - 2 * wall, ...angles },
    deepening,
  }
}

/** The direction across a cup's face toward the posterosuperior quadrant (superior, posterior). */
function posterosuperior(axis: Vec3): Vec3 {
  const want: Vec3 = [0, Math.SQRT1_2, -Math.SQRT1_2]
  return normalise(madd(want, axis, -dot(want, axis)))
}

/** The stem's axes in the femur: up the shaft axis, medial toward the native head in the neck's plane. */
function femurAxes(lm: HipLandmarks): { up: Vec3; medial: Vec3 } {
  const up = normalise(lm.shaftAxis.direction)
  const neck = lm.neckAxis.direction
  const medial = normalise(madd(neck, up, -dot(neck, up)))
  return { up, medial }
}

/** The canal's radius at levels along the shaft axis: `below` mm under the neck–shaft junction. */
export type CanalProfile = readonly { readonly below: number; readonly radius: number }[]

/**
 * The generated femur's canal as a surgeon templates it: the largest circle on the shaft axis
 * inside the endosteal surface, every 10 mm from the metaphysis down to where the canal closes
 * (the model's shaft ends 160 mm below the junction). Measured from public/models/hip.glb; the
 * planner test measures it again, so a regenerated model cannot drift from it unnoticed.
 */
export const MODEL_CANAL: CanalProfile = [
  { below: 40, radius: 8.6 },
  { below: 50, radius: 7.5 },
  { below: 60, radius: 7.3 },
  { below: 70, radius: 7.2 },
  { below: 80, radius: 7.1 },
  { below: 90, radius: 6.9 },
  { below: 100, radius: 6.8 },
  { below: 110, radius: 6.7 },
  { below: 120, radius: 6.6 },
  { below: 130, radius: 6.4 },
  { below: 140, radius: 6.3 },
  { below: 150, radius: 6.1 },
]

/** The canal's radius `below` mm under the junction (linear between levels), or null past its end. */
function canalRadiusAt(canal: CanalProfile, below: number): number | null {
  const first = canal[0]!
  if (below <= first.below) return Number.POSITIVE_INFINITY // the metaphysis: the flare is sized by the cut
  for (let i = 1; i < canal.length; i++) {
    const a = canal[i - 1]!
    const b = canal[i]!
    if (below <= b.below) return a.radius + ((b.radius - a.radius) * (below - a.below)) / (b.below - a.below)
  }
  return null
}

/**
 * Whether a seated stem's body, below its metaphyseal flare, stays within the canal's radius
 * plus the cortex a broach may take, at every level, and ends before the canal does.
 */
function fitsCanal(lm: HipLandmarks, stem: StemPlacement, canal: CanalProfile): boolean {
  const g = stem.geometry
  const tipBelow = -dot(sub(stem.tip, lm.shaftAxis.origin), stem.up)
  for (let t = 0; t <= stemDiaphysealTop(g); t += 2) {
    const room = canalRadiusAt(canal, tipBelow - t)
    if (room === null) return false
    const reach = Math.max(...sectionOutline(stemSection(g, t), 32).map(([x, z]) => Math.hypot(x, z)))
    if (reach > room + S.canalEngagement.value) return false
  }
  return true
}

/**
 * Seats a stem of `spec` on the femur's axes so that a head of `neckLength` is centred at the
 * height of `target` (the joint's new centre, the cup's) along the shaft; returns the placement
 * and the head centre's distance from the target.
 */
function seatStem(lm: HipLandmarks, spec: StemSpec, neckLength: number, target: Vec3): { placement: StemPlacement; error: number } {
  const { up, medial } = femurAxes(lm)
  const g = stemGeometry(spec)
  const rel = sub(target, lm.shaftAxis.origin)
  const height = dot(rel, up)
  const [, nt] = g.neckDirection
  const headT = g.neckOriginT + nt * (g.headCentreAt + neckLength)
  const tip = madd(lm.shaftAxis.origin, up, height - headT)
  const placement: StemPlacement = { geometry: g, tip, up, medial }
  return { placement, error: distance(stemHeadCentre(placement, neckLength), target) }
}

/**
 * The neck cut: the stem's collar plane (where the stem will sit), and its height read straight
 * above the lesser trochanter's tip along the shaft axis; the second limb stops at the saddle.
 */
function neckCut(lm: HipLandmarks, stem: StemPlacement): NeckCutPlan {
  const g = stem.geometry
  const [nx, nt] = g.neckDirection
  const point = stemPoint(stem, nx * g.collarAt, g.neckOriginT + nt * g.collarAt, 0)
  const normal = stemNeckDirection(stem)
  const lt = lm.lesserTrochanterTip
  const aboveLesserTrochanterTip = dot(sub(point, lt), normal) / dot(stem.up, normal)
  const angleToShaftDeg = 90 - (Math.acos(Math.min(1, Math.abs(dot(normal, stem.up)))) * 180) / Math.PI
  const lateralStop = { point: lm.trochantericFossa, normal: stem.medial }
  return { point, normal, aboveLesserTrochanterTip, angleToShaftDeg, lateralStop }
}

export function planThr(lm: HipLandmarks, options: ThrOptions = {}): ThrPlan {
  const inclinationDeg = options.inclinationDeg ?? S.cupInclination.value
  const anteversionDeg = options.anteversionDeg ?? S.cupAnteversion.value
  const socket = planSocket(lm, inclinationDeg, anteversionDeg, S.shellWall.value, S.reamingDepth.value)
  const shell = socket.cup
  // 36 mm unless the liner would be thinner than its minimum; never larger than asked.
  const wanted = options.headDiameter ?? 36
  const fits = (d: number) => (shell.innerDiameter - d) / 2 >= S.minLiner.value
  const headDiameter = wanted === 36 && fits(36) ? 36 : 32
  const liner: CupPlan = { ...shell, outerDiameter: shell.innerDiameter, innerDiameter: headDiameter }

  // The stem: every catalogue neck and head length, seated to the height of the joint's new
  // centre (the cup's: the native one moved in, medially and up, by the reaming); the one whose
  // head centre lands nearest it (standard neck and medium head on ties). Reduced, the femur is
  // then where it was, within the tolerance: the leg's length and its offset from the pelvis are
  // restored, the stem seated higher and its offset larger by the cup's shift.
  const collared = options.collared ?? false
  const canal = options.canal ?? MODEL_CANAL
  const target = shell.centre
  let best: { placement: StemPlacement; error: number; neckLength: number } | null = null
  for (const neckAngleDeg of S.stemNeckAngles.value) {
    // The largest size that fits the canal at some head length: the stem fills the canal.
    for (let size: number = STEM_SIZES.largest; size >= STEM_SIZES.smallest; size--) {
      const seatings = [0, ...S.neckLengths.value.filter((n) => n !== 0)]
        .map((neckLength) => ({ ...seatStem(lm, { size, neckAngleDeg, collared }, neckLength, target), neckLength }))
        .filter((s) => fitsCanal(lm, s.placement, canal))
      if (seatings.length === 0) continue
      for (const seated of seatings) if (!best || seated.error < best.error - 1e-6) best = seated
      break
    }
  }
  if (!best) throw new Error('planner: no stem fits the canal')
  const stem = best.placement
  const cut = neckCut(lm, stem)
  const broaches: StemPlacement[] = []
  for (let size = Math.max(STEM_SIZES.smallest, stem.geometry.spec.size - 3); size <= stem.geometry.spec.size; size++) {
    broaches.push(broachAt(stem, size))
  }
  const headCentre = stemHeadCentre(stem, best.neckLength)
  return {
    nativeHeadCentre: lm.femoralHead.centre,
    reaming: socket.reaming,
    reamedSocket: socket.reamed,
    shell,
    liner,
    head: { centre: headCentre, diameter: headDiameter, axis: stemNeckDirection(stem), neckLength: best.neckLength, material: options.headMaterial ?? 'ceramic' },
    neckCut: cut,
    broaches,
    stem,
    headCentreError: distance(headCentre, lm.femoralHead.centre),
    headToCupCentre: best.error,
    deepening: socket.deepening,
  }
}

/** A broach of `size` (the stem's body shape, no neck) seated with its collar plane on the cut. */
function broachAt(stem: StemPlacement, size: number): StemPlacement {
  const g = stemGeometry({ ...stem.geometry.spec, size })
  const s = stem.geometry
  // The neck origins coincide (same collar geometry), so the collar planes do too.
  const tip = madd(stem.tip, stem.up, s.neckOriginT - g.neckOriginT)
  return { geometry: g, tip, up: stem.up, medial: stem.medial }
}
