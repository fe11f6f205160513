/**
 * Hip resurfacing's timeline (clinical.md §6.6): the hip dislocated, the socket reamed and its cup
 * pressed in, then the head shaped for the cap along one axis (guide pin, sleeve reamer,
 * head-height cut, chamfer, peg hole), the necrotic bone cleared, the cap cemented and impacted,
 * the joint reduced. Every number is the plan's (./replacement/resurfacingPlanner.ts): the bone
 * each cutter takes away is exactly the inside of the cap (./replacement/capDesign.ts), so the cap
 * seats on what is left.
 *
 * The femur moves as one rigid body (./frame.ts FemurPose), dislocated as for a THA: whatever
 * works on the head (the pin, the femoral cutters, the cap and its cement) is given in the femur's
 * REST frame (the model frame, origin at the head centre) and marked `onFemur`; the socket's
 * reamers and cup are in the model frame, and their reaming takes bone from the pelvis.
 */
import { clamp01, phase, quantise } from './motion.ts'
import { lerp, madd, normalise, scale, type Vec3 } from '../vec3.ts'
import type { BoneRemoval, InstrumentKind, InstrumentPose, Piece } from './frame.ts'
import { partWay, turnAbout } from './femurMotion.ts'
import type { ResurfacingPlan } from './replacement/resurfacingPlanner.ts'
import { frame, tool, TURNS, type Script } from './scriptParts.ts'

/** How far out of the socket a reamer starts and ends (mm). */
const SOCKET_STANDOFF = 25
/** How far out of the socket the cup is brought in from (mm). */
const CUP_STANDOFF = 30
/** How far above the dome a femoral cutter starts (mm), so it is seen arriving over the pin. */
const HEAD_STANDOFF = 12
/** The cap held ready over the shaped head while it is filled with cement (mm along its axis). */
const CAP_READY = 45
/** The rod that pushes the cup home (its threaded tip's rod, mm): as the THA cup impactor's. */
const CUP_IMPACTOR_ROD = 12
/** The curette's cup (mm): the bone curettes of the head-preserving operations. */
const CURETTE = 6
/**
 * The head cutter's disc overhangs the reamed cylinder by this much all round (mm; design
 * choice), so one pass flattens the whole top.
 */
const CUTTER_OVERHANG = 3

/** A tool working on the head: in the femur's rest frame, moved with it. */
function onHead(id: string, kind: InstrumentKind, tip: Vec3, axis: Vec3, diameter: number, spin = 0): InstrumentPose {
  return { ...tool(id, kind, tip, axis, diameter, spin), onFemur: true }
}

/** The point `s` mm along the cap's axis from its bearing centre. */
const on = (r: ResurfacingPlan, s: number): Vec3 => madd(r.capCentre, r.axis, s)
/** Down the cap's axis, toward the neck: the way every femoral tool is driven. */
const down = (r: ResurfacingPlan): Vec3 => scale(r.axis, -1)
/** Where the bone of the head ends along the axis (its cartilage is gone once reamed). */
const domeOf = (r: ResurfacingPlan): number => r.headRadius
/** The number `share` of the way from a to b. */
const mix = (a: number, b: number, share: number): number => a + (b - a) * share

function dotAxis(r: ResurfacingPlan, p: Vec3): number {
  return (p[0] - r.capCentre[0]) * r.axis[0] + (p[1] - r.capCentre[1]) * r.axis[1] + (p[2] - r.capCentre[2]) * r.axis[2]
}

// ---------------------------------------------------------------------------------------------
// The socket.

function cupPiece(r: ResurfacingPlan, centre: Vec3): Piece {
  const cup = r.cup
  return {
    id: 'cup',
    kind: 'resurfacing-cup',
    to: centre,
    // The dome points into the pelvis, away from the opening.
    from: madd(centre, cup.axis, 1),
    radius: cup.outerDiameter / 2,
    across: cup.screwSide,
    fill: 1,
    implant: { kind: 'cup', outerDiameter: cup.outerDiameter, innerDiameter: cup.innerDiameter, screwHoles: 0 },
  }
}

/** What a hemispherical reamer of pass `i` has taken from the socket: its sphere, from the pelvis only. */
function socketPass(r: ResurfacingPlan, i: number): BoneRemoval {
  const pass = r.reaming[i]!
  const radius = pass.diameter / 2
  return { kind: 'ellipsoid', id: `socket-ream-${i}`, target: 'pelvis', centre: pass.centre, axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], radii: [radius, radius, radius] }
}

