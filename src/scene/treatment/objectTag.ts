/**
 * How a drawn treatment object says what it is: its group carries userData.treatmentObject (set
 * by ./treatmentObjectSet.ts). Kept apart so the picking rule, loaded after the first frame,
 * can name a tool or graft without carrying the treatment code.
 */
import type { Object3D } from 'three'
import type { TreatmentObjectRef } from '../../domain/treatment/frame.ts'

/** The name of the root group every drawn treatment object lies in. */
export const TREATMENT_OBJECTS_ROOT = 'treatment-objects'

/** The treatment object a mesh belongs to (walking up to its tagged group), or null. */
export function treatmentObjectOf(object: Object3D | null): TreatmentObjectRef | null {
  for (let o = object; o; o = o.parent) {
    const tag = o.userData.treatmentObject as TreatmentObjectRef | undefined
    if (tag) return tag
  }
  return null
}

/** The drawn group of `ref` in `scene`, or null (no treatment drawn, or it has gone: another step). */
export function treatmentObjectGroup(scene: Object3D, ref: TreatmentObjectRef): Object3D | null {
  const root = scene.getObjectByName(TREATMENT_OBJECTS_ROOT)
  if (!root) return null
  // Objects lie in the root or, moving with the femur, one group below it.
  let found: Object3D | null = null
  root.traverse((child) => {
    const tag = child.userData.treatmentObject as TreatmentObjectRef | undefined
    if (!found && tag && tag.id === ref.id && tag.role === ref.role && tag.kind === ref.kind) found = child
  })
  return found
}
