/**
 * Orbit, zoom and pan (mouse, touch, keyboard) with three's OrbitControls, and smooth moves
 * between views. The view store is the source of truth: a named view or a saved pose there
 * moves the camera; a user's move is written back once it comes to rest, as one history entry
 * per gesture (see state/historyIntent.ts). Frames are requested only while something moves.
 */
import { useTreatmentView } from '../state/treatmentView.ts'
import { useEffect, useMemo, useRef } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import { Box3, MathUtils, PerspectiveCamera, Sphere, TOUCH, Vector3 } from 'three'
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'
import { noteUserCameraMove } from '../state/cameraMoves.ts'
import { useSketchStore } from '../state/sketchStore.ts'
import { directionPose, namedViewPose, type Framing } from '../domain/cameraViews.ts'
import { facingSection } from '../domain/section.ts'
import { parseLandmarks } from '../domain/anatomy/landmarks.ts'
import type { CameraPose, Vec3 } from '../domain/viewState.ts'
import { round } from '../domain/urlState.ts'
import { MAX_POLAR_ANGLE_DEG, MAX_VIEW_DISTANCE_MM, MIN_VIEW_DISTANCE_MM, TARGET_REACH_MM } from '../domain/cameraBounds.ts'
import { onCameraRequest } from '../state/cameraRequests.ts'
import { useViewStore } from '../state/viewStore.ts'
import { useModelStore, type LoadedHip } from './model/modelStore.ts'
import { useReducedMotion } from './useReducedMotion.ts'
import { createTween, stepTween, type Tween } from './cameraTween.ts'
import { setOrbitTarget } from './renderHandle.ts'

/** Fallback framing until the model is in: a sphere around the hip joint (mm). */
const DEFAULT_FRAMING: Framing = { centre: [0, -25, 0], radius: 150 }
const TRANSITION_SECONDS = 0.8

function poseKey(pose: CameraPose): string {
  return [...pose.position, ...pose.target].map((v) => round(v, 1)).join(',')
}

/**
 * What the named views frame: the joint (the femoral head with room around it, both trochanters,
 * the socket's roof and inner wall), since the disease and its treatments happen there; the
 * whole bones are a zoom-out away. Falls back to the bones' box for a model without landmarks.
 */
function framingOf(model: LoadedHip | null): Framing {
  if (!model) return DEFAULT_FRAMING
  const parsed = parseLandmarks(model.extras.landmarks)
  const box = new Box3()
  if (parsed.ok) {
    const l = parsed.value
    const [cx, cy, cz] = l.femoralHead.centre
    const reach = l.femoralHead.cartilageRadius * 2.6
    box.expandByPoint(new Vector3(cx - reach, cy - reach, cz - reach)).expandByPoint(new Vector3(cx + reach, cy + reach, cz + reach))
    // Both trochanters whole (the greater one's outer face too) and the socket with the spine above it.
    const points = [l.greaterTrochanterTip, l.lesserTrochanterTip, l.acetabulum.lateralEdge, l.acetabulum.teardrop, l.pelvis.aiis]
    if (l.greaterTrochanterLateral) points.push(l.greaterTrochanterLateral)
    for (const p of points) box.expandByPoint(new Vector3(...p))
  } else {
    for (const id of ['femur', 'hipBone'] as const) {
      const node = model.nodes[id]
      if (node) box.expandByObject(node)
    }
  }
  if (box.isEmpty()) box.setFromObject(model.scene)
  const sphere = box.getBoundingSphere(new Sphere())
  const corners: Vec3[] = []
  for (const x of [box.min.x, box.max.x]) for (const y of [box.min.y, box.max.y]) for (const z of [box.min.z, box.max.z]) corners.push([x, y, z])
  return { centre: [sphere.center.x, sphere.center.y, sphere.center.z], radius: sphere.radius, corners }
}

