/**
 * The one owner of the loaded model's geometry once it is shown. The file's geometry was fixed
 * for the session until treatments came: a treatment takes bone away (a tunnel, a cavity, a
 * window), and that must be a real hole that every part of the view sees.
 *
 * How a change reaches everyone:
 * - the structure's own meshes get the new geometry (same Mesh objects, so materials, fades,
 *   the disease patches, hiding and mirroring stay as they are);
 * - helpers that draw their structure's geometry (the section's stencil passes, the outlines;
 *   model/solidMeshes.ts) use the very same BufferGeometry object, and follow it here;
 * - what reads the geometry when it needs it (picking's and the labels' hierarchies,
 *   three/bvh.ts; the cut-face tests, visibility/insideSolid.ts) finds the new one itself; the
 *   hierarchy of a cut geometry comes built from the worker and is wrapped on its first use;
 * - what derives data from it subscribes to ./geometryRevision.ts (it counts the changes).
 * Only the solids removals take from change, one bone at a time (the femur's, or the pelvis's
 * in acetabular reaming: domain/treatment/removalTarget.ts REMOVAL_SOLIDS); a cut of one bone
 * never touches the other's meshes. `showCut(model, target, null)` puts that bone's own geometry
 * objects back, and frees the GPU copies of the cut ones.
 */
import { Box3, BufferAttribute, BufferGeometry, Matrix4, Sphere, Vector3, type InterleavedBufferAttribute, type Mesh, type Object3D } from 'three'
import { parseLandmarks, type Vec3 } from '../../domain/anatomy/landmarks.ts'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import type { RemovalTarget } from '../../domain/treatment/frame.ts'
import { REMOVAL_SOLIDS, type CutResult, type CutSolid, type RemovalSolid } from '../../geometry/cutResult.ts'
import type { ComponentArray, RawAttribute, SolidSource } from '../../geometry/solidSource.ts'
import { invalidateView } from '../renderHandle.ts'
import { toAncestorMatrix } from '../three/toAncestorMatrix.ts'
import { femurRestMatrix } from './femurPose.ts'
import type { LoadedHip } from './modelStore.ts'
import { solidMeshes } from './solidMeshes.ts'
import { jointRegions } from './splitNearJoint.ts'
import { useGeometryRevision } from './geometryRevision.ts'
import { CUT_FACE_ATTRIBUTE, cutFaceAttribute } from './cutFaceLook.ts'


interface Owned {
  readonly model: LoadedHip
  /** The file's geometry of each mesh that may change. */
  readonly originals: Map<Mesh, BufferGeometry>
}
let owned: Owned | null = null

function ownedFor(model: LoadedHip): Owned {
  if (owned?.model !== model) owned = { model, originals: new Map() }
  return owned
}

/** The meshes of a removal solid in the order the worker returns its parts: near the joint, then the rest. */
export function partMeshes(model: LoadedHip, id: StructureId): Mesh[] {
  const node = model.nodes[id]
  if (!node) return []
  const meshes = solidMeshes(node)
  return [...meshes.filter((m) => m.userData.diseaseFree !== true), ...meshes.filter((m) => m.userData.diseaseFree === true)]
}

/**
 * `mesh`'s own frame → the model frame the removals are planned in: the femur's at rest (it may
 * be drawn migrated or moved by an operation: ./femurPose.ts); the pelvis never moves.
 */
function restToModel(mesh: Mesh, model: LoadedHip, target: RemovalTarget): Matrix4 {
  const toModel = toAncestorMatrix(mesh, model.scene)
  return target === 'femur' ? new Matrix4().copy(femurRestMatrix()).multiply(toModel) : toModel
}

/** A copy of an attribute's own array (one memory copy: its values are decoded in the worker). */
function rawCopy(attribute: BufferAttribute | InterleavedBufferAttribute | undefined): RawAttribute | null {
  if (!attribute) return null
  if (!(attribute instanceof BufferAttribute)) throw new Error('an interleaved attribute cannot be handed to the geometry worker')
  return { array: (attribute.array as ComponentArray).slice(), itemSize: attribute.itemSize, normalized: attribute.normalized }
}

/**
 * One bone's solids as the file has them, for the geometry worker: whole (the near and far
 * parts' triangles together), the attribute arrays copied as they are with the matrices to and
 * from the model frame (geometry/solidSource.ts: the worker decodes them, so opening a
 * treatment does no work per vertex here). Null when the model lacks one of them.
 */
export function removalSolidInputs(model: LoadedHip, target: RemovalTarget): Partial<Record<RemovalSolid, SolidSource>> | null {
  const { originals } = ownedFor(model)
  const landmarks = parseLandmarks(model.extras.landmarks)
  const regions = landmarks.ok ? jointRegions(landmarks.value) : {}
  const out: Partial<Record<RemovalSolid, SolidSource>> = {}
  for (const id of REMOVAL_SOLIDS[target]) {
    const source = solidSource(model, id, target, originals, regions)
    if (!source) return null
    out[id] = source
  }
  return out
}

