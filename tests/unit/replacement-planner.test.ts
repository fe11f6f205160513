/**
 * The replacement planner (src/domain/treatment/replacement/) on the committed model: the
 * numbers a surgeon would template — cup size and angles, head and liner, the neck cut, the stem
 * in the canal with the head centre restored — and the resurfacing cap's size, axis and seat.
 * Canal and notching checks measure the model's femur mesh itself (three-mesh-bvh).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { parseLandmarks, type HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { cupAngles, cupAxis } from '../../src/domain/treatment/replacement/cupOrientation.ts'
import { MODEL_CANAL, planThr, stemHeadCentre, stemNeckDirection, stemPoint, type ThrPlan } from '../../src/domain/treatment/replacement/thrPlanner.ts'
import { planResurfacing, type ResurfacingPlan } from '../../src/domain/treatment/replacement/resurfacingPlanner.ts'
import { capInnerRadius } from '../../src/domain/treatment/replacement/capDesign.ts'
import { stemSurfacePoints } from '../../src/domain/treatment/replacement/stemDesign.ts'
import { REPLACEMENT_SIZES } from '../../src/domain/treatment/replacement/replacementSizes.ts'
import { angleDeg, cross, distance, dot, madd, normalise, sub, type Vec3 } from '../../src/domain/vec3.ts'
import { loadModel, type LoadedModel } from './model-loader.ts'
import { SurfaceQuery, trianglesWhere } from './mesh-query.ts'

let model: LoadedModel
let lm: HipLandmarks
let thr: ThrPlan
let hra: ResurfacingPlan
let outer: SurfaceQuery
let inner: SurfaceQuery

const INNER_REGIONS = ['subchondralPlate', 'endostealSurface', 'medullaryCanal']

beforeAll(async () => {
  model = await loadModel()
  const parsed = parseLandmarks(model.sceneExtras.landmarks)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  lm = parsed.value
  thr = planThr(lm)
  hra = planResurfacing(lm)
  const femur = model.meshes.get('femur')!
  const inside = new Set(INNER_REGIONS.map((n) => femur.regionTable!.indexOf(n)))
  outer = new SurfaceQuery(femur.positions, trianglesWhere(femur.indices, femur.regions!, (r) => !inside.has(r)))
  inner = new SurfaceQuery(femur.positions, trianglesWhere(femur.indices, femur.regions!, (r) => inside.has(r)))
})

/** Signed distance of a point from a plane (positive on the side the normal points to). */
const side = (p: Vec3, plane: { point: Vec3; normal: Vec3 }) => dot(sub(p, plane.point), plane.normal)

describe('cup orientation (Murray radiographic definitions)', () => {
  it.each([
    [40, 15],
    [30, 5],
    [50, 25],
    [45, 0],
  ])('inclination %i° and anteversion %i° survive the round trip through the axis', (inclination, anteversion) => {
    const angles = cupAngles(cupAxis(inclination, anteversion))
    expect(angles.inclinationDeg).toBeCloseTo(inclination, 9)
    expect(angles.anteversionDeg).toBeCloseTo(anteversion, 9)
  })

  it('the axis opens lateral, inferior and anterior for a right hip', () => {
    const [x, y, z] = cupAxis(40, 15)
    expect(x).toBeLessThan(0)
    expect(y).toBeLessThan(0)
    expect(z).toBeGreaterThan(0)
  })
})

