/**
 * The timeline: the scene of a treatment at (step, t) — bone removed, instruments posed, pieces
 * placed, structures out of the way — computed from the plan. Each step is a script of the time
 * within it (0…1); what earlier steps leave behind (holes, grafts, the core set aside) is their
 * script at t = 1. Going back is recomputing, never undoing, so a link opened at step N draws
 * what clicking through to it drew.
 */
import type { ProcedureId } from '../procedures.ts'
import { cross, distance, dot, lerp, madd, normalise, scale, sub, type Vec3 } from '../vec3.ts'
import type { BoneRemoval, InstrumentPose, Piece, TreatmentFrame } from './frame.ts'
import { advancing, along, clamp01, inBoneStart, passLength, phase, quantise } from './motion.ts'
import type { BorePlan, TreatmentPlan } from './planner.ts'
import { hangingPedicle, PEDICLE, vesselSide } from './fibulaPedicle.ts'
import { cutNormalAlong } from './toolCut.ts'
import { frame, NOTHING, SHAFT_MM, tool, TURNS, type Leftover, type Script } from './scriptParts.ts'
import { THR_SCRIPTS } from './thrTimeline.ts'
import { RESURFACING_SCRIPTS } from './resurfacingTimeline.ts'

/**
 * The window's lid, once lifted out, is laid on the front of the neck this far toward its base
 * (mm) and this far off the bone: beside its opening, which stays in sight, and not in front of
 * the trochanter (lifted toward the eye, it read as a block of trochanter).
 */
const LID_ASIDE_MM = 26
const LID_REST_MM = 4
/** How far the lid is lifted straight out of its bed before it is moved aside, mm. */
const LID_LIFT_MM = 10
/** The bone removal starts this far outside the cortex, so the hole opens cleanly. */
const OUTSIDE_MM = 10
/** The cortical lid of the light-bulb window, mm (the neck's cortex is a few millimetres). */
const LID_MM = 3

/** A pass's hole, drilled to `share` of its length (quantised, so the worker precomputes it). */
function boreHole(id: string, bore: BorePlan, share: number): BoneRemoval[] {
  const q = quantise(share)
  if (q <= 0) return []
  return [{ kind: 'cylinder', id, from: along(bore, -OUTSIDE_MM), to: along(bore, q * passLength(bore)), radius: bore.diameter / 2 }]
}

/** Lateral of the hip in the model frame (right hip: −X). */
const LATERAL: Vec3 = [-1, 0, 0]

// ---------------------------------------------------------------------------------------------
// Steps shared by the core-decompression and Phemister sequences.

const still: Script = (_plan, _t, before) => frame(before)

const guideWire: Script = (plan, t, before) => {
  const wire = plan.guideWire
  if (!wire) return frame(before)
  const p = phase(t, 0.05, 0.9)
  return frame(before, { instruments: [tool('guide-wire', 'guide-wire', advancing(wire, p, 40), wire.axis, wire.diameter, TURNS * 2 * Math.PI * p)] })
}

/**
 * The trephine follows the wire to the tip, cutting the core; it comes back out with the core of
 * bone inside it (the deep end is the dead bone), and the core is laid beside the hip.
 */
const trephineCore: Script = (plan, t, before) => {
  const core = plan.core
  const wire = plan.guideWire
  if (!core || !wire) return frame(before)
  const length = passLength(core)
  const drill = phase(t, 0, 0.55)
  const out = phase(t, 0.6, 0.85)
  const aside = phase(t, 0.85, 1)
  const withdrawn = 40 + length
  const instruments: InstrumentPose[] = []
  const pieces: Piece[] = []
  const coreRadius = core.diameter / 2 - 0.75 // the trephine's wall takes the rest
  // The core of bone is as long as the tunnel is in the bone (its entry lies outside: BorePlan.inBone).
  const boneLength = length - (core.inBone ?? 0)
  if (t < 0.85) {
    const tip = out > 0 ? along(core, length - out * withdrawn) : advancing(core, drill, 20)
    instruments.push(tool('guide-wire', 'guide-wire', out > 0 ? along(wire, length - out * withdrawn) : wire.tip, wire.axis, wire.diameter))
    instruments.push(tool('trephine', 'trephine', tip, core.axis, core.diameter, TURNS * 2 * Math.PI * drill))
    if (out > 0) pieces.push({ id: 'core', kind: 'bone-core', from: madd(tip, core.axis, -boneLength), to: tip, radius: coreRadius, fill: 1 })
  } else {
    const outTip = along(core, length - withdrawn)
    // Laid upright on the tray beside the trochanter, its deep (dead) end up.
    const up: Vec3 = [0, 1, 0]
    const tip = lerp(outTip, madd(plan.tray, up, boneLength / 2), aside)
    const axis = normalise(lerp(core.axis, up, aside))
    pieces.push({ id: 'core', kind: 'bone-core', from: madd(tip, axis, -boneLength), to: tip, radius: coreRadius, fill: 1, setAside: true })
  }
  return frame(before, { removals: boreHole('core', core, drill), instruments, pieces })
}

