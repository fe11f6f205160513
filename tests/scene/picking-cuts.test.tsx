/**
 * Picking agrees with the picture in a cut and where cartilage is worn through (issue 9), on the
 * generated model's own meshes: a click where a cut face is drawn names the solid whose face it
 * is (the caps' rule: scene/visibility/cutFaceUnder.ts), not the surface behind the plane; at
 * stage IV a click where the shader drops worn-through cartilage names the bone under it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadPickRule } from '../../src/scene/picking/pickRule.ts'
import ReactThreeTestRenderer from '@react-three/test-renderer'
import { Raycaster, Vector3 } from 'three'
import { HipModel } from '../../src/scene/HipModel.tsx'
import { useModelStore, type LoadedHip } from '../../src/scene/model/modelStore.ts'
import { useViewStore } from '../../src/state/viewStore.ts'
import { DEFAULT_VIEW_STATE } from '../../src/domain/viewState.ts'
import { parseLandmarks, type HipLandmarks } from '../../src/domain/anatomy/landmarks.ts'
import { isInLesion, lesionAnatomyOf, lesionGeometry } from '../../src/domain/lesion/geometry.ts'
import { cartilageSurfaceDropped } from '../../src/domain/lesion/drawnTissue.ts'
import { diseaseAnatomyOf } from '../../src/domain/lesion/diseaseAnatomy.ts'
import { headMigrationMm } from '../../src/domain/staging/migration.ts'
import { applyAnatomy, applyStage, createDiseaseUniforms } from '../../src/scene/disease/uniforms.ts'
import { diseaseDrawingOf } from '../../src/scene/disease/drawing.ts'
import { publishDiseaseDrawing } from '../../src/scene/visibility/diseaseDrawing.ts'
import { FEMUR_NODES } from '../../src/scene/model/femurShift.ts'
import { loadModel } from '../unit/model-loader.ts'
import { generatedHip } from './support/generatedHip.ts'

// Picking's rule loads after the first frame in the app; here, before the first click.
beforeAll(async () => {
  await loadPickRule()
})

let model: LoadedHip
let lm: HipLandmarks

beforeAll(async () => {
  const loaded = await loadModel()
  model = generatedHip(loaded)
  const parsed = parseLandmarks(loaded.sceneExtras.landmarks)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  lm = parsed.value
}, 120_000)

afterAll(() => publishDiseaseDrawing(null))

beforeEach(() => {
  useViewStore.getState().apply(DEFAULT_VIEW_STATE, { kind: 'none' })
  useModelStore.setState({ model })
})

/** Clicks along a ray as R3F would: every hit of the model's meshes, nearest first. */
async function clickAlong(renderer: Awaited<ReturnType<typeof ReactThreeTestRenderer.create>>, origin: Vector3, target: Vector3) {
  model.scene.updateMatrixWorld(true)
  const raycaster = new Raycaster(origin, target.clone().sub(origin).normalize())
  const intersections = raycaster.intersectObject(model.scene, true)
  await renderer.fireEvent(renderer.scene.children[0]!, 'onClick', { intersections, ray: raycaster.ray, stopPropagation: () => {} })
  return useViewStore.getState().selected
}

describe('picking in a cut', () => {
  it('a click on the dead bone in the coronal cut of the head selects the cancellous bone, not the cartilage behind the plane', async () => {
    const renderer = await ReactThreeTestRenderer.create(<HipModel />)
    const lesion = lesionGeometry({ size: 'large', type: 'C1' }, lesionAnatomyOf(lm))
    const c = lm.femoralHead.centre
    // A point of the dead bone on the coronal plane through the head centre (z = centre's z).
    let dead: Vector3 | null = null
    for (let y = 16; y > 4 && !dead; y -= 1) if (isInLesion([2, y, 0], lesion)) dead = new Vector3(c[0] + 2, c[1] + y, c[2])
    expect(dead, 'a point of the lesion on the plane').not.toBeNull()
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().apply({ stage: 3, section: { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] } }, { kind: 'none' }))
    const eye = new Vector3(dead!.x, dead!.y, c[2] + 400)
    expect(await clickAlong(renderer, eye, dead!)).toBe('femurCancellous')
    await renderer.unmount()
  })

  it('a click on the cortex in the cut selects the femur, and the cut face of the hip bone the hip bone', async () => {
    const renderer = await ReactThreeTestRenderer.create(<HipModel />)
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().apply({ section: { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] } }, { kind: 'none' }))
    // Down the shaft, 80 mm below the head: a ring of cortex around the canal. Its lateral wall.
    const c = lm.femoralHead.centre
    const shaft = lm.shaftAxis
    const t = (c[1] - 80 - shaft.origin[1]) / shaft.direction[1]
    const axis = new Vector3(...shaft.origin).addScaledVector(new Vector3(...shaft.direction), t)
    // Find the lateral cortex on the plane z = c[2], walking outward from the canal.
    let picked: string | null = null
    for (let dx = 4; dx <= 20 && picked !== 'femur'; dx += 1) {
      const p = new Vector3(axis.x - dx, axis.y, c[2])
      picked = await clickAlong(renderer, new Vector3(p.x, p.y, c[2] + 400), p)
      if (picked) await ReactThreeTestRenderer.act(async () => useViewStore.getState().select(null))
    }
    expect(picked).toBe('femur')
    // The roof of the socket above the head, on the plane: the hip bone's cut face.
    const roof = new Vector3(c[0], c[1] + lm.acetabulum.radius + 8, c[2])
    expect(await clickAlong(renderer, new Vector3(roof.x, roof.y, c[2] + 400), roof)).toBe('hipBone')
    await renderer.unmount()
  })
})

