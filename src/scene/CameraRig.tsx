/**
 * Orbit, zoom and pan (mouse, touch, keyboard) with smooth transitions between views, using
 * camera-controls through drei. The view store is the source of truth: a named view or a saved
 * pose there moves the camera; a user's move is written back when it comes to rest, as one
 * history entry per gesture (see state/historyIntent.ts).
 */
import { useEffect, useMemo, useRef } from 'react'
import { useThree } from '@react-three/fiber'
import { CameraControls } from '@react-three/drei'
import { Box3, MathUtils, PerspectiveCamera, Sphere, Vector3 } from 'three'
import { namedViewPose, type Framing } from '../domain/cameraViews.ts'
import type { CameraPose } from '../domain/viewState.ts'
import { round } from '../domain/urlState.ts'
import { onCameraRequest } from '../state/cameraRequests.ts'
import { useViewStore } from '../state/viewStore.ts'
import { useModelStore } from './model/modelStore.ts'
import { useReducedMotion } from './useReducedMotion.ts'

type Controls = InstanceType<typeof import('camera-controls').default>

/** Fallback framing until the model is in: a sphere around the hip joint. */
const DEFAULT_FRAMING: Framing = { centre: [0, -25, 0], radius: 150 }
const scratchPosition = new Vector3()
const scratchTarget = new Vector3()

function poseKey(pose: CameraPose): string {
  return [...pose.position, ...pose.target].map((v) => round(v, 1)).join(',')
}

function framingOf(model: ReturnType<typeof useModelStore.getState>['model']): Framing {
  if (!model) return DEFAULT_FRAMING
  const box = new Box3()
  // The capsule and the vessels for context stick out; frame the bones.
  for (const id of ['femur', 'hipBone'] as const) {
    const node = model.nodes[id]
    if (node) box.expandByObject(node)
  }
  if (box.isEmpty()) box.setFromObject(model.scene)
  const sphere = box.getBoundingSphere(new Sphere())
  return { centre: [sphere.center.x, sphere.center.y, sphere.center.z], radius: sphere.radius * 0.82 }
}

export function CameraRig() {
  const controlsRef = useRef<Controls>(null)
  const model = useModelStore((s) => s.model)
  const view = useViewStore((s) => s.view)
  const pose = useViewStore((s) => s.camera)
  const side = useViewStore((s) => s.side)
  const camera = useThree((s) => s.camera)
  const aspect = useThree((s) => s.size.width / Math.max(1, s.size.height))
  const invalidate = useThree((s) => s.invalidate)
  const reducedMotion = useReducedMotion()
  const framing = useMemo(() => framingOf(model), [model])
  const userMoving = useRef(false)
  const fromControls = useRef<string | null>(null)
  const placed = useRef(false)

  const fov = camera instanceof PerspectiveCamera ? camera.fov : 30

  // Store -> camera.
  useEffect(() => {
    const controls = controlsRef.current
    if (!controls) return
    const target = view ? namedViewPose(view, framing, side, fov, aspect) : pose
    if (!target) return
    if (!view && fromControls.current === poseKey(target)) return // our own write coming back
    const animate = placed.current && !reducedMotion
    placed.current = true
    controls.minDistance = framing.radius * 0.25
    controls.maxDistance = framing.radius * 8
    void controls.setLookAt(...target.position, ...target.target, animate)
    invalidate()
  }, [view, pose, framing, side, fov, aspect, reducedMotion, invalidate])

  // Keyboard and button requests.
  useEffect(
    () =>
      onCameraRequest((request) => {
        const controls = controlsRef.current
        if (!controls) return
        userMoving.current = true
        const animate = !reducedMotion
        if (request.kind === 'rotate') {
          void controls.rotate(request.azimuthDeg * MathUtils.DEG2RAD, request.polarDeg * MathUtils.DEG2RAD, animate)
        } else if (request.kind === 'zoom') {
          void controls.dolly(controls.distance * (1 - 1 / request.factor), animate)
        } else {
          void controls.truck(request.right * controls.distance, -request.up * controls.distance, animate)
        }
        invalidate()
      }),
    [reducedMotion, invalidate],
  )

  return (
    <CameraControls
      ref={controlsRef}
      makeDefault
      smoothTime={reducedMotion ? 0 : 0.3}
      draggingSmoothTime={reducedMotion ? 0 : 0.1}
      onControlStart={() => {
        userMoving.current = true
      }}
      onRest={() => {
        const controls = controlsRef.current
        if (!controls || !userMoving.current) return
        userMoving.current = false
        controls.getPosition(scratchPosition)
        controls.getTarget(scratchTarget)
        const next: CameraPose = {
          position: [scratchPosition.x, scratchPosition.y, scratchPosition.z],
          target: [scratchTarget.x, scratchTarget.y, scratchTarget.z],
        }
        fromControls.current = poseKey(next)
        useViewStore.getState().setCamera(next)
      }}
    />
  )
}