/** Reamers of rising size, each in to the planned depth and out again; then the cup is pressed in. */
const socketAndCup: Script = (plan, t, before) => {
  const r = plan.resurfacing
  if (!r) return frame(before)
  const removals: BoneRemoval[] = []
  const instruments: InstrumentPose[] = []
  const share = 0.7 / r.reaming.length
  r.reaming.forEach((pass, i) => {
    const local = clamp01((t - i * share) / share)
    if (local <= 0) return
    const into = phase(local, 0, 0.5)
    const back = phase(local, 0.65, 1)
    if (into >= 1) removals.push(socketPass(r, i))
    if (local < 1) {
      const tip = madd(pass.pole, pass.axis, -SOCKET_STANDOFF * (1 - into) - SOCKET_STANDOFF * back)
      instruments.push(tool(`socket-reamer-${i}`, 'acetabular-reamer', tip, pass.axis, pass.diameter, TURNS * 2 * Math.PI * phase(local, 0, 0.65)))
    }
  })
  const pieces: Piece[] = []
  if (t >= 0.72) {
    const home = phase(t, 0.74, 0.95)
    const centre = madd(r.cup.centre, r.cup.axis, CUP_STANDOFF * (1 - home))
    pieces.push(cupPiece(r, centre))
    if (t < 0.97) instruments.push(tool('cup-impactor', 'cup-impactor', madd(centre, r.cup.axis, -r.cup.innerDiameter / 2), scale(r.cup.axis, -1), CUP_IMPACTOR_ROD))
  }
  return frame(before, { removals, instruments, pieces })
}

// ---------------------------------------------------------------------------------------------
// The head, shaped along the guide pin.

function pinInPlace(r: ResurfacingPlan): InstrumentPose {
  return onHead('guide-pin', 'guide-wire', r.guidePin.tip, down(r), r.guidePin.diameter)
}

const guidePin: Script = (plan, t, before) => {
  const r = plan.resurfacing
  if (!r) return frame(before)
  const p = phase(t, 0.05, 0.9)
  const start = madd(r.guidePin.entry, r.axis, 20)
  const tip = lerp(start, r.guidePin.tip, p)
  return frame(before, { instruments: [onHead('guide-pin', 'guide-wire', tip, down(r), r.guidePin.diameter, TURNS * 2 * Math.PI * p)] })
}

/** A femoral cutter driven down the axis from above the dome to `s`, and back up at the end. */
function cutterAt(r: ResurfacingPlan, top: number, s: number, into: number, back: number): Vec3 {
  const start = top + HEAD_STANDOFF
  return on(r, mix(start, s, into) + (start - s) * back)
}

/** The sleeve's cut after `share` of its travel: the head outside the cap's bore, from the dome down. */
function sleeveCut(r: ResurfacingPlan, share: number): BoneRemoval[] {
  if (share <= 0) return []
  const top = domeOf(r)
  const low = mix(top, r.cap.rimY, share)
  const bore = r.sleeveReamer.diameter / 2
  return [
    {
      kind: 'turned',
      id: 'sleeve',
      base: r.capCentre,
      axis: r.axis,
      outerRadius: top + 10,
      profile: [
        { at: low, radius: bore },
        { at: top + 5, radius: bore },
      ],
    },
  ]
}

const sleeveReam: Script = (plan, t, before) => {
  const r = plan.resurfacing
  if (!r) return frame(before)
  const into = phase(t, 0.05, 0.8)
  const back = phase(t, 0.85, 1)
  const top = domeOf(r)
  const instruments = [pinInPlace(r)]
  if (t < 1) instruments.push(onHead('sleeve-reamer', 'sleeve-reamer', cutterAt(r, top, r.cap.rimY, into, back), down(r), r.sleeveReamer.diameter, TURNS * 2 * Math.PI * into))
  return frame(before, { removals: sleeveCut(r, quantise(into)), instruments })
}

/** The head-height cut after `share` of its travel: the dome above a plane moving down to the plan's. */
function headCut(r: ResurfacingPlan, share: number): BoneRemoval[] {
  if (share <= 0) return []
  const top = domeOf(r)
  const s = mix(top, r.cap.topY, share)
  return [{ kind: 'planes', id: 'head-height', planes: [{ point: on(r, s), normal: r.axis }], bound: { centre: r.capCentre, radius: top + 10 } }]
}

/**
 * The flat cutter comes down the pin to the plan's height and stays there, still, at the step's
 * end: its disc is the level of the cut. At IIIB–IV the sunken dome lies partly below that level
 * (clinical.md §4.3: 4–5 mm against a 2-mm cut), so little bone comes off and the cut alone would
 * hardly show; the disc resting on it shows where the cap's top will be.
 */
