/**
 * Total hip replacement, step by step (clinical reference §6.5; steps in
 * ../procedures/totalHipReplacement.ts): the joint opened, the hip dislocated to the front, the
 * neck cut and the head taken out, the socket reamed in rising sizes, the press-fit shell and its
 * liner, the canal broached in rising sizes, a trial reduction on the last broach, the stem and
 * its head, and the hip put back.
 *
 * Numbers come from the plan (./replacement/thrPlanner.ts, ./replacement/thrSetup.ts). The femur
 * moves as one rigid body (./frame.ts FemurPose): whatever works on it (the saw, the broaches,
 * the stem and head) is given in its rest frame and marked `onFemur`; the socket's tools and
 * implants are in the model frame, and the reaming takes bone from the pelvis.
 */
import { add, cross, dot, madd, normalise, scale, sub, type Vec3 } from '../vec3.ts'
import type { BoneRemoval, FemurPose, InstrumentPose, Piece } from './frame.ts'
import { femurPointAt, partWay } from './femurMotion.ts'
import { phase } from './motion.ts'
import type { TreatmentPlan } from './planner.ts'
import type { CupPlan, StemPlacement } from './replacement/thrPlanner.ts'
import type { ThrSetup } from './replacement/thrSetup.ts'
import { frame, SHAFT_MM, tool, TURNS, type Leftover, type Script } from './scriptParts.ts'

/** The saw blade's width, mm (design choice: a common blade for the femoral neck). */
const SAW_BLADE_MM = 20
/** How far the saw starts outside the neck and how far it cuts past its axis, mm (the neck is ≈ 30 mm across). */
const SAW_START_MM = 30
const SAW_THROUGH_MM = 18
/** How far out of the socket a reamer, the shell and the liner start (mm along the cup's axis). */
const SOCKET_STAND_OFF_MM = 45
/** A broach starts with this share of its length still out of the canal (the cut neck opened first). */
const BROACH_START_SHARE = 0.75
/** How far the new head starts off the taper, mm. */
const HEAD_STAND_OFF_MM = 30
/** Screw holes in the shell (three toward the posterosuperior quadrant: the builder's design). */
const SHELL_SCREW_HOLES = 3
/** Mallet taps per step while a broach or the shell is driven home (for the eye). */
const TAPS = 7
/** The impactor's rod, mm (design choice, ../../scene/treatment/instruments/cupImpactor.ts draws its parts). */
const IMPACTOR_ROD_MM = 12
/** The broach's post, drawn at any diameter: the broach's shape is its stem size. */
const BROACH_POST_MM = 8

function setupOf(plan: TreatmentPlan): ThrSetup | null {
  return plan.thr
}

/** A back-and-forth of `depth` mm, `taps` times over the phase (the mallet). */
function tapping(t: number, depth: number): number {
  return depth * Math.abs(Math.sin(t * TAPS * Math.PI))
}

// ---------------------------------------------------------------------------------------------
// The femur: out and back.

const dislocate: Script = (plan, t, before) => {
  const s = setupOf(plan)
  if (!s) return frame(before)
  return frame(before, { femur: partWay(s.femur.rest, s.femur.out, phase(t, 0.1, 0.9)) })
}

/**
 * The new joint moved through a small range once reduced, to show it works (issue 12): flexion
 * 0 → 40 → 0°, then rotation 0 → +20 → −20 → 0° (design choices: a gentle arc well inside a
 * replaced hip's range), both about the NEW head's centre seated in the liner, so the ball turns
 * in its socket and never leaves it.
 */
export const NEW_JOINT_MOTION = { flexionDeg: 40, rotationDeg: 20 } as const
/** Shares of the reduction step: the femur goes back in, then the joint moves. */
const REDUCTION = { from: 0.05, to: 0.45 } as const
const MOTION = { from: 0.5, to: 1 } as const

/**
 * The femur's pose `u` (0…1) of the way through the new joint's motion: a turn about the seated
 * head's centre (its rest-frame centre `pivot`, moved onto the cup's centre by the reduced pose's
 * shift). 0 and 1 are the reduced pose itself.
 */
