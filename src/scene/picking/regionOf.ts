/** The landmark region of a bone under a picked triangle (per-vertex `_region` + the mesh's name table). */
import type { Mesh } from 'three'
import { isRegionId, type RegionId } from '../../domain/anatomy/regions.ts'

export function regionOf(mesh: Mesh, vertexIndex: number): RegionId | null {
  const attribute = mesh.geometry.getAttribute('_region')
  const table = mesh.userData.regions as unknown
  if (!attribute || !Array.isArray(table)) return null
  const id = table[Math.round(attribute.getX(vertexIndex))] as unknown
  return typeof id === 'string' && isRegionId(id) ? id : null
}
