/**
 * The timeline: the scene of a treatment at (step, t) — bone removed, instruments posed, pieces
 * placed, structures out of the way — computed from the plan. Each step is a script of the time
 * within it (0…1); what earlier steps leave behind (holes, grafts, the core set aside) is their
 * script at t = 1. Going back is recomputing, never undoing, so a link opened at step N draws
 * what clicking through to it drew.
 */
import type { ProcedureId } from '../procedures.ts'
import { distance, dot, lerp, madd, normalise, scale, sub, type Vec3 } from '../vec3.ts'
import type { BoneRemoval, InstrumentKind, InstrumentPose, Piece, TreatmentFrame } from './frame.ts'
import { advancing, along, clamp01, passLength, phase, quantise } from './motion.ts'
import type { BorePlan, TreatmentPlan } from './planner.ts'

/** What a step leaves for the next: holes and pieces. */
export interface Leftover {
  readonly removals: readonly BoneRemoval[]
  readonly pieces: readonly Piece[]
}

const NOTHING: Leftover = { removals: [], pieces: [] }

type Script = (plan: TreatmentPlan, t: number, before: Leftover) => TreatmentFrame

/**
 * Shaft lengths drawn behind each tool's tip, mm: long enough to leave the thigh from the neck
 * (the lateral soft tissue over the trochanter is several centimetres), a design choice.
 */
const SHAFT_MM: Readonly<Record<InstrumentKind, number>> = {
  'guide-wire': 220,
  trephine: 170,
  'steinmann-pin': 170,
  'expandable-reamer': 180,
  curette: 170,
  'graft-impactor': 170,
  'aspiration-needle': 110,
  'oscillating-saw': 60,
  // Joint replacement tools reach in through the open wound, not through the thigh.
  'acetabular-reamer': 200,
  broach: 110,
  'cup-impactor': 260,
}

/** Turns per second-of-step a powered tool makes while it advances (for the eye, not a speed). */
const TURNS = 10

/** Where bone cut from the hip is laid, mm lateral of where it came out: beside, not in, the thigh. */
const ASIDE_MM = 28
/** The bone removal starts this far outside the cortex, so the hole opens cleanly. */
const OUTSIDE_MM = 10
/** The cortical lid of the light-bulb window, mm (the neck's cortex is a few millimetres). */
const LID_MM = 3

function tool(id: string, kind: InstrumentKind, tip: Vec3, axis: Vec3, diameter: number, spin = 0, open = 0): InstrumentPose {
  return { id, kind, tip, axis, diameter, length: SHAFT_MM[kind], spin, open }
}

function frame(before: Leftover, add: { removals?: BoneRemoval[]; instruments?: InstrumentPose[]; pieces?: Piece[] } = {}): TreatmentFrame {
  return {
    removals: [...before.removals, ...(add.removals ?? [])],
    instruments: add.instruments ?? [],
    pieces: [...before.pieces, ...(add.pieces ?? [])],
  }
}

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
  if (t < 0.85) {
    const tip = out > 0 ? along(core, length - out * withdrawn) : advancing(core, drill, 20)
    instruments.push(tool('guide-wire', 'guide-wire', out > 0 ? along(wire, length - out * withdrawn) : wire.tip, wire.axis, wire.diameter))
    instruments.push(tool('trephine', 'trephine', tip, core.axis, core.diameter, TURNS * 2 * Math.PI * drill))
    if (out > 0) pieces.push({ id: 'core', kind: 'bone-core', from: madd(tip, core.axis, -length), to: tip, radius: coreRadius, fill: 1 })
  } else {
    const outTip = along(core, length - withdrawn)
    // Laid upright on the tray beside the trochanter, its deep (dead) end up.
    const up: Vec3 = [0, 1, 0]
    const tip = lerp(outTip, madd(plan.tray, up, length / 2), aside)
    const axis = normalise(lerp(core.axis, up, aside))
    pieces.push({ id: 'core', kind: 'bone-core', from: madd(tip, axis, -length), to: tip, radius: coreRadius, fill: 1 })
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
  return { kind: 'ellipsoid', id: 'cavity', centre: c.centre, axes: c.axes, radii: scale(c.radii, share) }
}

// ---------------------------------------------------------------------------------------------
// Core decompression.