describe('picking worn-through cartilage', () => {
  it('at stage IV a click where the cartilage is worn through selects the bone under it', async () => {
    const renderer = await ReactThreeTestRenderer.create(<HipModel />)
    // The disease as the disease layer draws it at stage IV: its uniforms, its published rules, the femur moved.
    const u = createDiseaseUniforms()
    const anatomy = diseaseAnatomyOf(lm)
    const lesion = lesionGeometry({ size: 'large', type: 'C1' }, lesionAnatomyOf(lm))
    applyAnatomy(u, anatomy, lesion)
    applyStage(u, 4, (s) => headMigrationMm(s, lm.joint.jointSpaceSuperior))
    publishDiseaseDrawing(diseaseDrawingOf(u, () => ({ anatomy, lesion }), () => 4))
    const shift = u.uHeadShift.value
    for (const id of FEMUR_NODES) model.nodes[id]?.position.copy(shift)
    const drawn = { anatomy, lesion, collapseMm: u.uCollapseMm.value, cartLesion: u.uCartLesion.value, cartElsewhere: u.uCartElsewhere.value, acetCart: u.uAcetCart.value, jointSpaceMm: u.uJointSpace.value, shift: [shift.x, shift.y, shift.z] as const }
    // Only the femur and its cartilage: nothing in front of the head.
    await ReactThreeTestRenderer.act(async () =>
      useViewStore.getState().apply({ stage: 4, cutaway: 'off', hidden: ['hipBone', 'acetabularCartilage', 'labrum', 'jointCapsule', 'femoralArtery', 'transverseAcetabularLigament', 'ligamentumTeres'] }, { kind: 'none' }),
    )
    // A direction of the head (upward, toward the roof) where the cartilage is dropped, and one where it is kept.
    const c = new Vector3(...lm.femoralHead.centre).add(shift)
    const cartR = lm.femoralHead.cartilageRadius
    let worn: Vector3 | null = null
    let kept: Vector3 | null = null
    for (let a = 0; a < 360 && !(worn && kept); a += 3) {
      for (let polar = 5; polar < 60 && !(worn && kept); polar += 3) {
        const dir = new Vector3(Math.sin((polar * Math.PI) / 180) * Math.cos((a * Math.PI) / 180), Math.cos((polar * Math.PI) / 180), Math.sin((polar * Math.PI) / 180) * Math.sin((a * Math.PI) / 180))
        const p = c.clone().addScaledVector(dir, cartR - 0.3)
        const dropped = cartilageSurfaceDropped('femoralHeadCartilage', [p.x, p.y, p.z], drawn)
        if (dropped && !worn) worn = dir
        if (!dropped && !kept && polar > 30) kept = dir
      }
    }
    expect(worn, 'a worn-through spot at stage IV').not.toBeNull()
    expect(kept).not.toBeNull()
    const click = (dir: Vector3) => clickAlong(renderer, c.clone().addScaledVector(dir, 300), c.clone().addScaledVector(dir, cartR - 0.3))
    expect(await click(worn!)).toBe('femur')
    await ReactThreeTestRenderer.act(async () => useViewStore.getState().select(null))
    expect(await click(kept!)).toBe('femoralHeadCartilage')
    for (const id of FEMUR_NODES) model.nodes[id]?.position.set(0, 0, 0)
    publishDiseaseDrawing(null)
    await renderer.unmount()
  })
})
