/**
 * The timeline on the committed model: every step of every playable sequence has a script, the
 * picture only ever adds holes, a link at step N draws what playing to it drew, and the tools
 * end where the plan says.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { parseLandmarks, type HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/index.ts'
import { PROCEDURE_IDS } from '../../src/domain/procedures.ts'
import { planTreatment, type TreatmentPlan } from '../../src/domain/treatment/planner.ts'
import { treatmentSteps, variantIds } from '../../src/domain/treatment/steps.ts'
import { frameAt, hasTimeline, leftoverBefore, scriptFor } from '../../src/domain/treatment/timeline.ts'
import { REMOVAL_INCREMENTS } from '../../src/domain/treatment/motion.ts'
import { cutBySection } from '../../src/domain/treatment/pieceSection.ts'
import { stepSection } from '../../src/domain/treatment/toolCut.ts'
import { clipPlaneOf } from '../../src/domain/section.ts'
import { cross, distance, dot, normalise, scale, sub, type Vec3 } from '../../src/domain/vec3.ts'
import { loadModel } from './model-loader.ts'

let lm: HipLandmarks
let bones: Float32Array[] = []
beforeAll(async () => {
  const model = await loadModel()
  bones = ['femur', 'hipBone'].map((name) => model.meshes.get(name)!.positions)
  const parsed = parseLandmarks(model.sceneExtras.landmarks)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  lm = parsed.value
})

const sequences = PROCEDURE_IDS.flatMap((procedure) => [null, ...variantIds(procedure)].map((variant) => ({ procedure, variant })))
const playable = sequences.filter((s) => hasTimeline(s.procedure, s.variant))

function planOf(procedure: (typeof PROCEDURE_IDS)[number], variant: string | null): TreatmentPlan {
  const lesion = lesionGeometry({ size: 'large', type: 'C1' }, lesionAnatomyOf(lm))
  return planTreatment({ procedure, variant, landmarks: lm, lesion, collapseDepthMm: 0 })
}
/**
 * How far the square end (centre `end`, facing along `axis`, `radius`) of a piece in a pass stands
 * out of the lateral cortex at its most outward point (mm; negative: inside), the cortex taken as
 * the shaft's cylinder through the landmark entry (measured against the model's bone: within about
 * 1 mm of it at these entries).
 */
function standsOutMm(end: Vec3, axis: Vec3, radius: number): number {
  const s = lm.shaftAxis
  const across = (p: Vec3) => {
    const rel = sub(p, s.origin)
    return Math.hypot(...sub(rel, scale(s.direction, dot(rel, s.direction))))
  }
  const R = across(lm.coreDecompressionEntry.point)
  const u = normalise(cross(axis, [0, 0, 1]))
  const v = cross(axis, u)
  let most = -Infinity
  for (let k = 0; k < 360; k++) {
    const a = (k * Math.PI) / 180
    most = Math.max(most, across([end[0] + radius * (Math.cos(a) * u[0] + Math.sin(a) * v[0]), end[1] + radius * (Math.cos(a) * u[1] + Math.sin(a) * v[1]), end[2] + radius * (Math.cos(a) * u[2] + Math.sin(a) * v[2])]) - R)
  }
  return most
}
const ids = (steps: readonly { id: string }[]) => steps.map((s) => ({ id: s.id }))
const key = (removals: readonly { id: string }[]) => JSON.stringify(removals)

it('plays the hip-saving operations (core decompression, multiple drilling, light-bulb and Phemister grafting, the fibula graft) and both joint replacements', () => {
  expect(playable.map((s) => `${s.procedure}/${s.variant ?? ''}`)).toEqual([
    'core-decompression/',
    'core-decompression/multiple-drilling',
    'bone-grafting/',
    'bone-grafting/phemister',
    'vascularised-fibula/',
    'total-hip-replacement/',
    'hip-resurfacing/',
  ])
})

