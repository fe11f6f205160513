/**
 * The implants and joint-replacement instruments as the scene builds them from the plan's
 * numbers: each closed where a solid must be, at its planned size within 0.1 mm, placed by the
 * frame's conventions (the cup's angles measured from the placed mesh, the head seated on the
 * stem's taper), named for picking, and with modest triangle counts.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Group, Mesh, Vector3, type BufferGeometry, type Object3D } from 'three'
import type { InstrumentPose, Piece, Vec3 } from '../../src/domain/treatment/frame.ts'
import { IMPLANT_KINDS, type ImplantKind } from '../../src/domain/treatment/frame.ts'
import { TreatmentObjectSet, treatmentObjectOf } from '../../src/scene/treatment/treatmentObjectSet.ts'
import { OBJECT_NAMES } from '../../src/domain/treatment/objectNames.ts'
import { cupAngles, cupAxis } from '../../src/domain/treatment/replacement/cupOrientation.ts'
import { HEAD_CENTRE_PAST_TAPER, stemGeometry, stemSection } from '../../src/domain/treatment/replacement/stemDesign.ts'
import { planThr, stemNeckDirection, type ThrPlan } from '../../src/domain/treatment/replacement/thrPlanner.ts'
import { cross, dot, normalise, scale, sub } from '../../src/domain/vec3.ts'
import { loadLandmarks } from '../unit/model-loader.ts'
import { CAP, IMPLANT_SPECS, STEM } from './support/implantSpecs.ts'

const sets: TreatmentObjectSet[] = []
afterEach(() => {
  for (const set of sets.splice(0)) set.dispose()
})

function drawn(pieces: Piece[], instruments: InstrumentPose[] = []): TreatmentObjectSet {
  const set = new TreatmentObjectSet()
  sets.push(set)
  set.sync(instruments, pieces)
  return set
}

/** A piece of an implant kind at the origin, in its model frame. */
function implant(kind: ImplantKind, patch: Partial<Piece> = {}): Piece {
  return { id: kind, kind, from: [0, -1, 0], to: [0, 0, 0], radius: 1, fill: 1, implant: IMPLANT_SPECS[kind], ...patch }
}

function meshes(object: Object3D): Mesh[] {
  const out: Mesh[] = []
  object.traverse((o) => {
    if (o instanceof Mesh) out.push(o)
  })
  return out
}

/** Open or inconsistent edges after welding equal positions: 0 for a closed, consistently wound solid. */
function closedSurfaceProblems(geometry: BufferGeometry): number {
  const position = geometry.getAttribute('position')
  const ids = new Map<string, number>()
  const id = (v: number) => {
    // Welded at 0.1 µm: positions computed two ways may differ in the last float digit.
    const r = (x: number) => Math.round(x * 1e4) / 1e4 + 0 // + 0: −0 and 0 are one point
    const key = `${r(position.getX(v))},${r(position.getY(v))},${r(position.getZ(v))}`
    return ids.get(key) ?? ids.set(key, ids.size).get(key)!
  }
  const directed = new Map<string, number>()
  for (let t = 0; t < position.count; t += 3) {
    const tri = [id(t), id(t + 1), id(t + 2)]
    for (let e = 0; e < 3; e++) {
      const a = tri[e]!
      const b = tri[(e + 1) % 3]!
      if (a === b) return Infinity
      directed.set(`${a},${b}`, (directed.get(`${a},${b}`) ?? 0) + 1)
    }
  }
  let problems = 0
  for (const [key, n] of directed) {
    const [a, b] = key.split(',')
    if (n !== 1 || directed.get(`${b},${a}`) !== 1) problems++
  }
  return problems
}

/** Every vertex of a mesh in the frame of `frame`. */
function pointsOf(mesh: Mesh, frame: Object3D): Vector3[] {
  frame.updateWorldMatrix(true, true)
  const m = frame.matrixWorld.clone().invert().multiply(mesh.matrixWorld)
  const position = (mesh.geometry as BufferGeometry).getAttribute('position')
  const out: Vector3[] = []
  for (let v = 0; v < position.count; v++) out.push(new Vector3().fromBufferAttribute(position, v).applyMatrix4(m))
  return out
}

const triangles = (object: Object3D) => meshes(object).reduce((n, m) => n + (m.geometry as BufferGeometry).getAttribute('position').count / 3, 0)

