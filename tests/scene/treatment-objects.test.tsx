import { afterEach, describe, expect, it, vi } from 'vitest'
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { Box3, DoubleSide, Group, Matrix4, Mesh, Plane, Vector3, type BufferGeometry, type Material, type Object3D } from 'three'
import { UNCUT_PLANE } from '../../src/scene/treatment/pieceCutLook.ts'
import { buildMarrowCavity, MARROW_IN_CAVITY } from '../../src/scene/treatment/pieces/marrowCells.ts'
import { radialSolidOf } from '../../src/domain/treatment/radialSolid.ts'
import { INSTRUMENT_KINDS, PIECE_KINDS, type InstrumentKind, type InstrumentPose, type Piece, type PieceKind, type Vec3 } from '../../src/domain/treatment/frame.ts'
import { TreatmentObjectSet, treatmentObjectOf } from '../../src/scene/treatment/treatmentObjectSet.ts'
import { TreatmentObjects } from '../../src/scene/treatment/TreatmentObjects.tsx'
import { buildModelsAhead, holdModels, keptModelKeys, liveModelKeys } from '../../src/scene/treatment/modelCache.ts'
import { instrumentRecipe, pieceRecipe, type ModelRecipe } from '../../src/scene/treatment/builders.ts'
import { reamerReach } from '../../src/scene/treatment/instruments/expandableReamer.ts'
import { OBJECT_NAMES } from '../../src/domain/treatment/objectNames.ts'
import { IMPLANT_KINDS } from '../../src/domain/treatment/frame.ts'
import { IMPLANT_SPECS, STEM } from './support/implantSpecs.ts'
import { SLEEVE_REAMER } from '../../src/scene/treatment/instruments/sleeveReamer.ts'
import { CHAMFER_REAMER } from '../../src/scene/treatment/instruments/chamferReamer.ts'
import { HEAD_IMPACTOR } from '../../src/scene/treatment/instruments/headImpactor.ts'
import { stemGeometry } from '../../src/domain/treatment/replacement/stemDesign.ts'

/** Working diameters as the plan gives them (clinical.md §6.1–6.3); the curette's cup, the saw's width. */
const DIAMETER: Record<InstrumentKind, number> = {
  'guide-wire': 3.2,
  trephine: 10,
  'steinmann-pin': 3.2,
  'expandable-reamer': 8,
  curette: 7,
  'graft-impactor': 9,
  'aspiration-needle': 3,
  'oscillating-saw': 18,
  'marrow-syringe': 22,
  'acetabular-reamer': 55,
  // A broach's shape is its stem size (tests/scene/implants.test.tsx measures it).
  broach: 0,
  // The trial head's diameter (its neck and the broach under it are the stem size's).
  'trial-head': 36,
  'cup-impactor': 12,
  // Resurfacing (the cap of tests/scene/support/implantSpecs.ts: a 44-mm reamed head, 6-mm peg).
  'sleeve-reamer': 44,
  'head-cutter': 50,
  'chamfer-reamer': 44,
  'peg-drill': 6,
  'head-impactor': 50,
  'box-chisel': 14,
  'canal-finder': 9,
}

/**
 * Tools whose planned diameter is what they leave or hold (a reamer's bore, the impactor's cup):
 * their outside is a wall wider on each side.
 */
const WALL: Partial<Record<InstrumentKind, number>> = { 'sleeve-reamer': SLEEVE_REAMER.wall, 'chamfer-reamer': CHAMFER_REAMER.wall, 'head-impactor': HEAD_IMPACTOR.wall }

function pose(kind: InstrumentKind, patch: Partial<InstrumentPose> = {}): InstrumentPose {
  return { id: kind, kind, tip: [0, 0, 0], axis: [0, 1, 0], diameter: DIAMETER[kind], length: 160, spin: 0, open: 0, ...(kind === 'broach' ? { broach: STEM } : {}), ...(kind === 'trial-head' ? { broach: STEM, trial: { headDiameter: 36, neckLength: 3.5 } } : {}), ...patch }
}

function piece(kind: PieceKind, patch: Partial<Piece> = {}): Piece {
  const implant = (IMPLANT_KINDS as readonly PieceKind[]).includes(kind) ? { implant: IMPLANT_SPECS[kind as keyof typeof IMPLANT_SPECS] } : {}
  return { id: kind, kind, from: [0, -60, 0], to: [0, 0, 0], radius: 5, fill: 1, ...implant, ...patch }
}

const sets: TreatmentObjectSet[] = []
function newSet(): TreatmentObjectSet {
  const set = new TreatmentObjectSet()
  sets.push(set)
  return set
}

afterEach(() => {
  for (const set of sets.splice(0)) set.dispose()
})

