/**
 * The instruments that shape the head for a resurfacing cap, open the canal for a stem, and the
 * shell's dome screw, as the scene builds them: each at its planned size within 0.1 mm where the
 * size is what it cuts or holds (the sleeve reamer's bore is the cap's inside, the chamfer cone is
 * the cap's chamfer, the impactor's cup the cap's bearing), posed on the cap's axis in a right
 * and a mirrored left hip, and given back when hidden.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { Group, Mesh, Vector3, type BufferGeometry, type Object3D } from 'three'
import type { InstrumentKind, InstrumentPose, Piece } from '../../src/domain/treatment/frame.ts'
import { TreatmentObjectSet } from '../../src/scene/treatment/treatmentObjectSet.ts'
import { liveModelKeys } from '../../src/scene/treatment/modelCache.ts'
import { SLEEVE_REAMER } from '../../src/scene/treatment/instruments/sleeveReamer.ts'
import { CHAMFER_REAMER } from '../../src/scene/treatment/instruments/chamferReamer.ts'
import { HEAD_CUTTER } from '../../src/scene/treatment/instruments/headCutter.ts'
import { PEG_DRILL } from '../../src/scene/treatment/instruments/pegDrill.ts'
import { HEAD_IMPACTOR } from '../../src/scene/treatment/instruments/headImpactor.ts'
import { BOX_CHISEL } from '../../src/scene/treatment/instruments/boxChisel.ts'
import { DOME_SCREW } from '../../src/scene/treatment/implants/domeScrew.ts'
import { CAP } from './support/implantSpecs.ts'

const sets: TreatmentObjectSet[] = []
afterEach(() => {
  for (const set of sets.splice(0)) set.dispose()
})

function pose(kind: InstrumentKind, diameter: number, patch: Partial<InstrumentPose> = {}): InstrumentPose {
  return { id: kind, kind, tip: [0, 0, 0], axis: [0, 1, 0], diameter, length: 150, spin: 0, open: 0, ...patch }
}

function drawn(instruments: InstrumentPose[], pieces: Piece[] = []): TreatmentObjectSet {
  const set = new TreatmentObjectSet()
  sets.push(set)
  set.sync(instruments, pieces)
  return set
}

/** Every vertex of a named part, in its object's model frame (tip at the origin, pointing +Y). */
function partPoints(set: TreatmentObjectSet, id: string, role: 'instrument' | 'piece', part: string): Vector3[] {
  const object = set.objectOf(role, id)!
  const mesh = object.getObjectByName(part) as Mesh
  object.updateWorldMatrix(true, true)
  const m = object.matrixWorld.clone().invert().multiply(mesh.matrixWorld)
  const position = (mesh.geometry as BufferGeometry).getAttribute('position')
  return Array.from({ length: position.count }, (_, v) => new Vector3().fromBufferAttribute(position, v).applyMatrix4(m))
}

const radial = (p: Vector3) => Math.hypot(p.x, p.z)
const ri = CAP.innerDiameter / 2

