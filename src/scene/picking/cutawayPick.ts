/**
 * Picking through the cutaway window: the parts of the socket that the window removes are not
 * drawn, so a click there must name what is seen behind them (the femoral head), not them. Same
 * test as the shader's (domain/cutaway.ts), on the model frame's points.
 */
import { Vector3, type Object3D } from 'three'
import { parseLandmarks } from '../../domain/anatomy/landmarks.ts'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import { CUTAWAY_MARGIN_MM, CUTAWAY_STRUCTURES, insideCutaway } from '../../domain/cutaway.ts'
import type { Vec3 } from '../../domain/viewState.ts'
import type { LoadedHip } from '../model/modelStore.ts'
import { femurToDrawn } from '../model/femurPose.ts'

const CUT: ReadonlySet<StructureId> = new Set(CUTAWAY_STRUCTURES)
const headOf = new WeakMap<LoadedHip, { centre: Vec3; radius: number } | null>()
const point = new Vector3()
const eye = new Vector3()
const headAt = new Vector3()

function head(model: LoadedHip): { centre: Vec3; radius: number } | null {
  let h = headOf.get(model)
  if (h === undefined) {
    const parsed = parseLandmarks(model.extras.landmarks)
    h = parsed.ok ? { centre: parsed.value.femoralHead.centre, radius: parsed.value.femoralHead.radius } : null
    headOf.set(model, h)
  }
  return h
}

/**
 * True when `structure`'s mesh `object`, hit at `hitWorld` by a ray from `eyeWorld`, lies inside
 * the open window (so it is not drawn there). Call only while the window is shown (cutawayShown).
 */
export function removedByCutaway(model: LoadedHip, structure: StructureId, object: Object3D, hitWorld: Vector3, eyeWorld: Vector3): boolean {
  // Parts of a bone far from the head keep their plain material (userData.diseaseFree): the
  // window is not drawn on them, so they stay pickable.
  if (!CUT.has(structure) || object.userData.diseaseFree === true) return false
  const h = head(model)
  if (!h) return false
  // World → model frame (the model may be mirrored for a left hip).
  model.scene.updateWorldMatrix(true, false)
  model.scene.worldToLocal(point.copy(hitWorld))
  model.scene.worldToLocal(eye.copy(eyeWorld))
  // The window follows the head when it has migrated into the socket (stage IV).
  const drawnCentre = femurToDrawn(headAt.set(h.centre[0], h.centre[1], h.centre[2]))
  const centre: Vec3 = [drawnCentre.x, drawnCentre.y, drawnCentre.z]
  return insideCutaway([point.x, point.y, point.z], [eye.x, eye.y, eye.z], centre, h.radius + CUTAWAY_MARGIN_MM)
}