describe.each(playable)('$procedure $variant', ({ procedure, variant }) => {
  const steps = () => ids(treatmentSteps(procedure, variant))

  it('works out what the earlier steps left once per plan and step list: frames of a playing step run only its own script and keep the earlier removals and pieces as the same objects', () => {
    const plan = planOf(procedure, variant)
    const list = steps()
    const last = list.length - 1
    expect(leftoverBefore(plan, list, last)).toBe(leftoverBefore(plan, list, last))
    const a = frameAt(plan, list, last, 0.3)
    const b = frameAt(plan, list, last, 0.6)
    const before = leftoverBefore(plan, list, last)
    for (const r of before.removals) {
      expect(a.removals).toContain(r)
      expect(b.removals).toContain(r)
    }
    // Another step list (optional steps skipped) is worked out on its own.
    const other = list.map((s) => ({ ...s }))
    expect(leftoverBefore(plan, other, last)).not.toBe(before)
    expect(key(leftoverBefore(plan, other, last).removals)).toBe(key(before.removals))
  })

  it('has a script for every step', () => {
    for (const step of steps()) expect(scriptFor(procedure, variant, step.id), step.id).not.toBeNull()
  })

  it('only adds holes, and each step starts where the previous one ended', () => {
    const plan = planOf(procedure, variant)
    const list = steps()
    for (let i = 1; i < list.length; i++) {
      const end = frameAt(plan, list, i - 1, 1)
      const start = frameAt(plan, list, i, 0)
      expect(key(start.removals), list[i]!.id).toBe(key(end.removals))
      const shown = (f: typeof end) => f.pieces.filter((p) => p.fill > 0).map((p) => `${p.id}:${p.fill}`).sort()
      expect(shown(start), list[i]!.id).toEqual(shown(end))
      // Removals by id never disappear later.
      for (const r of end.removals) expect(frameAt(plan, list, list.length - 1, 1).removals.some((q) => q.id === r.id)).toBe(true)
    }
  })

  it('takes bone away in a few fixed increments per step, so the worker can compute them ahead', () => {
    const plan = planOf(procedure, variant)
    const list = steps()
    list.forEach((_, i) => {
      const seen = new Set<string>()
      for (let t = 0; t <= 1.0001; t += 1 / 240) seen.add(key(frameAt(plan, list, i, t).removals))
      expect(seen.size).toBeLessThanOrEqual(REMOVAL_INCREMENTS * 2 + 2)
    })
  })

  it('is deterministic: a link at step N draws what playing to it drew', () => {
    const list = steps()
    const last = list.length - 1
    expect(JSON.stringify(frameAt(planOf(procedure, variant), list, last, 1))).toBe(JSON.stringify(frameAt(planOf(procedure, variant), list, last, 1)))
  })

  it('draws a tool in every step that acts on the bone, with finite poses', () => {
    const plan = planOf(procedure, variant)
    const list = steps()
    list.forEach((step, i) => {
      for (const t of [0.1, 0.3, 0.5, 0.7, 0.9]) {
        for (const tool of frameAt(plan, list, i, t).instruments) {
          expect([...tool.tip, ...tool.axis, tool.spin, tool.open].every(Number.isFinite), `${step.id} ${tool.id}`).toBe(true)
          expect(Math.hypot(...tool.axis)).toBeCloseTo(1, 6)
        }
      }
      const before = key(leftoverBefore(plan, list, i).removals)
      const after = key(frameAt(plan, list, i, 1).removals)
      if (before !== after) {
        const busy = [0.2, 0.4, 0.6].some((t) => frameAt(plan, list, i, t).instruments.length > 0)
        expect(busy, `${step.id} removes bone with no tool`).toBe(true)
      }
    })
  })
})