/** The geometry's bounding box and sphere, where set ahead (three computes missing ones itself), equal three's own computation. */
function boundsAsThreeComputes(geometry: BufferGeometry): void {
  const box = geometry.boundingBox?.clone()
  const sphere = geometry.boundingSphere?.clone()
  if (!box && !sphere) return
  expect(box && sphere).toBeTruthy()
  geometry.computeBoundingBox()
  geometry.computeBoundingSphere()
  expect(box!.min.distanceTo(geometry.boundingBox!.min)).toBeLessThan(1e-6)
  expect(box!.max.distanceTo(geometry.boundingBox!.max)).toBeLessThan(1e-6)
  expect(sphere!.center.distanceTo(geometry.boundingSphere!.center)).toBeLessThan(1e-6)
  expect(Math.abs(sphere!.radius - geometry.boundingSphere!.radius)).toBeLessThan(1e-4)
}

describe('every implant', () => {
  it.each(IMPLANT_KINDS)('%s builds, every part closed, under 20 000 triangles, and is named for picking', (kind) => {
    const set = drawn([implant(kind)])
    const object = set.objectOf('piece', kind)!
    const parts = meshes(object)
    expect(parts.length).toBeGreaterThan(0)
    for (const mesh of parts) expect(closedSurfaceProblems(mesh.geometry as BufferGeometry)).toBe(0)
    expect(triangles(object)).toBeLessThan(20_000)
    for (const mesh of parts) expect(treatmentObjectOf(mesh)).toEqual({ id: kind, kind, role: 'piece' })
    expect(OBJECT_NAMES[kind].patient.length).toBeGreaterThan(3)
    expect(OBJECT_NAMES[kind].clinical).not.toBe(OBJECT_NAMES[kind].patient)
  })

  it.each(IMPLANT_KINDS)('%s: every part carries the bounds three computes (culling and picking trust them)', (kind) => {
    const set = drawn([implant(kind)])
    for (const mesh of meshes(set.objectOf('piece', kind)!)) boundsAsThreeComputes(mesh.geometry as BufferGeometry)
  })

  it('the stem body: vertices at one position share one normal (a rounded body, not facets)', () => {
    const set = drawn([implant('femoral-stem')])
    const body = meshes(set.objectOf('piece', 'femoral-stem')!).reduce((a, b) => ((a.geometry as BufferGeometry).getAttribute('position').count > (b.geometry as BufferGeometry).getAttribute('position').count ? a : b))
    const position = (body.geometry as BufferGeometry).getAttribute('position')
    const normal = (body.geometry as BufferGeometry).getAttribute('normal')
    const seen = new Map<string, Vector3>()
    let shared = 0
    for (let i = 0; i < position.count; i++) {
      const key = [position.getX(i), position.getY(i), position.getZ(i)].map((v) => v.toFixed(4)).join(',')
      const n = new Vector3().fromBufferAttribute(normal, i)
      const first = seen.get(key)
      if (!first) seen.set(key, n)
      else {
        shared++
        expect(n.distanceTo(first)).toBeLessThan(1e-6)
      }
    }
    expect(shared).toBeGreaterThan(position.count / 2)
  })

  it('a piece of an implant kind without its planned sizes is refused, not drawn at a made-up size', () => {
    const set = new TreatmentObjectSet()
    sets.push(set)
    expect(() => set.sync([], [{ ...implant('acetabular-shell'), implant: undefined }])).toThrow(/planned sizes/)
  })
})

