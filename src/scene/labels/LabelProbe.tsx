/**
 * Projects the shown labels' anchors (landmarks of the model, and the disease tags: see
 * domain/labelsShown.ts) to the screen every frame the view renders (and at once, without a
 * frame, when the labels shown change), and checks which ones are hidden: behind bone (a ray
 * from the eye to the anchor through bounding-volume hierarchies of the bones, three-mesh-bvh,
 * built once per geometry on first use), or cut away themselves. What counts as drawn
 * is the one rule of scene/visibility (removedAt, cutFaceUnder), so a label never points at a
 * removed part, a window or a cut never hides a label behind it, and a cut face drawn in front
 * of a label hides it. Anchors on the femur sit where the disease draws the bone (a collapsed head
 * sinks them). Loaded lazily, only while labels are shown.
 * Per frame, only that displacement allocates (a few three-number arrays per anchor on the femur).
 */
import { useEffect, useEffectEvent, useMemo, useRef } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import { DoubleSide, Matrix4, Ray, Vector3, type Material, type Mesh, type Object3D } from 'three'
import { useShallow } from 'zustand/react/shallow'
import { ensureBvh } from '../three/bvh.ts'
import { LABEL_ANCHORS } from '../../domain/anatomy/labelAnchors.ts'
import { parseLandmarks } from '../../domain/anatomy/landmarks.ts'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import { labelsShown, diseaseLabelId } from '../../domain/labelsShown.ts'
import { lesionDebrided, treatmentRemovalsRevision } from '../visibility/treatmentRemovals.ts'
import { DISEASE_TAG_IDS, DISEASE_TAGS, deadBoneSurfacePoints, diseaseTagAnchor } from '../../domain/lesion/diseaseTags.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../domain/lesion/geometry.ts'
import type { Vec3 } from '../../domain/viewState.ts'
import { publishLabelPositions, type LabelPosition } from '../../state/labelChannel.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { FEMUR_NODES } from '../model/femurShift.ts'
import { femurPoseRevision, femurToDrawn } from '../model/femurPose.ts'
import { useModelStore } from '../model/modelStore.ts'
import { structureOf } from '../model/prepareHipScene.ts'
import { removedAt } from '../visibility/removedAt.ts'
import { cutFaceUnder } from '../visibility/cutFaceUnder.ts'
import { diseaseDrawing, type DiseaseDrawing } from '../visibility/diseaseDrawing.ts'
import { seeThrough as isSeeThrough } from '../visibility/firstDrawn.ts'
import { solidMeshes } from '../model/solidMeshes.ts'
import { TRAY_PIECE, TRAY_TAG_ID } from '../../domain/treatment/trayTag.ts'
import { treatmentObjectGroup } from '../treatment/objectTag.ts'
import type { TreatmentObjectRef } from '../../domain/treatment/frame.ts'
import { beginWork } from '../../state/pendingWork.ts'
import { inOwnTask } from '../quietMoment.ts'

/** The dead-bone tag: gone once a treatment has scraped the lesion out. */
const DEAD_BONE_LABEL = diseaseLabelId('deadBone')

const OCCLUDERS: readonly StructureId[] = ['femur', 'hipBone', 'femoralHeadCartilage', 'acetabularCartilage']
/** An anchor sits on a surface: a hit closer than this to it is that surface itself (mm). */
const SELF_HIT_MM = 6
/** Occlusion is re-checked at most this often while the camera moves, and once after it stops. */
const OCCLUSION_INTERVAL_MS = 120
const FEMUR: ReadonlySet<string> = new Set(FEMUR_NODES)
/** The head itself, for tags on its surface (see isHidden). */
const HEAD: ReadonlySet<StructureId> = new Set(['femur', 'femoralHeadCartilage'])
/** A tag on the head shows while its surface faces the eye at least this much (cosine). */
const FACING_MIN = 0.15

/** A mesh that can hide a label; its hierarchy is its current geometry's (three/bvh.ts), found when a ray is cast. */
interface Occluder {
  mesh: Mesh
}

interface Anchor {
  id: string
  /** Model frame, with the femur at rest (its migration is added per frame): the one in use. */
  point: Vector3
  /** Other places it may point to instead, best first (the first one in sight is used). */
  alternatives: Vector3[]
  onFemur: boolean
  /** On the head's surface: the head hides it only where that surface turns away (see isHiddenAt). */
  onHeadSurface: boolean
  structure: StructureId
  node: Object3D | undefined
  /**
   * A tag on a drawn treatment piece (the withdrawn core): its point follows the piece each frame
   * and it shows only while the piece lies upright on its tray; `node` is then the piece's group.
   */
  piece?: TreatmentObjectRef
}