/** Every vertex a mesh draws (within its draw range: the chips a graft's fill shows) in the frame of `frame`. */
function eachPoint(mesh: Mesh, frame: Object3D, visit: (p: Vector3) => void): void {
  frame.updateWorldMatrix(true, true)
  const toFrame = new Matrix4().copy(frame.matrixWorld).invert().multiply(mesh.matrixWorld)
  const geometry = mesh.geometry as BufferGeometry
  const position = geometry.getAttribute('position')
  const end = Math.min(position.count, geometry.drawRange.start + geometry.drawRange.count)
  const p = new Vector3()
  for (let v = geometry.drawRange.start; v < end; v++) visit(p.fromBufferAttribute(position, v).applyMatrix4(toFrame))
}

/** The box of an object's meshes, in its own model frame (tip at the origin, pointing +Y). */
function localBox(object: Object3D, which: (mesh: Mesh) => boolean): Box3 {
  const box = new Box3()
  object.traverse((o) => {
    if (o instanceof Mesh && o.visible && which(o)) eachPoint(o, object, (p) => box.expandByPoint(p))
  })
  return box
}

const WORKING = new Set(['tip', 'teeth', 'shaft', 'blade', 'cup', 'bone', 'cells', 'chips', 'canal'])
const working = (mesh: Mesh) => WORKING.has(mesh.name)

describe('instruments', () => {
  it.each(INSTRUMENT_KINDS.filter((k) => k !== 'broach' && k !== 'trial-head'))('%s: the working part is as wide as its diameter and as long as its length, the tip at the origin', (kind) => {
    const set = newSet()
    set.sync([pose(kind, { length: 137 })], [])
    const box = localBox(set.objectOf('instrument', kind)!, working)
    const size = box.getSize(new Vector3())
    expect(Math.max(size.x, size.z)).toBeCloseTo(DIAMETER[kind] + 2 * (WALL[kind] ?? 0), 1)
    expect(size.y).toBeCloseTo(137, 1)
    expect(box.max.y).toBeCloseTo(0, 1)
    expect(Math.abs(box.max.y)).toBeLessThanOrEqual(0.1)
    // Handles and chucks sit behind the shaft, never in front of the tip.
    expect(localBox(set.objectOf('instrument', kind)!, () => true).max.y).toBeLessThanOrEqual(0.1)
  })

  it('the trial head: the broach of the stem’s size with a ball of the planned diameter where the stem’s head will be, for its neck length', () => {
    const set = newSet()
    set.sync([pose('trial-head')], [])
    const trial = set.objectOf('instrument', 'trial-head')!
    const ball = localBox(trial, (mesh) => mesh.name === 'trial head')
    expect(ball.getSize(new Vector3()).x).toBeCloseTo(36, 0)
    // The stem frame (x medial, t up the stem) → the tool's frame (tip at the origin, +Y toward the tip): (x, −t, −z).
    const g = stemGeometry(STEM)
    const [nx, nt] = g.neckDirection
    const along = g.headCentreAt + 3.5
    const centre = ball.getCenter(new Vector3())
    expect(centre.distanceTo(new Vector3(nx * along, -(g.neckOriginT + nt * along), 0))).toBeLessThan(0.5)
    // The broach's toothed body is there too, as long as the stem.
    const body = localBox(trial, (mesh) => mesh.name === 'teeth').getSize(new Vector3())
    expect(body.y).toBeCloseTo(g.length, 0)
  })

  it('the reamer\'s blades open wider with `open`, flush at 0, as far as reamerReach says', () => {
    const set = newSet()
    const widths = [0, 0.25, 0.5, 1].map((open) => {
      set.sync([pose('expandable-reamer', { open })], [])
      const size = localBox(set.objectOf('instrument', 'expandable-reamer')!, working).getSize(new Vector3())
      expect(size.x).toBeCloseTo(reamerReach(DIAMETER['expandable-reamer'], open), 1)
      return size.x
    })
    expect(widths[0]).toBeCloseTo(DIAMETER['expandable-reamer'], 1)
    for (let i = 1; i < widths.length; i++) expect(widths[i]!).toBeGreaterThan(widths[i - 1]! + 1)
  })

  const POSES: { tip: Vec3; axis: Vec3; spin: number }[] = [
    { tip: [12, -40, 8], axis: [0.8, 0.6, 0], spin: 0 },
    { tip: [-5, 3, 20], axis: [1, 2, 2], spin: 1.3 },
    { tip: [0, 10, 0], axis: [0, -1, 0], spin: -2 },
    { tip: [30, -55, -12], axis: [-0.2, 0.5, 0.84], spin: 4 },
  ]

  it.each([false, true])('puts the tip on `tip` and the tool along `axis` (mirrored left hip: %s)', (mirrored) => {
    const set = newSet()
    const hip = new Group()
    if (mirrored) hip.scale.set(-1, 1, 1)
    hip.add(set.root)
    const mirror = (v: Vec3): Vector3 => new Vector3(mirrored ? -v[0] : v[0], v[1], v[2])
    for (const p of POSES) {
      set.sync([pose('trephine', p)], [])
      const tool = set.objectOf('instrument', 'trephine')!
      hip.updateWorldMatrix(true, true)
      const tip = tool.localToWorld(new Vector3(0, 0, 0))
      const back = tool.localToWorld(new Vector3(0, -100, 0))
      const axis = tip.clone().sub(back).normalize()
      expect(tip.distanceTo(mirror(p.tip))).toBeLessThan(1e-6)
      expect(axis.distanceTo(mirror(p.axis).normalize())).toBeLessThan(1e-6)
    }
  })

  it('turns the tool about its axis by `spin` (a tooth moves round, the axis stays)', () => {
    const set = newSet()
    set.sync([pose('trephine', { spin: 0 })], [])
    const tool = set.objectOf('instrument', 'trephine')!
    tool.updateWorldMatrix(true, true)
    const before = tool.localToWorld(new Vector3(5, 0, 0))
    set.sync([pose('trephine', { spin: Math.PI / 2 })], [])
    tool.updateWorldMatrix(true, true)
    const after = tool.localToWorld(new Vector3(5, 0, 0))
    // A right-handed quarter turn about +Y takes +X to −Z.
    expect(before.distanceTo(new Vector3(5, 0, 0))).toBeLessThan(1e-6)
    expect(after.distanceTo(new Vector3(0, 0, -5))).toBeLessThan(1e-6)
  })
})