/** One structure's solid as the file has it (see removalSolidInputs); null when the model lacks it. */
function solidSource(
  model: LoadedHip,
  id: StructureId,
  target: RemovalTarget,
  originals: Map<Mesh, BufferGeometry>,
  regions: Partial<Record<StructureId, { centre: Vec3; radius: number }>>,
): SolidSource | null {
  const meshes = partMeshes(model, id)
  if (meshes.length === 0) return null
  const geometries = meshes.map((m) => originals.get(m) ?? m.geometry)
  if (geometries.some((g) => !g.index)) return null
  const first = geometries[0]!
  const indices = new Uint32Array(geometries.reduce((sum, g) => sum + g.index!.count, 0))
  let at = 0
  for (const g of geometries) {
    indices.set(g.index!.array, at)
    at += g.index!.count
  }
  const toModel = restToModel(meshes[0]!, model, target)
  const region3 = meshes.length > 1 ? regions[id] : undefined
  return {
    position: rawCopy(first.getAttribute('position'))!,
    normal: rawCopy(first.getAttribute('normal')),
    color: rawCopy(first.getAttribute('color')),
    region: rawCopy(first.getAttribute('_region')),
    indices,
    toModel: toModel.toArray(),
    toLocal: toModel.clone().invert().toArray(),
    split: region3 ? { centre: region3.centre, radius: region3.radius } : null,
  }
}

/**
 * The head cartilage's solid, for the pieces of the femur (geometry/cutResult.ts PIECE_SOLIDS):
 * no removal cuts it, so the worker gets it only with the first piece asked for.
 */
export function headCartilageInput(model: LoadedHip): SolidSource | null {
  return solidSource(model, 'femoralHeadCartilage', 'femur', ownedFor(model).originals, {})
}

/** Buffer geometries of a cut solid's parts, sharing one set of vertex attributes. */
export function geometriesOf(solid: CutSolid): BufferGeometry[] {
  const attributes: Record<string, BufferAttribute> = {
    position: new BufferAttribute(solid.positions, 3),
    normal: new BufferAttribute(solid.normals, 3),
  }
  if (solid.colors) attributes.color = new BufferAttribute(solid.colors, 3, true)
  if (solid.regions) attributes._region = new BufferAttribute(solid.regions, 1)
  attributes[CUT_FACE_ATTRIBUTE] = cutFaceAttribute(solid.cutFaces)
  return solid.parts.map((part) => {
    const geometry = new BufferGeometry()
    for (const [name, attribute] of Object.entries(attributes)) geometry.setAttribute(name, attribute)
    geometry.setIndex(new BufferAttribute(part.indices, 1))
    const b = part.box
    geometry.boundingBox = new Box3(new Vector3(b[0], b[1], b[2]), new Vector3(b[3], b[4], b[5]))
    const s = part.sphere
    geometry.boundingSphere = new Sphere(new Vector3(s[0], s[1], s[2]), s[3])
    geometry.userData.boneCut = true
    // Built by the worker: ../three/bvh.ts wraps it at the first ray cast instead of building one.
    if (part.bvhRoots) geometry.userData.bvhRoots = part.bvhRoots
    return geometry
  })
}

/** Gives `mesh` its new geometry, and every helper under it that drew the old one. */
function swapGeometry(mesh: Mesh, next: BufferGeometry): void {
  const old = mesh.geometry
  if (old === next) return
  mesh.traverse((o: Object3D) => {
    const m = o as Mesh
    if (m.isMesh && m.geometry === old) m.geometry = next
  })
}

/**
 * Shows the bone `target` cut as `result` says, or as the file has it (null). Returns false when
 * the model's meshes do not match the result (another model was loaded meanwhile, or the result
 * is another bone's): nothing changes. `redraw`: ask for a frame to show it; not when called from
 * a frame before its render, which draws it (another frame would draw the same picture again).
 */
export function showCut(model: LoadedHip, target: RemovalTarget, result: CutResult | null, redraw = true): boolean {
  if (result && result.target !== target) return false
  const { originals } = ownedFor(model)
  const plan: [Mesh, BufferGeometry][] = []
  for (const id of REMOVAL_SOLIDS[target]) {
    const meshes = partMeshes(model, id)
    if (result) {
      const solid = result.solids[id]
      const next = solid ? geometriesOf(solid) : []
      if (next.length === 0 || next.length !== meshes.length) {
        for (const g of [...next, ...plan.map(([, g]) => g)]) g.dispose()
        return false
      }
      meshes.forEach((mesh, i) => plan.push([mesh, next[i]!]))
    } else {
      for (const mesh of meshes) plan.push([mesh, originals.get(mesh) ?? mesh.geometry])
    }
  }
  let changed = false
  for (const [mesh, next] of plan) {
    if (!originals.has(mesh)) originals.set(mesh, mesh.geometry)
    const old = mesh.geometry
    if (old === next) continue
    changed = true
    swapGeometry(mesh, next)
    // A cut geometry shown no more: free its GPU buffers (the file's own are kept for going back).
    if (old !== originals.get(mesh)) old.dispose()
  }
  if (changed) {
    useGeometryRevision.setState((s) => ({ revision: s.revision + 1 }))
    if (redraw) invalidateView()
  }
  return true
}
