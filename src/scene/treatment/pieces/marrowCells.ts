/**
 * Bone-marrow cells (the aspirate concentrate) injected down the core: a dark-red column that
 * fills the tunnel from its deep end as `fill` grows (clinical.md §6.1 BMAC). One unit cylinder
 * serves every size: it is stretched to the tunnel's radius and to the filled length. Where the
 * core's end was reamed into a cavity, the cells fill that too: the cavity's own shape
 * (domain/treatment/radialSolid.ts, the surface its bone cutter has), growing about its centre.
 */
import { BufferAttribute, BufferGeometry, type Object3D } from 'three'
import type { RadialSolid } from '../../../domain/treatment/radialSolid.ts'
import { cutterMesh } from '../../../geometry/removalCutters.ts'
import type { ObjectModel, PartPose } from '../objectModel.ts'
import { unitColumn } from './pieceParts.ts'

export function buildMarrowCells(): ObjectModel {
  return unitColumn('cells', 'marrow')
}

/**
 * How far the cells fill the cavity's solid (its reach scaled about its centre): a little inside
 * its wall, which the bone's own hole draws at the same place (design choice).
 */
export const MARROW_IN_CAVITY = 0.96

/** The cells in a reamed cavity: `solid` in the piece's frame; `fill` grows them about its centre. */
export function buildMarrowCavity(solid: RadialSolid): ObjectModel {
  const mesh = cutterMesh({ kind: 'radial', id: 'marrow', solid, grow: MARROW_IN_CAVITY })
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(mesh.positions, 3))
  geometry.setAttribute('normal', new BufferAttribute(mesh.normals, 3))
  geometry.setIndex(new BufferAttribute(mesh.indices, 1))
  geometry.computeBoundingSphere()
  const [cx, cy, cz] = solid.centre
  const grow = (part: Object3D, pose: PartPose) => {
    const f = Math.min(Math.max(pose.fill, 0), 1)
    part.visible = f > 0
    part.scale.setScalar(Math.max(f, 1e-3))
    part.position.set(cx * (1 - f), cy * (1 - f), cz * (1 - f))
  }
  return { parts: [{ name: 'cells', geometry, material: 'marrow', working: true, place: grow }] }
}