export function newJointPose(s: ThrSetup, u: number): FemurPose {
  const reduced = s.femur.reduced
  const x = Math.min(1, Math.max(0, u))
  if (x <= 0 || x >= 1) return reduced
  // Right hip, model frame: flexion brings the knee forward (a negative turn about +X, medial);
  // rotation turns the femur about the vertical through the head's centre.
  const flexing = x < 0.5
  const w = flexing ? x / 0.5 : (x - 0.5) / 0.5
  const angleDeg = flexing ? -NEW_JOINT_MOTION.flexionDeg * Math.sin(Math.PI * w) : NEW_JOINT_MOTION.rotationDeg * Math.sin(2 * Math.PI * w)
  return { pivot: s.thr.head.centre, axis: flexing ? [1, 0, 0] : [0, 1, 0], angleDeg, shift: reduced.shift, migration: 0 }
}

/** The new joint reduced: the femur turned back, its new head into the liner; then moved through a small range. */
const reduce: Script = (plan, t, before) => {
  const s = setupOf(plan)
  if (!s) return frame(before)
  if (t < MOTION.from) return frame(before, { femur: partWay(s.femur.out, s.femur.reduced, phase(t, REDUCTION.from, REDUCTION.to)) })
  return frame(before, { femur: newJointPose(s, (t - MOTION.from) / (MOTION.to - MOTION.from)) })
}

// ---------------------------------------------------------------------------------------------
// The neck cut.

/** The neck osteotomy (femur rest frame): the plane at the planned height, stopped at the saddle. */
export function neckCutRemoval(s: ThrSetup): BoneRemoval {
  const cut = s.thr.neckCut
  const reach = Math.hypot(...sub(s.thr.nativeHeadCentre, cut.point)) + s.headRadius + 10
  return {
    kind: 'planes',
    id: 'neck-cut',
    target: 'femur',
    planes: [{ point: cut.point, normal: cut.normal }, cut.lateralStop],
    bound: { centre: cut.point, radius: reach },
  }
}

/**
 * The saw blade in the cut's plane, `into` (0…1) of its way from outside the neck (on the wound's
 * side) to through it; it oscillates across its width (for the eye).
 */
function sawAt(s: ThrSetup, into: number, t: number): InstrumentPose {
  const cut = s.thr.neckCut
  // Toward the wound, within the cut's plane.
  const wound = normalise(madd(s.woundOnFemur, cut.normal, -dot(s.woundOnFemur, cut.normal)))
  const axis = scale(wound, -1)
  const across = normalise(cross(cut.normal, axis))
  const wobble = 1.5 * Math.sin(t * 90)
  const tip = madd(madd(cut.point, wound, SAW_START_MM - (SAW_START_MM + SAW_THROUGH_MM) * into), across, wobble)
  return { ...tool('saw', 'oscillating-saw', tip, axis, SAW_BLADE_MM), across, onFemur: true }
}

/** Most of the neck is cut before the head is free: the last of it goes in the next step. */
const CUT_BEFORE_FREE = 0.8

/** The saw comes from the wound across the neck in the cut's plane. */
const neckCut: Script = (plan, t, before) => {
  const s = setupOf(plan)
  if (!s) return frame(before)
  return frame(before, { instruments: [sawAt(s, CUT_BEFORE_FREE * phase(t, 0.05, 0.9), t)] })
}

/** When the freed head starts to move, and when it lies beside the joint, cut open (share of the step). */
const HEAD_LIFT = { from: 0.3, to: 0.75 } as const

/**
 * The head the saw freed (./replacement/removedHead.ts): lifted whole from the dislocated femur
 * (`lift` 0 … 1 of the way) to beside the joint, where it lies cut open once it has arrived.
 */
export function removedHeadPiece(s: ThrSetup, lift = 1): Piece {
  const r = s.removedHead
  const arrived = lift >= 1
  const pose = partWay(s.femur.out, r.pose, lift)
  const at = femurPointAt(pose, r.face.point)
  return {
    id: 'removed-head',
    kind: 'removed-head',
    from: add(at, r.face.normal),
    to: at,
    radius: r.reach,
    fill: 1,
    boneOut: { removal: arrived ? r.removal : r.whole, pose },
  }
}