/** The expandable reamer goes up the core, opens in the lesion, turns, closes and comes out. */
const reamCavity: Script = (plan, t, before) => {
  const core = plan.core
  const cavity = plan.cavity
  if (!core || !cavity) return frame(before)
  const reach = dot(sub(cavity.centre, core.entry), core.axis)
  const inward = phase(t, 0, 0.25)
  const outward = phase(t, 0.85, 1)
  const open = phase(t, 0.25, 0.4) * (1 - phase(t, 0.7, 0.82))
  const depth = -30 + (reach + 30) * inward - (reach + 30) * outward
  const removals: BoneRemoval[] = t >= 0.55 ? [cavityRemoval(plan, 1)] : []
  const instruments = t < 1 ? [tool('reamer', 'expandable-reamer', along(core, depth), core.axis, core.diameter - 1, TURNS * 2 * Math.PI * phase(t, 0.3, 0.8), open)] : []
  return frame(before, { removals, instruments })
}

function cavityRemoval(plan: TreatmentPlan, share: number): BoneRemoval {
  const c = plan.cavity!
  if (c.solid) return { kind: 'radial', id: 'cavity', solid: c.solid, grow: share }
  return { kind: 'ellipsoid', id: 'cavity', centre: c.centre, axes: c.axes, radii: scale(c.radii, share) }
}

// ---------------------------------------------------------------------------------------------
// Core decompression.

/**
 * The first part of the BMAC step, at the back of the pelvis (the camera frames it meanwhile:
 * ./marrowHarvestView.ts): the trocar needle is pushed into the posterior iliac crest, a syringe
 * on its hub draws marrow, and both come out. Then, back at the hip, the concentrate fills the
 * core from its deep end through an injection needle (§6.1 BMAC: "aspirated from the posterior
 * iliac crest, concentrated, and injected down the core").
 */
export const MARROW_HARVEST_UNTIL = 0.47

/** How deep the needle goes past the crest's surface (mm): a design choice, well short of the ≈ 7 cm the trocar can advance from the PSIS (Hirahara 2018). */
const NEEDLE_DEPTH_MM = 25
/** The syringe's barrel diameter (mm): a 30-mL syringe, as in a BMAC kit (Chahla 2017); design choice. */
const SYRINGE_MM = 22

const marrowCells: Script = (plan, t, before) => {
  const core = plan.core
  const site = plan.marrowSite
  const instruments: InstrumentPose[] = []
  const pieces: Piece[] = []
  if (t < MARROW_HARVEST_UNTIL - 0.02) {
    const inBone = phase(t, 0, 0.15) * (1 - phase(t, 0.34, 0.44))
    const tip = madd(site.point, site.axis, -20 + (NEEDLE_DEPTH_MM + 20) * inBone)
    instruments.push(tool('marrow-needle', 'aspiration-needle', tip, site.axis, 3, 0.6 * Math.PI * inBone))
    if (t >= 0.16) {
      const hub = madd(tip, site.axis, -SHAFT_MM['aspiration-needle'])
      instruments.push(tool('marrow-syringe', 'marrow-syringe', hub, site.axis, SYRINGE_MM, 0, phase(t, 0.18, 0.32)))
    }
  }
  if (core) {
    const fill = phase(t, 0.5, 0.95)
    const length = passLength(core)
    if (t >= 0.5) {
      // A fluid: it fills the reamed cavity at the tract's end as well as the tract (surgeon's
      // review: a column standing in an empty cavity read as a solid rod).
      const reamed = plan.cavity?.solid && before.removals.some((r) => r.id === 'cavity')
      if (reamed) pieces.push({ ...cavityShape(plan, fill), id: 'marrow-cavity', kind: 'marrow-cells' })
      pieces.push({ id: 'marrow', kind: 'marrow-cells', from: inBoneStart(core), to: core.tip, radius: core.diameter / 2 - 0.3, fill })
      if (t < 1) instruments.push(tool('injection-needle', 'aspiration-needle', along(core, length * (1 - fill) - 1), core.axis, 3))
    }
  }
  return frame(before, { instruments, pieces })
}

