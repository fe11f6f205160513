/**
 * The cutaway window in the socket over the head (src/domain/cutaway.ts, DZ_WINDOW in
 * src/scene/disease/shaders.ts): which materials get it, and that opening and closing it only
 * moves a uniform (no recompiles), easing unless reduced motion asks otherwise.
 */
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import ReactThreeTestRenderer from '@react-three/test-renderer'
import {
  BackSide,
  FrontSide,
  Group,
  Mesh,
  MeshPhysicalMaterial,
  MeshStandardMaterial,
  ShaderLib,
  SphereGeometry,
  type Material,
  type WebGLProgramParametersWithUniforms,
} from 'three'
import DiseaseLayer from '../../src/scene/disease/DiseaseLayer.tsx'
import { useModelStore } from '../../src/scene/model/modelStore.ts'
import { prepareHipScene } from '../../src/scene/model/prepareHipScene.ts'
import { useViewStore } from '../../src/state/viewStore.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'
import { CUTAWAY_MARGIN_MM } from '../../src/domain/cutaway.ts'

/** The generated model's extras (landmarks), from the GLB's JSON chunk. */
function modelExtras(): Record<string, unknown> {
  const glb = readFileSync(new URL('../../public/models/hip.glb', import.meta.url))
  return JSON.parse(glb.subarray(20, 20 + glb.readUInt32LE(12)).toString('utf8')).scenes[0].extras
}
const EXTRAS = modelExtras()
const HEAD_RADIUS = (EXTRAS.landmarks as { femoralHead: { radius: number } }).femoralHead.radius

function fakeHip(): Group {
  const scene = new Group()
  const add = (name: string, material: Material) => {
    const g = new Group()
    g.name = name
    g.add(new Mesh(new SphereGeometry(20, 8, 4), material))
    scene.add(g)
  }
  add('femur', new MeshStandardMaterial())
  add('femoralHeadCartilage', new MeshPhysicalMaterial())
  add('acetabularCartilage', new MeshPhysicalMaterial())
  add('hipBone', new MeshStandardMaterial())
  add('labrum', new MeshStandardMaterial())
  add('jointCapsule', new MeshStandardMaterial())
  return scene
}

const materialOf = (id: string): Material => {
  const n = useModelStore.getState().model!.nodes[id as 'femur']!
  return (n.children[0] as Mesh).material as Material
}

function compile(material: Material): WebGLProgramParametersWithUniforms {
  const lib = (material as MeshPhysicalMaterial).isMeshPhysicalMaterial ? 'physical' : 'standard'
  const shader = { vertexShader: ShaderLib[lib].vertexShader, fragmentShader: ShaderLib[lib].fragmentShader, uniforms: {} }
  material.onBeforeCompile(shader as unknown as WebGLProgramParametersWithUniforms, undefined as never)
  return shader as unknown as WebGLProgramParametersWithUniforms
}

let renderer: Awaited<ReturnType<typeof ReactThreeTestRenderer.create>> | null = null
const frames = (n: number) => ReactThreeTestRenderer.act(async () => renderer!.advanceFrames(n, 1 / 30))
const act = (f: () => void) => ReactThreeTestRenderer.act(async () => f())

beforeEach(() => {
  useViewStore.getState().apply({ ...DEFAULT_VIEW_STATE, flow: false }, { kind: 'none' })
  const scene = fakeHip()
  useModelStore.setState({ model: { scene, extras: EXTRAS, nodes: prepareHipScene(scene) } })
})

afterEach(async () => {
  await renderer?.unmount()
  renderer = null
  useModelStore.setState({ model: null })
})