describe('total hip replacement: the socket', () => {
  it('the shell is 50–56 mm for this ≈ 54 mm bony socket, on the 2-mm steps, 1 mm over the last reamer', () => {
    expect(2 * lm.acetabulum.radius).toBeCloseTo(54.4, 1)
    expect(thr.shell.outerDiameter).toBeGreaterThanOrEqual(50)
    expect(thr.shell.outerDiameter).toBeLessThanOrEqual(56)
    expect(thr.shell.outerDiameter % 2).toBe(0)
    const last = thr.reaming.at(-1)!
    expect(last.diameter).toBe(thr.shell.outerDiameter - 1)
    // Down to bleeding bone: the last reamer takes the whole bony surface.
    expect(last.diameter).toBeGreaterThanOrEqual(2 * lm.acetabulum.radius)
  })

  it('reamers rise in 2-mm steps to the last, each reaching the same floor, and the socket deepens and widens', () => {
    const sizes = thr.reaming.map((r) => r.diameter)
    expect(sizes).toHaveLength(4)
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]! - sizes[i - 1]!).toBe(2)
    for (const pass of thr.reaming) {
      expect(distance(madd(pass.centre, pass.axis, pass.diameter / 2), pass.pole)).toBeLessThan(1e-9)
      expect(angleDeg(pass.axis, thr.shell.axis)).toBeCloseTo(180, 9)
    }
    // The reamed socket's floor lies deeper than the bony socket's, by the last reamer's reach.
    const depth = dot(sub(thr.reaming[0]!.pole, thr.shell.centre), thr.shell.axis)
    expect(-depth).toBeCloseTo(thr.reamedSocket.outerDiameter / 2, 9)
    expect(-depth).toBeGreaterThan(lm.acetabulum.radius)
  })

  it('the reamers go in along their axis until the shell sits on the fossa’s floor (the true floor, at the teardrop) and no further: the cup’s centre moves medially and up, within the shift measured after reaming to the floor', () => {
    // The fossa's floor lies on a sphere about the bony socket's centre through the teardrop.
    const floorRadius = distance(lm.acetabulum.teardrop, lm.acetabulum.centre)
    expect(floorRadius - lm.acetabulum.radius).toBeGreaterThan(2) // the fossa is a real hollow
    // The shell's dome on the floor; the last reamer half the press-fit short of it.
    const dome = madd(thr.shell.centre, thr.shell.axis, -thr.shell.outerDiameter / 2)
    expect(distance(dome, lm.acetabulum.centre)).toBeCloseTo(floorRadius, 6)
    expect(distance(thr.reaming.at(-1)!.pole, lm.acetabulum.centre)).toBeCloseTo(floorRadius - REPLACEMENT_SIZES.pressFit.value / 2, 6)
    expect(thr.deepening).toBeGreaterThan(2)
    expect(distance(thr.shell.centre, madd(lm.acetabulum.centre, thr.shell.axis, -thr.deepening))).toBeLessThan(1e-9)
    const [medial, up] = sub(thr.shell.centre, lm.acetabulum.centre)
    expect(medial).toBeGreaterThan(0)
    expect(up).toBeGreaterThan(0)
    expect(medial).toBeLessThanOrEqual(REPLACEMENT_SIZES.floorShift.value.medial)
    expect(up).toBeLessThanOrEqual(REPLACEMENT_SIZES.floorShift.value.superior)
    // Resurfacing keeps the head, so its cup stays on the bony socket's centre.
    expect(distance(hra.cup.centre, lm.acetabulum.centre)).toBeLessThan(1e-9)
  })

  it('the cup sits at the planned 40° inclination and 15° anteversion (Lewinnek zone), screw holes toward the posterosuperior quadrant', () => {
    const { inclinationDeg, anteversionDeg } = cupAngles(thr.shell.axis)
    expect(Math.abs(inclinationDeg - 40)).toBeLessThanOrEqual(1)
    expect(Math.abs(anteversionDeg - 15)).toBeLessThanOrEqual(1)
    expect(thr.shell.inclinationDeg).toBe(REPLACEMENT_SIZES.cupInclination.value)
    expect(dot(thr.shell.screwSide, thr.shell.axis)).toBeCloseTo(0, 9)
    expect(thr.shell.screwSide[1]).toBeGreaterThan(0) // superior
    expect(thr.shell.screwSide[2]).toBeLessThan(0) // posterior
  })

  it('other angles are planned as asked, inside or outside the zone', () => {
    const plan = planThr(lm, { inclinationDeg: 50, anteversionDeg: 25 })
    const angles = cupAngles(plan.shell.axis)
    expect(angles.inclinationDeg).toBeCloseTo(50, 6)
    expect(angles.anteversionDeg).toBeCloseTo(25, 6)
  })
})

