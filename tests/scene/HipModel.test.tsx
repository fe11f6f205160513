import { beforeAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadPickRule } from '../../src/scene/picking/pickRule.ts'
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { readFileSync } from 'node:fs'
import { Mesh, MeshStandardMaterial, Ray, Vector3, type Object3D } from 'three'
import { HipModel } from '../../src/scene/HipModel.tsx'
import { useModelStore } from '../../src/scene/model/modelStore.ts'
import { useViewStore } from '../../src/state/viewStore.ts'
import { usePickStore } from '../../src/state/pickStore.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'
import { boxHip, loadFakeModel } from './support/fakeModel.ts'

// Picking's rule loads after the first frame in the app; here, before the first click.
beforeAll(async () => {
  await loadPickRule()
})

const fakeHip = () => boxHip(['femur', 'hipBone', 'labrum', 'jointCapsule', 'femoralArtery'])

function nodeNamed(root: Object3D, name: string): Object3D {
  const node = root.getObjectByName(name)
  if (!node) throw new Error(`no ${name}`)
  return node
}

let renderer: Awaited<ReturnType<typeof ReactThreeTestRenderer.create>> | null = null

beforeEach(() => {
  useViewStore.getState().apply(DEFAULT_VIEW_STATE, { kind: 'none' })
  loadFakeModel(fakeHip())
})

afterEach(async () => {
  await renderer?.unmount()
  renderer = null
  useModelStore.setState({ model: null })
})

describe('HipModel', () => {
  it('renders nothing until the model is loaded', async () => {
    useModelStore.setState({ model: null })
    renderer = await ReactThreeTestRenderer.create(<HipModel />)
    expect(renderer.scene.children).toHaveLength(0)
  })

  it('hides and shows the structures the user chose', async () => {
    renderer = await ReactThreeTestRenderer.create(<HipModel />)
    const scene = useModelStore.getState().model!.scene
    expect(nodeNamed(scene, 'labrum').visible).toBe(true)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setHidden('labrum', true))
    expect(nodeNamed(scene, 'labrum').visible).toBe(false)
    expect(nodeNamed(scene, 'femur').visible).toBe(true)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().showAll())
    expect(nodeNamed(scene, 'labrum').visible).toBe(true)
  })

  it('mirrors the model for a left hip', async () => {
    renderer = await ReactThreeTestRenderer.create(<HipModel />)
    const group = renderer.scene.children[0]!
    expect(group.instance.scale.x).toBe(1)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setSide('left'))
    expect(renderer.scene.children[0]!.instance.scale.x).toBe(-1)
  })

  it('gives each structure its own material, which selecting leaves alone (the outline is StructureHighlight\'s)', async () => {
    renderer = await ReactThreeTestRenderer.create(<HipModel />)
    const scene = useModelStore.getState().model!.scene
    const material = (name: string) => (nodeNamed(scene, name).children[0] as Mesh).material as MeshStandardMaterial
    expect(material('femur')).not.toBe(material('hipBone'))
    expect(material('jointCapsule').transparent).toBe(true)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().select('femur'))
    expect(material('femur').emissive.getHex()).toBe(0)
  })

  it('selects the structure that is clicked, and clears it on a second click', async () => {
    renderer = await ReactThreeTestRenderer.create(<HipModel />)
    // The click handler sits on the wrapping group; fire it as R3F would, with the hits in
    // distance order: the see-through capsule in front is passed over, the femur is picked.
    const group = renderer.scene.children[0]!
    const scene = useModelStore.getState().model!.scene
    const capsule = nodeNamed(scene, 'jointCapsule').children[0]!
    const femur = nodeNamed(scene, 'femur').children[0]!
    const hits = {
      intersections: [
        { object: capsule, face: null, point: new Vector3(0, 0, 40), distance: 560 },
        { object: femur, face: null, point: new Vector3(0, 0, 23), distance: 577 },
      ],
      ray: new Ray(new Vector3(0, 0, 600), new Vector3(0, 0, -1)),
      stopPropagation: () => {},
    }
    await renderer.fireEvent(group, 'onClick', hits)
    expect(useViewStore.getState().selected).toBe('femur')
    // The name tag points where the femur was clicked (model frame).
    expect(usePickStore.getState().pickedPoint).toEqual({ structure: 'femur', point: [0, 0, 23] })
    await renderer.fireEvent(group, 'onClick', hits)
    expect(useViewStore.getState().selected).toBe(null)
    expect(usePickStore.getState().pickedPoint).toBe(null)
    // A hidden structure is not picked either.
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setHidden('femur', true))
    await renderer.fireEvent(group, 'onClick', hits)
    expect(useViewStore.getState().selected).toBe(null)
  })

  it('picks the head through the cutaway window, not the socket parts the window removes', async () => {
    // The generated model's landmarks (the GLB's JSON chunk): head centre and radius.
    const glb = readFileSync(new URL('../../public/models/hip.glb', import.meta.url))
    const extras = JSON.parse(glb.subarray(20, 20 + glb.readUInt32LE(12)).toString('utf8')).scenes[0].extras
    const scene = fakeHip()
    loadFakeModel(scene, extras)
    renderer = await ReactThreeTestRenderer.create(<HipModel />)
    const group = renderer.scene.children[0]!
    const [cx, cy, cz] = extras.landmarks.femoralHead.centre as [number, number, number]
    const eye = new Vector3(cx, cy, cz + 300)
    const hipBone = nodeNamed(scene, 'hipBone').children[0]!
    const femur = nodeNamed(scene, 'femur').children[0]!
    // From the front: the hip bone 20 mm in front of the head centre and 10 mm off the axis, then the head.
    const hits = {
      intersections: [
        { object: hipBone, face: null, point: new Vector3(cx + 10, cy, cz + 20), distance: 280 },
        { object: femur, face: null, point: new Vector3(cx + 10, cy, cz + 15), distance: 285 },
      ],
      ray: new Ray(eye, new Vector3(0, 0, -1)),
      stopPropagation: () => {},
    }
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(3))
    await renderer.fireEvent(group, 'onClick', hits)
    expect(useViewStore.getState().selected).toBe('femur')
    await renderer.fireEvent(group, 'onClick', hits) // deselect
    // Window closed by the user: the hip bone in front is what is seen and picked.
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setCutaway(false))
    await renderer.fireEvent(group, 'onClick', hits)
    expect(useViewStore.getState().selected).toBe('hipBone')
    // Open again, but the hit lies outside the window (80 mm off the axis): still the hip bone.
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setCutaway(true))
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().select(null))
    const outside = { ...hits, intersections: [{ ...hits.intersections[0]!, point: new Vector3(cx + 80, cy, cz + 20) }] }
    await renderer.fireEvent(group, 'onClick', outside)
    expect(useViewStore.getState().selected).toBe('hipBone')
    // A part of the bone that keeps its plain material (no window drawn on it) stays pickable.
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().select(null))
    hipBone.userData.diseaseFree = true
    await renderer.fireEvent(group, 'onClick', hits)
    expect(useViewStore.getState().selected).toBe('hipBone')
  })
})