describe('the cutaway window', () => {
  it('cuts the socket layers over the head, never the head itself', async () => {
    renderer = await ReactThreeTestRenderer.create(<DiseaseLayer />)
    // The window code is in the disease programs, which a healthy hip does not use.
    await act(() => useViewStore.getState().setStage(3))
    await frames(2)
    for (const id of ['hipBone', 'labrum', 'acetabularCartilage', 'jointCapsule']) {
      expect(compile(materialOf(id)).fragmentShader, id).toContain('dzWindowEdge(vDzPos')
    }
    for (const id of ['femur', 'femoralHeadCartilage']) {
      expect(compile(materialOf(id)).fragmentShader, id).not.toContain('dzWindowEdge')
    }
    // The structures keep their own side (no extra back faces drawn every frame).
    expect(materialOf('hipBone').side).toBe(FrontSide)
    // Solids show their cut face inside the window: a back-face helper each, hidden while the
    // window is closed; the capsule (already see-through) has none.
    const scene = useModelStore.getState().model!.scene
    for (const id of ['hipBone', 'labrum', 'acetabularCartilage']) {
      const faces = scene.getObjectByName(`cutaway-faces-${id}`) as Mesh | undefined
      expect(faces, id).toBeDefined()
      expect((faces!.material as Material).side, id).toBe(BackSide)
      expect(compile(faces!.material as Material).fragmentShader, id).toContain('dzWindowEdge(vDzPos')
    }
    expect(scene.getObjectByName('cutaway-faces-jointCapsule')).toBeUndefined()
    expect(scene.getObjectByName('cutaway-faces-hipBone')!.visible).toBe(true)
    await act(() => useViewStore.getState().setStage(0))
    await frames(120)
    for (const id of ['hipBone', 'labrum', 'acetabularCartilage']) expect(scene.getObjectByName(`cutaway-faces-${id}`)!.visible, id).toBe(false)
  })

  it('opens with the disease and closes at the user’s choice by moving a uniform only', async () => {
    renderer = await ReactThreeTestRenderer.create(<DiseaseLayer />)
    const u = compile(materialOf('hipBone')).uniforms as Record<string, { value: number }>
    const keys = () => ['hipBone', 'labrum', 'acetabularCartilage', 'jointCapsule'].map((id) => materialOf(id).customProgramCacheKey())
    const full = HEAD_RADIUS + CUTAWAY_MARGIN_MM
    await frames(2)
    expect(u.uWinRadius!.value).toBe(0) // stage 0: the intact pelvis
    await act(() => useViewStore.getState().setStage(3))
    await frames(1)
    // It grows (a short fade) rather than jumping open.
    expect(u.uWinRadius!.value).toBeGreaterThan(0)
    expect(u.uWinRadius!.value).toBeLessThan(full)
    await frames(60)
    expect(u.uWinRadius!.value).toBeCloseTo(full, 6)
    // From here on (a diseased hip) opening and closing never changes a program.
    const before = keys()
    await act(() => useViewStore.getState().setCutaway(false))
    await frames(60)
    expect(u.uWinRadius!.value).toBe(0)
    await act(() => useViewStore.getState().setCutaway(true))
    await frames(60)
    expect(u.uWinRadius!.value).toBeCloseTo(full, 6)
    // A cut and the see-through bones close it.
    await act(() => useViewStore.getState().setSection({ plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] }))
    await frames(60)
    expect(u.uWinRadius!.value).toBe(0)
    await act(() => useViewStore.getState().setSection(null))
    await act(() => useViewStore.getState().setFaded(['hipBone'], true))
    await frames(60)
    expect(u.uWinRadius!.value).toBe(0)
    expect(keys()).toEqual(before)
  })

  it('takes its cut-face helpers away when the effects go', async () => {
    renderer = await ReactThreeTestRenderer.create(<DiseaseLayer />)
    const scene = useModelStore.getState().model!.scene
    expect(scene.getObjectByName('cutaway-faces-hipBone')).toBeDefined()
    await renderer.unmount()
    renderer = null
    expect(scene.getObjectByName('cutaway-faces-hipBone')).toBeUndefined()
  })

  it('gives no cut face to the parts of a bone that keep their plain material', async () => {
    const hip = useModelStore.getState().model!.nodes.hipBone!.children[0]!
    hip.userData.diseaseFree = true
    renderer = await ReactThreeTestRenderer.create(<DiseaseLayer />)
    expect(useModelStore.getState().model!.scene.getObjectByName('cutaway-faces-hipBone')).toBeUndefined()
  })
})