/** Graft packs the tract from its deep end (or, after marrow cells, seals its outer third). */
const fillTract: Script = (plan, t, before) => {
  const core = plan.core
  if (!core) return frame(before)
  const length = passLength(core)
  const hasMarrow = before.pieces.some((p) => p.kind === 'marrow-cells')
  const deepEnd = hasMarrow ? along(core, length * 0.66) : core.tip
  const fill = phase(t, 0.1, 0.85)
  const span = distance(deepEnd, inBoneStart(core))
  const front = madd(deepEnd, core.axis, -span * fill)
  const instruments = t < 0.95 ? [tool('impactor', 'graft-impactor', front, core.axis, core.diameter - 1.5)] : []
  // The seal pushes the marrow back into the deep two thirds, where it stays.
  const rest = hasMarrow
    ? { ...before, pieces: before.pieces.map((p) => (p.id === 'marrow' ? { ...p, from: lerp(p.to, p.from, 1 - 0.34 * fill) } : p)) }
    : before
  return frame(rest, {
    instruments,
    // Up to the lateral cortex, not standing out of it.
    pieces: [{ id: 'tract-graft', kind: 'cancellous-graft', from: inBoneStart(core), to: deepEnd, radius: core.diameter / 2 - 0.3, fill }],
  })
}

/**
 * One Steinmann pin pass: in (drilling), then out; the hole stays. A 3.2-mm pin fills its own hole
 * as it goes, so the hole is taken away once, when the pin reaches its tip: five passes cost the
 * geometry worker five results, not twenty.
 */
function pinPass(bore: BorePlan, index: number, t: number): { removals: BoneRemoval[]; instruments: InstrumentPose[] } {
  const drill = phase(t, 0, 0.6)
  const back = phase(t, 0.65, 1)
  const length = passLength(bore)
  const depth = back > 0 ? length - back * (length + 30) : -20 + (length + 20) * drill
  return {
    removals: boreHole(`pass-${index}`, bore, drill >= 1 ? 1 : 0),
    instruments: t < 1 ? [tool('pin', 'steinmann-pin', along(bore, depth), bore.axis, bore.diameter, TURNS * 2 * Math.PI * drill)] : [],
  }
}

const firstPass: Script = (plan, t, before) => {
  const pass = plan.passes[0]
  return pass ? frame(before, pinPass(pass, 0, t)) : frame(before)
}

/**
 * A finished pass, drawn as its channel: from this step on the femur is seen through (the fan of
 * passes lies in no one cutting plane, ./stepViews.ts), where a 3-mm hole's walls alone are too
 * faint to follow (surgeon's review).
 */
function drillTrack(bore: BorePlan, index: number, fill = 1): Piece {
  return { id: `track-${index}`, kind: 'drill-track', from: inBoneStart(bore), to: bore.tip, radius: bore.diameter / 2, fill }
}

const morePasses: Script = (plan, t, before) => {
  const rest = plan.passes.slice(1)
  const removals: BoneRemoval[] = []
  const instruments: InstrumentPose[] = []
  // The first pass (made in the step before, seen in a cut there) is traced as the bone turns see-through.
  const pieces: Piece[] = plan.passes.length > 0 ? [drillTrack(plan.passes[0]!, 0, phase(t, 0, 0.15))] : []
  rest.forEach((pass, i) => {
    const local = clamp01(t * rest.length - i)
    if (local <= 0) return
    const one = pinPass(pass, i + 1, local)
    removals.push(...one.removals)
    if (local < 1) instruments.push(...one.instruments)
    else pieces.push(drillTrack(pass, i + 1))
  })
  return frame(before, { removals, instruments, pieces })
}

// ---------------------------------------------------------------------------------------------
// Bone grafting, light-bulb: a window at the anterior head–neck junction.

function windowRemoval(plan: TreatmentPlan): BoneRemoval {
  const w = plan.window!
  return { kind: 'box', id: 'window', centre: w.centre, axes: w.axes, halfSizes: w.halfSizes }
}

/**
 * The cortical lid of the window, `lift` mm out of its bed along the window's outward axis and
 * `aside` mm along the neck toward its base.
 */
