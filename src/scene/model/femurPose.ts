/**
 * Where the femur is drawn: the one owner of its rigid motion in the model frame. Two things
 * move it: the stage IV migration (the disease layer writes it: setFemurMigration) and an
 * operation that dislocates and reduces the hip (the treatment layer writes the frame's pose:
 * setTreatmentFemurPose, domain/treatment/frame.ts FemurPose, which also says how much of the
 * migration is still applied). Every femur-side object (the femur's nodes, the see-through
 * lesion, the tools and implants that work on the femur) is attached here and moved by the same
 * matrix; what must agree with the drawn femur (picking, labels, the name tag, the removal and
 * cutaway rules) turns points with femurToDrawn / femurToRest.
 *
 * Plain module values, not store state: the pose changes frame by frame while a step plays.
 */
import { Matrix4, Quaternion, Vector3, type Object3D } from 'three'
import type { FemurPose } from '../../domain/treatment/frame.ts'
import { toAncestorMatrix } from '../three/toAncestorMatrix.ts'

/** Rest → drawn, and drawn → rest (model frame, mm). */
const drawn = new Matrix4()
const rest = new Matrix4()
/** The stage's full migration (model frame, mm). */
const migration = new Vector3()
let pose: FemurPose | null = null
let revision = 0

interface Attached {
  readonly node: Object3D
  /** The node's own matrix at rest. */
  readonly restLocal: Matrix4
  /** Its parent's frame → the model frame, and back. */
  readonly parentToModel: Matrix4
  readonly modelToParent: Matrix4
}
const attached = new Set<Attached>()
/** Each attached node's entry and how many holders keep it attached (the disease layer and the treatment layer both may). */
const holders = new Map<Object3D, { entry: Attached; count: number }>()

const scratch = new Matrix4()
const step = new Matrix4()
const turn = new Quaternion()
const axis = new Vector3()

/**
 * The rest → drawn matrix of `pose` (null: the femur untouched) with the stage's full migration
 * `shift`, into `out`: the one rule for turning a FemurPose into a matrix (the femur's, a piece of it lying
 * elsewhere: ../treatment/removedBone.ts, and a picture of a treatment's step: ../imaging). Allocation-free.
 */
export function poseMatrix(pose: FemurPose | null, shift: Readonly<Vector3>, out: Matrix4): Matrix4 {
  const share = pose ? pose.migration : 1
  out.makeTranslation(shift.x * share, shift.y * share, shift.z * share)
  if (pose) {
    const [px, py, pz] = pose.pivot
    axis.set(pose.axis[0], pose.axis[1], pose.axis[2]).normalize()
    turn.setFromAxisAngle(axis, (pose.angleDeg * Math.PI) / 180)
    out.premultiply(step.makeTranslation(-px, -py, -pz))
    out.premultiply(step.makeRotationFromQuaternion(turn))
    out.premultiply(step.makeTranslation(px + pose.shift[0], py + pose.shift[1], pz + pose.shift[2]))
  }
  return out
}

function compose(): void {
  poseMatrix(pose, migration, drawn)
  rest.copy(drawn).invert()
  revision++
  for (const a of attached) place(a)
}

/** Changes whenever the femur is drawn somewhere else (what the labels' occlusion check must see again). */
export function femurPoseRevision(): number {
  return revision
}

function place(a: Attached): void {
  scratch.multiplyMatrices(a.modelToParent, drawn).multiply(a.parentToModel).multiply(a.restLocal)
  scratch.decompose(a.node.position, a.node.quaternion, a.node.scale)
  a.node.updateMatrix()
}

function samePose(a: FemurPose | null, b: FemurPose | null): boolean {
  if (a === b) return true
  if (!a || !b) return false
  const same = (u: readonly number[], v: readonly number[]) => u[0] === v[0] && u[1] === v[1] && u[2] === v[2]
  return a.angleDeg === b.angleDeg && a.migration === b.migration && same(a.pivot, b.pivot) && same(a.axis, b.axis) && same(a.shift, b.shift)
}

/** The stage's migration (model frame, mm). Returns whether the drawn femur moved. */
export function setFemurMigration(shift: Vector3): boolean {
  if (migration.equals(shift)) return false
  migration.copy(shift)
  compose()
  return true
}

/** An operation's pose of the femur, or null (where the disease view draws it). Returns whether it moved. */
export function setTreatmentFemurPose(next: FemurPose | null): boolean {
  if (samePose(pose, next)) return false
  pose = next
  compose()
  return true
}

/** The stage's full migration (read only). */
export function femurMigration(): Readonly<Vector3> {
  return migration
}

/** A point of the femur's rest frame → where it is drawn (model frame), in place. */
export function femurToDrawn(v: Vector3): Vector3 {
  return v.applyMatrix4(drawn)
}

/** A drawn point (model frame) → the femur's rest frame, in place. */
export function femurToRest(v: Vector3): Vector3 {
  return v.applyMatrix4(rest)
}

/** The rest → drawn matrix (read only; tests and the worker's frames). */
export function femurDrawnMatrix(): Readonly<Matrix4> {
  return drawn
}

/** The drawn → rest matrix (read only). */
export function femurRestMatrix(): Readonly<Matrix4> {
  return rest
}

/**
 * Moves `node` (a descendant of `modelRoot`, the model frame) with the femur from now on, from
 * where it is now as its rest; the returned function lets it go, and the last holder to let it
 * go puts it back at rest. Several holders may attach the same node (the disease layer for the
 * stage IV migration, the treatment layer for an operation's moves: either may be absent): the
 * node keeps the rest it had when first attached.
 */
export function attachToFemur(node: Object3D, modelRoot: Object3D): () => void {
  const held = holders.get(node)
  if (held) held.count++
  else {
    const parentToModel = node.parent && node.parent !== modelRoot ? toAncestorMatrix(node.parent, modelRoot) : new Matrix4()
    node.updateMatrix()
    const a: Attached = { node, restLocal: node.matrix.clone(), parentToModel, modelToParent: parentToModel.clone().invert() }
    attached.add(a)
    holders.set(node, { entry: a, count: 1 })
    place(a)
  }
  let released = false
  return () => {
    const h = holders.get(node)
    if (released || !h) return
    released = true
    if (--h.count > 0) return
    holders.delete(node)
    attached.delete(h.entry)
    h.entry.restLocal.decompose(node.position, node.quaternion, node.scale)
    node.updateMatrix()
  }
}
