import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import ReactThreeTestRenderer from '@react-three/test-renderer'
import {
  CylinderGeometry,
  Group,
  Mesh,
  MeshPhysicalMaterial,
  MeshStandardMaterial,
  ShaderLib,
  SphereGeometry,
  TubeGeometry,
  LineCurve3,
  Vector3,
  type BufferGeometry,
  type Material,
  type Object3D,
  type WebGLProgramParametersWithUniforms,
} from 'three'
import DiseaseLayer from '../../src/scene/disease/DiseaseLayer.tsx'
import { deepestCollapse } from '../../src/domain/lesion/collapse.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/geometry.ts'
import { headMigrationMm } from '../../src/domain/staging/migration.ts'
import { useModelStore } from '../../src/scene/model/modelStore.ts'
import { prepareHipScene } from '../../src/scene/model/prepareHipScene.ts'
import { namedNode } from './support/fakeModel.ts'
import { useViewStore } from '../../src/state/viewStore.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'
import { stageValue } from '../../src/domain/staging/index.ts'
import type { HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'

/** Landmarks as the generator writes them (values of the first generated model). */
const LANDMARKS: HipLandmarks = {
  version: 1,
  units: 'mm',
  side: 'right',
  femoralHead: { centre: [0, 0, 0], radius: 23, cartilageRadius: 25 },
  neckAxis: { origin: [0, 0, 0], direction: [0.699, 0.6922, 0.1797] },
  shaftAxis: { origin: [-35.9, -35.5, -9.2], direction: [-0.1219, 0.9925, 0] },
  acetabulum: {
    centre: [0, 0, 0],
    radius: 27.2,
    openingAxis: [-0.7286, -0.6113, 0.309],
    lateralEdge: [-14.4, 23.1, 0],
    teardrop: [29.5, -8.6, 0],
    fossaDirection: [0.9304, 0.1719, -0.3237],
    notchDirection: [0.8905, -0.2538, -0.3777],
  },
  coreDecompressionEntry: { point: [-52.3, -47.2, -7.2], direction: [0.61, 0.7717, 0.1799] },
  weightBearingZone: { direction: [-0.12, 0.8996, 0.4198], centre: [-2.76, 20.7, 9.66], halfAngleDeg: 35 },
  fovea: { centre: [20.1, 4.1, -4.4], radius: 5.2 },
  headNeckJunction: { posterosuperior: [[-11.5, -1.2, -19.9]], anterior: [-16.2, -8.3, 14.1], inferior: [5.4, -22.4, 0.6] },
  greaterTrochanterTip: [-46.2, -0.6, -15.2],
  lesserTrochanterTip: [-14.0, -58.1, -23.2],
  trochantericFossa: [-35.1, -9.3, -18.2],
  pelvis: {
    asis: [-27.4, 61.3, 45.4],
    aiis: [-10.1, 30.8, 36.0],
    psis: [41.4, 63.3, -110.1],
    ischialSpine: [34, -15, -50],
    ischialTuberosity: [21, -62, -31],
    pubicTubercle: [64, -26, 50],
    obturatorForamen: [40, -42, 14],
  },
  joint: { headCartilageDome: 2, headCartilageMargin: 1, acetabularCartilageRoof: 2, jointSpaceSuperior: 4.2 },
}

const node = namedNode

/** A stand-in for the generated file: a bony head, its cartilage, the socket, two arteries. */
function fakeHip(): Group {
  const scene = new Group()
  const tube = () => new TubeGeometry(new LineCurve3(new Vector3(0, -40, 0), new Vector3(0, 40, 0)), 8, 1, 6)
  scene.add(node('femur', new Mesh(new SphereGeometry(23, 32, 16), new MeshStandardMaterial())))
  scene.add(node('femurCancellous', new Mesh(new SphereGeometry(21, 16, 8), new MeshStandardMaterial())))
  scene.add(node('femoralHeadCartilage', new Mesh(new SphereGeometry(25, 32, 16), new MeshPhysicalMaterial())))
  scene.add(node('acetabularCartilage', new Mesh(new SphereGeometry(27, 16, 8), new MeshPhysicalMaterial())))
  scene.add(node('hipBone', new Mesh(new SphereGeometry(30, 16, 8), new MeshStandardMaterial())))
  scene.add(node('posterosuperiorRetinacularArteries', new Mesh(tube(), new MeshPhysicalMaterial())))
  scene.add(node('femoralArtery', new Mesh(tube(), new MeshPhysicalMaterial())))
  return scene
}

const materialOf = (id: string): Material => {
  const n = useModelStore.getState().model!.nodes[id as 'femur']!
  return (n.children[0] as Mesh).material as Material
}

/** Runs a material's onBeforeCompile on the stock shader, as three does before compiling. */
function compile(material: Material, lib: 'standard' | 'physical'): WebGLProgramParametersWithUniforms {
  const shader = {
    vertexShader: ShaderLib[lib].vertexShader,
    fragmentShader: ShaderLib[lib].fragmentShader,
    uniforms: {},
  } as unknown as WebGLProgramParametersWithUniforms
  material.onBeforeCompile(shader, undefined as never)
  return shader
}

function geometries(root: Object3D): Set<BufferGeometry> {
  const out = new Set<BufferGeometry>()
  root.traverse((o) => {
    if ((o as Mesh).isMesh) out.add((o as Mesh).geometry)
  })
  return out
}

let renderer: Awaited<ReturnType<typeof ReactThreeTestRenderer.create>> | null = null

async function frames(n: number, delta = 1 / 30) {
  await ReactThreeTestRenderer.act(async () => {
    await renderer!.advanceFrames(n, delta)
  })
}

beforeEach(() => {
  useViewStore.getState().apply({ ...DEFAULT_VIEW_STATE, flow: false }, { kind: 'none' })
  const scene = fakeHip()
  useModelStore.setState({ model: { scene, extras: { landmarks: LANDMARKS }, nodes: prepareHipScene(scene, { landmarks: LANDMARKS }) } })
})

afterEach(async () => {
  await renderer?.unmount()
  renderer = null
  useModelStore.setState({ model: null })
})

describe('DiseaseLayer', () => {
  it('patches the head, cartilage, socket and artery materials, with the disease code only while it shows', async () => {
    const plainKey = materialOf('femur').customProgramCacheKey()
    renderer = await ReactThreeTestRenderer.create(<DiseaseLayer />)
    await frames(2)
    // A healthy hip draws with its plain program (software WebGL would pay for the code anyway).
    expect(materialOf('femur').customProgramCacheKey()).toBe(plainKey)
    expect(compile(materialOf('femur'), 'standard').vertexShader).not.toContain('dzCollapse')
    // The removal solids' own patch (the faces a treatment cuts: model/cutFaceLook.ts) stays, healthy or not.
    expect(compile(materialOf('femur'), 'standard').vertexShader).toContain('vCutFace = _cutFace')
    expect(materialOf('posterosuperiorRetinacularArteries').customProgramCacheKey()).toBe('hip-disease-artery')
    const artery = compile(materialOf('femoralArtery'), 'physical')
    expect(artery.fragmentShader).toContain('vDzArc')
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(4))
    await frames(5)
    expect(materialOf('femur').customProgramCacheKey()).toBe('hip-disease-femur')
    expect(materialOf('femoralHeadCartilage').customProgramCacheKey()).toBe('hip-disease-headCartilage')
    const femur = compile(materialOf('femur'), 'standard')
    expect(femur.vertexShader).toContain('dzCollapse(dzP, dzN)')
    expect(femur.vertexShader).toContain('vCutFace = _cutFace')
    expect(femur.fragmentShader).toContain('totalEmissiveRadiance += diffuseColor.rgb * even')
    // A removal's faces: the collapse leaves them where the plan put them (it sank them twice),
    // and their dead bone has no dots (read as drill holes, cysts, keying holes) and only a grey cast.
    expect(femur.vertexShader).toContain('bool dzMoves = _cutFace < 0.5;')
    expect(femur.fragmentShader).toContain('stippleDot = mix(stippleDot, 1.0, cutFace)')
    expect(femur.fragmentShader).toContain('deadShare = mix(deadShare, 0.4, cutFace)')
    expect(femur.fragmentShader).toContain('uColDead')
    expect(femur.uniforms.uCollapseMm).toBeDefined()
    // Between diseased stages the key stays: scrubbing never recompiles.
    for (const stage of [1, 2.5, 3.2]) {
      await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(stage))
      await frames(3)
      expect(materialOf('femur').customProgramCacheKey()).toBe('hip-disease-femur')
    }
    // Back to healthy once the eased stage has arrived.
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(0))
    await frames(120)
    expect(materialOf('femur').customProgramCacheKey()).toBe(plainKey)
  })

  it('keeps the far parts of the split bones plain', async () => {
    // A femur with a shaft: prepareHipScene splits it into the head region and the rest.
    const scene = fakeHip()
    const femur = scene.getObjectByName('femur')!.children[0] as Mesh
    femur.geometry = new CylinderGeometry(20, 20, 200, 16, 40)
    useModelStore.setState({ model: { scene, extras: { landmarks: LANDMARKS }, nodes: prepareHipScene(scene, { landmarks: LANDMARKS }) } })
    renderer = await ReactThreeTestRenderer.create(<DiseaseLayer />)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(4))
    await frames(5)
    const far: Mesh[] = []
    useModelStore.getState().model!.scene.traverse((o) => {
      if ((o as Mesh).isMesh && o.userData.diseaseFree) far.push(o as Mesh)
    })
    expect(far.map((m) => m.userData.structureId)).toContain('femur')
    for (const mesh of far) expect((mesh.material as Material).customProgramCacheKey()).not.toContain('hip-disease')
    expect(materialOf('femur').customProgramCacheKey()).toBe('hip-disease-femur')
  })

  it('eases the uniforms to the staging table values of the target stage', async () => {
    renderer = await ReactThreeTestRenderer.create(<DiseaseLayer />)
    const femur = compile(materialOf('femur'), 'standard')
    const ps = compile(materialOf('posterosuperiorRetinacularArteries'), 'physical')
    const u = femur.uniforms as Record<string, { value: number }>
    await frames(2)
    expect(u.uCollapseMm!.value).toBe(0)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(3))
    await frames(1)
    // Eased, not jumped: part of the way after one frame (demarcation is still rising).
    expect(u.uDemarcation!.value).toBeGreaterThan(0)
    expect(u.uDemarcation!.value).toBeLessThan(1)
    expect(u.uCollapseMm!.value).toBeLessThan(stageValue('collapseDepthMm', 3))
    await frames(90)
    expect(u.uCollapseMm!.value).toBeCloseTo(stageValue('collapseDepthMm', 3), 6)
    expect(u.uDemarcation!.value).toBeCloseTo(1, 6)
    expect(u.uCartLesion!.value).toBeCloseTo(stageValue('cartilageOverLesion', 3), 6)
    // The common, non-traumatic disease: the vessels outside the bone stay open...
    const flow = (ps.uniforms as Record<string, { value: number }>).uPerfusion!
    expect(flow.value).toBe(1)
    // ...after an injury, the retinacular arteries on the neck are the ones that fail.
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setCause('traumatic'))
    await frames(2)
    expect(flow.value).toBe(0)
  })

  it('places the lesion of the model’s own anatomy and sinks the head by the table depth under the lateral pillar', async () => {
    renderer = await ReactThreeTestRenderer.create(<DiseaseLayer />)
    const u = compile(materialOf('femur'), 'standard').uniforms as Record<string, { value: number & Vector3 }>
    const g = lesionGeometry({ size: DEFAULT_VIEW_STATE.lesionSize, type: DEFAULT_VIEW_STATE.lesionType }, lesionAnatomyOf(LANDMARKS))
    await frames(2)
    expect(u.uLesionAxis!.value.toArray()).toEqual(g.centre.map((v) => expect.closeTo(v, 6)))
    expect(u.uLesionAxes!.value.toArray()).toEqual(g.semiAxesMm.map((v) => expect.closeTo(v, 6)))
    expect(u.uLesionCentre!.value.toArray()).toEqual(g.centre.map((v) => expect.closeTo(v * 23, 6)))
    for (const s of [0, 2, 2.5, 3, 4]) {
      await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(s))
      await frames(120)
      const { depthMm } = deepestCollapse({ lesion: g, depthMm: u.uCollapseMm!.value })
      expect(Math.abs(depthMm - stageValue('collapseDepthMm', s))).toBeLessThan(0.05)
    }
  })

  it('moves the femur into the socket at stage IV and back home after', async () => {
    renderer = await ReactThreeTestRenderer.create(<DiseaseLayer />)
    const femur = useModelStore.getState().model!.nodes.femur!
    const rest = femur.position.clone()
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(4))
    await frames(120)
    const moved = femur.position.clone().sub(rest)
    // Superolateral (−X is lateral for this right hip), by what the joint space lost and the
    // collapsed dome's settling (domain/staging/migration.ts).
    expect(moved.length()).toBeCloseTo(headMigrationMm(4, LANDMARKS.joint.jointSpaceSuperior), 3)
    expect(moved.length()).toBeGreaterThan(4.2 - stageValue('jointSpaceMm', 4) - 0.01)
    expect(moved.x).toBeLessThan(0)
    expect(moved.y).toBeGreaterThan(0)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(1))
    await frames(120)
    expect(femur.position.distanceTo(rest)).toBeLessThan(1e-6)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(4))
    await frames(120)
    await renderer.unmount()
    renderer = null
    expect(femur.position.distanceTo(rest)).toBeLessThan(1e-9)
  })

  it('creates no geometry while the stage is scrubbed 0 → 4 → 0', async () => {
    renderer = await ReactThreeTestRenderer.create(<DiseaseLayer />)
    await frames(2)
    const scene = useModelStore.getState().model!.scene
    const before = geometries(scene)
    for (const s of [1, 2, 3, 4, 3, 2, 1, 0]) {
      await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(s, true))
      await frames(4)
    }
    expect(geometries(scene)).toEqual(before)
  })

  it('rebuilds only the lesion solid when the lesion changes, disposing the old one', async () => {
    renderer = await ReactThreeTestRenderer.create(<DiseaseLayer />)
    await frames(1)
    const scene = useModelStore.getState().model!.scene
    const lesion = scene.getObjectByName('necroticLesion') as Mesh
    const old = lesion.geometry
    let disposed = false
    old.addEventListener('dispose', () => (disposed = true))
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setLesion('small', 'B'))
    expect(lesion.geometry).not.toBe(old)
    expect(disposed).toBe(true)
  })

  it('restores the original materials when it unmounts', async () => {
    renderer = await ReactThreeTestRenderer.create(<DiseaseLayer />)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(3))
    await frames(3)
    expect(materialOf('femur').customProgramCacheKey()).toBe('hip-disease-femur')
    await renderer.unmount()
    renderer = null
    expect(materialOf('femur').customProgramCacheKey()).not.toMatch(/hip-disease/)
    expect(useModelStore.getState().model!.scene.getObjectByName('necroticLesion')).toBeUndefined()
  })
})