describe('pieces', () => {
  it('a bone core is as wide as its tunnel and as long as from→to, its deep end at `to`, cortex at the entry and dead bone deep', () => {
    const set = newSet()
    set.sync([], [piece('bone-core', { from: [10, -50, 0], to: [10, 0, 0], radius: 4.5 })])
    const core = set.objectOf('piece', 'bone-core')!
    const box = localBox(core, working)
    const size = box.getSize(new Vector3())
    expect(Math.max(size.x, size.z)).toBeCloseTo(9, 1)
    expect(size.y).toBeCloseTo(50, 1)
    expect(box.max.y).toBeCloseTo(0, 1)
    const mesh = core.getObjectByName('bone') as Mesh
    const names = (mesh.material as { name: string }[]).map((m) => m.name)
    expect(names).toEqual(['treatment:cortex:cut', 'treatment:cancellous:cut', 'treatment:dead:cut'])
  })

  it('the fibula is a tube of its width and length, with its canal, an artery and two veins along it to its entry end, on its `across` side', () => {
    const set = newSet()
    set.sync([], [piece('fibula-graft', { from: [0, -70, 0], to: [0, 0, 0], radius: 7, across: [0, 0, 1] })])
    const fibula = set.objectOf('piece', 'fibula-graft')!
    const size = localBox(fibula, (m) => m.name === 'bone').getSize(new Vector3())
    expect(Math.max(size.x, size.z)).toBeCloseTo(14, 1)
    expect(size.y).toBeCloseTo(70, 1)
    const vessels = localBox(fibula, (m) => m.name === 'artery' || m.name === 'veins')
    // The vessels end at the bone's entry end, where the pedicle piece takes them on.
    expect(vessels.min.y).toBeCloseTo(-70, 1)
    const artery = new Box3().setFromObject(fibula.getObjectByName('artery')!)
    expect(artery.getCenter(new Vector3()).z).toBeGreaterThan(7) // on the `across` (+Z) side
    expect(((fibula.getObjectByName('artery') as Mesh).material as { name: string }).name).toBe('treatment:artery:cut')
    expect(((fibula.getObjectByName('veins') as Mesh).material as { name: string }).name).toBe('treatment:vein:cut')
  })

  it('marrow cells and graft chips fill the tunnel from its deep end as `fill` grows', () => {
    const set = newSet()
    const shown = (kind: PieceKind, fill: number) => {
      set.sync([], [piece(kind, { fill, radius: 5 })])
      const box = localBox(set.objectOf('piece', kind)!, working)
      return box.isEmpty() ? null : box
    }
    for (const kind of ['marrow-cells', 'cancellous-graft'] as const) {
      expect(shown(kind, 0)).toBeNull()
      const half = shown(kind, 0.5)!
      expect(half.max.y).toBeCloseTo(0, 0) // the deep end is filled first
      expect(half.min.y).toBeGreaterThanOrEqual(-30 - 0.1)
      expect(half.min.y).toBeLessThan(-25)
      const full = shown(kind, 1)!
      expect(full.min.y).toBeCloseTo(-60, 0)
      expect(full.min.y).toBeGreaterThanOrEqual(-60 - 0.1)
      const size = full.getSize(new Vector3())
      expect(Math.max(size.x, size.z)).toBeLessThanOrEqual(10 + 0.1)
      expect(Math.max(size.x, size.z)).toBeGreaterThan(kind === 'marrow-cells' ? 9.9 : 7)
    }
  })

  it('a graft drawn twice (the view and a picture) shares its model’s baked chips, each drawn at its own fill', () => {
    // Baking the chips per drawn object stopped the frame that first drew a fibula's graft for
    // 24 ms; they are baked once, with the model, which is made ahead of its step.
    const view = newSet()
    const picture = newSet()
    const graft = (fill: number) => piece('cancellous-graft', { fill, radius: 5 })
    view.sync([], [graft(1)])
    picture.sync([], [graft(0.5)])
    const chipsOf = (set: TreatmentObjectSet) => set.objectOf('piece', 'cancellous-graft')!.getObjectByName('chips') as Mesh
    expect(chipsOf(view).geometry).toBe(chipsOf(picture).geometry)
    const drawn = (mesh: Mesh) => {
      mesh.onBeforeRender(undefined as never, undefined as never, undefined as never, mesh.geometry, undefined as never, undefined as never)
      return mesh.geometry.drawRange.count
    }
    const all = drawn(chipsOf(view))
    const half = drawn(chipsOf(picture))
    expect(all).toBe(chipsOf(view).geometry.getAttribute('position').count)
    expect(half).toBeGreaterThan(0)
    expect(half).toBeLessThan(all * 0.7)
    expect(drawn(chipsOf(view))).toBe(all)
    view.dispose()
    picture.dispose()
  })

  it('a bone window is a plate of its half-sizes and thickness, its first side along `across`', () => {
    const set = newSet()
    const across: Vec3 = [0, 0, 1]
    set.sync([], [piece('bone-window', { from: [0, 3, 0], to: [0, 0, 0], halfSizes: [8, 5], across })])
    const plate = set.objectOf('piece', 'bone-window')!
    const size = localBox(plate, working).getSize(new Vector3())
    expect([size.x, size.y, size.z].map((v) => Math.round(v * 100) / 100)).toEqual([16, 3, 10])
    // In the hip's frame, the 16 mm side runs along `across`.
    plate.updateWorldMatrix(true, true)
    const world = new Box3().setFromObject(plate, true).getSize(new Vector3())
    expect(world.z).toBeCloseTo(16, 3)
    expect(world.x).toBeCloseTo(10, 3)
  })

  it.each([
    [6, 4, 9],
    [11, 3.5, 6],
  ] as const)('graft packed into a scraped-out cavity of half-axes %d, %d, %d mm lies inside it, and fills most of it', (rx, rz, ry) => {
    const set = newSet()
    // Half-axes rx (X), rz (Z) and ry (along from→to), centred ry below `to`.
    const axes: readonly [Vec3, Vec3, Vec3] = [[1, 0, 0], [0, 0, -1], [0, 1, 0]]
    set.sync([], [piece('cancellous-graft', { from: [0, -2 * ry, 0], to: [0, 0, 0], radius: Math.max(rx, ry, rz), across: [1, 0, 0], ellipsoid: { axes, radii: [rx, rz, ry] } })])
    const graft = set.objectOf('piece', 'cancellous-graft')!
    const chips = graft.children.find((m) => (m as Mesh).isMesh) as Mesh
    let worst = 0
    const box = new Box3()
    eachPoint(chips, graft, (p) => {
      worst = Math.max(worst, (p.x / rx) ** 2 + ((p.y + ry) / ry) ** 2 + (p.z / rz) ** 2)
      box.expandByPoint(p)
    })
    expect(worst).toBeLessThanOrEqual(1)
    const size = box.getSize(new Vector3())
    expect(size.x).toBeGreaterThan(0.7 * 2 * rx)
    expect(size.y).toBeGreaterThan(0.7 * 2 * ry)
    expect(size.z).toBeGreaterThan(0.5 * 2 * rz)
  })

  it('a bone window cut from a curved neck is curved like it: its outer face on the bone surface, its sides not standing proud', () => {
    const set = newSet()
    // A 15-mm-wide lid from a neck of 15 mm radius, 3 mm thick: the neck axis 15 mm in from its outer face.
    set.sync([], [piece('bone-window', { from: [0, 3, 0], to: [0, 0, 0], halfSizes: [10, 7.5], across: [0, 0, 1], bend: 15 })])
    const plate = set.objectOf('piece', 'bone-window')!
    const outer = plate.children.find((m) => m.name === 'bone') as Mesh
    let far = 0
    let near = Infinity
    // The neck's axis runs along the lid's first side (local X) at y = 15 − 3 in its model frame.
    eachPoint(outer, plate, (p) => {
      const r = Math.hypot(p.y - 12, p.z)
      far = Math.max(far, r)
      near = Math.min(near, r)
    })
    expect(far).toBeCloseTo(15, 3)
    expect(near).toBeCloseTo(12, 3)
    const inner = plate.children.find((m) => m.name === 'bone-inner') as Mesh
    eachPoint(inner, plate, (p) => expect(Math.hypot(p.y - 12, p.z)).toBeCloseTo(12, 3))
  })

  it('a cortical strut is as thick as its radius and as long as from→to', () => {
    const set = newSet()
    set.sync([], [piece('cortical-strut', { radius: 4, from: [0, -45, 0] })])
    const strut = set.objectOf('piece', 'cortical-strut')!
    let reach = 0
    strut.traverse((o) => {
      if (o instanceof Mesh) eachPoint(o, strut, (p) => (reach = Math.max(reach, Math.hypot(p.x, p.z))))
    })
    expect(reach).toBeCloseTo(4, 1)
    expect(localBox(strut, working).getSize(new Vector3()).y).toBeCloseTo(45, 1)
  })
})

