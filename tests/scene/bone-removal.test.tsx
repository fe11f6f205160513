/**
 * A treatment's bone removal reaches everything that reads the femur's geometry
 * (scene/model/modelGeometry.ts): on the generated model's own meshes, cut as the geometry
 * worker cuts them (geometry/boneCutJob.ts, run here in Node), the section's stencil passes draw
 * the hole, picking and the cut-face tests see through the tunnel, and going back to [] puts the
 * file's own geometry objects back everywhere. The pelvis likewise for acetabular reaming, and
 * each bone only by its own removals.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadPickRule } from '../../src/scene/picking/pickRule.ts'
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { BufferAttribute, BufferGeometry, Mesh, Plane, Raycaster, Vector3, type Object3D } from 'three'
import { HipModel } from '../../src/scene/HipModel.tsx'
import { useModelStore, type LoadedHip } from '../../src/scene/model/modelStore.ts'
import { removalSolidInputs, showCut } from '../../src/scene/model/modelGeometry.ts'
import { useGeometryRevision } from '../../src/scene/model/geometryRevision.ts'
import { createSectionCaps } from '../../src/scene/section/sectionCaps.ts'
import { solidMeshes, isHelper } from '../../src/scene/model/solidMeshes.ts'
import { accelerateRaycast, ensureBvh } from '../../src/scene/three/bvh.ts'
import { withHierarchies } from '../../src/geometry/partHierarchy.ts'
import { insideSolid } from '../../src/scene/visibility/insideSolid.ts'
import { boundsTreeOf } from '../../src/scene/three/boundsTrees.ts'
import { BoneCutJob } from '../../src/geometry/boneCutJob.ts'
import { REMOVAL_SOLIDS, type CutResult, type RemovalSolid } from '../../src/geometry/cutResult.ts'
import { manifoldModule } from '../../src/anatomy/manifoldModule.ts'
import { useViewStore } from '../../src/state/viewStore.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'
import { parseLandmarks, type HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import type { BoneRemoval } from '../../src/domain/treatment/frame.ts'
import { loadModel } from '../unit/model-loader.ts'
import { generatedHip } from './support/generatedHip.ts'
import { TreatmentObjectSet } from '../../src/scene/treatment/treatmentObjectSet.ts'
import { usePickStore } from '../../src/state/pickStore.ts'
import { removedAt } from '../../src/scene/visibility/removedAt.ts'
import { lesionDebrided, publishTreatmentRemovals } from '../../src/scene/visibility/treatmentRemovals.ts'
import { boneSolid } from '../unit/bone-solids.ts'
import { createCutFaces } from '../../src/scene/disease/cutawayFaces.ts'
import { createDiseaseUniforms } from '../../src/scene/disease/uniforms.ts'
import { planThr } from '../../src/domain/treatment/replacement/thrPlanner.ts'
import type { RemovalTarget } from '../../src/domain/treatment/frame.ts'
import type { FromWorker, ToWorker } from '../../src/geometry/boneCutProtocol.ts'
import { showBoneRemovals } from '../../src/scene/model/boneRemoval.ts'
import { pendingWork } from '../../src/state/pendingWork.ts'

// Picking's rule loads after the first frame in the app; here, before the first click.
beforeAll(async () => {
  await loadPickRule()
})

let model: LoadedHip
let core: Extract<BoneRemoval, { kind: 'cylinder' }>
let axis: Vector3
let cut: CutResult
let job: BoneCutJob
let lm: HipLandmarks

/** The meshes of the solids a removal cuts, with the geometry each had at load. */
const loaded = new Map<Mesh, BufferGeometry>()