describe('total hip replacement: liner and head', () => {
  it('a 36-mm ceramic head in a liner that fills the shell, the shell wide enough for head and liner', () => {
    expect(thr.head.diameter).toBe(36)
    expect(thr.head.material).toBe('ceramic')
    expect(thr.liner.outerDiameter).toBe(thr.shell.innerDiameter)
    expect(thr.liner.innerDiameter).toBe(thr.head.diameter)
    const linerWall = (thr.liner.outerDiameter - thr.liner.innerDiameter) / 2
    expect(linerWall).toBeGreaterThanOrEqual(REPLACEMENT_SIZES.minLiner.value)
    expect(thr.shell.outerDiameter).toBeGreaterThanOrEqual(thr.head.diameter + 2 * linerWall + 2 * REPLACEMENT_SIZES.shellWall.value)
  })

  it('a small socket takes a 32-mm head rather than a liner thinner than its minimum', () => {
    const small = { ...lm, acetabulum: { ...lm.acetabulum, radius: 23 } }
    const plan = planThr(small)
    expect(plan.shell.outerDiameter).toBe(48)
    expect(plan.head.diameter).toBe(32)
    // A 36-mm head would have left less than the minimum liner.
    expect((plan.shell.innerDiameter - 36) / 2).toBeLessThan(REPLACEMENT_SIZES.minLiner.value)
  })

  it('the new head centre lies within 3 mm of the native one and of the cup’s centre (the joint’s new centre), on the stem’s taper', () => {
    const tolerance = REPLACEMENT_SIZES.headCentreTolerance.value
    expect(distance(thr.head.centre, lm.femoralHead.centre)).toBeLessThanOrEqual(tolerance)
    expect(thr.headToCupCentre).toBeCloseTo(distance(thr.head.centre, thr.shell.centre), 9)
    expect(thr.headCentreError).toBeCloseTo(distance(thr.head.centre, lm.femoralHead.centre), 9)
    expect(distance(thr.head.centre, stemHeadCentre(thr.stem, thr.head.neckLength))).toBeLessThan(1e-9)
    expect(REPLACEMENT_SIZES.neckLengths.value).toContain(thr.head.neckLength)
    // The joint's centre: the cup's centre, within the same 3 mm, so the reduced femur lies within 3 mm of where it was.
    expect(distance(thr.head.centre, thr.shell.centre)).toBeLessThanOrEqual(tolerance)
  })
})

describe('total hip replacement: neck cut and stem', () => {
  it('the neck is cut above the lesser trochanter (at the calcar), taking the whole head and keeping the trochanters', () => {
    const cut = thr.neckCut
    // Read straight above the tip (posteromedial) the plane stands higher than at the calcar.
    expect(cut.aboveLesserTrochanterTip).toBeGreaterThanOrEqual(10)
    expect(cut.aboveLesserTrochanterTip).toBeLessThanOrEqual(30)
    expect(cut.angleToShaftDeg).toBeGreaterThan(30)
    expect(cut.angleToShaftDeg).toBeLessThan(60)
    // The whole bony head lies beyond the plane and medial of the saddle; the trochanters stay.
    const removed = (p: Vec3) => side(p, cut) > 0 && side(p, cut.lateralStop) > 0
    expect(side(lm.femoralHead.centre, cut)).toBeGreaterThan(lm.femoralHead.radius)
    expect(side(lm.femoralHead.centre, cut.lateralStop)).toBeGreaterThan(lm.femoralHead.radius)
    expect(side(lm.lesserTrochanterTip, cut)).toBeLessThan(-5)
    expect(removed(lm.greaterTrochanterTip)).toBe(false)
    expect(removed(lm.greaterTrochanterLateral!)).toBe(false)
    // At the calcar (where the plane leaves the femur, down the plane from the neck axis toward
    // the lesser trochanter) the cut still stands above the lesser trochanter: a calcar is kept.
    const stem = thr.stem
    const [nx, nt] = stem.geometry.neckDirection
    const down = normalise(sub(madd([0, 0, 0], stem.medial, nt), madd([0, 0, 0], stem.up, nx)))
    let d = 0
    while (outer.inside(madd(cut.point, down, d + 0.5)) && d < 60) d += 0.5
    const calcar = madd(cut.point, down, d)
    expect(d).toBeGreaterThan(10)
    const calcarHeight = dot(sub(calcar, lm.lesserTrochanterTip), stem.up)
    expect(calcarHeight).toBeGreaterThanOrEqual(8)
    expect(calcarHeight).toBeLessThanOrEqual(20)
  })

  it('the stem runs up the shaft axis, its neck in the native neck’s plane, at a catalogue neck angle', () => {
    expect(angleDeg(thr.stem.up, lm.shaftAxis.direction)).toBeLessThan(1e-6)
    const neckPlane = normalise(cross(lm.shaftAxis.direction, lm.neckAxis.direction))
    expect(Math.abs(dot(stemNeckDirection(thr.stem), neckPlane))).toBeLessThan(1e-9)
    expect(REPLACEMENT_SIZES.stemNeckAngles.value).toContain(thr.stem.geometry.spec.neckAngleDeg)
    expect(angleDeg(stemNeckDirection(thr.stem), thr.stem.up)).toBeCloseTo(180 - thr.stem.geometry.spec.neckAngleDeg, 9)
  })

  it('the stem is 15–20 cm long (the reference’s stem cavity) and its tip ends inside the canal', () => {
    const { min, max } = REPLACEMENT_SIZES.stemCavity.value
    expect(thr.stem.geometry.length).toBeGreaterThanOrEqual(min)
    expect(thr.stem.geometry.length).toBeLessThanOrEqual(max)
    expect(inner.inside(thr.stem.tip)).toBe(true)
    expect(inner.distance(thr.stem.tip)).toBeGreaterThan(3)
  })

  it('no cortex perforation: every point of the stem below the cut lies ≥ 2 mm inside the femur and at most 1 mm into the endosteal cortex', () => {
    const points = stemSurfacePoints(thr.stem.geometry, 80, 32).map(([x, t, z]) => stemPoint(thr.stem, x, t, z))
    const below = points.filter((p) => side(p, thr.neckCut) < 0)
    expect(below.length).toBeGreaterThan(points.length * 0.8)
    let intoCortex = 0
    for (const p of below) {
      expect(outer.inside(p)).toBe(true)
      expect(outer.distance(p)).toBeGreaterThanOrEqual(2)
      if (!inner.inside(p)) intoCortex = Math.max(intoCortex, inner.distance(p))
    }
    expect(intoCortex).toBeLessThanOrEqual(REPLACEMENT_SIZES.canalEngagement.value)
  })

  it('the stem fills the canal: one size larger would not fit it', () => {
    const size = thr.stem.geometry.spec.size
    const roomier = planThr(lm, { canal: MODEL_CANAL.map((l) => ({ ...l, radius: l.radius + 1 })) })
    expect(roomier.stem.geometry.spec.size).toBeGreaterThan(size)
  })

  it('broaches rise one size at a time to the stem’s size, each seated on the same cut', () => {
    const sizes = thr.broaches.map((b) => b.geometry.spec.size)
    expect(sizes.at(-1)).toBe(thr.stem.geometry.spec.size)
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]! - sizes[i - 1]!).toBe(1)
    for (const broach of thr.broaches) {
      const g = broach.geometry
      const [nx, nt] = g.neckDirection
      const collar = stemPoint(broach, nx * g.collarAt, g.neckOriginT + nt * g.collarAt, 0)
      expect(Math.abs(side(collar, thr.neckCut))).toBeLessThan(1e-9)
    }
  })

  it('MODEL_CANAL is this model’s canal, measured again (within 0.2 mm at every level)', () => {
    const o = lm.shaftAxis.origin
    const u = normalise(lm.shaftAxis.direction)
    for (const level of MODEL_CANAL) {
      const p = madd(o, u, -level.below)
      expect(inner.inside(p)).toBe(true)
      expect(Math.abs(inner.distance(p) - level.radius)).toBeLessThanOrEqual(0.2)
    }
  })
})