describe('core decompression', () => {
  it('leaves an 8-mm core to 5 mm short of the joint, the core of bone laid outside the hip, and no tools', () => {
    const plan = planOf('core-decompression', null)
    const list = ids(treatmentSteps('core-decompression', null))
    const i = list.findIndex((s) => s.id === 'core')
    const end = frameAt(plan, list, i, 1)
    const hole = end.removals.find((r) => r.id === 'core')
    expect(hole?.kind).toBe('cylinder')
    if (hole?.kind !== 'cylinder') return
    expect(hole.radius).toBe(4)
    expect(distance(hole.to, plan.core!.tip)).toBeLessThan(1e-9)
    expect(end.instruments).toEqual([])
    const core = end.pieces.find((p) => p.kind === 'bone-core')!
    // Out of the bone: lateral of the greater trochanter's outer face.
    expect(Math.max(core.from[0], core.to[0])).toBeLessThan(lm.greaterTrochanterLateral![0] - 10)
    // Halfway through the drilling, the trephine's tip is in the bone and turning.
    const mid = frameAt(plan, list, i, 0.3).instruments.find((t) => t.kind === 'trephine')!
    expect(mid.spin).toBeGreaterThan(0)
    expect(distance(mid.tip, plan.core!.entry)).toBeGreaterThan(5)
  })

  it('a skipped optional step leaves nothing: no cavity when clearing out dead bone was skipped', () => {
    const plan = planOf('core-decompression', null)
    const list = ids(treatmentSteps('core-decompression', null))
    const last = list.length - 1
    expect(frameAt(plan, list, last, 1).removals.some((r) => r.id === 'cavity')).toBe(true)
    const skipped = list.map((s) => ({ ...s, skipped: s.id === 'debride' }))
    expect(frameAt(plan, skipped, last, 1).removals.some((r) => r.id === 'cavity')).toBe(false)
  })

  it('multiple drilling ends with five pin holes from one entry', () => {
    const plan = planOf('core-decompression', 'multiple-drilling')
    const list = ids(treatmentSteps('core-decompression', 'multiple-drilling'))
    const end = frameAt(plan, list, list.length - 1, 1)
    expect(end.removals.map((r) => r.id)).toEqual(['pass-0', 'pass-1', 'pass-2', 'pass-3', 'pass-4'])
    for (const r of end.removals) if (r.kind === 'cylinder') expect(r.radius).toBe(1.6)
    // Each channel is traced where the bone is seen through (the holes alone were too faint):
    // one 3.2-mm track per pass, from the shared entry to the pass's tip.
    const tracks = end.pieces.filter((p) => p.kind === 'drill-track')
    expect(tracks.map((p) => p.id)).toEqual(['track-0', 'track-1', 'track-2', 'track-3', 'track-4'])
    for (const [i, track] of tracks.entries()) {
      expect(track.radius).toBe(1.6)
      // From where the pass is wholly inside the bone (its entry lies on a plane outside it).
      const pass = plan.passes[i]!
      expect(pass.inBone).toBeGreaterThan(0)
      expect(distance(track.from, pass.entry)).toBeCloseTo(pass.inBone!, 6)
      expect(standsOutMm(track.from, pass.axis, track.radius)).toBeLessThanOrEqual(0.05)
      expect(track.to).toEqual(plan.passes[i]!.tip)
      expect(track.fill).toBe(1)
    }
  })
})

describe('what is left in a core decompression tract', () => {
  it('the marrow cells fill the reamed cavity as well as the tract, and stay there when the tract is sealed', () => {
    const plan = planOf('core-decompression', null)
    const list = ids(treatmentSteps('core-decompression', null))
    const at = (id: string, t: number) => frameAt(plan, list, list.findIndex((s) => s.id === id), t).pieces
    const inCavity = (id: string, t: number) => at(id, t).find((p) => p.id === 'marrow-cavity')
    // Before: only a column in the tract, standing in an empty cavity (surgeon's review).
    expect(inCavity('bmac', 1)).toMatchObject({ kind: 'marrow-cells', fill: 1, solid: plan.cavity!.solid })
    expect(inCavity('bmac', 0.7)!.fill).toBeGreaterThan(0)
    expect(inCavity('bmac', 0.7)!.fill).toBeLessThan(1)
    expect(inCavity('bmac', 0.3)).toBeUndefined()
    const sealed = inCavity('fill-close', 1)!
    expect(sealed.from).toEqual(inCavity('bmac', 1)!.from)
    expect(sealed.fill).toBe(1)
  })

  it('the marrow cells and the graft stop at the lateral cortex, and the core taken out is as long as the tunnel in the bone', () => {
    const plan = planOf('core-decompression', null)
    const core = plan.core!
    const list = ids(treatmentSteps('core-decompression', null))
    const end = (id: string) => frameAt(plan, list, list.findIndex((s) => s.id === id), 1).pieces
    const marrow = end('bmac').find((p) => p.id === 'marrow')!
    const graft = end('fill-close').find((p) => p.id === 'tract-graft')!
    // Before: both began at the plan's entry, on a plane 5-10 mm outside the bone there, so the
    // graft stood ~1 cm out of the femur (surgeon's review).
    for (const piece of [marrow, graft]) expect(standsOutMm(piece.from, core.axis, piece.radius), piece.id).toBeLessThanOrEqual(0.05)
    const onTray = frameAt(plan, list, list.findIndex((s) => s.id === 'core'), 1).pieces.find((p) => p.kind === 'bone-core')!
    const tunnelInBone = distance(core.tip, core.entry) - core.inBone!
    expect(distance(onTray.from, onTray.to)).toBeCloseTo(tunnelInBone, 6)
    expect(tunnelInBone).toBeLessThan(distance(core.tip, core.entry) - 4)
  })
})