function windowLid(plan: TreatmentPlan, lift: number, aside: number): Piece {
  const w = plan.window!
  const out = w.axes[2]
  const surface = w.surface
  const towardBase = dot(w.axes[0], LATERAL) >= 0 ? w.axes[0] : scale(w.axes[0], -1)
  const base = madd(madd(surface, out, lift), towardBase, aside)
  return {
    id: 'window-lid',
    kind: 'bone-window',
    // The outer (periosteal) face first, as the piece builders expect.
    from: base,
    to: madd(base, out, -LID_MM),
    radius: 0,
    halfSizes: [w.halfSizes[0], w.halfSizes[1]],
    across: w.axes[0],
    bend: w.surfaceRadius,
    rise: w.riseAlong,
    fill: 1,
  }
}

/** The saw traces the window's outline; the lid is lifted out and laid aside. */
const cutWindow: Script = (plan, t, before) => {
  const w = plan.window
  if (!w) return frame(before)
  const trace = phase(t, 0.05, 0.7)
  const [along1, along2, out] = w.axes
  const [a, b] = w.halfSizes
  const corners: Vec3[] = [
    madd(madd(w.centre, along1, a), along2, b),
    madd(madd(w.centre, along1, -a), along2, b),
    madd(madd(w.centre, along1, -a), along2, -b),
    madd(madd(w.centre, along1, a), along2, -b),
  ]
  const edge = Math.min(3, Math.floor(trace * 4))
  const local = trace * 4 - edge
  const sawAt = lerp(corners[edge]!, corners[(edge + 1) % 4]!, edge === 3 && trace >= 1 ? 1 : local)
  const instruments = t < 0.72 ? [tool('saw', 'oscillating-saw', madd(sawAt, out, w.halfSizes[2] - 6), scale(out, -1), 1, 0.25 * Math.sin(t * 60))] : []
  if (t < 0.72) return frame(before, { instruments })
  const aside = phase(t, 0.86, 1)
  const lift = phase(t, 0.72, 0.86) * LID_LIFT_MM + (LID_REST_MM - LID_LIFT_MM) * aside
  return frame(before, { removals: [windowRemoval(plan)], pieces: [windowLid(plan, lift, aside * LID_ASIDE_MM)] })
}

function channelRemoval(plan: TreatmentPlan, share: number): BoneRemoval[] {
  return plan.channel ? boreHole('channel', plan.channel, share) : []
}

/** Curettes scrape a channel to the lesion, then the necrotic bone, a scoop at a time. */
const curettage: Script = (plan, t, before) => {
  const ch = plan.channel
  const cavity = plan.cavity
  if (!ch || !cavity) return frame(before)
  const dig = phase(t, 0, 0.4)
  const hollow = quantise(phase(t, 0.4, 0.92))
  const length = passLength(ch)
  // In and out along the channel, deeper with each scoop, sweeping across the cavity at the end.
  const scoop = 0.5 - 0.5 * Math.cos(t * 6 * 2 * Math.PI)
  const reach = t < 0.4 ? dig * length : length + Math.max(...cavity.radii) * 0.6 * Math.sin(t * 9)
  const tip = along(ch, -8 + (reach + 8) * (0.55 + 0.45 * scoop))
  const removals = [...channelRemoval(plan, dig), ...(hollow > 0 ? [cavityRemoval(plan, hollow)] : [])]
  const instruments = t < 0.96 ? [tool('curette', 'curette', tip, ch.axis, 5)] : []
  return frame(before, { removals, instruments })
}

/** Graft is packed into the cavity, then the channel, with the impactor. */
const packGraft: Script = (plan, t, before) => {
  const ch = plan.channel
  const cavity = plan.cavity
  if (!ch || !cavity) return frame(before)
  const deep = phase(t, 0.05, 0.6)
  const near = phase(t, 0.6, 0.9)
  const length = passLength(ch)
  // The channel is packed up to the window's bed, where the lid's inner face will lie: never proud of the bone.
  const pieces: Piece[] = [cavityGraft(plan, deep), { id: 'channel-graft', kind: 'cancellous-graft', from: windowBed(plan, ch), to: ch.tip, radius: ch.diameter / 2 - 0.3, fill: near }]
  const tap = 0.5 - 0.5 * Math.cos(t * 8 * 2 * Math.PI)
  const front = length * (1 - near) - 4 * tap
  const instruments = t < 0.95 ? [tool('impactor', 'graft-impactor', along(ch, front), ch.axis, ch.diameter - 2)] : []
  return frame(before, { pieces, instruments })
}

/** Where the channel's axis meets the window's bed (the lid's inner face once it is back). */
function windowBed(plan: TreatmentPlan, ch: NonNullable<TreatmentPlan['channel']>): Vec3 {
  const w = plan.window
  if (!w) return ch.entry
  const out = w.axes[2]
  const bed = madd(w.surface, out, -LID_MM)
  const along = dot(ch.axis, out)
  if (Math.abs(along) < 1e-6) return ch.entry
  return madd(ch.entry, ch.axis, dot(sub(bed, ch.entry), out) / along)
}

