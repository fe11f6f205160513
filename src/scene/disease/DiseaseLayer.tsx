/**
 * The disease on the hip (loaded lazily, see ./DiseaseEffects.tsx): patches the model's
 * materials, eases the displayed stage toward the store's target and writes the staging
 * table's values into shared uniforms. Frames are requested only while something moves:
 * the stage easing, the see-through fade, the cutaway window opening or closing, or the
 * blood-flow pulses while flow is on.
 */
import { useEffect, useMemo, useRef } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import { Color, FrontSide, Matrix4, Mesh, MeshStandardMaterial, Vector3, type Material, type Object3D } from 'three'
import { parseLandmarks, type HipLandmarks } from '../../domain/anatomy/landmarks.ts'
import { CUTAWAY_MARGIN_MM, cutawayShown } from '../../domain/cutaway.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../domain/lesion/geometry.ts'
import { diseaseAnatomyOf } from '../../domain/lesion/diseaseAnatomy.ts'
import { stageValue } from '../../domain/staging/stageParameters.ts'
import { headMigrationMm } from '../../domain/staging/migration.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { useModelStore, type LoadedHip } from '../model/modelStore.ts'
import { FEMUR_NODES } from '../model/femurShift.ts'
import { attachToFemur, femurRestMatrix, setFemurMigration } from '../model/femurPose.ts'
import { headRemoved } from '../visibility/treatmentRemovals.ts'
import { useReducedMotion } from '../useReducedMotion.ts'
import { beginWork } from '../../state/pendingWork.ts'
import { registerStillImageHook } from '../screenshot.ts'
import { dampStage } from './easing.ts'
import { buildLesionGeometry } from './lesionMesh.ts'
import { DISEASE_PALETTE } from './palette.ts'
import { keepOpenVesselEnds } from './openVesselEnds.ts'
import { patchLesionMaterial, patchModel, precompileDisease, unpatch, type PatchResult } from './patchMaterials.ts'
import { patchCapMaterial, patchSectionCaps } from './sectionCaps.ts'
import { publishCapPainter } from './capPainter.ts'
import { clipBySection } from '../section/sectionPlane.ts'
import { requestAnimationFrameAfterWarmUp, warmPrograms } from '../three/programWarmUp.ts'
import { withSeeThrough } from '../model/seeThroughLook.ts'
import { SEEN_THROUGH_BY_ANY_STEP } from '../../domain/treatment/stepViews.ts'
import { createCutFaces, type CutFaces } from './cutawayFaces.ts'
import { makeCartilageMap } from './cartilageMap.ts'
import { mapBasisMatrix } from './cartilageMapLayout.ts'
import { sub } from '../../domain/vec3.ts'
import { diseaseDrawingOf, type PlacedDisease } from './drawing.ts'
import { publishDiseaseDrawing } from '../visibility/diseaseDrawing.ts'
import { applyAnatomy, applyStage, createDiseaseUniforms, diseaseShows, type DiseaseUniforms } from './uniforms.ts'

/** The socket's sheet is measured in the model frame itself. */
const IDENTITY = new Matrix4()

/** Pulse speed along a main vessel at full flow, mm/s [design choice: readable, not physiological]. */
export const PULSE_SPEED_MM_S = 36
/** Share of the see-through view's cartilage transparency given by the open window [design choice]. */
const WINDOW_SHOW_THROUGH = 0.45

export function landmarksOf(model: LoadedHip | null): HipLandmarks | null {
  if (!model) return null
  const parsed = parseLandmarks(model.extras.landmarks)
  return parsed.ok ? parsed.value : null
}

/** No migration: the femur where the file has it. */
const NO_SHIFT = new Vector3()

/** What the frame loop eases, kept out of React. */
interface Motion {
  stage: number
  pulses: number
  see: number
  /** How far the cutaway window is open, 0..1. */
  window: number
}

export interface DiseaseLayerProps {
  /** Called once the model's materials carry the disease code (the picture will follow). */
  onPatched?: () => void
}