describe('hip resurfacing', () => {
  it('the cap’s inner size is the reamed head; its bearing is the cup’s inside, a component size of the series', () => {
    expect(hra.sleeveReamer.diameter).toBe(hra.cap.innerDiameter)
    expect(hra.cap.outerDiameter).toBe(hra.cup.innerDiameter)
    const { min, max } = REPLACEMENT_SIZES.resurfacingSizes.value
    for (const size of [hra.cap.outerDiameter, hra.cap.innerDiameter]) {
      expect(size).toBeGreaterThanOrEqual(min)
      expect(size).toBeLessThanOrEqual(max)
    }
    // Sized from this hip: the bearing restores the head with its cartilage, the reamer takes bone.
    expect(hra.cap.outerDiameter).toBe(2 * lm.femoralHead.cartilageRadius)
    expect(hra.cap.innerDiameter).toBeLessThan(2 * lm.femoralHead.radius)
    // A thin cup, 3–4 mm (BHR).
    expect((hra.cup.outerDiameter - hra.cup.innerDiameter) / 2).toBe(REPLACEMENT_SIZES.resurfacingCupWall.value)
  })

  it('the guide pin runs within 10° of the neck axis, in slight valgus (never varus), through the head centre', () => {
    const off = angleDeg(hra.axis, lm.neckAxis.direction)
    expect(off).toBeLessThanOrEqual(10)
    expect(hra.valgusDeg).toBeGreaterThanOrEqual(0)
    expect(hra.valgusDeg).toBeCloseTo(REPLACEMENT_SIZES.pinValgus.value, 6)
    // Valgus: the cap's axis stands further from the shaft than the neck's (larger neck–shaft angle).
    const shaftDown = normalise(sub([0, 0, 0], lm.shaftAxis.direction))
    expect(angleDeg(hra.axis, shaftDown)).toBeGreaterThan(angleDeg(lm.neckAxis.direction, shaftDown))
    const pin = normalise(sub(hra.guidePin.entry, hra.guidePin.tip))
    expect(angleDeg(pin, hra.axis)).toBeLessThan(1e-6)
    const toCentre = sub(hra.capCentre, hra.guidePin.tip)
    expect(distance(madd(hra.guidePin.tip, pin, dot(toCentre, pin)), hra.capCentre)).toBeLessThan(1e-9)
  })

  it('cuts follow the cap’s inside: sleeve to the rim, flat top 2 mm off the dome, 45° chamfer, peg hole on the axis', () => {
    const at = (p: Vec3) => dot(sub(p, hra.capCentre), hra.axis)
    expect(at(hra.headHeightCut.point)).toBeCloseTo(lm.femoralHead.radius - REPLACEMENT_SIZES.headHeightCut.value, 9)
    expect(at(hra.sleeveReamer.to)).toBeCloseTo(hra.cap.rimY, 9)
    expect(capInnerRadius(hra.cap, hra.cap.chamferY)).toBeCloseTo(hra.cap.innerDiameter / 2, 9)
    expect(capInnerRadius(hra.cap, hra.cap.topY)).toBeCloseTo(hra.cap.topRadius, 9)
    const slope = (hra.cap.innerDiameter / 2 - hra.cap.topRadius) / (hra.cap.topY - hra.cap.chamferY)
    expect((Math.atan(slope) * 180) / Math.PI).toBeCloseTo(45, 6)
    expect(at(hra.pegHole.tip)).toBeCloseTo(hra.cap.peg.tipY, 9)
    expect(hra.pegHole.diameter).toBe(2 * hra.cap.peg.radius)
  })

  it('no neck notching: all the bone the sleeve reamer cuts is head, none of it neck or head–neck junction', () => {
    const femur = model.meshes.get('femur')!
    const table = femur.regionTable!
    const head = new Set(['femoralHead', 'foveaCapitis', 'subchondralPlate'].map((n) => table.indexOf(n)))
    const radius = hra.sleeveReamer.diameter / 2
    let cut = 0
    const notched: string[] = []
    for (let v = 0; v < femur.positions.length / 3; v++) {
      const p: Vec3 = [femur.positions[v * 3]!, femur.positions[v * 3 + 1]!, femur.positions[v * 3 + 2]!]
      const rel = sub(p, hra.capCentre)
      const y = dot(rel, hra.axis)
      if (y < hra.cap.rimY) continue // below the skirt: the reamer stops at the rim
      const r = Math.hypot(...sub(rel, [hra.axis[0] * y, hra.axis[1] * y, hra.axis[2] * y]))
      if (r <= radius) continue
      cut++
      if (!head.has(femur.regions![v]!)) notched.push(table[femur.regions![v]!]!)
    }
    expect(cut).toBeGreaterThan(100)
    expect(notched).toEqual([])
  })

  it('the cap stays on the head: its rim above the head–neck junction and the bony head reaching its skirt', () => {
    // The bony sphere at the rim's level is no wider than the sleeve: the skirt meets bone the reamer did not cut.
    const boneAtRim = Math.sqrt(lm.femoralHead.radius ** 2 - hra.cap.rimY ** 2)
    expect(boneAtRim).toBeLessThanOrEqual(hra.cap.innerDiameter / 2)
    const junction = dot(sub(lm.headNeckJunction.anterior, hra.capCentre), hra.axis)
    expect(hra.cap.rimY).toBeGreaterThan(junction)
  })
})

describe('left hip', () => {
  it('the plan mirrors with the model: a mirrored cup reads 40°/15° in the left hip’s own convention', () => {
    const mirror = ([x, y, z]: Vec3): Vec3 => [-x, y, z]
    const axis = mirror(thr.shell.axis)
    // Left hip: lateral is +X; read the angles after mirroring back, as the scene's mirror group does.
    expect(axis[0]).toBeGreaterThan(0)
    const angles = cupAngles(mirror(axis))
    expect(angles.inclinationDeg).toBeCloseTo(40, 6)
    expect(angles.anteversionDeg).toBeCloseTo(15, 6)
    // Distances are kept by the mirror: the head centre error and the stem's seat are the same.
    expect(distance(mirror(thr.head.centre), mirror(lm.femoralHead.centre))).toBeCloseTo(thr.headCentreError, 9)
  })
})