const headHeightCut: Script = (plan, t, before) => {
  const r = plan.resurfacing
  if (!r) return frame(before)
  const into = phase(t, 0.05, 0.75)
  const instruments = [pinInPlace(r)]
  const disc = r.cap.innerDiameter + 2 * CUTTER_OVERHANG
  instruments.push(onHead('head-cutter', 'head-cutter', cutterAt(r, domeOf(r), r.cap.topY, into, 0), down(r), disc, TURNS * 2 * Math.PI * into))
  return frame(before, { removals: headCut(r, quantise(into)), instruments })
}

/**
 * The chamfer after `share` of its travel: the reamer's cone, whose mouth comes down the reamed
 * cylinder to the plan's chamfer start, takes off the edge between the cylinder and the flat top;
 * at the end exactly the cap's chamfer (its slope the cap's).
 */
function chamferCut(r: ResurfacingPlan, share: number): BoneRemoval[] {
  const { chamferY, topY, topRadius } = r.cap
  const ri = r.cap.innerDiameter / 2
  const mouth = mix(topY, chamferY, share)
  if (share <= 0 || mouth >= topY) return []
  const slope = (ri - topRadius) / (topY - chamferY)
  return [
    {
      kind: 'turned',
      id: 'chamfer',
      base: r.capCentre,
      axis: r.axis,
      outerRadius: ri + 10,
      profile: [
        { at: mouth, radius: ri },
        { at: topY, radius: ri - (topY - mouth) * slope },
      ],
    },
  ]
}

const chamfer: Script = (plan, t, before) => {
  const r = plan.resurfacing
  if (!r) return frame(before)
  const into = phase(t, 0.05, 0.8)
  const back = phase(t, 0.85, 1)
  const instruments = [pinInPlace(r)]
  if (t < 1) instruments.push(onHead('chamfer-reamer', 'chamfer-reamer', cutterAt(r, r.cap.topY, r.cap.chamferY, into, back), down(r), r.cap.innerDiameter, TURNS * 2 * Math.PI * into))
  return frame(before, { removals: chamferCut(r, quantise(into)), instruments })
}

/** The pin comes out; the stepped drill follows its track to the peg's depth. */
const pegHole: Script = (plan, t, before) => {
  const r = plan.resurfacing
  if (!r) return frame(before)
  const instruments: InstrumentPose[] = []
  const pinOut = phase(t, 0, 0.2)
  if (t < 0.2) instruments.push(onHead('guide-pin', 'guide-wire', madd(r.guidePin.tip, r.axis, pinOut * 80), down(r), r.guidePin.diameter))
  const into = phase(t, 0.25, 0.8)
  const back = phase(t, 0.85, 1)
  const { entry, tip, diameter } = r.pegHole
  const depth = dotAxis(r, entry) - dotAxis(r, tip)
  if (t >= 0.22 && t < 1) {
    const at = madd(lerp(madd(entry, r.axis, HEAD_STANDOFF), tip, into), r.axis, (depth + HEAD_STANDOFF) * back)
    instruments.push(onHead('peg-drill', 'peg-drill', at, down(r), diameter, TURNS * 2 * Math.PI * into))
  }
  const q = quantise(into)
  const removals: BoneRemoval[] = q > 0 ? [{ kind: 'cylinder', id: 'peg-hole', from: madd(entry, r.axis, 10), to: madd(entry, r.axis, -depth * q), radius: diameter / 2 }] : []
  return frame(before, { removals, instruments })
}

/** The necrotic and cystic bone left in the shaped head is curetted out, a scoop at a time. */
const clearNecrosis: Script = (plan, t, before) => {
  const r = plan.resurfacing
  const cavity = plan.cavity
  if (!r || !cavity) return frame(before)
  const hollow = quantise(phase(t, 0.1, 0.9))
  const removals: BoneRemoval[] = hollow > 0 ? [{ kind: 'ellipsoid', id: 'necrosis', centre: cavity.centre, axes: cavity.axes, radii: scale(cavity.radii, hollow) }] : []
  // In and out of the cavity from above the head, sweeping across it.
  const scoop = 0.5 - 0.5 * Math.cos(t * 6 * 2 * Math.PI)
  const sweep = madd(cavity.centre, cavity.axes[0], Math.max(...cavity.radii) * 0.6 * Math.sin(t * 9))
  const instruments = t < 0.96 ? [onHead('curette', 'curette', madd(sweep, r.axis, 14 * scoop), down(r), CURETTE)] : []
  return frame(before, { removals, instruments })
}

// ---------------------------------------------------------------------------------------------
// The cap.

const CAP_PIECES: ReadonlySet<string> = new Set(['cap', 'cement'])