/** The head stays beside the joint while the socket is prepared; the liner's step clears it away early on. */
const HEAD_LINGER = 0.2

/** `pieces` without the removed head (from `t` = HEAD_LINGER on). */
function clearRemovedHead(pieces: readonly Piece[], t: number): Piece[] {
  return t < HEAD_LINGER ? [...pieces] : pieces.filter((p) => p.kind !== 'removed-head')
}

/** The saw finishes the cut and comes out; the head, free, is lifted out: its bone is gone from the femur. */
const removeHead: Script = (plan, t, before) => {
  const s = setupOf(plan)
  if (!s) return frame(before)
  const through = phase(t, 0, 0.25)
  const out = phase(t, 0.3, 0.6)
  const into = CUT_BEFORE_FREE + (1 - CUT_BEFORE_FREE) * through - out * 1.4
  const instruments = t < 0.6 ? [sawAt(s, into, t)] : []
  const freed = t >= HEAD_LIFT.from
  return frame(before, {
    removals: freed ? [neckCutRemoval(s)] : [],
    instruments,
    pieces: freed ? [removedHeadPiece(s, phase(t, HEAD_LIFT.from, HEAD_LIFT.to))] : [],
  })
}

// ---------------------------------------------------------------------------------------------
// The socket.

/** One reamer pass's bone (pelvis): the sphere of the reamer's dome where it reached. */
export function reamerRemoval(s: ThrSetup, index: number): BoneRemoval {
  const pass = s.thr.reaming[index]!
  const r = pass.diameter / 2
  return {
    kind: 'ellipsoid',
    id: `ream-${index}`,
    target: 'pelvis',
    centre: pass.centre,
    axes: axesAbout(pass.axis),
    radii: [r, r, r],
  }
}

