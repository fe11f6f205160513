/**
 * The cut face drawn where a ray meets the cutting plane (the section's caps,
 * scene/section/sectionCaps.ts): the face of the last solid in the caps' drawing order
 * (domain/section.ts CUT_SOLIDS) that contains the point and is shown, unless the disease's cap
 * shader drops it there or draws another tissue (./diseaseDrawing.ts). Whether something nearer
 * hides the face is for the caller (./firstDrawn.ts).
 */
import { Vector3, type Mesh } from 'three'
import { isRegionId, type RegionId } from '../../domain/anatomy/regions.ts'
import { clipPlaneOf, CUT_SOLIDS, type CutSolid } from '../../domain/section.ts'
import type { Pick } from '../../state/pickStore.ts'
import type { LoadedHip } from '../model/modelStore.ts'
import { regionOf } from '../picking/regionOf.ts'
import { diseaseDrawing } from './diseaseDrawing.ts'
import { insideSolid } from './insideSolid.ts'
import { boundsTreeOf } from '../three/boundsTrees.ts'
import { solidMeshes } from '../model/solidMeshes.ts'
import { shownInScene, type RemovalView } from './removedAt.ts'

export interface CutFaceHit {
  /** Distance from the ray's origin to the plane (world mm). */
  readonly distance: number
  /** What the face names: null where it shows no structure of the catalogue (joint fluid). */
  readonly pick: Pick | null
}

const point = new Vector3()
const local = new Vector3()
const closest = { point: new Vector3(), distance: 0, faceIndex: 0 }

/** Inner surfaces of the cortex: the cancellous core under them belongs to the part of the bone they line. */
const CORE_REGION: Partial<Record<RegionId, RegionId | null>> = { subchondralPlate: 'femoralHead', endostealSurface: null, medullaryCanal: null }

/** The landmark region of the bone surface nearest to a point (needs picking's hierarchy; null before). */
function regionNear(meshes: readonly Mesh[], at: Vector3): RegionId | null {
  for (const mesh of meshes) {
    const tree = boundsTreeOf(mesh.geometry)
    const index = mesh.geometry.index
    if (!tree || !index) continue
    local.copy(at)
    mesh.worldToLocal(local)
    const hit = tree.closestPointToPoint(local, closest)
    if (hit) return regionOf(mesh, index.getX(hit.faceIndex * 3))
  }
  return null
}

function pickOf(model: LoadedHip, solid: CutSolid, at: Vector3): Pick {
  if (solid === 'femur' || solid === 'hipBone') return { structure: solid, region: regionNear(solidMeshes(model.nodes[solid]!), at) }
  if (solid === 'femurCancellous') {
    const femur = model.nodes.femur
    const near = femur ? regionNear(solidMeshes(femur), at) : null
    const region = near && near in CORE_REGION ? CORE_REGION[near]! : near
    return { structure: solid, region: region && isRegionId(region) ? region : null }
  }
  return { structure: solid, region: null }
}

/**
 * The cut face the ray from `origin` along the unit `direction` (world) meets, or null where the
 * plane shows none (no cut, the ray misses the plane, or no shown solid is cut there).
 */
export function cutFaceUnder(model: LoadedHip, origin: Vector3, direction: Vector3, view: RemovalView): CutFaceHit | null {
  if (!view.section) return null
  const { normal, constant } = clipPlaneOf(view.section, view.side)
  const along = normal[0] * direction.x + normal[1] * direction.y + normal[2] * direction.z
  if (Math.abs(along) < 1e-9) return null
  const distance = -(normal[0] * origin.x + normal[1] * origin.y + normal[2] * origin.z + constant) / along
  if (!(distance > 0)) return null
  point.copy(direction).multiplyScalar(distance).add(origin)
  const drawing = diseaseDrawing()
  model.scene.updateWorldMatrix(true, false)
  for (let i = CUT_SOLIDS.length - 1; i >= 0; i--) {
    const solid = CUT_SOLIDS[i]!
    const node = model.nodes[solid]
    if (!node || !shownInScene(node) || !insideSolid(node, point)) continue
    model.scene.worldToLocal(local.copy(point))
    const face = drawing ? drawing.cutFace(solid, [local.x, local.y, local.z]) : 'own'
    if (face === 'none') continue
    if (face === 'fluid') return { distance, pick: null }
    if (face === 'cartilage') return { distance, pick: { structure: 'femoralHeadCartilage', region: null } }
    if (face === 'plate') return { distance, pick: { structure: 'femur', region: 'subchondralPlate' } }
    return { distance, pick: pickOf(model, solid, point) }
  }
  return null
}