const world = new Vector3()
const eyeModel = new Vector3()
const projected = new Vector3()
const hitWorld = new Vector3()
const direction = new Vector3()
const toAnchor = new Vector3()
const localRay = new Ray()
const inverse = new Matrix4()
const lastCamera = new Matrix4()

export default function LabelProbe() {
  const model = useModelStore((s) => s.model)
  const camera = useThree((s) => s.camera)
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  // What decides the anchors: which labels are shown, the lesion, the cut and the see-through view.
  const shown = useViewStore(useShallow((s) => labelsShown(s).map((l) => l.id)))
  const lesionSize = useViewStore((s) => s.lesionSize)
  const lesionType = useViewStore((s) => s.lesionType)
  const section = useViewStore((s) => s.section)
  const seeThrough = useViewStore((s) => s.faded.includes('femur'))

  const { anchors, headCentre } = useMemo<{ anchors: Anchor[]; headCentre: Vector3 | null }>(() => {
    const parsed = model ? parseLandmarks(model.extras.landmarks) : null
    if (!model || !parsed?.ok) return { anchors: [], headCentre: null }
    const lm = parsed.value
    const lesion = lesionGeometry({ size: lesionSize, type: lesionType }, lesionAnatomyOf(lm))
    const out: Anchor[] = []
    for (const id of shown) {
      const landmark = LABEL_ANCHORS.find((a) => a.id === id)
      if (landmark) {
        const point = new Vector3(...landmark.at(lm))
        out.push({ id, point, alternatives: [point], onFemur: FEMUR.has(landmark.structure), onHeadSurface: false, structure: landmark.structure, node: model.nodes[landmark.structure] })
        continue
      }
      if (id === TRAY_TAG_ID) {
        // Checked like a point outside the femur: only its own visibility and the cut apply.
        const point = new Vector3()
        out.push({ id, point, alternatives: [point], onFemur: false, onHeadSurface: false, structure: 'femur', node: undefined, piece: TRAY_PIECE })
        continue
      }
      const tag = DISEASE_TAG_IDS.find((t) => diseaseLabelId(t) === id)
      if (!tag) continue
      const at: Vec3 | null = diseaseTagAnchor(tag, lm, lesion, { section, seeThrough })
      if (!at) continue
      const structure: StructureId = DISEASE_TAGS[tag].onFemur ? 'femur' : 'hipBone'
      const onHeadSurface = tag === 'deadBone' && !section
      const alternatives = onHeadSurface ? deadBoneSurfacePoints(lm, lesion).map((p) => new Vector3(...p)) : [new Vector3(...at)]
      out.push({ id, point: alternatives[0]!, alternatives, onFemur: DISEASE_TAGS[tag].onFemur, onHeadSurface, structure, node: model.nodes[structure] })
    }
    return { anchors: out, headCentre: new Vector3(...lm.femoralHead.centre) }
  }, [model, shown, lesionSize, lesionType, section, seeThrough])
  const positions = useMemo<LabelPosition[]>(() => anchors.map((a) => ({ id: a.id, x: 0, y: 0, visible: false })), [anchors])
  const occluded = useRef<boolean[]>([])
  const lastPieceSearch = useRef(-Infinity)
  const timing = useRef<{ lastCheck: number; timer: number; endCheck: (() => void) | null; checkSoon: (() => void) | null; femur: number; removals: number; drawing: DiseaseDrawing | null; diseaseStage: number }>({
    lastCheck: 0,
    timer: 0,
    endCheck: null,
    /** Cancels a re-check waiting for its own task (see place). */
    checkSoon: null,
    femur: -1,
    removals: -1,
    drawing: null,
    diseaseStage: Number.NaN,
  })

  const occluders = useMemo<Occluder[]>(() => {
    if (!model) return []
    const out: Occluder[] = []
    for (const id of OCCLUDERS) {
      const node = model.nodes[id]
      if (node) for (const mesh of solidMeshes(node)) out.push({ mesh })
    }
    return out
  }, [model])

  // New anchors are placed soon, from the camera and bones as last drawn: no frame is drawn
  // for them (a change that moves what they sit on asks for its own frame, which places them
  // again). A frame asked for here cost 0.1–0.3 s more per change of stage with software WebGL.
  // Placed in a task of their own: their rays (up to 20 ms) added to the commit of the change
  // that brought them. Whichever comes first, that task or a frame, places them.
  const placeNow = useEffectEvent(() => place(performance.now()))
  useEffect(() => {
    const t = timing.current
    occluded.current.length = 0
    const endPlacing = beginWork('labels placed')
    const cancel = inOwnTask(() => {
      placeNow()
      endPlacing()
    })
    return () => {
      cancel()
      endPlacing()
      window.clearTimeout(t.timer)
      t.endCheck?.()
      t.endCheck = null
      t.checkSoon?.()
      t.checkSoon = null
      publishLabelPositions([], 0, 0)
    }
  }, [anchors])

  useFrame(() => place(performance.now()))

  /** Projects the anchors to the view and publishes them; re-checks occlusion when due (`now`: performance.now()). */
  function place(now: number) {
    const width = gl.domElement.clientWidth
    const height = gl.domElement.clientHeight
    const t = timing.current
    // The camera, or what the labels sit on: the femur moved by an operation, bone taken away.
    const femur = femurPoseRevision()
    const removals = treatmentRemovalsRevision()
    // What the disease draws where (worn-through cartilage, a sunken head): its layer, its stage.
    const drawing = diseaseDrawing()
    const diseaseStage = drawing ? drawing.displayedStage() : Number.NaN
    const pieceMoved = followPieces(now)
    const moved =
      !lastCamera.equals(camera.matrixWorld) || femur !== t.femur || removals !== t.removals || drawing !== t.drawing || !Object.is(diseaseStage, t.diseaseStage) || pieceMoved
    const due = moved && now - t.lastCheck >= OCCLUSION_INTERVAL_MS
    const first = occluded.current.length !== anchors.length
    if (due || first) {
      t.lastCheck = now
      lastCamera.copy(camera.matrixWorld)
      t.femur = femur
      t.removals = removals
      t.drawing = drawing
      t.diseaseStage = diseaseStage
      // New anchors are checked before they are shown. A re-check of anchors already shown is
      // done in a task of its own, after the frame (its rays, up to 20 ms, made a treatment's
      // frame a long task with software WebGL): until then they keep their last verdict.
      if (first) checkOcclusion()
      else if (t.checkSoon === null) {
        const end = beginWork('labels re-checked')
        const cancel = inOwnTask(() => {
          t.checkSoon = null
          checkOcclusion()
          place(performance.now())
          end()
        })
        t.checkSoon = () => {
          cancel()
          end()
        }
      }
    } else if (moved) {
      // Re-check once the camera has stopped, a little later, from what was last drawn: a check
      // needs rays, not a frame (one drawn for it cost 0.6–0.75 s after a treatment's step
      // with software WebGL). Anything that moves later asks for its own frame, which places them.
      // Until then the labels may be out of date: hipExplorer.idle() waits for it.
      window.clearTimeout(t.timer)
      t.endCheck ??= beginWork('labels re-checked')
      t.timer = window.setTimeout(() => {
        const end = t.endCheck
        t.endCheck = null
        place(performance.now())
        end?.()
      }, OCCLUSION_INTERVAL_MS)
    }
    for (let i = 0; i < anchors.length; i++) {
      const a = anchors[i]!
      anchorWorld(a, world)
      projected.copy(world).project(camera)
      const p = positions[i]!
      p.x = ((projected.x + 1) / 2) * width
      p.y = ((1 - projected.y) / 2) * height
      const inView = projected.z < 1 && Math.abs(projected.x) <= 1 && Math.abs(projected.y) <= 1
      p.visible = inView && !!a.node?.visible && !occluded.current[i]
    }
    publishLabelPositions(positions, width, height)
  }

  /**
   * Puts each piece tag on its drawn piece (its deep end, on top as it lies on the tray), or
   * takes it off while the piece is not there or not upright; true when one moved or changed.
   * The piece's group is looked up again at most every OCCLUSION_INTERVAL_MS while missing.
   */
  function followPieces(now: number): boolean {
    if (!model) return false
    let changed = false
    for (const a of anchors) {
      if (!a.piece) continue
      let group = a.node && a.node.parent ? a.node : null
      if (!group && now - lastPieceSearch.current >= OCCLUSION_INTERVAL_MS) {
        lastPieceSearch.current = now
        group = findPiece(a.piece)
      }
      if (group === null || !upright(group)) {
        if (a.node) changed = true
        a.node = undefined
        continue
      }
      model.scene.worldToLocal(group.getWorldPosition(world))
      if (a.node !== group || world.distanceToSquared(a.point) > 1e-4) changed = true
      a.node = group
      a.point.copy(world)
    }
    return changed
  }

  function findPiece(piece: TreatmentObjectRef): Object3D | null {
    return treatmentObjectGroup(scene, piece)
  }

  /** Whether a piece's local +Y (its axis) points up in the model frame. */
  function upright(group: Object3D): boolean {
    if (!model) return false
    group.localToWorld(hitWorld.set(0, 0, 0))
    group.localToWorld(direction.set(0, 1, 0))
    model.scene.worldToLocal(hitWorld)
    model.scene.worldToLocal(direction)
    direction.sub(hitWorld).normalize()
    return direction.y > 0.995
  }

  /**
   * The anchor in world space: on the femur, where the disease draws it (sunk with the collapsed
   * or worn head, at the displayed stage: scene/visibility/diseaseDrawing.ts) and moved with the
   * femur.
   */
  function anchorWorld(a: Anchor, out: Vector3): Vector3 {
    out.copy(a.point)
    if (a.onFemur) {
      const drawing = diseaseDrawing()
      if (drawing) out.fromArray(drawing.drawnFemurPoint([out.x, out.y, out.z]))
      femurToDrawn(out)
    }
    return model ? model.scene.localToWorld(out) : out
  }

  function checkOcclusion() {
    const eye = camera.position
    const flags = occluded.current
    flags.length = anchors.length
    const view = useViewStore.getState()
    for (let i = 0; i < anchors.length; i++) flags[i] = isHidden(anchors[i]!, eye, view)
  }

  /**
   * Hidden wherever it may point; otherwise points at the first place in sight — on the head's
   * surface, at the one in sight that faces the eye most: a point that merely faces it lies near
   * the head's outline, where the eye sees the cartilage edge-on (a surgeon read the dead-bone tag
   * as pointing at cartilage, not at the grey patch in the middle of the head).
   */
  function isHidden(a: Anchor, eye: Vector3, view: ReturnType<typeof useViewStore.getState>): boolean {
    if (a.id === DEAD_BONE_LABEL && lesionDebrided()) return true
    let best: Vector3 | null = null
    let bestFacing = -Infinity
    for (const point of a.alternatives) {
      a.point = point
      if (isHiddenAt(a, eye, view)) continue
      if (!a.onHeadSurface) return false
      const facing = headFacing(a, eye)
      if (facing > bestFacing) {
        best = point
        bestFacing = facing
      }
    }
    a.point = best ?? a.alternatives[0]!
    return best === null
  }

  /** How squarely the head's drawn surface at the anchor faces the eye: the cosine between its outward direction and the way to the eye. */
  function headFacing(a: Anchor, eye: Vector3): number {
    if (!headCentre || !model) return 0
    anchorWorld(a, world)
    femurToDrawn(direction.copy(headCentre))
    model.scene.localToWorld(direction)
    direction.subVectors(world, direction).normalize()
    return direction.dot(hitWorld.subVectors(eye, world).normalize())
  }

  /** Cut away itself, or behind a surface that is drawn. */
  function isHiddenAt(a: Anchor, eye: Vector3, view: ReturnType<typeof useViewStore.getState>): boolean {
    if (!model) return true
    anchorWorld(a, world)
    if (a.node && removedAt(model, a.structure, a.node, world, eye, view)) return true
    const distance = world.distanceTo(eye)
    // Behind a cut face: the face is drawn on the plane in front of the anchor (./firstDrawn's rule).
    const cut = cutFaceUnder(model, eye, toAnchor.copy(world).sub(eye).normalize(), view)
    if (cut && cut.distance < distance - SELF_HIT_MM) return true
    eyeModel.copy(eye)
    // On the head's (collapsed) surface: the head hides it exactly when that surface turns away
    // from the eye (the rays would meet the undeformed meshes, not the drawn ones).
    if (a.onHeadSurface && headFacing(a, eye) < FACING_MIN) return true
    for (const { mesh } of occluders) {
      if (!mesh.visible || !mesh.parent?.visible) continue
      if (a.onHeadSurface && HEAD.has(structureOf(mesh) ?? 'hipBone')) continue
      // A see-through structure (the X-ray view) hides nothing.
      if (isSeeThrough(mesh.material as Material)) continue
      inverse.copy(mesh.matrixWorld).invert()
      localRay.origin.copy(eye)
      localRay.direction.copy(world).sub(eye).normalize()
      localRay.applyMatrix4(inverse)
      for (const hit of ensureBvh(mesh.geometry).raycast(localRay, DoubleSide)) {
        hitWorld.copy(hit.point).applyMatrix4(mesh.matrixWorld)
        if (hitWorld.distanceTo(eye) >= distance - SELF_HIT_MM) continue
        const structure = structureOf(mesh)
        if (structure && removedAt(model, structure, mesh, hitWorld, eyeModel, view)) continue
        return true
      }
    }
    return false
  }

  return null
}