describe('sharing and disposal', () => {
  const everything = (): [InstrumentPose[], Piece[]] => [
    INSTRUMENT_KINDS.map((kind) => pose(kind)),
    // Every piece the set builds (the resected head is the model's own bone: ../../src/scene/treatment/removedBone.ts).
    PIECE_KINDS.filter((kind) => kind !== 'removed-head').map((kind) => piece(kind, kind === 'bone-window' ? { from: [0, -3, 0], halfSizes: [8, 5], across: [1, 0, 0] } : {})),
  ]

  function geometriesOf(set: TreatmentObjectSet): Set<BufferGeometry> {
    const found = new Set<BufferGeometry>()
    set.root.traverse((o) => {
      if (o instanceof Mesh) found.add(o.geometry as BufferGeometry)
    })
    return found
  }

  it('objects of one kind and size share their geometry; a new size builds its own', () => {
    const set = newSet()
    set.sync([pose('guide-wire', { id: 'a' }), pose('guide-wire', { id: 'b', tip: [20, 0, 0] }), pose('guide-wire', { id: 'c', diameter: 2.8 })], [])
    const shaft = (id: string) => (set.objectOf('instrument', id)!.getObjectByName('shaft') as Mesh).geometry
    expect(shaft('a')).toBe(shaft('b'))
    expect(shaft('c')).not.toBe(shaft('a'))
  })

  it('moving, spinning, opening and filling keep the same meshes and geometry (no rebuild per frame)', () => {
    const set = newSet()
    const [instruments, pieces] = everything()
    set.sync(instruments, pieces)
    const meshes = new Set<Object3D>()
    set.root.traverse((o) => meshes.add(o))
    const geometries = geometriesOf(set)
    for (let frame = 1; frame <= 5; frame++) {
      set.sync(
        instruments.map((p) => ({ ...p, tip: [frame, -frame, frame * 2] as Vec3, spin: frame, open: frame / 5, length: 160 + frame })),
        pieces.map((p) => ({ ...p, fill: frame / 5, from: [p.from[0] + frame, p.from[1], p.from[2]] as Vec3, to: [p.to[0] + frame, p.to[1], p.to[2]] as Vec3 })),
      )
      const now = new Set<Object3D>()
      set.root.traverse((o) => now.add(o))
      expect(now).toEqual(meshes)
      expect(geometriesOf(set)).toEqual(geometries)
    }
  })

  it('showing and hiding every instrument and piece twice leaves no model and disposes every geometry it built', () => {
    const set = newSet()
    const [instruments, pieces] = everything()
    const built = new Set<BufferGeometry>()
    const disposed = new Set<BufferGeometry>()
    for (let round = 0; round < 2; round++) {
      set.sync(instruments, pieces)
      for (const g of geometriesOf(set)) {
        if (!built.has(g)) g.addEventListener('dispose', () => disposed.add(g))
        built.add(g)
      }
      expect(liveModelKeys().length).toBeGreaterThan(0)
      set.sync([], [])
      expect(set.root.children.filter((c) => c !== set.femurRoot)).toHaveLength(0)
      expect(set.femurRoot.children).toHaveLength(0)
      expect(liveModelKeys()).toEqual([])
    }
    expect(disposed).toEqual(built)
  })

  it('while models are held (a treatment open), a tool that comes back takes its kept model, built once; the hold’s end disposes it', () => {
    const set = newSet()
    const release = holdModels()
    try {
      // A reamer's pass, gone, then the step played again.
      set.sync([pose('acetabular-reamer')], [])
      const teeth = (set.objectOf('instrument', 'acetabular-reamer')!.getObjectByName('teeth') as Mesh).geometry as BufferGeometry
      let disposed = false
      teeth.addEventListener('dispose', () => (disposed = true))
      set.sync([], [])
      expect(liveModelKeys()).toEqual([])
      expect(keptModelKeys()).toHaveLength(1)
      expect(disposed).toBe(false)
      set.sync([pose('acetabular-reamer')], [])
      expect((set.objectOf('instrument', 'acetabular-reamer')!.getObjectByName('teeth') as Mesh).geometry).toBe(teeth)
      expect(keptModelKeys()).toEqual([])
      set.sync([], [])
      release()
      expect(keptModelKeys()).toEqual([])
      expect(disposed).toBe(true)
    } finally {
      release()
    }
  })
})