/** What fills the scraped-out cavity takes its shape: spanned along its third axis, its first axis across. */
function cavityShape(plan: TreatmentPlan, fill: number): Pick<Piece, 'from' | 'to' | 'radius' | 'fill' | 'across' | 'solid' | 'ellipsoid'> {
  const c = plan.cavity!
  const [, , up] = c.axes
  const r = c.radii[2]
  const shape = c.solid ? { solid: c.solid } : { ellipsoid: { axes: c.axes, radii: c.radii } }
  return { from: madd(c.centre, up, -r), to: madd(c.centre, up, r), radius: Math.max(...c.radii), fill, across: c.axes[0], ...shape }
}

function cavityGraft(plan: TreatmentPlan, fill: number, keepOut?: Piece['keepOut']): Piece {
  // Local X of the drawn graft along the cavity's first axis: the chips fill its solid (or ellipsoid).
  return { ...cavityShape(plan, fill), id: 'cavity-graft', kind: 'cancellous-graft', ...(keepOut ? { keepOut } : {}) }
}

/** The lid goes back into its window. */
const closeWindow: Script = (plan, t, before) => {
  if (!plan.window) return frame(before)
  // Lifted off the neck, slid over its bed, then pressed home.
  const over = phase(t, 0, 0.35)
  const home = phase(t, 0.35, 0.7)
  const lift = (LID_REST_MM + (LID_LIFT_MM - LID_REST_MM) * over) * (1 - home)
  const lid = windowLid(plan, lift, LID_ASIDE_MM * (1 - over))
  const pieces = before.pieces.filter((p) => p.id !== 'window-lid')
  return frame({ ...before, pieces: [...pieces, lid] })
}

// ---------------------------------------------------------------------------------------------
// Bone grafting, Phemister: a cortical strut up the core, graft around it.

const strutGraft: Script = (plan, t, before) => {
  const strut = plan.strut
  if (!strut || !plan.cavity) return frame(before)
  const packed = phase(t, 0, 0.35)
  const push = phase(t, 0.3, 0.9)
  const length = passLength(strut)
  // The strut runs from its planned outer end, inside the lateral cortex, to the end of the pass.
  const strutLength = length
  // From 20 mm outside the cortex to the end of the pass, under the plate (surgeon's review: the
  // strut had ended its push with its tip 2 mm inside the cortex, the whole strut outside the bone).
  const tip = along(strut, -20 + (length + 20) * push)
  // The strut is brought in once the graft is packed around where it will sit.
  const brought = t >= 0.3
  // The graft is packed round the strut's path, so its end stays in sight as it props the plate.
  const keepOut = { from: strut.entry, to: along(strut, length + strut.diameter), radius: strut.diameter / 2 }
  const pieces: Piece[] = [cavityGraft(plan, packed, keepOut)]
  if (brought) pieces.push({ id: 'strut', kind: 'cortical-strut', from: madd(tip, strut.axis, -strutLength), to: tip, radius: strut.diameter / 2, fill: 1 })
  const instruments = brought && t < 0.95 ? [tool('impactor', 'graft-impactor', madd(tip, strut.axis, -strutLength), strut.axis, strut.diameter - 1)] : []
  return frame(before, { pieces, instruments })
}

// ---------------------------------------------------------------------------------------------
// Free vascularised fibular graft.

/** Cancellous graft packed into the deep end of the core before the fibula goes in (mm; design choice). */
const PACKED_GRAFT_MM = 12
/**
 * Where the harvested fibula waits: in line with the core, its leading end this far back from the
 * entry (mm), so it lies wholly outside the femur, 30 mm and more lateral of its cortex, and then
 * slides straight in. (It waited 45 mm lateral and 40 mm below the entry, which put it within
 * 6 mm of the core's line, through the femur, in the steps before it went in: surgeon's review.)
 */
const FIBULA_WAIT_BACK_MM = 40

/** The two ends of the harvested graft while it waits beside the hip (what its step frames), or none. */
export function waitingGraft(plan: TreatmentPlan): readonly Vec3[] {
  if (plan.procedure !== 'vascularised-fibula' || !plan.core || !plan.strut) return []
  const fibula = fibulaPiece(plan, waitingTip(plan))
  return [fibula.from, fibula.to]
}

