/**
 * Which meshes under a structure's node are the structure itself. Features hang helper meshes
 * under a structure's mesh so that they hide, move, mirror and collapse with it (the section's
 * stencil passes, the window's cut faces, the selection's outlines); everything that works on
 * the structure's own surface (picking, the caps, label occlusion, the outlines' sources) must
 * skip them. One mark, set and read here.
 * A helper that draws its structure's surface uses the structure mesh's own BufferGeometry object
 * (not a copy): when a treatment cuts the bone, the model's geometry owner
 * (./modelGeometry.ts) hands the new geometry to the mesh and to every helper drawing the old one.
 */
import type { Mesh, Object3D } from 'three'

/** Marks `object` as a helper: not part of the structure it hangs under. */
export function markHelper(object: Object3D): void {
  object.userData.sectionHelper = true
}

/** Whether `object` is a helper (see markHelper). */
export function isHelper(object: Object3D): boolean {
  return object.userData.sectionHelper === true
}

/** The meshes under `root` (itself included) that are structure, not helpers. */
export function solidMeshes(root: Object3D): Mesh[] {
  const out: Mesh[] = []
  root.traverse((o) => {
    if ((o as Mesh).isMesh && !isHelper(o)) out.push(o as Mesh)
  })
  return out
}