describe('vascularised fibula', () => {
  it('the K-wire lies in the step\'s cut and runs through the fibula into the bone beyond it', () => {
    const plan = planOf('vascularised-fibula', null)
    const list = ids(treatmentSteps('vascularised-fibula', null))
    const wire = frameAt(plan, list, list.findIndex((s) => s.id === 'fix'), 1).instruments.find((i) => i.id === 'k-wire')!
    const cut = clipPlaneOf(stepSection(plan, 'fix')!, 'right')
    // In the plane (before: 4 mm in front of it, drawn over the cut face).
    expect(Math.abs(dot(cut.normal, wire.axis))).toBeLessThan(0.01)
    expect(Math.abs(dot(cut.normal, wire.tip) + cut.constant)).toBeLessThan(0.5)
    // Across the fibula's axis, its tip past the fibula's far side (before: 12 mm past the axis of
    // a 14-mm graft, ending in its canal as seen).
    const graft = plan.strut!
    // The nearest points of the wire's line (tip + t·u) and the graft's axis (entry + s·v).
    const u = wire.axis, v = graft.axis, w0 = sub(wire.tip, graft.entry)
    const b = dot(u, v), d = dot(u, w0), e = dot(v, w0)
    const t = (b * e - d) / (1 - b * b)
    const s = (e - b * d) / (1 - b * b)
    expect(distance(sub(wire.tip, scale(u, -t)), sub(graft.entry, scale(v, -s)))).toBeLessThan(1)
    const pastAxis = -t
    expect(pastAxis).toBeGreaterThan(graft.diameter / 2 / Math.sin(Math.acos(Math.abs(dot(wire.axis, graft.axis)))) + 3)
    // Still in the bone there: within the neck's bone round the fibula's axis (< 13 mm off it).
    expect(pastAxis * Math.sin(Math.acos(Math.abs(dot(wire.axis, graft.axis))))).toBeLessThan(13)
  })
  it('the graft packed in the cavity stays clear of the core, then of the seated fibula only, so the cavity ahead of and round the fibula\'s end is packed too', () => {
    const plan = planOf('vascularised-fibula', null)
    const list = ids(treatmentSteps('vascularised-fibula', null))
    const graftAt = (step: number) => frameAt(plan, list, step, 1).pieces.find((p) => p.id === 'cavity-graft')!
    // Before: kept out of a cylinder reaching 16 mm beyond the core's end, which left a hollow
    // round and ahead of the fibula's end (surgeon's review).
    const packed = graftAt(list.findIndex((s) => s.id === 'clear-pack'))
    expect(packed.keepOut!.to).toEqual(plan.core!.tip)
    expect(packed.keepOut!.radius).toBe(plan.core!.diameter / 2)
    // Once the fibula is in, the ring of the wider core round it is packed (a later review: it
    // read as a dark gap in the cut).
    const last = graftAt(list.length - 1)
    expect(last.keepOut!.to).toEqual(plan.strut!.tip)
    expect(last.keepOut!.radius).toBe(plan.strut!.diameter / 2)
    expect(last.keepOut!.radius).toBeLessThan(plan.core!.diameter / 2)
  })

  it('the harvested fibula waits clear of the bones, in line with the core, until it goes in', () => {
    const plan = planOf('vascularised-fibula', null)
    const list = ids(treatmentSteps('vascularised-fibula', null))
    const at = (id: string, t: number) => frameAt(plan, list, list.findIndex((s) => s.id === id), t)
    for (const [id, t] of [['harvest', 1], ['core', 1], ['clear-pack', 1], ['insert', 0]] as const) {
      const fibula = at(id, t).pieces.find((p) => p.kind === 'fibula-graft')!
      // Nearest point of the femur's or the pelvis's surface to the fibula's surface. Before: it
      // waited within 6 mm of the core's line, through the femur (surgeon's review).
      const axis = sub(fibula.to, fibula.from)
      const len2 = dot(axis, axis)
      let least = Infinity
      for (const positions of bones) {
        for (let i = 0; i < positions.length; i += 3) {
          const q = [positions[i]!, positions[i + 1]!, positions[i + 2]!] as const
          const k = Math.max(0, Math.min(1, dot(sub(q, fibula.from), axis) / len2))
          least = Math.min(least, distance(q, [fibula.from[0] + axis[0] * k, fibula.from[1] + axis[1] * k, fibula.from[2] + axis[2] * k]) - fibula.radius)
        }
      }
      expect(least, id).toBeGreaterThanOrEqual(20)
    }
  })

  it('reams a 16-mm core 4 mm short of the plate and seats a 14-mm fibula from its end to flush with the lateral cortex', () => {
    const plan = planOf('vascularised-fibula', null)
    const list = ids(treatmentSteps('vascularised-fibula', null))
    const at = (id: string) => frameAt(plan, list, list.findIndex((s) => s.id === id), 1)
    const hole = at('core').removals.find((r) => r.id === 'core')
    expect(hole?.kind === 'cylinder' && hole.radius).toBe(8)
    const graft = at('insert').pieces.find((p) => p.kind === 'fibula-graft')!
    expect(graft.radius).toBe(7)
    expect(distance(graft.to, plan.core!.tip)).toBeLessThan(1e-6)
    // Surgeon's review: flush at the lateral cortex, neither sunk inside it nor standing out: its
    // square end meets the oblique cortex at its most outward point (before: its centre on the
    // entry, its lower side 4.5 mm out of the bone).
    const proud = standsOutMm(graft.from, plan.core!.axis, graft.radius)
    expect(proud).toBeLessThanOrEqual(0.01)
    expect(proud).toBeGreaterThan(-0.5)
  })
})

