/**
 * Gives a freshly parsed model our materials and finds the node of each structure.
 * Runs once per load; the loaded scene is ours (no loader cache), so it is changed in place.
 */
import type { Mesh, Object3D } from 'three'
import { isStructureId, type StructureId } from '../../domain/anatomy/structures.ts'
import { createMaterial, MATERIAL_KIND } from './hipMaterials.ts'

export type StructureNodes = Partial<Record<StructureId, Object3D>>

export function prepareHipScene(root: Object3D): StructureNodes {
  const nodes: StructureNodes = {}
  root.traverse((object) => {
    if (isStructureId(object.name) && !nodes[object.name]) nodes[object.name] = object
  })
  for (const [id, node] of Object.entries(nodes) as [StructureId, Object3D][]) {
    node.traverse((object) => {
      const mesh = object as Mesh
      if (!mesh.isMesh) return
      const old = mesh.material
      mesh.material = createMaterial(MATERIAL_KIND[id], !!mesh.geometry.getAttribute('color'))
      ;(Array.isArray(old) ? old : [old]).forEach((m) => m.dispose())
      mesh.userData.structureId = id
      // The capsule is see-through: draw it after the opaque structures it wraps.
      if (MATERIAL_KIND[id] === 'capsule') mesh.renderOrder = 2
    })
  }
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
