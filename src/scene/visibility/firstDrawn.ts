/**
 * What is drawn first along a ray: the one answer picking, hover and labels share. Walks the
 * ray's hits nearest first, passing over what is not drawn there (./removedAt.ts) and what is
 * see-through (the capsule, faded bone), and stops at the cut face where the ray meets the
 * cutting plane if one is drawn there (./cutFaceUnder.ts): a tap on a cut face names the cut
 * structure, not whatever surface lies behind the plane. A treatment's tools are drawn over the
 * cut (never clipped), so a hit on one names it wherever it lies; the graft and bone pieces the
 * cut cuts with the bone (domain/treatment/pieceSection.ts) are clipped by their looks' plane,
 * and a hit on their clipped side is passed over as the shader passes over it.
 */
import type { Intersection, Material, Mesh, Ray } from 'three'
import type { Pick } from '../../state/pickStore.ts'
import type { TreatmentObjectRef } from '../../domain/treatment/frame.ts'
import { treatmentObjectOf } from '../treatment/objectTag.ts'
import type { LoadedHip } from '../model/modelStore.ts'
import { structureOf } from '../model/prepareHipScene.ts'
import { regionOf } from '../picking/regionOf.ts'
import { cutFaceUnder } from './cutFaceUnder.ts'
import { removedAt, shownInScene, type RemovalView } from './removedAt.ts'
import { isHelper } from '../model/solidMeshes.ts'

export interface Drawn {
  /** Distance from the ray's origin (world mm). */
  readonly distance: number
  /** What is drawn there; null where what is drawn names no structure (joint fluid on a cut face). */
  readonly pick: Pick | null
  /** A treatment's instrument or piece drawn there (then `pick` is null). */
  readonly object?: TreatmentObjectRef
}

/** A see-through material (the capsule, a faded structure): what is behind it is what is seen. */
export function seeThrough(material: Material): boolean {
  return material.transparent && material.opacity < 0.5
}

/** Whether three's clipping planes of the hit's material (world space) drop the hit point, as its shader does. */
function clippedAt(mesh: Mesh, hit: Intersection): boolean {
  const material = Array.isArray(mesh.material) ? mesh.material[hit.face?.materialIndex ?? 0] : mesh.material
  if (!material) return false
  return (material.clippingPlanes ?? []).some((plane) => plane.distanceToPoint(hit.point) < 0)
}

/** The first thing drawn along `ray` (world, unit direction), given its hits sorted nearest first. */
export function firstDrawn(model: LoadedHip, hits: readonly Intersection[], ray: Ray, view: RemovalView): Drawn | null {
  const cut = cutFaceUnder(model, ray.origin, ray.direction, view)
  for (const hit of hits) {
    if (cut && hit.distance > cut.distance) return cut
    const mesh = hit.object as Mesh
    if (!mesh.isMesh || isHelper(mesh) || seeThrough(mesh.material as Material)) continue
    const object = treatmentObjectOf(mesh)
    if (object) {
      if (shownInScene(mesh) && !clippedAt(mesh, hit)) return { distance: hit.distance, pick: null, object }
      continue
    }
    const structure = structureOf(mesh)
    if (!structure) continue
    if (removedAt(model, structure, mesh, hit.point, ray.origin, view)) continue
    return { distance: hit.distance, pick: { structure, region: hit.face ? regionOf(mesh, hit.face.a) : null } }
  }
  return cut
}