/** Marrow is drawn from the back of the pelvis, then the concentrate fills the core from its deep end. */
const marrowCells: Script = (plan, t, before) => {
  const core = plan.core
  const site = plan.marrowSite
  const instruments: InstrumentPose[] = []
  const pieces: Piece[] = []
  const inPelvis = phase(t, 0, 0.2) * (1 - phase(t, 0.3, 0.45))
  if (t < 0.45) instruments.push(tool('marrow-needle', 'aspiration-needle', madd(site.point, site.axis, -30 + 42 * inPelvis), site.axis, 3))
  if (core) {
    const fill = phase(t, 0.5, 0.95)
    const length = passLength(core)
    if (t >= 0.5) {
      pieces.push({ id: 'marrow', kind: 'marrow-cells', from: core.tip, to: core.entry, radius: core.diameter / 2 - 0.3, fill })
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
  const span = distance(deepEnd, core.entry)
  const front = madd(deepEnd, core.axis, -span * fill)
  const instruments = t < 0.95 ? [tool('impactor', 'graft-impactor', front, core.axis, core.diameter - 1.5)] : []
  // The seal pushes the marrow back into the deep two thirds, where it stays.
  const rest = hasMarrow
    ? { ...before, pieces: before.pieces.map((p) => (p.kind === 'marrow-cells' ? { ...p, to: lerp(p.from, p.to, 1 - 0.34 * fill) } : p)) }
    : before
  return frame(rest, {
    instruments,
    pieces: [{ id: 'tract-graft', kind: 'cancellous-graft', from: deepEnd, to: core.entry, radius: core.diameter / 2 - 0.3, fill }],
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

const morePasses: Script = (plan, t, before) => {
  const rest = plan.passes.slice(1)
  const removals: BoneRemoval[] = []
  const instruments: InstrumentPose[] = []
  rest.forEach((pass, i) => {
    const local = clamp01(t * rest.length - i)
    if (local <= 0) return
    const one = pinPass(pass, i + 1, local)
    removals.push(...one.removals)
    if (local < 1) instruments.push(...one.instruments)
  })
  return frame(before, { removals, instruments })
}

// ---------------------------------------------------------------------------------------------
// Bone grafting, light-bulb: a window at the anterior head–neck junction.

function windowRemoval(plan: TreatmentPlan): BoneRemoval {
  const w = plan.window!
  return { kind: 'box', id: 'window', centre: w.centre, axes: w.axes, halfSizes: w.halfSizes }
}

/** The cortical lid of the window, `lift` mm out of its bed along the window's outward axis. */
function windowLid(plan: TreatmentPlan, lift: number, aside: number): Piece {
  const w = plan.window!
  const out = w.axes[2]
  const surface = w.surface
  const base = madd(madd(surface, out, lift), LATERAL, aside)
  return {
    id: 'window-lid',
    kind: 'bone-window',
    // The outer (periosteal) face first, as the piece builders expect.
    from: base,
    to: madd(base, out, -LID_MM),
    radius: 0,
    halfSizes: [w.halfSizes[0], w.halfSizes[1]],
    across: w.axes[0],
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
  const lift = phase(t, 0.72, 0.86) * 14
  const aside = phase(t, 0.86, 1) * ASIDE_MM
  return frame(before, { removals: [windowRemoval(plan)], pieces: [windowLid(plan, lift, aside)] })
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
  const pieces: Piece[] = [cavityGraft(plan, deep), { id: 'channel-graft', kind: 'cancellous-graft', from: ch.tip, to: ch.entry, radius: ch.diameter / 2 - 0.3, fill: near }]
  const tap = 0.5 - 0.5 * Math.cos(t * 8 * 2 * Math.PI)
  const front = length * (1 - near) - 4 * tap
  const instruments = t < 0.95 ? [tool('impactor', 'graft-impactor', along(ch, front), ch.axis, ch.diameter - 2)] : []
  return frame(before, { pieces, instruments })
}

function cavityGraft(plan: TreatmentPlan, fill: number): Piece {
  const c = plan.cavity!
  const [, , up] = c.axes
  const r = c.radii[2]
  return { id: 'cavity-graft', kind: 'cancellous-graft', from: madd(c.centre, up, -r), to: madd(c.centre, up, r), radius: Math.max(...c.radii), fill, ellipsoid: { axes: c.axes, radii: c.radii } }
}

/** The lid goes back into its window. */
const closeWindow: Script = (plan, t, before) => {
  if (!plan.window) return frame(before)
  const back = phase(t, 0, 0.7)
  const lid = windowLid(plan, 14 * (1 - back), ASIDE_MM * (1 - phase(t, 0, 0.35)))
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
  const strutLength = length - 2 // its outer end sits just inside the lateral cortex
  const tip = along(strut, -strutLength - 20 + (length + 20) * push)
  // The strut is brought in once the graft is packed around where it will sit.
  const brought = t >= 0.3
  const pieces: Piece[] = [cavityGraft(plan, packed)]
  if (brought) pieces.push({ id: 'strut', kind: 'cortical-strut', from: madd(tip, strut.axis, -strutLength), to: tip, radius: strut.diameter / 2, fill: 1 })
  const instruments = brought && t < 0.95 ? [tool('impactor', 'graft-impactor', madd(tip, strut.axis, -strutLength), strut.axis, strut.diameter - 1)] : []
  return frame(before, { pieces, instruments })
}

// ---------------------------------------------------------------------------------------------
// Free vascularised fibular graft.

/** Length of the fibula segment drawn: the lower end of the ≈ 10–15 cm harvested (§6.3). */
const FIBULA_SEGMENT_MM = 100
/** Where the harvested fibula waits: beside the thigh, below the entry (mm from the entry). */
const FIBULA_WAIT: Vec3 = [-45, -40, 0]

function fibulaPiece(plan: TreatmentPlan, tip: Vec3, fill = 1): Piece {
  const graft = plan.strut!
  return { id: 'fibula', kind: 'fibula-graft', from: madd(tip, graft.axis, -FIBULA_SEGMENT_MM), to: tip, radius: graft.diameter / 2, fill }
}

/** The fibula with its vessels, laid beside the hip as it comes from the leg. */
const harvestFibula: Script = (plan, t, before) => {
  if (!plan.strut || !plan.core) return frame(before)
  const waiting = madd(plan.core.entry, FIBULA_WAIT, 1)
  return frame(before, { pieces: [fibulaPiece(plan, madd(waiting, plan.strut.axis, FIBULA_SEGMENT_MM), phase(t, 0.1, 0.8))] })
}

/** The necrotic bone is cleared with the expandable reamer, then fresh cancellous graft packed in. */
const clearAndPack: Script = (plan, t, before) => {
  if (!plan.cavity || !plan.core) return frame(before)
  const cleared = reamCavity(plan, clamp01(t / 0.6), before)
  if (t < 0.6) return cleared
  const core = plan.core
  const pack = phase(t, 0.62, 0.95)
  const instruments = t < 0.97 ? [tool('impactor', 'graft-impactor', along(core, passLength(core) - 6 - 4 * Math.abs(Math.sin(t * 40))), core.axis, core.diameter - 2)] : []
  return frame({ removals: cleared.removals, pieces: before.pieces }, { pieces: [cavityGraft(plan, pack)], instruments })
}

/** The fibula is brought in line with the core and slid up it until its end is under the plate. */
const insertFibula: Script = (plan, t, before) => {
  const graft = plan.strut
  const core = plan.core
  if (!graft || !core) return frame(before)
  const waiting = madd(madd(core.entry, FIBULA_WAIT, 1), graft.axis, FIBULA_SEGMENT_MM)
  const inLine = along(core, -FIBULA_SEGMENT_MM + 10)
  const line = phase(t, 0, 0.3)
  const slide = phase(t, 0.3, 0.95)
  const tip = line < 1 ? lerp(waiting, inLine, line) : lerp(inLine, graft.tip, slide)
  const pieces = before.pieces.filter((p) => p.id !== 'fibula')
  return frame({ ...before, pieces }, { pieces: [fibulaPiece(plan, tip)] })
}

/** A K-wire across the graft's outer part into the neck holds it (§6.3 step 5). */
const fixFibula: Script = (plan, t, before) => {
  const core = plan.core
  if (!core) return frame(before)
  const start = madd(core.entry, [0, -1, 0], 18)
  const aim = along(core, 30)
  const axis = normalise(sub(aim, start))
  const reach = distance(start, aim) + 12
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
    '': { harvest: harvestFibula, core: trephineCore, 'clear-pack': clearAndPack, insert: insertFibula, anastomosis: still, fix: fixFibula },
  },
  'total-hip-replacement': {},
  'hip-resurfacing': {},
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

/** What steps 0 … index−1 leave behind. */
export function leftoverBefore(plan: TreatmentPlan, steps: readonly StepRef[], index: number): Leftover {
  let left = NOTHING
  for (let i = 0; i < Math.min(index, steps.length); i++) {
    const step = steps[i]!
    if (step.skipped) continue
    const script = scriptFor(plan.procedure, plan.variant, step.id)
    if (!script) continue
    const end = script(plan, 1, left)
    left = { removals: end.removals, pieces: end.pieces }
  }
  return left
}

/** The scene at step `index`, time `t` (0…1) within it. */
export function frameAt(plan: TreatmentPlan, steps: readonly StepRef[], index: number, t: number): TreatmentFrame {
  const before = leftoverBefore(plan, steps, index)
  const step = steps[index]
  const script = step && !step.skipped ? scriptFor(plan.procedure, plan.variant, step.id) : null
  return script ? script(plan, clamp01(t), before) : frame(before)
}