beforeAll(async () => {
  const file = await loadModel()
  // The femur's solids as the app draws them: with the file's normals and colours, which a cut keeps.
  model = generatedHip(file, (geometry, mesh) => {
    const name = mesh.name as RemovalSolid
    if (![...REMOVAL_SOLIDS.femur, ...REMOVAL_SOLIDS.pelvis].includes(name)) return
    const solid = boneSolid(file, name)
    geometry.setAttribute('normal', new BufferAttribute(solid.normals!, 3))
    geometry.setAttribute('color', new BufferAttribute(solid.colors!, 3, true))
  })
  useModelStore.setState({ model })
  const parsed = parseLandmarks(file.sceneExtras.landmarks)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  lm = parsed.value
  const entry = new Vector3(...lm.coreDecompressionEntry.point)
  const centre = new Vector3(...lm.femoralHead.centre)
  axis = centre.clone().sub(entry).normalize()
  const from = entry.clone().addScaledVector(axis, -10)
  const to = centre.clone().addScaledVector(axis, -(lm.femoralHead.radius - 5))
  core = { kind: 'cylinder', id: 'core', from: from.toArray(), to: to.toArray(), radius: 5 }
  for (const id of REMOVAL_SOLIDS.femur) for (const mesh of solidMeshes(model.nodes[id]!)) loaded.set(mesh, mesh.geometry)
  // Picking's hierarchies, as PickAccelerator builds them after the first frame.
  for (const mesh of loaded.keys()) accelerateRaycast(mesh)
  job = new BoneCutJob(await manifoldModule(), 'femur', removalSolidInputs(model, 'femur')!)
  cut = job.cut([core])
}, 120_000)

afterAll(() => {
  showCut(model, 'femur', null)
  job.dispose()
})

/** Distance from the core's entry end to the first femur surface along the core's axis (Infinity if none). */
function firstFemurHit(): number {
  model.scene.updateMatrixWorld(true)
  const raycaster = new Raycaster(new Vector3(...core.from), axis)
  const targets: Object3D[] = REMOVAL_SOLIDS.femur.map((id) => model.nodes[id]!)
  const hits = raycaster.intersectObjects(targets, true).filter((h) => !isHelper(h.object))
  return hits[0]?.distance ?? Infinity
}

const length = () => new Vector3(...core.to).distanceTo(new Vector3(...core.from))
const midTunnel = () => new Vector3(...core.from).addScaledVector(axis, length() / 2)

