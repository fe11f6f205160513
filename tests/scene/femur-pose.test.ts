/**
 * The femur's pose owner (src/scene/model/femurPose.ts): what is attached to the femur is drawn
 * where the domain's femurPointAt says (migration, turn about the pivot, shift), in a right and a
 * mirrored left hip; points go back to the rest frame exactly; letting go puts nodes back at rest.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { Group, Vector3 } from 'three'
import type { FemurPose, Vec3 } from '../../src/domain/treatment/frame.ts'
import { femurPointAt } from '../../src/domain/treatment/femurMotion.ts'
import { attachToFemur, femurToDrawn, femurToRest, setFemurMigration, setTreatmentFemurPose } from '../../src/scene/model/femurPose.ts'

const POSE: FemurPose = { pivot: [-30, -40, -8], axis: [0.44, -0.89, 0.09], angleDeg: 71, shift: [-5, -10, 5], migration: 0.4 }
const MIGRATION: Vec3 = [-1.5, 2.6, 0]

afterEach(() => {
  setTreatmentFemurPose(null)
  setFemurMigration(new Vector3())
})

/** A model root (mirrored for a left hip) holding a femur node under a parent with its own transform, like the file's quantised nodes. */
function hip(mirrored: boolean) {
  const world = new Group()
  world.scale.set(mirrored ? -1 : 1, 1, 1)
  const model = new Group()
  world.add(model)
  const parent = new Group()
  parent.position.set(3, -2, 1)
  parent.scale.setScalar(2)
  model.add(parent)
  const node = new Group()
  node.position.set(-4, 5, 6)
  node.rotation.set(0.3, -0.2, 0.1)
  parent.add(node)
  return { world, model, node }
}

/** Where a point in the node's own frame is drawn, in the model frame. */
function inModel(h: ReturnType<typeof hip>, local: Vector3): Vector3 {
  h.world.updateMatrixWorld(true)
  return h.model.worldToLocal(h.node.localToWorld(local.clone()))
}

describe.each([false, true])('mirrored left hip: %s', (mirrored) => {
  it('draws an attached node where femurPointAt puts its rest points, and lets it go back to rest', () => {
    const h = hip(mirrored)
    const local = new Vector3(7, -3, 2)
    const rest = inModel(h, local)
    const detach = attachToFemur(h.node, h.model)
    setFemurMigration(new Vector3(...MIGRATION))
    setTreatmentFemurPose(POSE)
    const want = femurPointAt(POSE, [rest.x, rest.y, rest.z], MIGRATION)
    expect(inModel(h, local).distanceTo(new Vector3(...want))).toBeLessThan(1e-9)
    // In the world, the mirror of it.
    h.world.updateMatrixWorld(true)
    const world = h.node.localToWorld(local.clone())
    expect(world.distanceTo(new Vector3(mirrored ? -want[0] : want[0], want[1], want[2]))).toBeLessThan(1e-9)
    detach()
    expect(inModel(h, local).distanceTo(rest)).toBeLessThan(1e-9)
  })
})

it('without an operation, the femur carries the whole migration; picking’s point goes back to rest exactly', () => {
  setFemurMigration(new Vector3(...MIGRATION))
  const p = new Vector3(1, 2, 3)
  expect(femurToDrawn(p.clone()).distanceTo(new Vector3(1 + MIGRATION[0], 2 + MIGRATION[1], 3))).toBeLessThan(1e-12)
  setTreatmentFemurPose(POSE)
  const drawn = femurToDrawn(p.clone())
  expect(drawn.distanceTo(new Vector3(...femurPointAt(POSE, [1, 2, 3], MIGRATION)))).toBeLessThan(1e-9)
  expect(femurToRest(drawn).distanceTo(p)).toBeLessThan(1e-9)
})

it('reports a change only when the pose or the migration changes (a frame is asked for only then)', () => {
  expect(setTreatmentFemurPose(POSE)).toBe(true)
  expect(setTreatmentFemurPose({ ...POSE, shift: [...POSE.shift] as unknown as Vec3 })).toBe(false)
  expect(setFemurMigration(new Vector3())).toBe(false)
  expect(setFemurMigration(new Vector3(...MIGRATION))).toBe(true)
  expect(setTreatmentFemurPose(null)).toBe(true)
})

it('a node held by two layers (the disease layer and the treatment layer) keeps its first rest, moves once, and goes back to rest only when both let go', () => {
  const h = hip(false)
  const local = new Vector3(7, -3, 2)
  const rest = inModel(h, local)
  setTreatmentFemurPose(POSE)
  const first = attachToFemur(h.node, h.model)
  // Attached again while moved: before, the moved place was taken as its rest, and the node moved twice.
  const second = attachToFemur(h.node, h.model)
  const want = femurPointAt(POSE, [rest.x, rest.y, rest.z])
  expect(inModel(h, local).distanceTo(new Vector3(...want))).toBeLessThan(1e-9)
  first()
  first()
  // One holder still holds it: it stays with the femur.
  setTreatmentFemurPose({ ...POSE, angleDeg: 30 })
  expect(inModel(h, local).distanceTo(new Vector3(...femurPointAt({ ...POSE, angleDeg: 30 }, [rest.x, rest.y, rest.z])))).toBeLessThan(1e-9)
  second()
  expect(inModel(h, local).distanceTo(rest)).toBeLessThan(1e-9)
})