describe('resurfacing instruments at their planned sizes', () => {
  it('sleeve reamer: its bore is the cap’s inner size at the rim and all the way up, its teeth at the tip, deep enough for the head', () => {
    const set = drawn([pose('sleeve-reamer', CAP.innerDiameter)])
    const teeth = partPoints(set, 'sleeve-reamer', 'instrument', 'teeth')
    const sleeve = partPoints(set, 'sleeve-reamer', 'instrument', 'sleeve')
    expect(Math.abs(Math.min(...teeth.map(radial)) - ri)).toBeLessThan(0.1)
    expect(Math.max(...teeth.map((p) => p.y))).toBeCloseTo(0, 6)
    // The bore behind the teeth: nothing of the sleeve inside the cap's inner radius, save the back plate.
    const inBore = sleeve.filter((p) => radial(p) < ri - 0.1 && p.y > -SLEEVE_REAMER.depth + 1e-6)
    expect(inBore).toEqual([])
    // Deeper than the head it swallows: from the bony dome (2 mm above the cut) to the cap's rim.
    expect(SLEEVE_REAMER.depth).toBeGreaterThan(CAP.topY + 2 - CAP.rimY)
  })

  it('chamfer reamer: its mouth is the reamed cylinder, its cutting edges on the cap’s 45° chamfer, nothing cutting inside that cone', () => {
    const set = drawn([pose('chamfer-reamer', CAP.innerDiameter)])
    const bell = partPoints(set, 'chamfer-reamer', 'instrument', 'teeth')
    const slope = Math.tan((CHAMFER_REAMER.coneDeg * Math.PI) / 180)
    const cone = (y: number) => ri - -y / slope
    const mouth = bell.filter((p) => Math.abs(p.y) < 1e-6)
    expect(Math.abs(Math.min(...mouth.map(radial)) - ri)).toBeLessThan(0.1)
    let edges = 0
    for (const p of bell) {
      const r = radial(p)
      if (p.y > -1e-6 || r <= CHAMFER_REAMER.flatRadius + 1e-6) continue
      // No part of the bell stands inside the planned chamfer (it would cut more than the cap covers).
      expect(r).toBeGreaterThan(cone(p.y) - 0.1)
      if (Math.abs(r - cone(p.y)) < 0.05) edges++
    }
    expect(edges).toBeGreaterThan(10 * 64) // at least ten rings of edges round the cone
    expect(CHAMFER_REAMER.coneDeg).toBe(45)
  })

  it('head cutter: the blades’ edges lie in the tip’s plane and span the disc', () => {
    const set = drawn([pose('head-cutter', 50)])
    const blades = partPoints(set, 'head-cutter', 'instrument', 'teeth')
    expect(Math.max(...blades.map((p) => p.y))).toBeCloseTo(0, 6)
    expect(Math.min(...blades.map((p) => p.y))).toBeCloseTo(-HEAD_CUTTER.bladeHeight, 6)
    expect(Math.abs(Math.max(...blades.map(radial)) - 25)).toBeLessThan(0.2) // a blade's corner is a hair past the rim
    const disc = partPoints(set, 'head-cutter', 'instrument', 'blade')
    expect(Math.abs(Math.max(...disc.map(radial)) - 25)).toBeLessThan(0.1)
    expect(Math.max(...disc.map((p) => p.y))).toBeCloseTo(-HEAD_CUTTER.bladeHeight, 6)
  })

  it('peg drill: the pilot is the peg’s diameter and length, the shoulder wider behind it', () => {
    const set = drawn([pose('peg-drill', 2 * CAP.peg.radius)])
    const pilot = partPoints(set, 'peg-drill', 'instrument', 'tip')
    expect(Math.abs(Math.max(...pilot.map(radial)) - CAP.peg.radius)).toBeLessThan(0.1)
    expect(Math.min(...pilot.map((p) => p.y))).toBeCloseTo(-PEG_DRILL.pilotLength, 6)
    expect(PEG_DRILL.pilotLength).toBeCloseTo(CAP.topY - CAP.peg.tipY, 6)
    const shoulder = partPoints(set, 'peg-drill', 'instrument', 'shoulder')
    expect(Math.max(...shoulder.map(radial))).toBeCloseTo(CAP.peg.radius + PEG_DRILL.shoulder / 2, 6)
    expect(Math.max(...shoulder.map((p) => p.y))).toBeCloseTo(-PEG_DRILL.pilotLength, 6)
  })

  it('head impactor: its cup’s inside is the cap’s bearing sphere about the tip', () => {
    const set = drawn([pose('head-impactor', CAP.outerDiameter)])
    const cup = partPoints(set, 'head-impactor', 'instrument', 'cup')
    const d = cup.map((p) => p.length())
    expect(Math.abs(Math.min(...d) - CAP.outerDiameter / 2)).toBeLessThan(0.1)
    expect(Math.abs(Math.max(...d) - (CAP.outerDiameter / 2 + HEAD_IMPACTOR.wall))).toBeLessThan(0.1)
    expect(Math.max(...cup.map((p) => p.y))).toBeLessThan(1e-6)
  })
})