describe('planned sizes (within 0.1 mm)', () => {
  const radii = (kind: ImplantKind, part?: string) => {
    const object = drawn([implant(kind)]).objectOf('piece', kind)!
    const mesh = part ? (object.getObjectByName(part) as Mesh) : meshes(object)[0]!
    return pointsOf(mesh, object).map((p) => p.length())
  }

  it.each(['acetabular-shell', 'resurfacing-cup'] as const)('%s: every vertex on its 56-mm outer or 50-mm inner sphere', (kind) => {
    const r = radii(kind)
    expect(Math.max(...r)).toBeCloseTo(28, 1)
    expect(Math.min(...r)).toBeCloseTo(25, 1)
    for (const d of r) expect(Math.min(Math.abs(d - 28), Math.abs(d - 25))).toBeLessThan(0.1)
  })

  it('the liner fills the shell (50 mm) and takes the 36-mm head', () => {
    const r = radii('acetabular-liner')
    expect(Math.abs(Math.max(...r) - 25)).toBeLessThan(0.1)
    expect(Math.abs(Math.min(...r) - 18)).toBeLessThan(0.1)
  })

  it('the head is a 36-mm ball whose bore ends just beyond the taper’s tip', () => {
    const object = drawn([implant('prosthetic-head')]).objectOf('piece', 'prosthetic-head')!
    const points = pointsOf(meshes(object)[0]!, object)
    expect(Math.abs(Math.max(...points.map((p) => p.length())) - 18)).toBeLessThan(0.1)
    const boreTop = Math.min(...points.filter((p) => Math.hypot(p.x, p.z) < 1e-6 && p.y < 17).map((p) => p.y))
    expect(boreTop).toBeCloseTo(-HEAD_CENTRE_PAST_TAPER + 1, 6)
  })

  it('the stem body matches its design: length, lateral and medial borders, thickness; tip at the origin', () => {
    const object = drawn([implant('femoral-stem')]).objectOf('piece', 'femoral-stem')!
    const points = pointsOf(object.getObjectByName('stem') as Mesh, object)
    const g = stemGeometry(STEM)
    const span = (f: (p: Vector3) => number): [number, number] => [Math.min(...points.map(f)), Math.max(...points.map(f))]
    const [yMin, yMax] = span((p) => p.y)
    expect(yMax).toBeCloseTo(0, 6)
    expect(Math.abs(yMin + g.length)).toBeLessThan(0.1)
    let lateral = 0
    let medial = 0
    let thick = 0
    for (let t = 0; t <= g.length; t += 0.25) {
      const s = stemSection(g, t)
      lateral = Math.min(lateral, s.lateral)
      medial = Math.max(medial, s.medial)
      thick = Math.max(thick, s.halfAP)
    }
    const [xMin, xMax] = span((p) => p.x)
    const [zMin, zMax] = span((p) => p.z)
    expect(Math.abs(xMin - lateral)).toBeLessThan(0.1)
    expect(Math.abs(xMax - medial)).toBeLessThan(0.1)
    expect(Math.abs(zMax - thick)).toBeLessThan(0.1)
    expect(Math.abs(zMin + thick)).toBeLessThan(0.1)
  })

  it('the cap: a 50-mm bearing, its inside the 44-mm reamed head, its peg reaching the planned depth', () => {
    const object = drawn([implant('resurfacing-cap')]).objectOf('piece', 'resurfacing-cap')!
    const points = pointsOf(meshes(object)[0]!, object)
    expect(Math.abs(Math.max(...points.map((p) => p.length())) - CAP.outerDiameter / 2)).toBeLessThan(0.1)
    const atRim = points.filter((p) => Math.abs(p.y - CAP.rimY) < 1e-4).map((p) => Math.hypot(p.x, p.z))
    expect(Math.abs(Math.min(...atRim) - CAP.innerDiameter / 2)).toBeLessThan(0.1)
    expect(Math.abs(Math.min(...points.map((p) => p.y)) - CAP.peg.tipY)).toBeLessThan(0.1)
    // The cement lines that inside, 1 mm thick.
    const cement = drawn([implant('bone-cement')]).objectOf('piece', 'bone-cement')!
    const c = pointsOf(meshes(cement)[0]!, cement).filter((p) => Math.abs(p.y - CAP.rimY) < 1e-4).map((p) => Math.hypot(p.x, p.z))
    expect(Math.abs(Math.max(...c) - CAP.innerDiameter / 2)).toBeLessThan(0.1)
    expect(Math.abs(Math.min(...c) - (CAP.innerDiameter / 2 - CAP.cement))).toBeLessThan(0.1)
  })
})

