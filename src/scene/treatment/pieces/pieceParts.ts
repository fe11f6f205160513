/**
 * Placement rules the pieces share. A piece's model lies from its deep end (`to`, at the
 * origin) back along −Y to its entry end (`from`); `fill` shows the part nearest the deep end
 * (marrow and graft fill a tunnel from the bottom). A piece that cannot be partly shown (a
 * core, a strut, the fibula, a window) is hidden at fill 0 and whole otherwise.
 */
import type { Object3D } from 'three'
import type { ObjectModel, PartPose } from '../objectModel.ts'
import { cylinderProfile, lathe } from '../shapes/lathe.ts'
import { AROUND } from '../shapes/toolParts.ts'
import type { TreatmentMaterialRole } from '../treatmentMaterials.ts'

export function wholeWhenFilled(mesh: Object3D, pose: PartPose): void {
  mesh.visible = pose.fill > 0
}

/** A part built at unit radius and unit length: stretched to the radius and the filled length. */
export function stretchedByFill(mesh: Object3D, pose: PartPose): void {
  const shown = Math.min(Math.max(pose.fill, 0), 1) * pose.length
  mesh.visible = shown > 0
  mesh.scale.set(pose.radius, Math.max(shown, 1e-3), pose.radius)
}

/** A column of one material filling a tunnel from its deep end: one unit cylinder, stretched (stretchedByFill). */
export function unitColumn(name: string, material: TreatmentMaterialRole): ObjectModel {
  return { parts: [{ name, geometry: lathe(cylinderProfile(1, -1, 0), AROUND), material, working: true, place: stretchedByFill }] }
}
