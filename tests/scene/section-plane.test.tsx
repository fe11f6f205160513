/**
 * The section's one plane (src/scene/section/sectionPlane.ts): every structure of the loaded
 * model is clipped by it from the start, the parked plane cuts none of the model, and showing,
 * moving and removing a cut changes the plane and the caps' visibility only — no material gets
 * another set of clipping planes (which would compile every program of the model again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { Vector3, type Material, type Mesh, type Object3D, type Plane } from 'three'
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
})