describe('placed by the plan', () => {
  let plan: ThrPlan
  beforeAll(async () => {
    plan = planThr(await loadLandmarks())
  })

  /** The cup's opening axis measured from the placed mesh: the normal of its face ring, away from the dome. */
  function measuredAxis(set: TreatmentObjectSet, world: Object3D): Vec3 {
    const shell = set.objectOf('piece', 'shell')!
    const mesh = meshes(shell)[0]!
    shell.updateWorldMatrix(true, true)
    const local = pointsOf(mesh, shell)
    const face = local.map((p, i) => ({ p, i })).filter(({ p }) => Math.abs(p.y) < 1e-4)
    const toWorld = (v: Vector3) => v.clone().applyMatrix4(shell.matrixWorld).applyMatrix4(world.matrixWorld.clone().invert())
    const ring = face.map(({ p }) => toWorld(p))
    const centre = ring.reduce((a, p) => a.add(p), new Vector3()).multiplyScalar(1 / ring.length)
    const n = new Vector3()
    for (let k = 0; k < ring.length; k++) n.add(new Vector3().crossVectors(ring[k]!.clone().sub(centre), ring[(k + 7) % ring.length]!.clone().sub(centre)))
    const dome = toWorld(new Vector3(0, 28, 0))
    if (n.dot(centre.clone().sub(dome)) < 0) n.negate()
    n.normalize()
    return [n.x, n.y, n.z]
  }

  const shellPiece = (): Piece => ({
    id: 'shell',
    kind: 'acetabular-shell',
    to: plan.shell.centre,
    from: sub(plan.shell.centre, scale(plan.shell.axis, -1)),
    across: plan.shell.screwSide,
    radius: 1,
    fill: 1,
    implant: { kind: 'cup', outerDiameter: plan.shell.outerDiameter, innerDiameter: plan.shell.innerDiameter, screwHoles: 3 },
  })

  it('the placed shell reads 40 ± 1° inclination and 15 ± 1° anteversion from its mesh', () => {
    const world = new Group()
    const set = drawn([shellPiece()])
    world.add(set.root)
    world.updateWorldMatrix(true, true)
    const angles = cupAngles(measuredAxis(set, world))
    expect(Math.abs(angles.inclinationDeg - 40)).toBeLessThanOrEqual(1)
    expect(Math.abs(angles.anteversionDeg - 15)).toBeLessThanOrEqual(1)
    expect(cupAngles(cupAxis(40, 15)).inclinationDeg).toBeCloseTo(40, 9)
  })

  it('a left hip (the model mirrored) shows the same cup angles, opening to its own lateral side', () => {
    const world = new Group()
    const mirror = new Group()
    mirror.scale.set(-1, 1, 1)
    world.add(mirror)
    const set = drawn([shellPiece()])
    mirror.add(set.root)
    world.updateWorldMatrix(true, true)
    const axis = measuredAxis(set, world)
    expect(axis[0]).toBeGreaterThan(0) // a left hip's lateral is +X
    const angles = cupAngles([-axis[0], axis[1], axis[2]])
    expect(Math.abs(angles.inclinationDeg - 40)).toBeLessThanOrEqual(1)
    expect(Math.abs(angles.anteversionDeg - 15)).toBeLessThanOrEqual(1)
  })

  it('the screw holes face the posterosuperior quadrant', () => {
    const set = drawn([shellPiece()])
    const shell = set.objectOf('piece', 'shell')!
    shell.updateWorldMatrix(true, true)
    // The shell's local +X (the holes' side) in the model frame.
    const side = new Vector3(1, 0, 0).transformDirection(shell.matrixWorld)
    expect(side.y).toBeGreaterThan(0)
    expect(side.z).toBeLessThan(0)
  })

  it('the head sits on the stem’s taper: the taper’s tip inside the bore, the head centre where planned', () => {
    const stem = plan.stem
    const set = drawn([
      { id: 'stem', kind: 'femoral-stem', to: stem.tip, from: sub(stem.tip, scale(stem.up, -1)), across: stem.medial, radius: 1, fill: 1, implant: { kind: 'stem', stem: stem.geometry.spec } },
      { id: 'head', kind: 'prosthetic-head', to: plan.head.centre, from: sub(plan.head.centre, plan.head.axis), radius: 1, fill: 1, implant: { kind: 'head', diameter: plan.head.diameter, neckLength: plan.head.neckLength, material: 'ceramic' } },
    ])
    const world = set.root
    const neck = pointsOf(set.objectOf('piece', 'stem')!.getObjectByName('neck') as Mesh, world)
    const d = stemNeckDirection(stem)
    const along = (p: Vector3) => dot(sub([p.x, p.y, p.z], plan.head.centre), d)
    const tip = Math.max(...neck.map(along))
    expect(tip).toBeCloseTo(-(HEAD_CENTRE_PAST_TAPER + plan.head.neckLength), 1)
    const head = set.objectOf('piece', 'head')!
    head.updateWorldMatrix(true, true)
    const centre = new Vector3().applyMatrix4(head.matrixWorld)
    expect(centre.distanceTo(new Vector3(...plan.head.centre))).toBeLessThan(0.1)
    // The stem's medial side faces the head: its calcar curve is medial.
    const across = normalise(cross(d, stem.up))
    expect(Math.abs(dot(across, stem.medial))).toBeLessThan(1e-9)
  })

  it('the whole replacement stays modest: shell, liner, head and stem under 50 000 triangles', () => {
    const set = drawn([shellPiece(), implant('acetabular-liner'), implant('prosthetic-head'), implant('femoral-stem')])
    expect(triangles(set.root)).toBeLessThan(50_000)
  })
})