describe('DiseaseLayer with other features attached to the model', () => {
  it('leaves helper meshes under a structure alone (the section stencil passes)', async () => {
    const { MeshBasicMaterial } = await import('three')
    const femur = useModelStore.getState().model!.nodes.femur!.children[0] as Mesh
    const helper = new Mesh(femur.geometry, new MeshBasicMaterial())
    helper.userData.sectionHelper = true
    femur.add(helper)
    renderer = await ReactThreeTestRenderer.create(<DiseaseLayer />)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(3))
    await frames(3)
    expect(materialOf('femur').customProgramCacheKey()).toBe('hip-disease-femur')
    expect((helper.material as Material).customProgramCacheKey()).not.toContain('hip-')
  })
})

describe('DiseaseLayer and the cross-section', () => {
  it('deforms the stencil passes of the bones the disease deforms, as their bones are drawn, and leaves the cartilage’s passes plain', async () => {
    const { Plane } = await import('three')
    const { createSectionCaps } = await import('../../src/scene/section/sectionCaps.ts')
    const model = useModelStore.getState().model!
    const caps = createSectionCaps(model.nodes, new Plane())
    renderer = await ReactThreeTestRenderer.create(<DiseaseLayer />)
    const scene = renderer.scene.instance as Object3D
    // As the app has them: the model under the scene, the caps beside it (../section/CrossSection.tsx).
    scene.add(model.scene, ...caps.capMeshes)
    const passes = (id: string) => caps.passes.filter((p) => p.name === `section-stencil-${id}`)
    const plainKey = (passes('femur')[0]!.material as Material).customProgramCacheKey()
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(4))
    await frames(5)
    const deformed = (id: string) => passes(id).filter((p) => !p.parent?.userData.diseaseFree)
    for (const [id, kind] of [
      ['femur', 'femur'],
      ['femurCancellous', 'cancellous'],
    ] as const) {
      expect(deformed(id).length).toBe(1)
      for (const pass of deformed(id)) {
        const material = pass.material as Material
        expect(material.customProgramCacheKey()).toBe(`hip-disease-stencil-${kind}`)
        const shader = compile(material, 'basic' as 'standard')
        // The same collapse as the drawn bone, faded out toward the bony surface, and the junction's osteophytes.
        expect(shader.vertexShader).toContain('dzCollapseAt(dir) * dzRadial(r) * (1.0 - smoothstep(uHeadRadius - 1.5, uHeadRadius, r))')
        expect(shader.vertexShader).toContain('#define DZ_JUNCTION_OSTEO')
        expect(shader.vertexShader).toContain('dzGrowOsteophytes(p, n);')
        expect((shader.uniforms as Record<string, { value: unknown }>).uToModel?.value).toBeDefined()
      }
    }
    // The hip bone near the joint grows the rim's osteophytes and does not collapse.
    expect(deformed('hipBone').length).toBeGreaterThan(0)
    for (const pass of deformed('hipBone')) {
      const material = pass.material as Material
      expect(material.customProgramCacheKey()).toBe('hip-disease-stencil-hipBone')
      const shader = compile(material, 'basic' as 'standard')
      expect(shader.vertexShader).toContain('#define DZ_RIM_OSTEO')
      expect(shader.vertexShader).not.toContain('#define DZ_HEAD_BONE')
      expect(shader.vertexShader).not.toContain('#define DZ_WINDOW')
    }
    // Its own pair per mesh: each carries its mesh's frame.
    expect(new Set(caps.passes.map((p) => p.material)).size).toBe(caps.passes.length)
    for (const id of ['femoralHeadCartilage', 'acetabularCartilage']) {
      for (const pass of passes(id)) expect((pass.material as Material).customProgramCacheKey()).not.toContain('hip-')
    }
    // Healthy again: the plain stencil program.
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().setStage(0))
    await frames(120)
    expect((passes('femur')[0]!.material as Material).customProgramCacheKey()).toBe(plainKey)
    scene.remove(model.scene, ...caps.capMeshes)
    caps.dispose()
  })
})