export default function DiseaseLayer({ onPatched }: DiseaseLayerProps) {
  const model = useModelStore((s) => s.model)
  const size = useViewStore((s) => s.lesionSize)
  const type = useViewStore((s) => s.lesionType)
  // The traumatic route occludes the retinacular arteries on the neck; otherwise they stay open.
  const traumatic = useViewStore((s) => s.cause === 'traumatic')
  // The X-ray view (the femur drawn see-through, store `faded`) shows the lesion as a solid.
  const seeThrough = useViewStore((s) => s.faded.includes('femur'))
  const reducedMotion = useReducedMotion()
  const invalidate = useThree((s) => s.invalidate)
  const scene = useThree((s) => s.scene)
  const gl = useThree((s) => s.gl)
  const camera = useThree((s) => s.camera)
  const uniforms = useMemo<DiseaseUniforms>(() => createDiseaseUniforms(), [])
  const landmarks = useMemo(() => landmarksOf(model), [model])
  const patch = useRef<PatchResult | null>(null)
  const cutFaces = useRef<CutFaces | null>(null)
  const motion = useRef<Motion>({ stage: Number.NaN, pulses: 0, see: 0, window: Number.NaN })
  const patched = useRef(onPatched)
  const lesionMaterial = useMemo(() => {
    // Drawn over the bone in the X-ray view (no depth test), like a lesion on a radiograph.
    const m = new MeshStandardMaterial({
      color: new Color(DISEASE_PALETTE.dead),
      roughness: 0.85,
      side: FrontSide,
      transparent: true,
      opacity: 0.8,
      depthTest: false,
      depthWrite: false,
    })
    patchLesionMaterial(m, uniforms)
    return m
  }, [uniforms])
  const lesion = useMemo(() => {
    const mesh = new Mesh(undefined, lesionMaterial)
    mesh.name = 'necroticLesion'
    mesh.visible = false
    mesh.renderOrder = 5
    return mesh
  }, [lesionMaterial])
  useEffect(() => () => lesionMaterial.dispose(), [lesionMaterial])

  // Patch the model's materials; restore them when the model goes or this unmounts.
  useEffect(() => {
    if (!model || !landmarks) return
    const result = patchModel(model, uniforms)
    patch.current = result
    const stopOpenEnds = keepOpenVesselEnds(result.arteries)
    const faces = createCutFaces(model, uniforms, landmarks.femoralHead.centre)
    cutFaces.current = faces
    clipBySection(lesion.material as Material, model.scene)
    model.scene.add(lesion)
    invalidate()
    // The disease programs, compiled while nothing else happens (see precompileDisease).
    // Set up, then first used in a quiet moment (../three/programWarmUp.ts): the first move of
    // the stage slider neither links them nor waits for the GPU to answer about them.
    let live = true
    const stopWarming: (() => void)[] = []
    // Begun before the arrival's work ends, so the work open never drops to none in between.
    const compiled = beginWork('disease shaders')
    patched.current?.()
    patched.current = undefined
    const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200))
    // And the looks a treatment step draws some bone in (the femur seen through while the canal
    // is broached or the drill fans out): else each stops that step for a moment.
    const warmSeeThrough = () => withSeeThrough(model, SEEN_THROUGH_BY_ANY_STEP, () => warmPrograms(gl, camera, scene, [scene]))
    const warm = async () => {
      stopWarming.push(warmPrograms(gl, camera, scene, [scene]), warmSeeThrough())
    }
    idle(() => {
      if (!live) return compiled()
      // The healthy bone's see-through looks (a treatment opened on a healthy hip), then the disease's.
      if (!result.diseaseShown()) stopWarming.push(warmSeeThrough())
      precompileDisease(result, warm, () => live && diseaseShows(uniforms))
        .catch(() => {
          /* not fatal: the programs compile on first use instead */
        })
        .finally(() => {
          compiled()
          invalidate()
        })
    })
    return () => {
      live = false
      compiled()
      for (const stop of stopWarming) stop()
      model.scene.remove(lesion)
      stopOpenEnds()
      unpatch(result)
      faces.dispose()
      patch.current = null
      cutFaces.current = null
    }
  }, [model, landmarks, uniforms, lesion, invalidate, gl, scene, camera])

  // The cartilage sheets' thicknesses by direction, for the joint line in the cut (./cartilageMap.ts):
  // read off the model's meshes, some thousands of triangles per quiet moment, once per model.
  useEffect(() => {
    if (!model || !landmarks) return
    const head = model.nodes.femoralHeadCartilage
    const socket = model.nodes.acetabularCartilage
    if (!head || !socket) return
    uniforms.uCartMapReady.value = 0
    // The maps' poles where the sheets are not: the fovea (its antipode on the bare neck), and
    // the socket's opening (its antipode in the fossa).
    const headBasis = mapBasisMatrix(sub(landmarks.fovea.centre, landmarks.femoralHead.centre), uniforms.uCartHeadBasis.value)
    const socketBasis = mapBasisMatrix(landmarks.acetabulum.openingAxis, uniforms.uCartSocketBasis.value)
    const made = beginWork('cartilage map')
    const cancel = makeCartilageMap(
      uniforms.uCartMap.value,
      model.scene,
      { node: head, centre: landmarks.femoralHead.centre, boneRadius: landmarks.femoralHead.radius, toFrame: femurRestMatrix(), basis: headBasis },
      { node: socket, centre: landmarks.acetabulum.centre, boneRadius: landmarks.acetabulum.radius, toFrame: IDENTITY, basis: socketBasis },
      () => {
        // Uploaded now, once: else the first cut of the session does it (and the texture count
        // the memory checks compare would grow then).
        gl.initTexture(uniforms.uCartMap.value)
        uniforms.uCartMapReady.value = 1
        made()
        // Only cut faces read the map (the section's, a treatment's): without them the picture
        // is the same, and a frame costs 0.1–0.3 s with software WebGL.
        const view = useViewStore.getState()
        if (view.section !== null || view.procedure !== null) invalidate()
      },
    )
    return () => {
      cancel()
      made()
    }
  }, [model, landmarks, uniforms, invalidate, gl])

  // Lesion placement and its solid: rebuilt only when the size or location changes.
  const migration = useRef<(s: number) => number>(() => 0)
  const placed = useRef<PlacedDisease | null>(null)
  useEffect(() => {
    if (!landmarks) return
    const geometry = lesionGeometry({ size, type }, lesionAnatomyOf(landmarks))
    const anatomy = diseaseAnatomyOf(landmarks)
    applyAnatomy(uniforms, anatomy, geometry)
    placed.current = { anatomy, lesion: geometry }
    const rest = landmarks.joint.jointSpaceSuperior
    migration.current = (s) => headMigrationMm(s, rest)
    const old = lesion.geometry
    lesion.geometry = buildLesionGeometry(geometry, landmarks.femoralHead.centre)
    old.dispose()
    invalidate()
  }, [landmarks, size, type, uniforms, lesion, invalidate])

  // Picking, hover and labels ask these shaders' rules what is drawn where (scene/visibility).
  useEffect(() => {
    publishDiseaseDrawing(diseaseDrawingOf(uniforms, () => placed.current, () => motion.current.stage))
    return () => publishDiseaseDrawing(null)
  }, [uniforms])
  // Cut faces other than the section's (the resected head's) get the same slice of the disease.
  useEffect(() => {
    publishCapPainter((material, id, femurRest) => patchCapMaterial(material, id, uniforms, femurRest))
    return () => publishCapPainter(null)
  }, [uniforms])

  // The femur's stage IV migration moves its nodes (and the lesion solid with them): the femur's
  // pose owner (../model/femurPose.ts) moves whatever is attached to it; back home when this goes.
  useEffect(() => {
    if (!model) return
    const nodes: Object3D[] = FEMUR_NODES.map((id) => model.nodes[id]).filter((n): n is Object3D => !!n)
    const detach = [...nodes, lesion].map((node) => attachToFemur(node, model.scene))
    return () => {
      for (const d of detach) d()
      setFemurMigration(NO_SHIFT)
    }
  }, [model, lesion])
  useEffect(() => invalidate(), [traumatic, invalidate])

  // Saved pictures show plain arteries: pulses frozen mid-stride look like striped straws.
  useEffect(
    () =>
      registerStillImageHook(() => {
        const pulses = uniforms.uPulses.value
        uniforms.uPulses.value = 0
        return () => {
          uniforms.uPulses.value = pulses
        }
      }),
    [uniforms],
  )
  useEffect(() => () => lesion.geometry.dispose(), [lesion])

  // Wake the loop when a target changes (frameloop "demand").
  useEffect(
    () =>
      useViewStore.subscribe((s, p) => {
        // `hidden` may be a new array with the same content on any change: compare content.
        if (s.stage !== p.stage || s.flow !== p.flow || s.hidden.join() !== p.hidden.join() || cutawayShown(s) !== cutawayShown(p)) invalidate()
      }),
    [invalidate],
  )
  useEffect(() => invalidate(), [seeThrough, reducedMotion, invalidate])

  const capWarmUps = useRef<(() => void)[]>([])
  const capsComplete = useRef(false)
  useEffect(() => {
    capsComplete.current = false
  }, [model])
  useEffect(() => () => capWarmUps.current.splice(0).forEach((stop) => stop()), [])
  useFrame((_, delta) => {
    const result = patch.current
    if (!result) return
    const view = useViewStore.getState()
    const m = motion.current
    const dt = Math.min(delta, 0.1)
    if (Number.isNaN(m.stage)) m.stage = view.stage
    // Reduced motion: the picture jumps to the chosen stage instead of morphing toward it.
    m.stage = reducedMotion ? view.stage : dampStage(m.stage, view.stage, dt)
    applyStage(uniforms, m.stage, migration.current)

    // Indexed loops: no iterator objects in the frame loop.
    const arteries = result.arteries
    let arteryShown = false
    for (let i = 0; i < arteries.length; i++) if (!view.hidden.includes(arteries[i]!.id)) arteryShown = true
    const flowRunning = view.flow && !reducedMotion && arteryShown
    const pulseTarget = flowRunning ? 1 : 0
    m.pulses = dampStage(m.pulses, pulseTarget, dt, 8)
    uniforms.uPulses.value = m.pulses
    for (let i = 0; i < arteries.length; i++) {
      const a = arteries[i]!
      // Only an injury stops the flow in the vessels outside the bone (clinical reference §3).
      const perfusion = a.group === 'perfusionPosterosuperior' && !traumatic ? 1 : stageValue(a.group, m.stage) / 100
      a.uniforms.uPerfusion.value = perfusion
      if (flowRunning) a.uniforms.uPhase.value += PULSE_SPEED_MM_S * a.uniforms.uFlowWeight.value * perfusion * dt
    }

    m.see = reducedMotion ? (seeThrough ? 1 : 0) : dampStage(m.see, seeThrough ? 1 : 0, dt, 8)
    uniforms.uSeeThrough.value = m.see
    setFemurMigration(uniforms.uHeadShift.value)
    const demarcation = uniforms.uDemarcation.value
    // The see-through lesion goes with the head when an operation takes it out.
    lesion.visible = m.see > 0.01 && demarcation > 0.01 && !headRemoved()
    lesionMaterial.color.lerpColors(uniforms.uColIschaemic.value, uniforms.uColDead.value, demarcation)

    // The window and the section caps work in the model frame. The mirror for a left hip may
    // have changed since the last render, which is where three updates world matrices.
    if (model) {
      model.scene.updateWorldMatrix(true, false)
      uniforms.uWorldToModel.value.copy(model.scene.matrixWorld).invert()
    }

    // The cutaway window opens by growing from the head's centre (snaps with reduced motion).
    const windowTarget = cutawayShown(view) ? 1 : 0
    m.window = reducedMotion || Number.isNaN(m.window) ? windowTarget : dampStage(m.window, windowTarget, dt, 8)
    uniforms.uWinRadius.value = m.window * (uniforms.uHeadRadius.value + CUTAWAY_MARGIN_MM)
    cutFaces.current?.setOpen(m.window > 0)
    // How much of the bone's tint shows through the head's cartilage: more in the see-through
    // view, and somewhat more through the window, which exists to show the dead bone.
    uniforms.uShowThrough.value = 0.45 + 0.55 * Math.max(m.see, WINDOW_SHOW_THROUGH * m.window)
    uniforms.uDeadDots.value = view.procedure ? 0 : 1
    // The bones' programs carry the disease (and window) code only while something shows.
    result.showDisease(diseaseShows(uniforms))

    // Cross-section: its caps get the slice pattern (once per cap material) as soon as they
    // exist (they wait hidden from the first frame on), their programs readied in a quiet moment,
    // so the first cut with the disease shown stops nothing (../three/programWarmUp.ts).
    // The scene is searched only until every cap is found (again after the model changes).
    if (model && !capsComplete.current) {
      const { patched, complete } = patchSectionCaps(scene, uniforms, result.deformStencilPass)
      capsComplete.current = complete
      if (patched.length > 0) {
        capWarmUps.current.push(warmPrograms(gl, camera, scene, patched))
        if (view.section) invalidate()
      }
    }

    // Ask for another frame only while something is still on its way: the frame that reached a
    // target has drawn it already (asking on every change cost a second, identical render —
    // ≈ 0.45 s of software GPU time after each stage change).
    const moving = m.stage !== view.stage || m.pulses !== pulseTarget || m.see !== (seeThrough ? 1 : 0) || m.window !== windowTarget
    // The next frame goes through the warm-up: while programs wait it is held until the GPU has
    // drawn this one, and a program gets its first use in between.
    if (moving || flowRunning) requestAnimationFrameAfterWarmUp(invalidate)
  })

  return null
}
