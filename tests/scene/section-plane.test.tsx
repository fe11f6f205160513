/**
 * The section's one plane (src/scene/section/sectionPlane.ts): every structure of the loaded
 * model is clipped by it from the start, the parked plane cuts none of the model, and showing,
 * moving and removing a cut changes the plane and the caps' visibility only — no material gets
 * another set of clipping planes (which would compile every program of the model again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { Box3, Matrix4, Plane, Quaternion, Vector3, type Material, type Mesh, type Object3D } from 'three'
import { CapExtent } from '../../src/scene/section/capFit.ts'
import { stencilPassName } from '../../src/scene/section/sectionNames.ts'
import { CUT_SOLIDS } from '../../src/domain/section.ts'
import CrossSection from '../../src/scene/section/CrossSection.tsx'
import { sectionPlaneCuts, sectionPlaneOf } from '../../src/scene/section/sectionPlane.ts'
import { isHelper } from '../../src/scene/model/solidMeshes.ts'
import { useModelStore, type LoadedHip } from '../../src/scene/model/modelStore.ts'
import { useViewStore } from '../../src/state/viewStore.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'
import { clipPlaneOf, type SectionState } from '../../src/domain/section.ts'
import { loadModel } from '../unit/model-loader.ts'
import { generatedHip } from './support/generatedHip.ts'

let model: LoadedHip

beforeAll(async () => {
  model = generatedHip(await loadModel())
})
afterAll(() => {
  useModelStore.setState({ model: null })
})

/** The model's own meshes (not the helpers the section or the disease add under them). */
function structureMeshes(root: Object3D): Mesh[] {
  const out: Mesh[] = []
  root.traverse((o) => {
    if ((o as Mesh).isMesh && !isHelper(o)) out.push(o as Mesh)
  })
  return out
}
const materialsOf = (mesh: Mesh): Material[] => (Array.isArray(mesh.material) ? mesh.material : [mesh.material])

/** Each material's clipping planes, by identity (a new array or plane would recompile). */
function clippingOf(root: Object3D): Map<Material, readonly Plane[] | null> {
  const out = new Map<Material, readonly Plane[] | null>()
  for (const mesh of structureMeshes(root)) for (const m of materialsOf(mesh)) out.set(m, m.clippingPlanes)
  return out
}

