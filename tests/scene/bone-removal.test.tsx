/**
 * A treatment's bone removal reaches everything that reads the femur's geometry
 * (scene/model/modelGeometry.ts): on the generated model's own meshes, cut as the geometry
 * worker cuts them (geometry/boneCutJob.ts, run here in Node), the section's stencil passes draw
 * the hole, picking and the cut-face tests see through the tunnel, and going back to [] puts the
 * file's own geometry objects back everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadPickRule } from '../../src/scene/picking/pickRule.ts'
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { BufferAttribute, BufferGeometry, Mesh, Plane, Raycaster, Vector3, type Object3D } from 'three'
import { HipModel } from '../../src/scene/HipModel.tsx'
import { useModelStore, type LoadedHip } from '../../src/scene/model/modelStore.ts'
import { removalSolidInputs, showCut } from '../../src/scene/model/modelGeometry.ts'
import { useGeometryRevision } from '../../src/scene/model/geometryRevision.ts'
import { createSectionCaps } from '../../src/scene/section/sectionCaps.ts'
import { solidMeshes, isHelper } from '../../src/scene/model/solidMeshes.ts'
import { accelerateRaycast } from '../../src/scene/three/bvh.ts'
import { insideSolid } from '../../src/scene/visibility/insideSolid.ts'
import { BoneCutJob } from '../../src/geometry/boneCutJob.ts'
import { REMOVAL_SOLIDS, type CutResult } from '../../src/geometry/cutResult.ts'
import { manifoldModule } from '../../src/anatomy/manifoldModule.ts'
import { useViewStore } from '../../src/state/viewStore.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'
import { parseLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import type { BoneRemoval } from '../../src/domain/treatment/frame.ts'
import { loadModel } from '../unit/model-loader.ts'
import { generatedHip } from './support/generatedHip.ts'
import { TreatmentObjectSet } from '../../src/scene/treatment/treatmentObjectSet.ts'
import { usePickStore } from '../../src/state/pickStore.ts'
import { removedAt } from '../../src/scene/visibility/removedAt.ts'
import { lesionDebrided, publishTreatmentRemovals } from '../../src/scene/visibility/treatmentRemovals.ts'
import { boneSolid } from '../unit/bone-solids.ts'

// Picking's rule loads after the first frame in the app; here, before the first click.
beforeAll(async () => {
  await loadPickRule()
})

let model: LoadedHip
let core: Extract<BoneRemoval, { kind: 'cylinder' }>
let axis: Vector3
let cut: CutResult
let job: BoneCutJob

/** The meshes of the solids a removal cuts, with the geometry each had at load. */
const loaded = new Map<Mesh, BufferGeometry>()

beforeAll(async () => {
  const file = await loadModel()
  // The femur's solids as the app draws them: with the file's normals and colours, which a cut keeps.
  model = generatedHip(file, (geometry, mesh) => {
    if (mesh.name !== 'femur' && mesh.name !== 'femurCancellous') return
    const solid = boneSolid(file, mesh.name)
    geometry.setAttribute('normal', new BufferAttribute(solid.normals!, 3))
    geometry.setAttribute('color', new BufferAttribute(solid.colors!, 3, true))
  })
  useModelStore.setState({ model })
  const parsed = parseLandmarks(file.sceneExtras.landmarks)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  const lm = parsed.value
  const entry = new Vector3(...lm.coreDecompressionEntry.point)
  const centre = new Vector3(...lm.femoralHead.centre)
  axis = centre.clone().sub(entry).normalize()
  const from = entry.clone().addScaledVector(axis, -10)
  const to = centre.clone().addScaledVector(axis, -(lm.femoralHead.radius - 5))
  core = { kind: 'cylinder', id: 'core', from: from.toArray(), to: to.toArray(), radius: 5 }
  for (const id of REMOVAL_SOLIDS) for (const mesh of solidMeshes(model.nodes[id]!)) loaded.set(mesh, mesh.geometry)
  // Picking's hierarchies, as PickAccelerator builds them after the first frame.
  for (const mesh of loaded.keys()) accelerateRaycast(mesh)
  job = new BoneCutJob(await manifoldModule(), removalSolidInputs(model)!)
  cut = job.cut([core])
}, 120_000)

afterAll(() => {
  showCut(model, null)
  job.dispose()
})

/** Distance from the core's entry end to the first femur surface along the core's axis (Infinity if none). */
function firstFemurHit(): number {
  model.scene.updateMatrixWorld(true)
  const raycaster = new Raycaster(new Vector3(...core.from), axis)
  const targets: Object3D[] = REMOVAL_SOLIDS.map((id) => model.nodes[id]!)
  const hits = raycaster.intersectObjects(targets, true).filter((h) => !isHelper(h.object))
  return hits[0]?.distance ?? Infinity
}

const length = () => new Vector3(...core.to).distanceTo(new Vector3(...core.from))
const midTunnel = () => new Vector3(...core.from).addScaledVector(axis, length() / 2)

describe('a core decompression tunnel shown, then taken back', () => {
  it("hands the geometry worker copies of the file's own arrays, not numbers decoded on the main thread", () => {
    // Decoding the solids' 45 558 vertices on the main thread made a long task when a treatment opened.
    const sources = removalSolidInputs(model)!
    for (const id of REMOVAL_SOLIDS) {
      const mesh = solidMeshes(model.nodes[id]!)[0]!
      const file = loaded.get(mesh)!.getAttribute('position') as BufferAttribute
      const sent = sources[id].position
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

    const revision = useGeometryRevision.getState().revision
    expect(showCut(model, cut)).toBe(true)
    expect(useGeometryRevision.getState().revision).toBe(revision + 1)
    const cutGeometries = [...loaded.keys()].map((mesh) => mesh.geometry)
    for (const [mesh, original] of loaded) {
      // (Identity compared as booleans: a failing toBe would print two 80 000-triangle geometries.)
      expect(mesh.geometry === original, `${mesh.userData.structureId} has a new geometry`).toBe(false)
      // The stencil passes that close the cut draw the new solid.
      const passes = passesOf(mesh)
      expect(passes.length).toBe(2)
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
    expect(showCut(model, null)).toBe(true)
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
    showCut(model, null)
    expect(useGeometryRevision.getState().revision).toBe(after)

    caps.dispose()
    await renderer.unmount()
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