/** The leading end of the fibula while it waits (see FIBULA_WAIT_BACK_MM). */
function waitingTip(plan: TreatmentPlan): Vec3 {
  return along(plan.core!, -FIBULA_WAIT_BACK_MM)
}

/**
 * The fibula with its lateral end at `entry` (cut to the core's length: ≈ 10–15 cm are harvested,
 * §6.3), its vessels on the side that faces the join.
 */
function fibulaPiece(plan: TreatmentPlan, tip: Vec3, fill = 1, setAside = false): Piece {
  const graft = plan.strut!
  const from = madd(tip, graft.axis, -passLength(graft))
  return { id: 'fibula', kind: 'fibula-graft', from, to: tip, radius: graft.diameter / 2, fill, across: fibulaSide(plan), ...(setAside ? { setAside } : {}) }
}

/**
 * The vessels run along the back of the graft (design choice): in front they would hide the bone
 * and its end in the front view and the coronal cut (surgeon's review); the pedicle then turns
 * round the femur to the branch in front.
 */
function fibulaSide(plan: TreatmentPlan): Vec3 {
  return vesselSide(plan.strut!)
}

/** The pedicle along `path`, leaving the graft whose lateral end is at `fibula.from`; joined at fill 1. */
function pedicle(fibula: Piece, path: readonly Vec3[], joined: boolean): Piece {
  const axis = normalise(sub(fibula.to, fibula.from))
  return { id: 'pedicle', kind: 'vascular-pedicle', from: madd(path[0]!, axis, -1), to: path[0]!, radius: PEDICLE.arteryRadius, fill: joined ? 1 : 0, path }
}

function hangingFrom(plan: TreatmentPlan, fibula: Piece): Piece {
  const axis = normalise(sub(fibula.to, fibula.from))
  const hanging = pedicle(fibula, hangingPedicle({ entry: fibula.from, tip: fibula.to, axis, diameter: plan.strut!.diameter }, fibulaSide(plan)), false)
  // Its vessels lie where it lies: outside the patient while it waits.
  return fibula.setAside ? { ...hanging, setAside: true } : hanging
}

/** The fibula with its vessels, laid beside the hip as it comes from the leg. */
const harvestFibula: Script = (plan, t, before) => {
  if (!plan.strut || !plan.core) return frame(before)
  const fibula = fibulaPiece(plan, waitingTip(plan), phase(t, 0.1, 0.8), true)
  return frame(before, { pieces: fibula.fill > 0 ? [fibula, hangingFrom(plan, fibula)] : [] })
}

/**
 * Fresh cancellous graft packed under the plate (§6.3 step 3): the scraped-out cavity around the
 * core, and a column of the core's width in its deep end, `fill` of each shown from the top. The
 * fibula, pushed in after, impacts the column into the bone around its end (insertFibula); the
 * cavity's graft lies round the core and ahead of its end, up to the roof. (It was kept out of a
 * cylinder reaching a core's width beyond the end, so that chips drawn whole in front of the cut
 * never hid the fibula's end; the cut now cuts the chips, and that cylinder left the cavity ahead
 * of the fibula empty: surgeon's review.)
 */
function packedGraft(plan: TreatmentPlan, fill: number): Piece[] {
  const core = plan.core!
  const length = passLength(core)
  const column: Piece = { id: 'core-graft', kind: 'cancellous-graft', from: along(core, length - PACKED_GRAFT_MM), to: core.tip, radius: core.diameter / 2 - 0.3, fill }
  const keepOut = { from: core.entry, to: core.tip, radius: core.diameter / 2 }
  return [cavityGraft(plan, fill, keepOut), column]
}

/** The necrotic bone is cleared with the expandable reamer, then fresh cancellous graft packed in. */
const clearAndPack: Script = (plan, t, before) => {
  if (!plan.cavity || !plan.core) return frame(before)
  const cleared = reamCavity(plan, clamp01(t / 0.6), before)
  if (t < 0.6) return cleared
  const core = plan.core
  const pack = phase(t, 0.62, 0.95)
  const instruments = t < 0.97 ? [tool('impactor', 'graft-impactor', along(core, passLength(core) - PACKED_GRAFT_MM * pack - 4 * Math.abs(Math.sin(t * 40))), core.axis, core.diameter - 2)] : []
  return frame({ removals: cleared.removals, pieces: before.pieces }, { pieces: packedGraft(plan, pack), instruments })
}

/**
 * The fibula is brought in line with the core and slid up it until its end is under the plate
 * and its lateral end flush with the cortex; the graft ahead of it is impacted as it comes.
 */