describe('frames only when something moves', () => {
  it('equal poses in new arrays change nothing (a re-rendering parent keeps an idle view idle); a moved one does', () => {
    const set = newSet()
    const frame = () => [[pose('guide-wire', { tip: [1, 2, 3] })], [piece('marrow-cells', { fill: 0.5 })]] as const
    expect(set.sync(...frame())).toBe(true)
    expect(set.sync(...frame())).toBe(false)
    expect(set.sync([pose('guide-wire', { tip: [1, 2, 4] })], frame()[1])).toBe(true)
    expect(set.sync([pose('guide-wire', { tip: [1, 2, 4] })], [piece('marrow-cells', { fill: 0.6 })])).toBe(true)
    expect(set.sync([], [piece('marrow-cells', { fill: 0.6 })])).toBe(true)
  })
})

describe('marrow cells in a reamed cavity', () => {
  it('take the cavity\'s shape a little inside its wall, grown about its centre by fill', () => {
    const reachOf = (x: number, d: number) => 6 + 2 * Math.abs(x / d)
    const solid = radialSolidOf([0, 0, 0], [[1, 0, 0], [0, 1, 0], [0, 0, 1]], (q) => Math.hypot(...q) < reachOf(q[0], Math.hypot(...q) || 1), { rings: 12, segments: 24, maxReachMm: 20, stepMm: 0.5 })
    const model = buildMarrowCavity(solid)
    const part = model.parts[0]!
    const mesh = new Mesh(part.geometry)
    const p = new Vector3()
    const position = part.geometry.getAttribute('position')
    let worst = 0
    for (let i = 0; i < position.count; i++) {
      p.fromBufferAttribute(position, i)
      const d = p.length()
      worst = Math.max(worst, d / reachOf(p.x, d))
    }
    expect(worst).toBeLessThanOrEqual(MARROW_IN_CAVITY + 1e-3)
    expect(worst).toBeGreaterThan(MARROW_IN_CAVITY - 0.02)
    part.place!(mesh, { length: 1, open: 0, fill: 0.5, radius: 1, halfSizes: [0, 0] })
    expect(mesh.visible).toBe(true)
    expect(mesh.scale.x).toBeCloseTo(0.5)
    part.place!(mesh, { length: 1, open: 0, fill: 0, radius: 1, halfSizes: [0, 0] })
    expect(mesh.visible).toBe(false)
  })
})