describe('a core decompression tunnel shown, then taken back', () => {
  it("hands the geometry worker copies of the file's own arrays, not numbers decoded on the main thread", () => {
    // Decoding the solids' 45 558 vertices on the main thread made a long task when a treatment opened.
    const sources = removalSolidInputs(model, 'femur')!
    for (const id of REMOVAL_SOLIDS.femur) {
      const mesh = solidMeshes(model.nodes[id]!)[0]!
      const file = loaded.get(mesh)!.getAttribute('position') as BufferAttribute
      const sent = sources[id]!.position
      expect(sent.array.constructor).toBe(file.array.constructor)
      // A copy: transferring it to the worker leaves the drawn geometry whole.
      expect(sent.array.buffer === file.array.buffer).toBe(false)
      expect(Buffer.from(sent.array.buffer).equals(Buffer.from(file.array.buffer, file.array.byteOffset, file.array.byteLength))).toBe(true)
    }
  })

  it('shows the hole to picking, the section caps and the inside-a-solid test, and [] restores the file geometry objects', async () => {
    const plane = new Plane(new Vector3(0, 0, -1), midTunnel().z)
    const caps = createSectionCaps(model.nodes, plane)
    const passesOf = (mesh: Mesh) => mesh.children.filter((c): c is Mesh => isHelper(c) && (c as Mesh).isMesh)
    const renderer = await ReactThreeTestRenderer.create(<HipModel />)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().apply(DEFAULT_VIEW_STATE, { kind: 'none' }))

    // Before: the ray meets the lateral cortex about 10 mm in; the middle of the planned tunnel is bone.
    expect(firstFemurHit()).toBeGreaterThan(8)
    expect(firstFemurHit()).toBeLessThan(12)
    expect(insideSolid(model.nodes.femurCancellous!, midTunnel())).toBe(true)

    // Every geometry the femur's materials draw carries the cut-face flag (model/cutFaceLook.ts):
    // all zero in the file's, set on the tunnel's wall in the cut one.
    const flagged = (mesh: Mesh) => {
      const flag = mesh.geometry.getAttribute('_cutFace')
      expect(flag, `${mesh.userData.structureId} has the cut-face flag`).toBeDefined()
      let n = 0
      for (let v = 0; v < flag.count; v++) if (flag.getX(v) > 0.5) n++
      return n
    }
    for (const mesh of loaded.keys()) expect(flagged(mesh), `${mesh.userData.structureId}: nothing cut yet`).toBe(0)

    const revision = useGeometryRevision.getState().revision
    expect(showCut(model, 'femur', cut)).toBe(true)
    for (const mesh of loaded.keys()) expect(flagged(mesh), `${mesh.userData.structureId}: the tunnel's wall`).toBeGreaterThan(50)
    expect(useGeometryRevision.getState().revision).toBe(revision + 1)
    const cutGeometries = [...loaded.keys()].map((mesh) => mesh.geometry)
    for (const [mesh, original] of loaded) {
      // (Identity compared as booleans: a failing toBe would print two 80 000-triangle geometries.)
      expect(mesh.geometry === original, `${mesh.userData.structureId} has a new geometry`).toBe(false)
      // The stencil passes that close the cut draw the new solid.
      const passes = passesOf(mesh)
      expect(passes.length).toBe(1)
      for (const pass of passes) expect(pass.geometry === mesh.geometry, `${mesh.userData.structureId}: a stencil pass draws the cut solid`).toBe(true)
    }
    // The ray runs down the tunnel to its deep end; the middle of the tunnel is empty.
    expect(firstFemurHit()).toBeGreaterThan(length() - 0.5)
    expect(firstFemurHit()).toBeLessThan(length() + 0.5)
    expect(insideSolid(model.nodes.femurCancellous!, midTunnel())).toBe(false)
    // A click down the tunnel names the bone at its end (the cancellous core), not the cortex it entered.
    model.scene.updateMatrixWorld(true)
    const raycaster = new Raycaster(new Vector3(...core.from), axis)
    const intersections = raycaster.intersectObject(model.scene, true)
    await renderer.fireEvent(renderer.scene.children[0]!, 'onClick', { intersections, ray: raycaster.ray, stopPropagation: () => {} })
    expect(useViewStore.getState().selected).toBe('femurCancellous')

    const disposed = new Set<BufferGeometry>()
    for (const g of cutGeometries) g.addEventListener('dispose', () => disposed.add(g))
    expect(showCut(model, 'femur', null)).toBe(true)
    for (const [mesh, original] of loaded) {
      expect(mesh.geometry === original, `${mesh.userData.structureId}: the file's geometry object is back`).toBe(true)
      for (const pass of passesOf(mesh)) expect(pass.geometry === original, `${mesh.userData.structureId}: its stencil pass too`).toBe(true)
    }
    // The cut geometries' GPU buffers are freed (the renderer's geometry count goes back).
    expect(disposed.size).toBe(cutGeometries.length)
    expect(firstFemurHit()).toBeLessThan(12)
    expect(insideSolid(model.nodes.femurCancellous!, midTunnel())).toBe(true)
    // Nothing changed, nothing published.
    const after = useGeometryRevision.getState().revision
    showCut(model, 'femur', null)
    expect(useGeometryRevision.getState().revision).toBe(after)

    caps.dispose()
    await renderer.unmount()
  })

  it('the worker builds the cut parts\' ray-casting hierarchies; picking wraps them (no build on the main thread) and finds the same hole', () => {
    // Built at the first ray cast after each cut, they were the longest stops left in a play-through (50–300 ms).
    const plain = job.cut([core])
    showCut(model, 'femur', plain)
    const built = firstFemurHit()
    const result = withHierarchies(job.cut([core]))
    expect(showCut(model, 'femur', result)).toBe(true)
    for (const id of REMOVAL_SOLIDS.femur) {
      for (const mesh of solidMeshes(model.nodes[id]!)) {
        const roots = mesh.geometry.userData.bvhRoots as ArrayBuffer[] | undefined
        expect(roots, `${id}: the worker's hierarchy`).toBeDefined()
        expect((ensureBvh(mesh.geometry) as unknown as { _roots: unknown })._roots, `${id}: wrapped, not built`).toBe(roots)
      }
    }
    expect(firstFemurHit()).toBeCloseTo(built, 5)
    expect(firstFemurHit()).toBeGreaterThan(length() - 1)
    showCut(model, 'femur', null)
  })

  it('the inside-a-solid test uses a cut part\'s worker hierarchy before any pointer has cast a ray at it (the labels\' occlusion after a cut)', () => {
    expect(showCut(model, 'femur', withHierarchies(job.cut([core])))).toBe(true)
    const femurMeshes = solidMeshes(model.nodes.femur!)
    for (const mesh of femurMeshes) expect((mesh.geometry as BufferGeometry & { boundsTree?: unknown }).boundsTree, 'no ray cast yet').toBeUndefined()
    // Three's plain ray cast must not run: every crossing is counted on the hierarchy.
    const plain = vi.spyOn(Mesh.prototype, 'raycast')
    try {
      expect(insideSolid(model.nodes.femur!, new Vector3(...core.from).addScaledVector(axis, 30))).toBe(false)
      expect(plain).not.toHaveBeenCalled()
      for (const mesh of femurMeshes) expect(boundsTreeOf(mesh.geometry)).not.toBeNull()
    } finally {
      plain.mockRestore()
      showCut(model, 'femur', null)
    }
  })
})

