/**
 * The one rule for "is this point of the model drawn?", for everything that asks where the
 * pointer or a label meets the hip: picking, hover and label occlusion (through ./firstDrawn.ts,
 * which adds the cut faces). A point of a structure's surface is not drawn when its structure
 * (or a parent) is hidden, when the cross-section cuts it off, when the window in the socket
 * removes it, when a treatment has taken that bone away (a tunnel, a scraped-out cavity: the
 * removals of the frame drawn, ./treatmentRemovals.ts), or when the disease's shaders drop it
 * (worn-through cartilage at stage IV). The
 * shaders draw by the same rules (three's clipping planes; DZ_WINDOW and the cartilage discards
 * in scene/disease/shaders.ts, mirrored by domain/lesion/drawnTissue.ts).
 */
import { Vector3, type Object3D } from 'three'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import { cutawayShown } from '../../domain/cutaway.ts'
import { clipPlaneOf } from '../../domain/section.ts'
import type { ViewState } from '../../domain/viewState.ts'
import type { LoadedHip } from '../model/modelStore.ts'
import { removedByCutaway } from '../picking/cutawayPick.ts'
import { diseaseDrawing } from './diseaseDrawing.ts'
import { treatmentRemovals } from './treatmentRemovals.ts'
import { insideAnyRemoval } from '../../domain/treatment/removalVolume.ts'
import { removalsOn, targetOfStructure } from '../../domain/treatment/removalTarget.ts'
import { femurToRest } from '../model/femurPose.ts'

/** What of the view decides it (a slice of the view state). */
export type RemovalView = Pick<ViewState, 'section' | 'side' | 'cutaway' | 'stage' | 'procedure' | 'faded'>

/** Whether `object` and all its parents are visible. */
export function shownInScene(object: Object3D): boolean {
  for (let o: Object3D | null = object; o; o = o.parent) if (!o.visible) return false
  return true
}

/** Points this far on the removed side of the cutting plane count as cut off (mm; the plane itself stays). */
const PLANE_TOLERANCE_MM = 0.01

const inModel = new Vector3()
const atRest = new Vector3()

/**
 * True when the point `hitWorld` on `object` (a mesh of `structure`), seen from `eyeWorld`, is
 * not drawn in this view.
 */
export function removedAt(
  model: LoadedHip,
  structure: StructureId,
  object: Object3D,
  hitWorld: Vector3,
  eyeWorld: Vector3,
  view: RemovalView,
): boolean {
  if (!shownInScene(object)) return true
  if (view.section) {
    const { normal, constant } = clipPlaneOf(view.section, view.side)
    if (normal[0] * hitWorld.x + normal[1] * hitWorld.y + normal[2] * hitWorld.z + constant < -PLANE_TOLERANCE_MM) return true
  }
  if (cutawayShown(view) && removedByCutaway(model, structure, object, hitWorld, eyeWorld)) return true
  const removals = treatmentRemovals()
  const drawing = diseaseDrawing()
  if (!drawing && removals.length === 0) return false
  model.scene.updateWorldMatrix(true, false)
  model.scene.worldToLocal(inModel.copy(hitWorld))
  // Only the removals of the structure's own bone: a reamed socket takes nothing from the head
  // sitting in it, a cut-off head nothing from the socket. The femur's are planned on it at rest;
  // it may have migrated (stage IV) or been moved by the operation (../model/femurPose.ts).
  const target = removals.length > 0 ? targetOfStructure(structure) : null
  if (target === 'femur') {
    femurToRest(atRest.copy(inModel))
    if (insideAnyRemoval(removalsOn(removals, 'femur'), [atRest.x, atRest.y, atRest.z])) return true
  }
  if (target === 'pelvis' && insideAnyRemoval(removalsOn(removals, 'pelvis'), [inModel.x, inModel.y, inModel.z])) return true
  return drawing ? drawing.surfaceDropped(structure, [inModel.x, inModel.y, inModel.z]) : false
}