describe('the section plane', () => {
  it('clips every structure of the model from load, parked where it cuts no vertex', () => {
    const plane = sectionPlaneOf(model.scene)
    const meshes = structureMeshes(model.scene)
    expect(meshes.length).toBeGreaterThan(20)
    for (const mesh of meshes) {
      for (const material of materialsOf(mesh)) expect(material.clippingPlanes, mesh.name).toEqual([plane])
    }
    expect(sectionPlaneCuts(plane)).toBe(false)
    const p = new Vector3()
    let lowest = Infinity
    for (const mesh of meshes) {
      const position = mesh.geometry.getAttribute('position')
      for (let i = 0; i < position.count; i++) lowest = Math.min(lowest, plane.distanceToPoint(p.fromBufferAttribute(position, i)))
    }
    // three discards a fragment on the plane's negative side.
    expect(lowest).toBeGreaterThan(1e5)
  })

  it('a cut moves the plane and shows the caps; removing it parks the plane; no material gets other planes', async () => {
    useModelStore.setState({ model })
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().apply(DEFAULT_VIEW_STATE, { kind: 'none' }))
    const renderer = await ReactThreeTestRenderer.create(<CrossSection />)
    const plane = sectionPlaneOf(model.scene)
    const before = clippingOf(model.scene)
    const caps = () => (renderer.scene.instance as Object3D).children.filter((o) => o.name.startsWith('section-cap-'))
    expect(caps().length).toBe(5)
    expect(caps().every((c) => !c.visible)).toBe(true)
    expect(sectionPlaneCuts(plane)).toBe(false)

    const coronal: SectionState = { plane: 'coronal', offset: 3, flip: false, normal: [0, 0, 1] }
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().apply({ ...DEFAULT_VIEW_STATE, section: coronal }, { kind: 'none' }))
    const wanted = clipPlaneOf(coronal, 'right')
    expect(plane.normal.toArray()).toEqual([...wanted.normal])
    expect(plane.constant).toBe(wanted.constant)
    expect(caps().every((c) => c.visible)).toBe(true)

    await ReactThreeTestRenderer.act(async () => useViewStore.getState().apply(DEFAULT_VIEW_STATE, { kind: 'none' }))
    expect(sectionPlaneCuts(plane)).toBe(false)
    expect(caps().every((c) => !c.visible)).toBe(true)
    expect(clippingOf(model.scene)).toEqual(before)
    for (const [material, planes] of clippingOf(model.scene)) expect(material.clippingPlanes).toBe(planes === null ? null : before.get(material))

    await renderer.unmount()
    expect(sectionPlaneCuts(plane)).toBe(false)
  })

  it('fits each cap to where its solid meets the plane, not to the whole view', async () => {
    useModelStore.setState({ model })
    const coronal: SectionState = { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] }
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().apply({ ...DEFAULT_VIEW_STATE, section: coronal }, { kind: 'none' }))
    const renderer = await ReactThreeTestRenderer.create(<CrossSection />)
    const root = renderer.scene.instance as Object3D
    model.scene.updateMatrixWorld(true)
    const plane = sectionPlaneOf(model.scene)
    const p = new Vector3()
    for (const id of CUT_SOLIDS) {
      const cap = root.getObjectByName(`section-cap-${id}`) as Mesh
      cap.onBeforeRender(undefined as never, undefined as never, undefined as never, cap.geometry, cap.material as Material, undefined as never)
      const toCap = cap.matrixWorld.clone().invert()
      cap.geometry.computeBoundingBox()
      const quad = cap.geometry.boundingBox!
      // Every vertex of the solid on the plane lies under the quad.
      const solids = new Set<Object3D>()
      model.scene.traverse((o) => {
        if (o.name === stencilPassName(id) && o.parent) solids.add(o.parent)
      })
      expect(solids.size, id).toBeGreaterThan(0)
      let onPlane = 0
      for (const solid of solids) {
        const position = (solid as Mesh).geometry.getAttribute('position')
        for (let i = 0; i < position.count; i++) {
          p.fromBufferAttribute(position, i).applyMatrix4(solid.matrixWorld)
          if (Math.abs(plane.distanceToPoint(p)) > 0.5) continue
          onPlane++
          p.applyMatrix4(toCap)
          expect(quad.containsPoint(p.setZ(0)), id).toBe(true)
        }
      }
      expect(onPlane, id).toBeGreaterThan(10)
      // The quad spans the solid's section, not the view (it was 800 mm square).
      const size = quad.getSize(new Vector3()).multiply(new Vector3().setFromMatrixScale(cap.matrixWorld))
      expect(Math.max(size.x, size.y), id).toBeLessThan(id === 'hipBone' ? 260 : id === 'femur' || id === 'femurCancellous' ? 480 : 70)
    }
    await renderer.unmount()
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().apply(DEFAULT_VIEW_STATE, { kind: 'none' }))
  })
})

describe('a cap\'s rectangle (CapExtent)', () => {
  const plane = new Plane(new Vector3(0, 0, 1), 0)
  const u = new Vector3(1, 0, 0)
  const v = new Vector3(0, 1, 0)

  it('is the plane\'s section of a turned, moved box, widened by the margin', () => {
    // A 20 × 10 × 10 box turned 90° about x (its y becomes z) and moved up 5: the plane z = 0
    // cuts it along x ∈ [−10, 10], y ∈ [0, 10] (its old z).
    const matrix = new Matrix4().compose(new Vector3(0, 5, 0), new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), Math.PI / 2), new Vector3(1, 1, 1))
    const extent = new CapExtent(u, v).reset(plane, new Vector3())
    extent.addBox(new Box3(new Vector3(-10, -5, -5), new Vector3(10, 5, 5)), matrix)
    const rect = extent.rect(1)!
    expect(rect.centreU).toBeCloseTo(0, 9)
    expect(rect.centreV).toBeCloseTo(5, 9)
    expect(rect.width).toBeCloseTo(22, 9)
    expect(rect.height).toBeCloseTo(12, 9)
  })

  it('is the union over boxes, counts a box touching the plane, and is null when the plane misses them all', () => {
    const extent = new CapExtent(u, v).reset(plane, new Vector3())
    extent.addBox(new Box3(new Vector3(1, 1, 1), new Vector3(2, 2, 2)), new Matrix4())
    expect(extent.rect(0)).toBeNull()
    extent.addBox(new Box3(new Vector3(-3, -1, 0), new Vector3(-2, 1, 4)), new Matrix4())
    extent.addBox(new Box3(new Vector3(4, 0, -1), new Vector3(6, 2, 1)), new Matrix4())
    expect(extent.rect(0)).toEqual({ centreU: 1.5, centreV: 0.5, width: 9, height: 3 })
  })
})