/** A right-handed set of unit axes whose third is `w`. */
function axesAbout(w: Vec3): readonly [Vec3, Vec3, Vec3] {
  const n = normalise(w)
  const helper: Vec3 = Math.abs(n[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0]
  const u = normalise(cross(helper, n))
  return [u, cross(n, u), n]
}

/** Reamers of rising size, each driven in to the planned depth, turned, and withdrawn. */
const reamSocket: Script = (plan, t, before) => {
  const s = setupOf(plan)
  if (!s) return frame(before)
  const passes = s.thr.reaming
  const removals: BoneRemoval[] = []
  const instruments: InstrumentPose[] = []
  passes.forEach((pass, i) => {
    const local = t * passes.length - i
    if (local <= 0) return
    const drive = phase(local, 0, 0.45)
    const back = phase(local, 0.7, 1)
    // The bone goes as the dome reaches its depth: one result per pass for the worker.
    if (drive >= 1) removals.push(reamerRemoval(s, i))
    if (local >= 1) return
    const depth = SOCKET_STAND_OFF_MM * (1 - drive) + SOCKET_STAND_OFF_MM * back
    instruments.push(tool(`reamer-${pass.diameter}`, 'acetabular-reamer', madd(pass.pole, pass.axis, -depth), pass.axis, pass.diameter, TURNS * 2 * Math.PI * local))
  })
  return frame(before, { removals, instruments })
}

/** A hemispherical implant piece centred on `centre`, its dome toward −axis (the socket's floor). */
function cupPiece(id: string, kind: 'acetabular-shell' | 'acetabular-liner', cup: CupPlan, centre: Vec3): Piece {
  const implant =
    kind === 'acetabular-shell'
      ? ({ kind: 'cup', outerDiameter: cup.outerDiameter, innerDiameter: cup.innerDiameter, screwHoles: SHELL_SCREW_HOLES } as const)
      : ({ kind: 'liner', outerDiameter: cup.outerDiameter, innerDiameter: cup.innerDiameter } as const)
  return { id, kind, from: add(centre, cup.axis), to: centre, radius: cup.outerDiameter / 2, fill: 1, across: cup.screwSide, implant }
}

/** The shell's placement, `out` mm out of its seat along the cup's axis. */
export function shellPiece(s: ThrSetup, out = 0): Piece {
  return cupPiece('shell', 'acetabular-shell', s.thr.shell, madd(s.thr.shell.centre, s.thr.shell.axis, out))
}

/** The shell on the impactor, brought in along its planned axis and hammered home. */
const impactCup: Script = (plan, t, before) => {
  const s = setupOf(plan)
  // Nothing new at the step's first instant: it begins as the step before ended.
  if (!s || t <= 0) return frame(before)
  const shell = s.thr.shell
  const bring = phase(t, 0.05, 0.45)
  const home = phase(t, 0.45, 0.85)
  const out = SOCKET_STAND_OFF_MM * (1 - bring) + 4 * (1 - home) + (home < 1 ? tapping(home, 1.5) : 0)
  const piece = shellPiece(s, out)
  const pole = madd(piece.to, shell.axis, -shell.outerDiameter / 2)
  const away = phase(t, 0.88, 1)
  const rod = madd(pole, shell.axis, SOCKET_STAND_OFF_MM * away)
  const instruments = t < 1 ? [tool('cup-impactor', 'cup-impactor', rod, scale(shell.axis, -1), IMPACTOR_ROD_MM)] : []
  return frame(before, { pieces: [piece], instruments })
}

/** The liner is pushed into the shell along its axis and locks. */
const insertLiner: Script = (plan, t, before) => {
  const s = setupOf(plan)
  if (!s || t <= 0) return frame(before)
  const liner = s.thr.liner
  const out = SOCKET_STAND_OFF_MM * (1 - phase(t, 0.1, 0.8))
  const drawn = frame(before, { pieces: [cupPiece('liner', 'acetabular-liner', liner, madd(liner.centre, liner.axis, out))] })
  return { ...drawn, pieces: clearRemovedHead(drawn.pieces, t) }
}

// ---------------------------------------------------------------------------------------------
// The femur's canal, the stem and the head (femur rest frame).

/**
 * How far above its seat a broach's canal is cut (mm, design choice): seated, the broach's sloped
 * top lies on the neck cut and its lateral shoulder just under it, so a canal cut exactly there
 * would leave the cut face whole; the canal opened through the cut face is what the surgeon sees.
 */
const CANAL_OPEN_MM = 3

/** A broach's canal (femur): the body of its stem size, seated, opened through the cut face. */
export function broachRemoval(b: StemPlacement, index: number): BoneRemoval {
  return { kind: 'stem', id: `broach-${index}`, target: 'femur', spec: b.geometry.spec, tip: madd(b.tip, b.up, CANAL_OPEN_MM), up: b.up, medial: b.medial }
}

/** Where a placed stem (or broach) is when `out` mm of its travel is still to go. */
function raised(p: StemPlacement, out: number): Vec3 {
  return madd(p.tip, p.up, out)
}

/** Broaches of rising size, each hammered down the canal to its seat and pulled out. */
const broachCanal: Script = (plan, t, before) => {
  const s = setupOf(plan)
  if (!s) return frame(before)
  const broaches = s.thr.broaches
  const removals: BoneRemoval[] = []
  const instruments: InstrumentPose[] = []
  broaches.forEach((b, i) => {
    const local = t * broaches.length - i
    if (local <= 0) return
    const drive = phase(local, 0, 0.6)
    const back = phase(local, 0.75, 1)
    if (drive >= 1) removals.push(broachRemoval(b, i))
    if (local >= 1) return
    const travel = b.geometry.length * BROACH_START_SHARE
    const out = travel * (1 - drive) + travel * back + (drive > 0 && drive < 1 ? tapping(local, 1.5) : 0)
    instruments.push({
      ...tool(`broach-${b.geometry.spec.size}`, 'broach', raised(b, out), scale(b.up, -1), BROACH_POST_MM),
      broach: b.geometry.spec,
      across: b.medial,
      onFemur: true,
    })
  })
  return frame(before, { removals, instruments })
}

/**
 * The trial (§6.5 step 7): the last broach left seated with a trial neck and a head of the
 * planned size and length on it (femur rest frame, moved with the femur).
 */
export function trialPose(s: ThrSetup): InstrumentPose {
  const b = s.thr.broaches.at(-1)!
  const head = s.thr.head
  return {
    id: 'trial-head',
    kind: 'trial-head',
    tip: b.tip,
    axis: scale(b.up, -1),
    diameter: head.diameter,
    length: SHAFT_MM['trial-head'],
    spin: 0,
    open: 0,
    broach: b.geometry.spec,
    trial: { headDiameter: head.diameter, neckLength: head.neckLength },
    across: b.medial,
    onFemur: true,
  }
}

/** Shares of the trial step: the trial put on, the hip put back in, then turned gently to check it. */
const TRIAL = { reduce: { from: 0.15, to: 0.5 }, check: { from: 0.55, to: 0.95 } } as const

/**
 * Trial reduction: on the seated broach, a trial neck and head; the hip is put back with the trial
 * head in the liner and moved a little (stability, leg length). It ends reduced, the trial in.
 */
const trialReduction: Script = (plan, t, before) => {
  const s = setupOf(plan)
  if (!s || t <= 0) return frame(before)
  const check = phase(t, TRIAL.check.from, TRIAL.check.to)
  const femur = t < TRIAL.check.from ? partWay(s.femur.out, s.femur.reduced, phase(t, TRIAL.reduce.from, TRIAL.reduce.to)) : newJointPose(s, check >= 1 ? 0 : check)
  return frame(before, { femur, instruments: [trialPose(s)] })
}

/** The stem's piece, `out` mm short of its seat. */
export function stemPiece(s: ThrSetup, out = 0): Piece {
  const stem = s.thr.stem
  const tip = raised(stem, out)
  return { id: 'stem', kind: 'femoral-stem', from: add(tip, stem.up), to: tip, radius: 1, fill: 1, across: stem.medial, implant: { kind: 'stem', stem: stem.geometry.spec }, onFemur: true }
}

/** Shares of the stem step: the hip taken out again with the trial, the broach pulled, the stem driven. */
const STEM = { dislocate: { from: 0, to: 0.2 }, trialOut: 0.25, drive: { from: 0.3, to: 0.9 } } as const

/** The hip is taken out again and the trial with the broach removed; the final stem goes down the broached canal and is tapped home. */
const insertStem: Script = (plan, t, before) => {
  const s = setupOf(plan)
  if (!s || t <= 0) return frame(before)
  const femur = partWay(s.femur.reduced, s.femur.out, phase(t, STEM.dislocate.from, STEM.dislocate.to))
  const instruments = t < STEM.trialOut ? [trialPose(s)] : []
  const drive = phase(t, STEM.drive.from, STEM.drive.to)
  if (drive <= 0) return frame(before, { femur, instruments })
  const travel = s.thr.stem.geometry.length * BROACH_START_SHARE
  return frame(before, { femur, instruments, pieces: [stemPiece(s, travel * (1 - drive) + (drive > 0.6 && drive < 1 ? tapping(drive, 1) : 0))] })
}

/** The head's piece, `out` mm off the taper along it. */
export function headPiece(s: ThrSetup, out = 0): Piece {
  const head = s.thr.head
  const centre = madd(head.centre, head.axis, out)
  return {
    id: 'head',
    kind: 'prosthetic-head',
    from: sub(centre, head.axis),
    to: centre,
    radius: head.diameter / 2,
    fill: 1,
    implant: { kind: 'head', diameter: head.diameter, neckLength: head.neckLength, material: head.material },
    onFemur: true,
  }
}

/** The modular head is pushed onto the clean taper and tapped home. */
const fitHead: Script = (plan, t, before) => {
  const s = setupOf(plan)
  if (!s || t <= 0) return frame(before)
  const out = HEAD_STAND_OFF_MM * (1 - phase(t, 0.1, 0.8))
  return frame(before, { pieces: [headPiece(s, out)] })
}

const still: Script = (_plan, _t, before: Leftover) => frame(before)

/** By step id (../procedures/totalHipReplacement.ts). */
export const THR_SCRIPTS: Readonly<Record<string, Script>> = {
  approach: still,
  dislocate,
  'neck-cut': neckCut,
  'remove-head': removeHead,
  'ream-acetabulum': reamSocket,
  cup: impactCup,
  liner: insertLiner,
  'broach-femur': broachCanal,
  trial: trialReduction,
  stem: insertStem,
  head: fitHead,
  reduce,
}