/** The cap (and, once filled, its cement) with its bearing centre `offset` mm up the axis from seated, its dome toward `dome`. */
function capPieces(r: ResurfacingPlan, offset: number, cement: boolean, dome: Vec3 = r.axis): Piece[] {
  const to = on(r, offset)
  const from = madd(to, dome, -1)
  const spec = { kind: 'cap' as const, cap: r.cap }
  const cap: Piece = { id: 'cap', kind: 'resurfacing-cap', to, from, radius: r.cap.outerDiameter / 2, fill: 1, implant: spec, onFemur: true }
  return cement ? [cap, { id: 'cement', kind: 'bone-cement', to, from, radius: r.cap.innerDiameter / 2, fill: 1, implant: spec, onFemur: true }] : [cap]
}

/**
 * The cement packed into the shaped head, where the cap will sit: the curetted hollow, the dome
 * sunk below the flat cut and the peg hole, so the cap seats on solid support. Its shape and why
 * it fills the whole inside (an inference [Inf] from Amstutz 2017): ./replacement/capDesign.ts
 * cementFillProfile.
 */
function cementFill(r: ResurfacingPlan): Piece {
  return { id: 'cement-fill', kind: 'bone-cement', to: r.capCentre, from: on(r, -1), radius: r.cap.innerDiameter / 2, fill: 1, implant: { kind: 'cap-fill', cap: r.cap }, onFemur: true }
}

/** How far (0…1) the waiting cap is turned from the head's axis to face its inside to the side view's camera (design choice: still reads as a cap). */
const CAP_SHOWN_TURN = 0.8

/**
 * The dome direction (femur rest frame) of the cap held open toward the camera while it is filled:
 * its inside faces the side view (lateral, −X in the model frame, where the dislocated femur is
 * drawn under `out`), so the cement in it is seen; turned `share` of the way from the head's axis.
 */
function capShownDome(r: ResurfacingPlan, share: number): Vec3 {
  if (share <= 0) return r.axis
  const out = r.femur.out
  // The camera's direction as seen from the femur's rest frame: the pose's turn undone.
  const awayFromCamera = turnAbout([1, 0, 0], normalise(out.axis), -out.angleDeg)
  return normalise(lerp(r.axis, awayFromCamera, CAP_SHOWN_TURN * share))
}

/**
 * The dead bone's hollow, the sunken dome and the peg hole are packed with cement; the cap is
 * brought in, held with its inside toward the camera, and filled.
 */
const cement: Script = (plan, t, before) => {
  const r = plan.resurfacing
  if (!r) return frame(before)
  // Brought in once the step has begun: at its start the picture is where the last step left it.
  if (t <= 0) return frame(before)
  const packed = t >= 0.25 ? [cementFill(r)] : []
  const offset = CAP_READY + 40 * (1 - phase(t, 0.3, 0.6))
  return frame(before, { pieces: [...packed, ...capPieces(r, offset, t >= 0.8, capShownDome(r, phase(t, 0.5, 0.75)))] })
}

/** The impactor pushes the cap down the axis until it seats, its peg in the drilled hole. */
const impactCap: Script = (plan, t, before) => {
  const r = plan.resurfacing
  if (!r) return frame(before)
  const offset = CAP_READY * (1 - phase(t, 0.1, 0.8))
  // Turned back onto the head's axis from where the cement step held it open.
  const pieces = capPieces(r, offset, true, capShownDome(r, 1 - phase(t, 0, 0.1)))
  const lifted = CAP_READY * phase(t, 0.85, 1)
  const instruments = t < 1 ? [onHead('head-impactor', 'head-impactor', on(r, offset + lifted), down(r), r.cap.outerDiameter)] : []
  return frame({ ...before, pieces: before.pieces.filter((p) => !CAP_PIECES.has(p.id)) }, { pieces, instruments })
}

/** The capped head put back into the new cup: the femur turned back to rest, its height restored. */
const reduce: Script = (plan, t, before) => {
  const r = plan.resurfacing
  if (!r) return frame(before)
  return frame(before, { femur: partWay(r.femur.out, r.femur.reduced, phase(t, 0.1, 0.85)) })
}

/** The head levered out of the socket and delivered into the wound. */
const dislocate: Script = (plan, t, before) => {
  const r = plan.resurfacing
  if (!r) return frame(before)
  return frame(before, { femur: partWay(r.femur.rest, r.femur.out, phase(t, 0.1, 0.9)) })
}

const still: Script = (_plan, _t, before) => frame(before)

/** By step id (./stepIds.ts 'hip-resurfacing'). */
export const RESURFACING_SCRIPTS: Readonly<Record<string, Script>> = {
  approach: still,
  dislocate,
  cup: socketAndCup,
  'guide-pin': guidePin,
  'sleeve-ream': sleeveReam,
  'head-cut': headHeightCut,
  chamfer,
  'peg-hole': pegHole,
  'clear-necrosis': clearNecrosis,
  cement,
  'impact-cap': impactCap,
  reduce,
}