const insertFibula: Script = (plan, t, before) => {
  const graft = plan.strut
  const core = plan.core
  if (!graft || !core) return frame(before)
  const waiting = waitingTip(plan)
  const inLine = along(core, -10)
  const line = phase(t, 0, 0.3)
  const slide = phase(t, 0.3, 0.95)
  const tip = line < 1 ? lerp(waiting, inLine, line) : lerp(inLine, graft.tip, slide)
  // Outside the patient until it starts up the core.
  const fibula = fibulaPiece(plan, tip, 1, slide === 0)
  const reached = dot(sub(tip, core.entry), core.axis)
  const graftLeft = quantise(clamp01((passLength(core) - reached) / PACKED_GRAFT_MM))
  // Seated, the fibula has pressed the column into the gap round its end: the cavity's graft then
  // reaches the fibula, not the core's wall (a surgeon's review: the 2–3-mm ring of the wider core
  // round the fibula's end, left empty, read as a dark gap in the cut). Switched once, at the
  // end: the chips are laid out anew for each shape.
  const seated = slide >= 1
  const pieces = before.pieces.filter((p) => p.id !== 'fibula' && p.id !== 'pedicle' && p.id !== 'core-graft' && !(seated && p.id === 'cavity-graft'))
  const packed = before.pieces.find((p) => p.id === 'core-graft')
  const cavity = before.pieces.find((p) => p.id === 'cavity-graft')
  const added = [fibula, hangingFrom(plan, fibula)]
  if (packed && graftLeft > 0) added.push({ ...packed, fill: Math.min(packed.fill, graftLeft) })
  if (seated && cavity) added.push(cavityGraft(plan, cavity.fill, { from: core.entry, to: graft.tip, radius: graft.diameter / 2 }))
  return frame({ ...before, pieces }, { pieces: added })
}

/** The pedicle swings from hanging free to its join on the LFCA's ascending branch, then is joined. */
const joinPedicle: Script = (plan, t, before) => {
  const fibula = before.pieces.find((p) => p.id === 'fibula')
  if (!fibula || !plan.pedicle) return frame(before)
  const hanging = hangingFrom(plan, fibula).path!
  const swing = quantise(phase(t, 0.1, 0.75))
  const path = hanging.map((p, i) => lerp(p, plan.pedicle!.path[i]!, swing))
  const pieces = before.pieces.filter((p) => p.id !== 'pedicle')
  return frame({ ...before, pieces }, { pieces: [pedicle(fibula, path, t >= 0.8)] })
}

/** The angle the fixing K-wire crosses the fibula at (design choice: it enters the lateral cortex below the tunnel's mouth and leaves the fibula inside the neck). */
const K_WIRE_CROSSING_DEG = 20

/** A K-wire across the graft's outer part into the neck holds it (§6.3 step 5). */
const fixFibula: Script = (plan, t, before) => {
  const core = plan.core
  if (!core) return frame(before)
  // From the lateral cortex below the tunnel's mouth, in the plane the step's cut shows (the one
  // holding the core's axis that faces the front: ./toolCut.ts), across the fibula at
  // K_WIRE_CROSSING_DEG and on into the neck's bone past its far side: seen crossing the cut graft,
  // not lying over the cut face nor ending in its canal (surgeon's review).
  const across = normalise(cross(cutNormalAlong(core.axis), core.axis))
  const down = across[1] < 0 ? across : scale(across, -1)
  const crossing = (K_WIRE_CROSSING_DEG * Math.PI) / 180
  const axis = normalise(madd(scale(core.axis, Math.cos(crossing)), down, -Math.sin(crossing)))
  const aim = along(core, (core.inBone ?? 0) + 24)
  const start = madd(aim, axis, -45)
  const radius = (plan.strut?.diameter ?? core.diameter) / 2
  const reach = 45 + radius / Math.sin(crossing) + 4
  const p = phase(t, 0.05, 0.9)
  return frame(before, { instruments: [tool('k-wire', 'guide-wire', madd(start, axis, -30 + (reach + 30) * p), axis, 2, TURNS * 2 * Math.PI * p)] })
}

// ---------------------------------------------------------------------------------------------

type Scripts = Readonly<Record<string, Script>>