describe('the cross-section cuts the tissue pieces that lie in the bone', () => {
  const meshesOf = (object: Object3D | undefined): Mesh[] => {
    const out: Mesh[] = []
    object?.traverse((o) => {
      if ((o as Mesh).isMesh) out.push(o as Mesh)
    })
    return out
  }
  const planesOf = (mesh: Mesh) => (Array.isArray(mesh.material) ? mesh.material : [mesh.material]).map((m) => m.clippingPlanes?.[0] ?? null)

  it('graft, fibula and vessels in the bone are clipped by the hip\'s plane and draw their cut faces; tools, implants and what is set aside are not cut', () => {
    const set = newSet()
    const plane = new Plane(new Vector3(0, 0, 1), 0)
    set.setSectionPlane(plane)
    const inBone = [piece('fibula-graft', { across: [1, 0, 0] }), piece('cancellous-graft'), piece('marrow-cells'), piece('cortical-strut')]
    set.sync([pose('guide-wire')], [...inBone, piece('bone-core', { setAside: true }), piece('femoral-stem')])
    for (const p of inBone) {
      for (const mesh of meshesOf(set.objectOf('piece', p.id))) {
        expect(planesOf(mesh), `${p.kind} ${mesh.name}`).toEqual(planesOf(mesh).map(() => plane))
        expect((mesh.material as Material).side, `${p.kind} ${mesh.name}`).toBe(DoubleSide)
      }
    }
    // The core on its tray: the same look (one program), clipped by a plane that cuts nothing.
    for (const mesh of meshesOf(set.objectOf('piece', 'bone-core'))) expect(planesOf(mesh)).toEqual(planesOf(mesh).map(() => UNCUT_PLANE))
    for (const mesh of [...meshesOf(set.objectOf('instrument', 'guide-wire')), ...meshesOf(set.objectOf('piece', 'femoral-stem'))]) {
      expect(planesOf(mesh).every((p) => p === null), mesh.name).toBe(true)
    }
  })

  it('a piece taken from the tray into the bone, and a new plane (the model loaded again), change its looks in place', () => {
    const set = newSet()
    const first = new Plane(new Vector3(0, 0, 1), 0)
    set.setSectionPlane(first)
    set.sync([], [piece('fibula-graft', { across: [1, 0, 0], setAside: true })])
    const bone = () => meshesOf(set.objectOf('piece', 'fibula-graft')).find((m) => m.name === 'bone')!
    const mesh = bone()
    expect(planesOf(mesh)).toEqual([UNCUT_PLANE])
    expect(set.sync([], [piece('fibula-graft', { across: [1, 0, 0] })])).toBe(true)
    expect(bone()).toBe(mesh)
    expect(planesOf(mesh)).toEqual([first])
    const second = new Plane(new Vector3(1, 0, 0), 0)
    expect(set.setSectionPlane(second)).toBe(true)
    expect(planesOf(mesh)).toEqual([second])
    expect(set.setSectionPlane(second)).toBe(false)
  })
})