describe('joint-replacement instruments', () => {
  const pose = (kind: InstrumentPose['kind'], patch: Partial<InstrumentPose> = {}): InstrumentPose => ({
    id: kind,
    kind,
    tip: [0, 0, 0],
    axis: [0, 1, 0],
    diameter: 55,
    length: 150,
    spin: 0,
    open: 0,
    ...patch,
  })

  it('the reamer’s cutting dome is closed, perforated, its size the pose’s diameter, its pole at the tip', () => {
    const set = drawn([], [pose('acetabular-reamer')])
    const reamer = set.objectOf('instrument', 'acetabular-reamer')!
    const dome = reamer.getObjectByName('teeth') as Mesh
    expect(closedSurfaceProblems(dome.geometry as BufferGeometry)).toBe(0)
    const points = pointsOf(dome, reamer)
    const centre = new Vector3(0, -27.5, 0)
    expect(Math.abs(Math.max(...points.map((p) => p.distanceTo(centre))) - 27.5)).toBeLessThan(0.1)
    expect(Math.max(...points.map((p) => p.y))).toBeLessThan(1e-6)
    // Holes: many more boundary walls than a plain dome: vertices at the inner radius off the grid's rows.
    expect(triangles(reamer)).toBeLessThan(30_000)
  })

  it('the reamer’s parts carry the bounds three computes', () => {
    const set = drawn([], [pose('acetabular-reamer')])
    const reamer = set.objectOf('instrument', 'acetabular-reamer')!
    expect((reamer.getObjectByName('teeth') as Mesh).geometry.boundingSphere).not.toBeNull()
    for (const mesh of meshes(reamer)) boundsAsThreeComputes(mesh.geometry as BufferGeometry)
  })

  it('reamers of rising sizes are different models; the same size is shared', () => {
    const set = drawn([], [pose('acetabular-reamer', { id: 'a', diameter: 49 }), pose('acetabular-reamer', { id: 'b', diameter: 55 }), pose('acetabular-reamer', { id: 'c', diameter: 55 })])
    const dome = (id: string) => (set.objectOf('instrument', id)!.getObjectByName('teeth') as Mesh).geometry
    expect(dome('a')).not.toBe(dome('b'))
    expect(dome('b')).toBe(dome('c'))
  })

  it('a broach is the stem’s body at its size, with teeth that never stand proud of the stem, and its handle behind', () => {
    const set = drawn([], [pose('broach', { broach: STEM, length: 220 })])
    const broach = set.objectOf('instrument', 'broach')!
    const teeth = pointsOf(broach.getObjectByName('teeth') as Mesh, broach)
    const g = stemGeometry(STEM)
    expect(Math.min(...teeth.map((p) => p.y))).toBeCloseTo(-g.length, 1)
    for (const p of teeth) {
      const s = stemSection(g, -p.y)
      expect(p.x).toBeGreaterThanOrEqual(s.lateral - 0.1)
      expect(p.x).toBeLessThanOrEqual(s.medial + 0.1)
      expect(Math.abs(p.z)).toBeLessThanOrEqual(s.halfAP + 0.1)
    }
    const all = meshes(broach).flatMap((m) => pointsOf(m, broach))
    expect(Math.max(...all.map((p) => p.y))).toBeLessThan(1e-6)
    expect(() => drawn([], [pose('broach')])).toThrow(/stem size/)
  })

  it('the cup impactor’s threaded tip fits the shell’s apical hole', () => {
    const set = drawn([], [pose('cup-impactor', { diameter: 12 })])
    const tip = pointsOf(set.objectOf('instrument', 'cup-impactor')!.getObjectByName('tip') as Mesh, set.objectOf('instrument', 'cup-impactor')!)
    expect(Math.max(...tip.map((p) => Math.hypot(p.x, p.z)))).toBeLessThanOrEqual(3 + 1e-6)
  })
})
