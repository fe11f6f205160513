/**
 * The Lewinnek safe zone as a faint cone (domain/treatment/replacement/safeZone.ts): a fan of
 * triangles from the cup's centre to the zone's rim, see-through and unlit, drawn over nothing's
 * depth (it never hides the cup) and never picked. Shown in clinical mode at the cup's step only
 * (../treatment/TreatmentLayer.tsx decides).
 */
import { BufferAttribute, BufferGeometry, DoubleSide, Mesh, MeshBasicMaterial } from 'three'
import type { SafeZoneCone } from '../../domain/treatment/replacement/safeZone.ts'

/** A calm green, as a target zone reads on a template [design choice]. */
const ZONE_COLOUR = '#3fae6a'
const ZONE_OPACITY = 0.18

export function buildSafeZoneMesh(cone: SafeZoneCone): Mesh {
  const n = cone.rim.length
  const positions = new Float32Array((n + 1) * 3)
  positions.set(cone.apex, 0)
  cone.rim.forEach((p, k) => positions.set(p, (k + 1) * 3))
  const index: number[] = []
  for (let k = 0; k < n; k++) index.push(0, 1 + k, 1 + ((k + 1) % n))
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(positions, 3))
  geometry.setIndex(index)
  geometry.computeBoundingSphere()
  const material = new MeshBasicMaterial({ color: ZONE_COLOUR, transparent: true, opacity: ZONE_OPACITY, side: DoubleSide, depthWrite: false })
  const mesh = new Mesh(geometry, material)
  mesh.name = 'lewinnek-safe-zone'
  mesh.renderOrder = 20
  mesh.raycast = () => {}
  return mesh
}