/** Scripts by procedure, then by variant ('' = the default sequence), then by step id. */
const SCRIPTS: Readonly<Record<ProcedureId, Readonly<Record<string, Scripts>>>> = {
  'core-decompression': {
    '': {
      position: still,
      arthroscopy: still,
      incision: still,
      guidewire: guideWire,
      core: trephineCore,
      debride: reamCavity,
      bmac: marrowCells,
      'fill-close': fillTract,
    },
    'multiple-drilling': { position: still, 'stab-incision': still, 'first-pass': firstPass, 'more-passes': morePasses, close: still },
  },
  'bone-grafting': {
    '': { approach: still, window: cutWindow, curettage, 'pack-graft': packGraft, 'close-window': closeWindow },
    phemister: { incision: still, guidewire: guideWire, tract: trephineCore, debride: reamCavity, strut: strutGraft, close: still },
  },
  'vascularised-fibula': {
    '': { harvest: harvestFibula, core: trephineCore, 'clear-pack': clearAndPack, insert: insertFibula, anastomosis: joinPedicle, fix: fixFibula },
  },
  'total-hip-replacement': { '': THR_SCRIPTS },
  'hip-resurfacing': { '': RESURFACING_SCRIPTS },
}

/** Whether the timeline can play this procedure and variant (the joint replacements come next). */
export function hasTimeline(procedure: ProcedureId, variant: string | null): boolean {
  return Object.keys(SCRIPTS[procedure][variant ?? ''] ?? {}).length > 0
}

export function scriptFor(procedure: ProcedureId, variant: string | null, stepId: string): Script | null {
  return SCRIPTS[procedure][variant ?? '']?.[stepId] ?? null
}

export interface StepRef {
  readonly id: string
  /** Skipped by the player: its script does not run and leaves nothing. */
  readonly skipped?: boolean
}

/**
 * What steps 0 … index−1 leave behind, per plan and step list: while a step plays, only its own
 * script runs each frame; the earlier steps' ends (every one of them replayed, a hip
 * replacement's ten at its last step) are worked out once, and their removals and pieces keep
 * their identity from frame to frame, so what compares them downstream finds them unchanged.
 */
const leftovers = new WeakMap<TreatmentPlan, WeakMap<readonly StepRef[], Map<number, Leftover>>>()

/** What steps 0 … index−1 leave behind (the same object for the same plan, step list and index). */
export function leftoverBefore(plan: TreatmentPlan, steps: readonly StepRef[], index: number): Leftover {
  let bySteps = leftovers.get(plan)
  if (!bySteps) leftovers.set(plan, (bySteps = new WeakMap()))
  let byIndex = bySteps.get(steps)
  if (!byIndex) bySteps.set(steps, (byIndex = new Map()))
  let left = byIndex.get(index)
  if (!left) byIndex.set(index, (left = replayBefore(plan, steps, index)))
  return left
}

function replayBefore(plan: TreatmentPlan, steps: readonly StepRef[], index: number): Leftover {
  let left = NOTHING
  for (let i = 0; i < Math.min(index, steps.length); i++) {
    const step = steps[i]!
    if (step.skipped) continue
    const script = scriptFor(plan.procedure, plan.variant, step.id)
    if (!script) continue
    const end = script(plan, 1, left)
    left = { removals: end.removals, pieces: clearSetAside(end.pieces, left, 1), ...(end.femur ? { femur: end.femur } : {}) }
  }
  return left
}

/** Bone laid aside (the withdrawn core on its tray): shown while it is taken, gone in the step after. */
const SET_ASIDE: ReadonlySet<Piece['kind']> = new Set(['bone-core'])
/** The share of the next step the set-aside bone stays in sight (the eye sees where it went). */
const SET_ASIDE_LINGER = 0.2

/** `pieces` at time `t` of a step that began with `before`: what was already set aside leaves early in it. */
function clearSetAside(pieces: readonly Piece[], before: Leftover, t: number): readonly Piece[] {
  const leaving = new Set(before.pieces.filter((p) => SET_ASIDE.has(p.kind)).map((p) => p.id))
  if (leaving.size === 0) return pieces
  const stays = t < SET_ASIDE_LINGER
  return pieces.filter((p) => stays || !leaving.has(p.id))
}

/** The scene at step `index`, time `t` (0…1) within it. */
export type { Leftover }

export function frameAt(plan: TreatmentPlan, steps: readonly StepRef[], index: number, t: number): TreatmentFrame {
  const before = leftoverBefore(plan, steps, index)
  const step = steps[index]
  const script = step && !step.skipped ? scriptFor(plan.procedure, plan.variant, step.id) : null
  const at = clamp01(t)
  const drawn = script ? script(plan, at, before) : frame(before)
  const pieces = clearSetAside(drawn.pieces, before, at)
  return pieces === drawn.pieces ? drawn : { ...drawn, pieces }
}
