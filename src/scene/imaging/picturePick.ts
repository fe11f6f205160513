/**
 * The point of the hip under a point of a simulated picture (issue 13), in the 3D view's hip as
 * drawn: a radiograph's point is its beam through the hip (front to back), and what it shows is
 * what stops the beam most (domain/imaging/xrayPick.ts); the MRI's point lies on its slice plane,
 * where it names what a cut along that plane would show (../visibility/cutFaceUnder.ts, the rule
 * the 3D view's cut faces are picked by). Only what the 3D view draws counts: a hidden
 * structure, the half a cut takes away, the window in the socket and a treatment's removed bone
 * are asked of their one owner (../visibility/removedAt.ts). The frog-leg lateral's femur is
 * turned in the picture only (domain/imaging/frogLeg.ts): its beam is turned back onto the femur
 * the 3D view draws.
 */
import { DoubleSide, Matrix4, Mesh, MeshBasicMaterial, Ray, Raycaster, Vector3, type Intersection, type Object3D } from 'three'
import type { HipLandmarks } from '../../domain/anatomy/landmarks.ts'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import { IMAGE_FRAMES, mriSliceZ } from '../../domain/imaging/imageFrames.ts'
import { frogLegRotation } from '../../domain/imaging/frogLeg.ts'
import { spotToModel } from '../../domain/imaging/picturePoint.ts'
import { densestAlongBeam, XRAY_TISSUE, type BeamSegment } from '../../domain/imaging/xrayPick.ts'
import { clipPlaneOf, type SectionState } from '../../domain/section.ts'
import type { Vec3, ViewState } from '../../domain/viewState.ts'
import type { FoundPoint, PointedSpot } from '../../state/imagingStore.ts'
import type { RegionId } from '../../domain/anatomy/regions.ts'
import type { LoadedHip } from '../model/modelStore.ts'
import { onFemur } from '../model/femurShift.ts'
import { femurToDrawn, femurToRest } from '../model/femurPose.ts'
import { solidMeshes } from '../model/solidMeshes.ts'
import { boundsTreeOf } from '../three/boundsTrees.ts'
import { removedAt } from '../visibility/removedAt.ts'
import { cutFaceUnder } from '../visibility/cutFaceUnder.ts'

/** Where the beam starts, in front of the head's centre (mm): in front of everything the model holds. */
const BEAM_START_MM = 300

/** What a picture's point found: the point, and the landmark region of the structure there when known. */
export interface PicturePick {
  readonly found: FoundPoint
  readonly region: RegionId | null
}

type PickView = Pick<ViewState, 'section' | 'side' | 'cutaway' | 'stage' | 'procedure' | 'faded'>

const raycaster = new Raycaster()
const probe = new Mesh(undefined, new MeshBasicMaterial({ side: DoubleSide }))
probe.matrixAutoUpdate = false
const inverse = new Matrix4()
const localRay = new Ray()
const scratch = new Vector3()

/** A ray in world space. */
interface WorldRay {
  readonly origin: Vector3
  readonly direction: Vector3
}

/** Where a ray crosses a structure's closed surface (world distances, nearest first, with the mesh crossed). */
function crossings(node: Object3D, ray: WorldRay): { distance: number; mesh: Mesh }[] {
  node.updateWorldMatrix(true, true)
  const out: { distance: number; mesh: Mesh }[] = []
  for (const mesh of solidMeshes(node)) {
    const tree = boundsTreeOf(mesh.geometry)
    let points: Vector3[]
    if (tree) {
      inverse.copy(mesh.matrixWorld).invert()
      localRay.origin.copy(ray.origin).applyMatrix4(inverse)
      localRay.direction.copy(ray.direction).transformDirection(inverse)
      points = (tree.raycast(localRay, DoubleSide) as Intersection[]).map((hit) => hit.point.clone().applyMatrix4(mesh.matrixWorld))
    } else {
      probe.geometry = mesh.geometry
      probe.matrixWorld.copy(mesh.matrixWorld)
      raycaster.set(ray.origin, ray.direction)
      points = raycaster.intersectObject(probe, false).map((hit) => hit.point)
    }
    for (const p of points) out.push({ distance: scratch.subVectors(p, ray.origin).dot(ray.direction), mesh })
  }
  return out.sort((a, b) => a.distance - b.distance)
}

/** The stretches of `ray` inside a structure that the 3D view draws (the cut's kept half, what no owner removes). */
function drawnSegments(model: LoadedHip, structure: StructureId, node: Object3D, ray: WorldRay, view: PickView): BeamSegment[] {
  const hits = crossings(node, ray)
  const out: BeamSegment[] = []
  const plane = view.section ? clipPlaneOf(view.section, view.side) : null
  const middle = new Vector3()
  for (let i = 0; i + 1 < hits.length; i += 2) {
    let start = hits[i]!.distance
    let end = hits[i + 1]!.distance
    if (plane) {
      // Keep the part on the kept side of the cut: normal·p + constant ≥ 0 along p = o + t d.
      const [nx, ny, nz] = plane.normal
      const at0 = nx * ray.origin.x + ny * ray.origin.y + nz * ray.origin.z + plane.constant
      const along = nx * ray.direction.x + ny * ray.direction.y + nz * ray.direction.z
      if (Math.abs(along) < 1e-9) {
        if (at0 < 0) continue
      } else {
        const t = -at0 / along
        if (along > 0) start = Math.max(start, t)
        else end = Math.min(end, t)
      }
    }
    if (!(end > start)) continue
    middle.copy(ray.direction).multiplyScalar((start + end) / 2).add(ray.origin)
    if (removedAt(model, structure, hits[i]!.mesh, middle, ray.origin, view)) continue
    out.push({ structure, start, end })
  }
  return out
}