describe('<TreatmentObjects>', () => {
  it('draws the frame, moves objects in place when poses change, and gives every model back on unmount', async () => {
    const wire = pose('guide-wire', { tip: [1, 2, 3] })
    const core = piece('bone-core')
    const renderer = await ReactThreeTestRenderer.create(<TreatmentObjects instruments={[wire]} pieces={[core]} />)
    const root = renderer.scene.children[0]!.instance as Group
    const drawn = root.getObjectByName('guide-wire')!
    expect(drawn.position.toArray()).toEqual([1, 2, 3])
    await renderer.update(<TreatmentObjects instruments={[{ ...wire, tip: [4, 5, 6] }]} pieces={[core]} />)
    expect(root.getObjectByName('guide-wire')).toBe(drawn)
    expect(drawn.position.toArray()).toEqual([4, 5, 6])
    expect(liveModelKeys()).toHaveLength(2)
    await renderer.unmount()
    expect(liveModelKeys()).toEqual([])
  })
})

describe('picking', () => {
  it('any mesh of a drawn object names its kind and id; other objects name nothing', () => {
    const set = newSet()
    set.sync([pose('trephine', { id: 'core-drill' })], [piece('fibula-graft', { id: 'graft' })])
    const teeth = set.objectOf('instrument', 'core-drill')!.getObjectByName('teeth')!
    const vein = set.objectOf('piece', 'graft')!.getObjectByName('veins')!
    expect(treatmentObjectOf(teeth)).toEqual({ id: 'core-drill', kind: 'trephine', role: 'instrument' })
    expect(treatmentObjectOf(vein)).toEqual({ id: 'graft', kind: 'fibula-graft', role: 'piece' })
    expect(treatmentObjectOf(new Mesh())).toBeNull()
  })
})