describe('bone grafting, light-bulb', () => {
  it('cuts a window, hollows the lesion, packs graft and puts the window back', () => {
    const plan = planOf('bone-grafting', null)
    const list = ids(treatmentSteps('bone-grafting', null))
    const at = (id: string, t = 1) => frameAt(plan, list, list.findIndex((s) => s.id === id), t)
    expect(at('window').removals.map((r) => r.id)).toEqual(['window'])
    expect(at('curettage').removals.map((r) => r.id)).toEqual(['window', 'channel', 'cavity'])
    expect(at('pack-graft').pieces.filter((p) => p.kind === 'cancellous-graft').every((p) => p.fill === 1)).toBe(true)
    const closed = at('close-window')
    const lid = closed.pieces.find((p) => p.kind === 'bone-window')!
    // Back in its bed: its outer face on the window's outer face.
    const w = plan.window!
    expect(distance(lid.from, w.surface)).toBeLessThan(1e-6)
    // …curved as the neck it was cut from (its radius there: the window's distance from the neck axis).
    expect(lid.bend).toBeCloseTo(w.surfaceRadius, 6)
    expect(w.surfaceRadius).toBeGreaterThan(10)
    expect(w.surfaceRadius).toBeLessThan(25)
  })

  it("packs graft inside the bone: the cavity's own shape, and the channel only up to the lid's bed", () => {
    const plan = planOf('bone-grafting', null)
    const list = ids(treatmentSteps('bone-grafting', null))
    const packed = frameAt(plan, list, list.findIndex((s) => s.id === 'pack-graft'), 1)
    const cavity = packed.pieces.find((p) => p.id === 'cavity-graft')!
    expect(cavity.solid).toBe(plan.cavity!.solid)
    expect(cavity.ellipsoid).toBeUndefined()
    expect(cavity.across).toEqual(plan.cavity!.axes[0])
    const channel = packed.pieces.find((p) => p.id === 'channel-graft')!
    const w = plan.window!
    // Its near end 3 mm under the bone surface (the lid's thickness), its deep end in the cavity.
    const depth = (p: readonly [number, number, number]) => -dot(sub(p, w.surface), w.axes[2])
    expect(depth(channel.from)).toBeCloseTo(3, 6)
    expect(distance(channel.to, plan.cavity!.centre)).toBeLessThan(1e-6)
  })

  it('fills tunnels from their deep end: graft, marrow and channel pieces have `to` at the deep end', () => {
    const plan = planOf('core-decompression', null)
    const list = ids(treatmentSteps('core-decompression', null))
    const end = frameAt(plan, list, list.length - 1, 1)
    const core = plan.core!
    const deeper = (p: { from: readonly [number, number, number]; to: readonly [number, number, number] }) => dot(sub(p.to, p.from), core.axis) > 0
    for (const piece of end.pieces.filter((p) => p.kind === 'cancellous-graft' || p.kind === 'marrow-cells')) expect(deeper(piece), piece.id).toBe(true)
  })
})