/** A model-frame ray (right-hip frame as drawn) in world space. */
function toWorldRay(model: LoadedHip, origin: Vector3, direction: Vector3): WorldRay {
  const o = model.scene.localToWorld(origin.clone())
  const d = model.scene.localToWorld(origin.clone().add(direction)).sub(o).normalize()
  return { origin: o, direction: d }
}

/** The frog-leg picture's beam turned back from the picture's posed femur onto the 3D view's femur (model frame). */
function ontoDrawnFemur(point: Vector3, headCentre: Vec3): Vector3 {
  const c = new Vector3(...headCentre)
  const [a, b, d, e, f, g, h, i, j] = frogLegRotation()
  const undo = new Matrix4().set(a, b, d, 0, e, f, g, 0, h, i, j, 0, 0, 0, 0, 1).transpose()
  // Drawn in the picture = P·T(c)·R·T(−c)·rest, drawn in 3D = P·rest: 3D = P·T(c)·R⁻¹·T(−c)·P⁻¹·picture.
  femurToRest(point)
  point.sub(c).applyMatrix4(undo).add(c)
  return femurToDrawn(point)
}

function modelPoint(model: LoadedHip, world: Vector3): Vec3 {
  const p = model.scene.worldToLocal(world.clone())
  return [p.x, p.y, p.z]
}

/** What a radiograph's point shows, along its beam. */
function pickOnFilm(model: LoadedHip, landmarks: HipLandmarks, spot: PointedSpot, view: PickView): PicturePick | null {
  const centre = landmarks.femoralHead.centre
  const [x, y] = spotToModel(IMAGE_FRAMES[spot.kind], centre, view.side, spot)
  const origin = new Vector3(x, y, centre[2] + BEAM_START_MM)
  const direction = new Vector3(0, 0, -1)
  const plain = toWorldRay(model, origin, direction)
  const femurRay = spot.kind === 'frogLeg' ? toWorldRay(model, ontoDrawnFemur(origin.clone(), centre), ontoDrawnFemur(origin.clone().add(direction), centre).sub(ontoDrawnFemur(origin.clone(), centre))) : plain
  const segments: BeamSegment[] = []
  const rays = new Map<StructureId, WorldRay>()
  for (const [id, node] of Object.entries(model.nodes) as [StructureId, Object3D][]) {
    if (!XRAY_TISSUE[id]) continue
    const ray = onFemur(id) ? femurRay : plain
    rays.set(id, ray)
    segments.push(...drawnSegments(model, id, node, ray, view))
  }
  const film = densestAlongBeam(segments)
  if (!film) return null
  const ray = rays.get(film.structure) ?? plain
  const at = (t: number) => ray.direction.clone().multiplyScalar(t).add(ray.origin)
  return {
    found: { spot, structure: film.structure, point: modelPoint(model, at((film.start + film.end) / 2)), from: modelPoint(model, at(film.start)), to: modelPoint(model, at(film.end)) },
    region: null,
  }
}

/** The coronal plane of the MRI as a cut: the view's own coronal cut, or one through the head's centre. */
function sliceSection(view: PickView, sliceZ: number): SectionState {
  if (view.section?.plane === 'coronal') return view.section
  // A coronal plane keeps the back (normal −z): −z − offset = 0 at z = −offset.
  return { plane: 'coronal', offset: -sliceZ, flip: false, normal: [0, 0, -1] }
}

/** What the MRI's point shows, on its slice plane. */
function pickOnSlice(model: LoadedHip, landmarks: HipLandmarks, spot: PointedSpot, view: PickView): PicturePick | null {
  const centre = landmarks.femoralHead.centre
  const sliceZ = mriSliceZ(view.section, centre[2])
  const [x, y] = spotToModel(IMAGE_FRAMES.mri, centre, view.side, spot)
  const ray = toWorldRay(model, new Vector3(x, y, sliceZ + 10), new Vector3(0, 0, -1))
  const face = cutFaceUnder(model, ray.origin, ray.direction, { ...view, section: sliceSection(view, sliceZ) })
  const onPlane = modelPoint(model, ray.direction.clone().multiplyScalar(face?.distance ?? 10).add(ray.origin))
  return { found: { spot, structure: face?.pick?.structure ?? null, point: onPlane, from: onPlane, to: onPlane }, region: face?.pick?.region ?? null }
}

/** The point of the 3D view's hip under a point of a picture (null: the picture's point shows no structure). */
export function pickInPicture(model: LoadedHip, landmarks: HipLandmarks, spot: PointedSpot, view: PickView): PicturePick | null {
  model.scene.updateWorldMatrix(true, true)
  return spot.kind === 'mri' ? pickOnSlice(model, landmarks, spot, view) : pickOnFilm(model, landmarks, spot, view)
}