describe("a treatment's tools and removed bone, to picking and the labels", () => {
  it('a click on a trephine in the tunnel names the trephine (a tag, not a selection), and clicking it again closes the tag', async () => {
    const objects = new TreatmentObjectSet()
    // The trephine half way down the planned tunnel, as the drilling step draws it.
    const tip = midTunnel()
    objects.sync([{ id: 'core-drill', kind: 'trephine', tip: tip.toArray(), axis: axis.toArray(), diameter: 8, length: 120, spin: 0, open: 0 }], [])
    const renderer = await ReactThreeTestRenderer.create(
      <>
        <HipModel />
        <primitive object={objects.root} />
      </>,
    )
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().apply({ ...DEFAULT_VIEW_STATE, selected: 'femur' }, { kind: 'none' }))
    // From in front of the hip, straight at the trephine's shaft where it enters the bone.
    const target = new Vector3(...core.from).addScaledVector(axis, 4)
    const eye = target.clone().add(new Vector3(0, 0, 400))
    renderer.scene.instance.updateMatrixWorld(true)
    const raycaster = new Raycaster(eye, target.clone().sub(eye).normalize())
    const intersections = raycaster.intersectObjects([model.scene, objects.root], true)
    expect(intersections.length).toBeGreaterThan(1)
    const click = () => renderer.fireEvent(renderer.scene.children[0]!, 'onClick', { intersections, ray: raycaster.ray, stopPropagation: () => {} })
    await click()
    expect(usePickStore.getState().pickedObject?.object).toEqual({ id: 'core-drill', kind: 'trephine', role: 'instrument' })
    // The femur's selection gave way to the tool's tag: one tag at a time.
    expect(useViewStore.getState().selected).toBeNull()
    await click()
    expect(usePickStore.getState().pickedObject).toBeNull()
    await renderer.unmount()
    objects.dispose()
  })

  it('a point of bone inside a published removal is not drawn (labels never point into a tunnel); outside it is', () => {
    const femur = model.nodes.femur!
    const eye = new Vector3(0, 0, 500)
    const view = { ...DEFAULT_VIEW_STATE }
    const inside = midTunnel()
    // Beside the tunnel, 3 mm outside its wall.
    const across = new Vector3().crossVectors(axis, new Vector3(0, 0, 1)).normalize()
    const beside = midTunnel().addScaledVector(across, core.radius + 3)
    model.scene.updateMatrixWorld(true)
    expect(removedAt(model, 'femur', femur, inside, eye, view)).toBe(false)
    publishTreatmentRemovals([core])
    try {
      expect(removedAt(model, 'femur', femur, inside, eye, view)).toBe(true)
      expect(removedAt(model, 'femurCancellous', model.nodes.femurCancellous!, inside, eye, view)).toBe(true)
      expect(removedAt(model, 'femur', femur, beside, eye, view)).toBe(false)
      // Only the bone is drilled: the cartilage over the head is not a removal's.
      expect(removedAt(model, 'femoralHeadCartilage', model.nodes.femoralHeadCartilage!, inside, eye, view)).toBe(false)
      // A tunnel leaves the dead bone in place (core decompression); a scraped-out cavity does not.
      expect(lesionDebrided()).toBe(false)
      publishTreatmentRemovals([core, { kind: 'ellipsoid', id: 'cavity', centre: core.to, axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], radii: [6, 6, 6] }])
      expect(lesionDebrided()).toBe(true)
    } finally {
      publishTreatmentRemovals([])
    }
  })
})

/** The last acetabular reamer of the THR plan: a sphere taking from the pelvis. */
function lastReamer(): BoneRemoval {
  const pass = planThr(lm).reaming.at(-1)!
  const r = pass.diameter / 2
  return { kind: 'ellipsoid', id: 'ream', centre: pass.centre, axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], radii: [r, r, r], target: 'pelvis' }
}

/** 1 mm inside the bony socket's surface toward the weight-bearing roof: in its cartilage. */
function inSocketRoof(): Vector3 {
  return new Vector3(...lm.acetabulum.centre).addScaledVector(new Vector3(...lm.weightBearingZone.direction).normalize(), lm.acetabulum.radius - 1)
}