describe('bone set aside', () => {
  it("the withdrawn core lies on its tray at the end of the drilling step, is still there as the next step begins, and is gone from its first fifth on", () => {
    const plan = planOf('core-decompression', null)
    const list = ids(treatmentSteps('core-decompression', null))
    const drill = list.findIndex((s) => s.id === 'core')
    const cores = (index: number, t: number) => frameAt(plan, list, index, t).pieces.filter((p) => p.kind === 'bone-core')
    expect(cores(drill, 1)).toHaveLength(1)
    expect(cores(drill + 1, 0)).toHaveLength(1)
    expect(cores(drill + 1, 0.25)).toHaveLength(0)
    for (let i = drill + 2; i < list.length; i++) expect(cores(i, 0), list[i]!.id).toHaveLength(0)
  })

  it('what lies outside the patient is not cut by the cross-section (the core on its tray, the fibula and its vessels waiting); what is in the bone is', () => {
    const cd = planOf('core-decompression', null)
    const cdSteps = ids(treatmentSteps('core-decompression', null))
    const drill = cdSteps.findIndex((s) => s.id === 'core')
    const core = (t: number) => frameAt(cd, cdSteps, drill, t).pieces.find((p) => p.kind === 'bone-core')!
    // Coming out in the trephine it is still in the bone; laid on the tray it is not.
    expect(cutBySection(core(0.7))).toBe(true)
    expect(cutBySection(core(1))).toBe(false)

    const fib = planOf('vascularised-fibula', null)
    const list = ids(treatmentSteps('vascularised-fibula', null))
    const at = (id: string, t: number) => frameAt(fib, list, list.findIndex((s) => s.id === id), t).pieces
    for (const [id, t] of [['harvest', 1], ['core', 1], ['clear-pack', 1], ['insert', 0.2]] as const) {
      for (const piece of at(id, t).filter((p) => p.kind === 'fibula-graft' || p.kind === 'vascular-pedicle')) expect(cutBySection(piece), `${id} ${piece.kind}`).toBe(false)
    }
    // Once it goes up the core, it, its vessels and the graft packed round it are cut with the bone.
    for (const id of ['insert', 'anastomosis', 'fix']) {
      const pieces = at(id, 1)
      expect(pieces.map((p) => p.kind)).toEqual(expect.arrayContaining(['fibula-graft', 'vascular-pedicle', 'cancellous-graft']))
      for (const piece of pieces) expect(cutBySection(piece), `${id} ${piece.kind}`).toBe(true)
    }
  })
})

describe('Phemister strut', () => {
  it('ends its step inside the bone: its tip at the end of the pass, under the plate, its outer end just inside the lateral cortex, and stays there at closing', () => {
    const plan = planOf('bone-grafting', 'phemister')
    const steps = ids(treatmentSteps('bone-grafting', 'phemister'))
    for (const id of ['strut', 'close']) {
      const index = steps.findIndex((s) => s.id === id)
      const strut = frameAt(plan, steps, index, 1).pieces.find((p) => p.kind === 'cortical-strut')!
      // Before: its tip 2 mm past the entry, the whole strut outside the femur.
      expect(distance(strut.to, plan.strut!.tip)).toBeLessThan(0.01)
      // Its outer end inside the lateral cortex, no part of it standing out, within 2.5 mm of flush.
      const proud = standsOutMm(strut.from, plan.strut!.axis, strut.radius)
      expect(proud).toBeLessThanOrEqual(0.01)
      expect(proud).toBeGreaterThan(-2.5)
    }
  })
})
