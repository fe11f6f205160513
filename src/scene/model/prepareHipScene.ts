/**
 * Gives a freshly parsed model our materials (clipped by the section's plane), finds the node of each structure and splits the
 * big bones into the part near the joint and the rest (./splitNearJoint.ts).
 * Runs once per load; the loaded scene is ours (no loader cache), so it is changed in place.
 */
import type { Mesh, Object3D } from 'three'
import { parseLandmarks } from '../../domain/anatomy/landmarks.ts'
import { isStructureId, type StructureId } from '../../domain/anatomy/structures.ts'
import { createMaterial, MATERIAL_KIND } from './hipMaterials.ts'
import { jointRegions, splitMeshNearJoint, type JointRegion } from './splitNearJoint.ts'
import { clipBySection } from '../section/sectionPlane.ts'
import { targetOfStructure } from '../../domain/treatment/removalSolids.ts'
import { markUncut, withCutFaceLook } from './cutFaceLook.ts'

export type StructureNodes = Partial<Record<StructureId, Object3D>>

/** `extras` are the file's scene extras; without valid landmarks the bones stay whole. */
export function prepareHipScene(root: Object3D, extras: Record<string, unknown> = {}): StructureNodes {
  const nodes: StructureNodes = {}
  root.traverse((object) => {
    if (isStructureId(object.name) && !nodes[object.name]) nodes[object.name] = object
  })
  // The solids a treatment's removal takes bone from show the faces it makes (./cutFaceLook.ts).
  const materialFor = (id: StructureId, mesh: Mesh) => {
    const material = createMaterial(MATERIAL_KIND[id], !!mesh.geometry.getAttribute('color'))
    return targetOfStructure(id) ? withCutFaceLook(material) : material
  }
  for (const [id, node] of Object.entries(nodes) as [StructureId, Object3D][]) {
    node.traverse((object) => {
      const mesh = object as Mesh
      if (!mesh.isMesh) return
      const old = mesh.material
      // Before the split below: its parts share the attributes.
      if (targetOfStructure(id)) markUncut(mesh.geometry)
      mesh.material = materialFor(id, mesh)
      ;(Array.isArray(old) ? old : [old]).forEach((m) => m.dispose())
      mesh.userData.structureId = id
      // The capsule is see-through: draw it after the opaque structures it wraps.
      if (MATERIAL_KIND[id] === 'capsule') mesh.renderOrder = 2
    })
  }
  const parsed = parseLandmarks(extras.landmarks)
  if (parsed.ok) {
    for (const [id, region] of Object.entries(jointRegions(parsed.value)) as [StructureId, JointRegion][]) {
      const meshes: Mesh[] = []
      nodes[id]?.traverse((o) => {
        if ((o as Mesh).isMesh) meshes.push(o as Mesh)
      })
      for (const mesh of meshes) {
        splitMeshNearJoint(mesh, root, region, () => materialFor(id, mesh))
      }
    }
  }
  // Every structure is clipped by the section's plane from the start (see section/sectionPlane.ts).
  root.traverse((object) => {
    const mesh = object as Mesh
    if (!mesh.isMesh) return
    for (const material of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) clipBySection(material, root)
  })
  return nodes
}

/** The structure a picked object belongs to, if any. */
export function structureOf(object: Object3D | null): StructureId | null {
  for (let o: Object3D | null = object; o; o = o.parent) {
    const id = o.userData.structureId ?? o.name
    if (typeof id === 'string' && isStructureId(id)) return id
  }
  return null
}