describe('names', () => {
  it('every instrument and piece has a plain and a clinical name, each distinct', () => {
    const kinds = [...INSTRUMENT_KINDS, ...PIECE_KINDS]
    const patient = kinds.map((k) => OBJECT_NAMES[k].patient)
    const clinical = kinds.map((k) => OBJECT_NAMES[k].clinical)
    expect(new Set(patient).size).toBe(kinds.length)
    expect(new Set(clinical).size).toBe(kinds.length)
    expect(OBJECT_NAMES.trephine.patient).toBe('Hollow drill')
  })

  it('models built ahead (the next step’s tools) are built one per quiet moment, only while held, and the tool takes them without building', () => {
    vi.useFakeTimers()
    const release = holdModels()
    const set = newSet()
    try {
      const sizes = [44, 46, 48].map((d) => pose('acetabular-reamer', { diameter: d }))
      const built: string[] = []
      const recipes = sizes.map(instrumentRecipe).map((r) => ({ key: r.key, build: () => (built.push(r.key), r.build()) }))
      expect(new Set(recipes.map((r) => r.key)).size).toBe(3)
      const cancel = buildModelsAhead(recipes)
      expect(built, 'nothing in the frame that asked').toEqual([])
      vi.advanceTimersByTime(60)
      expect(built).toHaveLength(1)
      cancel() // the step changed before the rest came
      vi.advanceTimersByTime(1000)
      expect(built).toHaveLength(1)
      expect(keptModelKeys()).toEqual([recipes[0]!.key])
      set.sync([sizes[0]!], [])
      expect(keptModelKeys(), 'the tool took the model built ahead').toEqual([])
      expect(liveModelKeys()).toEqual([recipes[0]!.key])
      set.sync([], [])
      release()
      // No hold: nothing would keep a model, so none is built.
      buildModelsAhead(recipes)
      vi.advanceTimersByTime(1000)
      expect(built).toHaveLength(1)
      expect(keptModelKeys()).toEqual([])
    } finally {
      release()
      vi.useRealTimers()
    }
  })
  /** A recipe built ahead in several slices makes the same model as its builder (its first part compared whole). */
  function expectSlicedAsBuilt(recipe: ModelRecipe) {
    expect(recipe.slices).toBeDefined()
    const slices = recipe.slices!()
    let yields = 0
    let step = slices.next()
    for (; !step.done; step = slices.next()) yields++
    expect(yields).toBeGreaterThanOrEqual(3)
    const built = recipe.build()
    expect(step.value.parts.map((p) => p.name)).toEqual(built.parts.map((p) => p.name))
    const first = (m: typeof built) => m.parts[0]!.geometry
    expect(first(step.value).getAttribute('position').array).toEqual(first(built).getAttribute('position').array)
    expect(first(step.value).boundingSphere).toEqual(first(built).boundingSphere)
  }
  it('a broach made ahead is built in slices too (its toothed body was one 44–53 ms task in the page), to the same model as its builder', () => {
    expectSlicedAsBuilt(instrumentRecipe(pose('broach')))
  })
  it('an acetabular shell made ahead is built in slices too (its perforated dome was one 59-ms task in the page), to the same model as its builder', () => {
    expectSlicedAsBuilt(pieceRecipe(piece('acetabular-shell')))
  })
  it('a trial head and a femoral stem made ahead are built in slices too (each was one 26–52 ms task in the page), to the same models as their builders', () => {
    expectSlicedAsBuilt(instrumentRecipe(pose('trial-head')))
    expectSlicedAsBuilt(pieceRecipe(piece('femoral-stem')))
  })
  it('a graft packed into a cavity made ahead is built in slices too (its layout and chips took 12–19 ms in Node), to the same model as its builder', () => {
    const solid = radialSolidOf([0, -12, 0], [[1, 0, 0], [0, 1, 0], [0, 0, 1]], (q) => Math.hypot(q[0], (q[1] + 12) / 1.5, q[2]) < 8, { rings: 12, segments: 24, maxReachMm: 20, stepMm: 0.5 })
    expectSlicedAsBuilt(pieceRecipe(piece('cancellous-graft', { from: [0, -24, 0], to: [0, 0, 0], radius: 8, across: [1, 0, 0], solid })))
  })
  it('a reamer made ahead is built in slices over several quiet moments, each within its budget; a tool that needs it first takes the rest at once, without a second build', () => {
    vi.useFakeTimers()
    // Each reading of the clock is 4 ms later: a quiet moment holds three slices (12-ms budget).
    let clock = 0
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 4))
    const release = holdModels()
    const set = newSet()
    try {
      const reamer = pose('acetabular-reamer', { diameter: 52 })
      const recipe = instrumentRecipe(reamer)
      expect(recipe.slices).toBeDefined()
      let slices = 0
      let builds = 0
      const counted = {
        key: recipe.key,
        build: () => (builds++, recipe.build()),
        slices: function* () {
          const inner = recipe.slices!()
          for (;;) {
            slices++
            const step = inner.next()
            if (step.done) return step.value
            yield
          }
        },
      }
      buildModelsAhead([counted])
      vi.advanceTimersByTime(60)
      const afterOne = slices
      expect(afterOne).toBeGreaterThan(0)
      expect(afterOne).toBeLessThanOrEqual(4)
      expect(keptModelKeys(), 'not finished in one quiet moment').toEqual([])
      vi.advanceTimersByTime(60)
      expect(slices).toBeGreaterThan(afterOne)
      // The tool appears before the rest came: the build is finished now, not started again.
      set.sync([reamer], [])
      expect(builds).toBe(0)
      expect(slices).toBeGreaterThan(10)
      expect(liveModelKeys()).toEqual([recipe.key])
      const whole = (set.objectOf('instrument', reamer.id)!.getObjectByName('teeth') as Mesh).geometry.getAttribute('position').count
      expect(whole).toBe(recipe.build().parts[0]!.geometry.getAttribute('position').count)
      vi.advanceTimersByTime(1000)
      expect(keptModelKeys()).toEqual([])
      set.sync([], [])
    } finally {
      release()
      now.mockRestore()
      vi.useRealTimers()
    }
  })
})