describe('canal-opening instruments and the dome screw', () => {
  it('box chisel: a box of its width and 0.6 of it deep, its edge at the tip', () => {
    const set = drawn([pose('box-chisel', 14)])
    const box = partPoints(set, 'box-chisel', 'instrument', 'blade')
    const span = (f: (p: Vector3) => number) => Math.max(...box.map(f)) - Math.min(...box.map(f))
    expect(Math.abs(span((p) => p.x) - 14)).toBeLessThan(0.1)
    expect(Math.abs(span((p) => p.z) - 14 * BOX_CHISEL.depthRatio)).toBeLessThan(0.1)
    expect(Math.max(...box.map((p) => p.y))).toBeCloseTo(0, 6)
    // Hollow: nothing near the axis.
    expect(Math.min(...box.map(radial))).toBeGreaterThan(14 * BOX_CHISEL.depthRatio * 0.5 - BOX_CHISEL.wall - 0.1)
  })

  it('dome screw: 6.5-mm thread, tip at `to`, head beyond its length toward `from`', () => {
    const set = drawn([], [{ id: 'screw', kind: 'dome-screw', from: [0, -40, 0], to: [0, 0, 0], radius: 3.25, fill: 1, implant: { kind: 'screw', diameter: 6.5, length: 30 } }])
    const screw = partPoints(set, 'screw', 'piece', 'screw')
    const shank = screw.filter((p) => p.y > -30 + 1e-6)
    expect(Math.abs(Math.max(...shank.map(radial)) - 3.25)).toBeLessThan(0.1)
    expect(Math.max(...screw.map((p) => p.y))).toBeCloseTo(0, 6)
    expect(Math.min(...screw.map((p) => p.y))).toBeCloseTo(-30 - DOME_SCREW.headHeight, 6)
    expect(Math.max(...screw.map(radial))).toBeCloseTo(DOME_SCREW.headDiameter / 2, 6)
  })
})

describe('posed on the cap’s axis', () => {
  // A cap axis in the model frame (up and in along a 130° neck, a little anteverted) and its centre.
  const axis = new Vector3(0.64, 0.75, 0.17).normalize()
  const centre = new Vector3(0, 0, 0)

  it.each([false, true])('the sleeve reamer’s bore runs along the cap’s axis, rim at its tip (mirrored left hip: %s)', (mirrored) => {
    const hip = new Group()
    if (mirrored) hip.scale.set(-1, 1, 1)
    const down = axis.clone().negate()
    const tip = centre.clone().addScaledVector(axis, CAP.rimY)
    const set = drawn([pose('sleeve-reamer', CAP.innerDiameter, { tip: [tip.x, tip.y, tip.z], axis: [down.x, down.y, down.z] })])
    hip.add(set.root)
    hip.updateWorldMatrix(true, true)
    const tool = set.objectOf('instrument', 'sleeve-reamer')!
    const m = (v: Vector3) => (mirrored ? new Vector3(-v.x, v.y, v.z) : v.clone())
    expect(tool.localToWorld(new Vector3()).distanceTo(m(tip))).toBeLessThan(1e-6)
    // Every tooth point is at the cap's inner radius or beyond from the (mirrored) cap axis.
    const a = m(axis).normalize()
    const c = m(centre)
    const mesh = tool.getObjectByName('teeth') as Mesh
    const position = (mesh.geometry as BufferGeometry).getAttribute('position')
    let least = Infinity
    for (let v = 0; v < position.count; v++) {
      const p = new Vector3().fromBufferAttribute(position, v).applyMatrix4(mesh.matrixWorld).sub(c)
      least = Math.min(least, p.clone().addScaledVector(a, -p.dot(a)).length())
    }
    expect(Math.abs(least - ri)).toBeLessThan(0.1)
  })

  it('hiding every resurfacing tool gives back every model', () => {
    const set = drawn(
      (['sleeve-reamer', 'head-cutter', 'chamfer-reamer', 'peg-drill', 'head-impactor', 'box-chisel', 'canal-finder'] as const).map((k) => pose(k, k === 'peg-drill' ? 6 : 44)),
      [{ id: 'screw', kind: 'dome-screw', from: [0, -40, 0], to: [0, 0, 0], radius: 3.25, fill: 1, implant: { kind: 'screw', diameter: 6.5, length: 30 } }],
    )
    expect(liveModelKeys()).toHaveLength(8)
    const geometries = new Set<BufferGeometry>()
    set.root.traverse((o: Object3D) => {
      if (o instanceof Mesh) geometries.add(o.geometry as BufferGeometry)
    })
    const disposed = new Set<BufferGeometry>()
    for (const g of geometries) g.addEventListener('dispose', () => disposed.add(g))
    set.sync([], [])
    expect(liveModelKeys()).toEqual([])
    expect(disposed).toEqual(geometries)
  })
})