/** Each mesh of a bone's solids with its geometry now. */
function geometriesOf(target: RemovalTarget): Map<Mesh, BufferGeometry> {
  const out = new Map<Mesh, BufferGeometry>()
  for (const id of REMOVAL_SOLIDS[target]) for (const mesh of solidMeshes(model.nodes[id]!)) out.set(mesh, mesh.geometry)
  return out
}

/** Whether every mesh still has the geometry it had in `before`. */
function unchanged(before: Map<Mesh, BufferGeometry>): boolean {
  return [...before].every(([mesh, geometry]) => mesh.geometry === geometry)
}

/** Whether every mesh has another geometry than in `before`. */
function allChanged(before: Map<Mesh, BufferGeometry>): boolean {
  return [...before].every(([mesh, geometry]) => mesh.geometry !== geometry)
}

describe('acetabular reaming: the pelvis cut, the femur left alone', () => {
  it("a pelvis removal swaps the hip bone's, its cartilage's and the labrum's geometry (and their stencil passes), not the femur's; null restores the file's", async () => {
    const pelvisJob = new BoneCutJob(await manifoldModule(), 'pelvis', removalSolidInputs(model, 'pelvis')!)
    const reamed = pelvisJob.cut([core, lastReamer()])
    pelvisJob.dispose()
    // The job takes only its own bone's removals.
    expect(reamed.target).toBe('pelvis')
    expect(Object.keys(reamed.solids).sort()).toEqual([...REMOVAL_SOLIDS.pelvis].sort())
    const caps = createSectionCaps(model.nodes, new Plane(new Vector3(0, 0, -1), 0))
    // The socket window's cut faces: copies of the pelvis's triangles near the head.
    const faces = createCutFaces(model, createDiseaseUniforms(), lm.femoralHead.centre)
    const faceHelpers = () => REMOVAL_SOLIDS.pelvis.flatMap((id) => solidMeshes(model.nodes[id]!)).flatMap((m) => m.children.filter((c): c is Mesh => c.name.startsWith('cutaway-faces-')))
    const copied = new Map(faceHelpers().map((h) => [h, h.geometry]))
    expect(copied.size).toBe(3)
    const pelvis = geometriesOf('pelvis')
    const femur = geometriesOf('femur')
    // The hip bone is drawn in two parts (near the joint and the rest), the others whole.
    expect(pelvis.size).toBe(4)
    // Another bone's result is refused.
    expect(showCut(model, 'femur', reamed)).toBe(false)
    expect(unchanged(femur)).toBe(true)
    expect(showCut(model, 'pelvis', reamed)).toBe(true)
    expect(allChanged(pelvis)).toBe(true)
    expect(unchanged(femur)).toBe(true)
    // The section's stencil passes draw the reamed solids.
    let passes = 0
    for (const mesh of pelvis.keys()) {
      for (const pass of mesh.children.filter((c): c is Mesh => isHelper(c) && (c as Mesh).isMesh && !c.name.startsWith('cutaway-faces-'))) {
        passes++
        expect(pass.geometry === mesh.geometry, `${mesh.userData.structureId}: a stencil pass draws the reamed solid`).toBe(true)
      }
    }
    expect(passes).toBeGreaterThanOrEqual(3)
    // The window's cut faces are copied again from the reamed solids (the cartilage's: fewer
    // triangles) when the window opens, not while it is shut (a treatment cuts again and again).
    for (const [helper, geometry] of copied) expect(helper.geometry === geometry, helper.name).toBe(true)
    faces.setOpen(true)
    for (const [helper, geometry] of copied) expect(helper.geometry === geometry, helper.name).toBe(false)
    const cartilageFaces = faceHelpers().find((h) => h.name === 'cutaway-faces-acetabularCartilage')!
    // All of the cartilage was reamed away: nothing of it is left to draw in the window.
    expect(cartilageFaces.geometry.index?.count ?? 0).toBe(0)
    // The cartilage of the socket's roof is gone (the inside-a-solid test sees the new mesh).
    expect(insideSolid(model.nodes.acetabularCartilage!, inSocketRoof())).toBe(false)
    expect(showCut(model, 'pelvis', null)).toBe(true)
    expect(insideSolid(model.nodes.acetabularCartilage!, inSocketRoof())).toBe(true)
    expect(unchanged(pelvis)).toBe(true)
    expect(unchanged(femur)).toBe(true)
    expect(cartilageFaces.geometry.index!.count).toBe(copied.get(cartilageFaces)!.index!.count)
    faces.dispose()
    caps.dispose()
  })

  it('showBoneRemovals: the pelvis is sent to the worker and cut only when a frame reams it; each bone keeps its picture while only the other changes', async () => {
    const wasm = await manifoldModule()
    const log: string[] = []
    /** The geometry worker's job run in Node, with the messages it was sent logged. */
    class NodeWorker {
      onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null
      onerror: ((event: ErrorEvent) => void) | null = null
      private readonly jobs = new Map<RemovalTarget, BoneCutJob>()
      postMessage(message: ToWorker): void {
        log.push(`${message.type} ${message.target}`)
        setTimeout(() => {
          if (message.type === 'solids') this.jobs.set(message.target, new BoneCutJob(wasm, message.target, message.solids))
          else if (message.type === 'cut') this.onmessage?.({ data: { type: 'cut', key: message.key, result: this.jobs.get(message.target)!.cut(message.removals), ms: 0 } } as MessageEvent<FromWorker>)
        })
      }
      terminate(): void {
        for (const j of this.jobs.values()) j.dispose()
      }
    }
    vi.stubGlobal('Worker', NodeWorker)
    const settled = () => vi.waitFor(() => expect(pendingWork()).not.toContain('bone removal'), { timeout: 60_000, interval: 20 })
    const file = { femur: geometriesOf('femur'), pelvis: geometriesOf('pelvis') }
    try {
      showBoneRemovals([])
      await settled()
      log.length = 0
      // A hip-saving core: the femur alone is sent and cut.
      showBoneRemovals([core])
      await settled()
      expect(log).toEqual(['solids femur', 'cut femur'])
      expect(allChanged(file.femur)).toBe(true)
      expect(unchanged(file.pelvis)).toBe(true)
      const coreDrawn = geometriesOf('femur')
      // The socket reamed as well: the pelvis is sent and cut; the femur's picture is not touched.
      showBoneRemovals([core, lastReamer()])
      await settled()
      expect(log).toEqual(['solids femur', 'cut femur', 'solids pelvis', 'cut pelvis'])
      expect(unchanged(coreDrawn)).toBe(true)
      expect(allChanged(file.pelvis)).toBe(true)
      const reamedDrawn = geometriesOf('pelvis')
      // The femur's removal gone: the femur is the file's again, the reamed pelvis stays as drawn.
      showBoneRemovals([lastReamer()])
      await settled()
      expect(unchanged(file.femur)).toBe(true)
      expect(unchanged(reamedDrawn)).toBe(true)
      expect(log.length).toBe(4)
      showBoneRemovals([])
      await settled()
      expect(unchanged(file.femur)).toBe(true)
      expect(unchanged(file.pelvis)).toBe(true)
    } finally {
      showBoneRemovals([])
      vi.unstubAllGlobals()
    }
  })

  it("the removed-bone rule asks each structure's own bone's removals; a reamer scrapes no lesion", () => {
    const reamer = lastReamer()
    const eye = new Vector3(0, 0, 500)
    const view = { ...DEFAULT_VIEW_STATE }
    // Inside the last reamer, in the socket's roof cartilage.
    const inSocket = inSocketRoof()
    model.scene.updateMatrixWorld(true)
    publishTreatmentRemovals([reamer])
    try {
      expect(removedAt(model, 'acetabularCartilage', model.nodes.acetabularCartilage!, inSocket, eye, view)).toBe(true)
      expect(removedAt(model, 'hipBone', model.nodes.hipBone!, inSocket, eye, view)).toBe(true)
      expect(removedAt(model, 'femur', model.nodes.femur!, inSocket, eye, view)).toBe(false)
      expect(removedAt(model, 'femurCancellous', model.nodes.femurCancellous!, inSocket, eye, view)).toBe(false)
      expect(lesionDebrided()).toBe(false)
      // The same sphere taking from the femur: the other way round.
      publishTreatmentRemovals([{ ...reamer, target: 'femur' }])
      expect(removedAt(model, 'femur', model.nodes.femur!, inSocket, eye, view)).toBe(true)
      expect(removedAt(model, 'hipBone', model.nodes.hipBone!, inSocket, eye, view)).toBe(false)
      expect(lesionDebrided()).toBe(true)
    } finally {
      publishTreatmentRemovals([])
    }
  })
})