export function CameraRig() {
  const model = useModelStore((s) => s.model)
  const view = useViewStore((s) => s.view)
  const pose = useViewStore((s) => s.camera)
  const side = useViewStore((s) => s.side)
  const camera = useThree((s) => s.camera)
  const gl = useThree((s) => s.gl)
  const aspect = useThree((s) => s.size.width / Math.max(1, s.size.height))
  const invalidate = useThree((s) => s.invalidate)
  const reducedMotion = useReducedMotion()
  const framing = useMemo(() => framingOf(model), [model])
  // During a treatment, the named views frame what the step is about (landmark points, not pixels).
  const treatmentFraming = useTreatmentView((s) => s.framing)
  const focus = useTreatmentView((s) => s.framingKey)
  const treatmentDirection = useTreatmentView((s) => s.direction)
  const viewFraming = treatmentFraming ?? framing

  const controls = useMemo(() => {
    const c = new OrbitControls(camera, gl.domElement)
    c.touches = { ONE: TOUCH.ROTATE, TWO: TOUCH.DOLLY_PAN }
    c.screenSpacePanning = true
    // Never from under the hip (a swipe up turned it upside down); straight above stays open.
    c.maxPolarAngle = MAX_POLAR_ANGLE_DEG * MathUtils.DEG2RAD
    return c
  }, [camera, gl])
  useEffect(() => () => controls.dispose(), [controls])
  // With the pen on (ui/sketch), a drag draws: the hip does not turn, from the moment Draw is
  // pressed (the store changes at once; the drawing layer over the view may take a frame to show).
  useEffect(() => {
    const follow = (drawing: boolean) => (controls.enabled = !drawing)
    follow(useSketchStore.getState().drawing)
    return useSketchStore.subscribe((s) => follow(s.drawing))
  }, [controls])
  useEffect(() => {
    setOrbitTarget(controls.target)
    return () => setOrbitTarget(null)
  }, [controls])

  const motion = useRef({
    tween: null as Tween | null,
    tweenFresh: false,
    userMoving: false,
    pointerDown: false,
    placed: false,
    /** The pose we last wrote to the store, until the store has echoed it back once. */
    lastWritten: '',
    lastChoice: '',
    /** The pose when the user's gesture began: a click that does not move the camera is not a turn. */
    gestureFrom: '',
  })

  useEffect(() => {
    controls.enableDamping = !reducedMotion
    controls.dampingFactor = 0.12
  }, [controls, reducedMotion])

  useEffect(() => {
    // Within the bounds a link may ask for (domain/cameraBounds.ts): a pose the app writes is
    // one it accepts when the link is opened again.
    controls.minDistance = Math.max(MIN_VIEW_DISTANCE_MM, framing.radius * 0.25)
    controls.maxDistance = Math.min(MAX_VIEW_DISTANCE_MM, framing.radius * 12)
    controls.maxTargetRadius = TARGET_REACH_MM // around the cursor, the head centre (0, 0, 0)
  }, [controls, framing])

  // User input wakes the render loop; its end is noted so the pose can be written at rest.
  useEffect(() => {
    const m = motion.current
    const onStart = () => {
      m.tween = null
      m.userMoving = true
      m.pointerDown = true
      m.gestureFrom = currentPoseKey()
    }
    const onEnd = () => {
      m.pointerDown = false
      invalidate()
    }
    const onChange = () => {
      // Moved by the pointer (not the damping after it): what is drawn over the view goes.
      if (m.pointerDown) noteUserCameraMove()
      invalidate()
    }
    const currentPoseKey = () =>
      poseKey({ position: [camera.position.x, camera.position.y, camera.position.z], target: [controls.target.x, controls.target.y, controls.target.z] })
    controls.addEventListener('start', onStart)
    controls.addEventListener('end', onEnd)
    controls.addEventListener('change', onChange)
    return () => {
      controls.removeEventListener('start', onStart)
      controls.removeEventListener('end', onEnd)
      controls.removeEventListener('change', onChange)
    }
  }, [controls, camera, invalidate])

  // Store -> camera.
  const fov = camera instanceof PerspectiveCamera ? camera.fov : 30
  useEffect(() => {
    const m = motion.current
    // A step's second framing (the back of the pelvis) looks from its own direction meanwhile.
    const target = view ? (treatmentDirection ? directionPose(treatmentDirection, viewFraming, side, fov, aspect) : namedViewPose(view, viewFraming, side, fov, aspect)) : pose
    if (!target) return
    if (!view && m.lastWritten === poseKey(target)) {
      // Our own write coming back: the camera is there already. Only once: the same pose
      // restored later (Back, after another view) must move the camera again.
      m.lastWritten = ''
      return
    }
    m.lastWritten = ''
    // A new choice glides; the same view re-fitted to a resized window (or a new model) snaps.
    const choice = `${view ?? ''}|${pose ? poseKey(pose) : ''}|${side}|${focus}`
    const animate = m.placed && !reducedMotion && choice !== m.lastChoice
    m.lastChoice = choice
    m.placed = true
    m.userMoving = false
    if (animate) {
      m.tween = createTween(camera.position, controls.target, target, TRANSITION_SECONDS)
      m.tweenFresh = true
    } else {
      m.tween = null
      camera.position.set(...target.position)
      controls.target.set(...target.target)
      controls.update()
    }
    invalidate()
  }, [view, pose, viewFraming, focus, treatmentDirection, side, fov, aspect, reducedMotion, camera, controls, invalidate])

  // Keyboard and button requests.
  useEffect(
    () =>
      onCameraRequest((request) => {
        const m = motion.current
        if (request.kind === 'cut-facing') {
          const { x, y, z } = camera.position
          const t = controls.target
          useViewStore.getState().setSection(facingSection([x, y, z], [t.x, t.y, t.z]))
          return
        }
        m.tween = null
        m.userMoving = true
        m.gestureFrom = ''
        noteUserCameraMove()
        if (request.kind === 'rotate') {
          controls.rotateLeft(-request.azimuthDeg * MathUtils.DEG2RAD)
          controls.rotateUp(-request.polarDeg * MathUtils.DEG2RAD)
        } else if (request.kind === 'zoom') {
          // three's dollyIn(s) multiplies the distance by s: a factor of 1.25 ("+", Zoom in)
          // must bring the camera 1.25 times closer, not move it away.
          controls.dollyIn(1 / request.factor)
        } else {
          const h = gl.domElement.clientHeight
          controls.pan(-request.right * h, request.up * h)
        }
        invalidate()
      }),
    [controls, camera, gl, invalidate],
  )

  useFrame((_, delta) => {
    const m = motion.current
    if (m.tween) {
      // The first frame after an idle spell carries the whole idle time as its delta: start the
      // move from zero, and never jump more than a quarter second on a slow frame.
      const dt = m.tweenFresh ? 0 : Math.min(delta, 0.25)
      m.tweenFresh = false
      const done = stepTween(m.tween, dt, camera.position, controls.target)
      controls.update()
      if (done) m.tween = null
      // Straight to the render loop, not through the shader warm-up's frame hold
      // (./three/programWarmUp.ts): the camera is in the first download and the hold is not; a
      // transition lasts under a second, after which the warm-up has its quiet moments again.
      invalidate()
      return
    }
    if (controls.update()) {
      invalidate()
      return
    }
    if (m.userMoving && !m.pointerDown) {
      m.userMoving = false
      const next: CameraPose = {
        position: [camera.position.x, camera.position.y, camera.position.z],
        target: [controls.target.x, controls.target.y, controls.target.z],
      }
      // A click (to select) starts and ends a gesture without moving: the view stays named
      // and no history entry is added.
      const key = poseKey(next)
      if (key === m.gestureFrom) return
      m.lastWritten = key
      useViewStore.getState().setCamera(next)
    }
  })
  return null
}
