/**
 * Projects the label anchors (landmarks of the model) to the screen every frame the view
 * renders, and checks which ones are hidden behind bone by casting a ray from the eye to each
 * anchor through bounding-volume hierarchies of the bones (three-mesh-bvh; built once per model).
 * Loaded lazily, only while labels are shown. Nothing is allocated per frame.
 */
import { useEffect, useMemo, useRef } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import { DoubleSide, Matrix4, Ray, Vector3, type Mesh } from 'three'
import type { MeshBVH } from 'three-mesh-bvh'
import { ensureBvh } from '../three/bvh.ts'
import { LABEL_ANCHORS } from '../../domain/anatomy/labelAnchors.ts'
import { parseLandmarks } from '../../domain/anatomy/landmarks.ts'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import { publishLabelPositions, type LabelPosition } from '../../state/labelChannel.ts'
import { useModelStore } from '../model/modelStore.ts'

const OCCLUDERS: readonly StructureId[] = ['femur', 'hipBone', 'femoralHeadCartilage', 'acetabularCartilage']
/** An anchor sits on a surface: a hit closer than this to it is that surface itself (mm). */
const SELF_HIT_MM = 6
/** Occlusion is re-checked at most this often while the camera moves, and once after it stops. */
const OCCLUSION_INTERVAL_MS = 120

interface Occluder {
  mesh: Mesh
  bvh: MeshBVH
}

const world = new Vector3()
const projected = new Vector3()
const localRay = new Ray()
const inverse = new Matrix4()
const lastCamera = new Matrix4()

export default function LabelProbe() {
  const model = useModelStore((s) => s.model)
  const camera = useThree((s) => s.camera)
  const gl = useThree((s) => s.gl)
  const invalidate = useThree((s) => s.invalidate)

  const anchors = useMemo(() => {
    const parsed = model ? parseLandmarks(model.extras.landmarks) : null
    if (!model || !parsed?.ok) return []
    return LABEL_ANCHORS.map((a) => ({ anchor: a, point: new Vector3(...a.at(parsed.value)), node: model.nodes[a.structure] }))
  }, [model])
  const positions = useMemo<LabelPosition[]>(() => anchors.map((a) => ({ id: a.anchor.id, x: 0, y: 0, visible: false })), [anchors])
  const occluded = useRef<boolean[]>([])
  const timing = useRef({ lastCheck: 0, timer: 0 })

  const occluders = useMemo<Occluder[]>(() => {
    if (!model) return []
    const out: Occluder[] = []
    for (const id of OCCLUDERS) {
      model.nodes[id]?.traverse((o) => {
        const mesh = o as Mesh
        if (mesh.isMesh && !o.userData.sectionHelper) out.push({ mesh, bvh: ensureBvh(mesh.geometry) })
      })
    }
    return out
  }, [model])

  useEffect(() => {
    invalidate()
    const t = timing.current
    return () => {
      window.clearTimeout(t.timer)
      publishLabelPositions([], 0, 0)
    }
  }, [anchors, invalidate])

  useFrame(() => {
    const width = gl.domElement.clientWidth
    const height = gl.domElement.clientHeight
    const now = performance.now()
    const t = timing.current
    const moved = !lastCamera.equals(camera.matrixWorld)
    const due = moved && now - t.lastCheck >= OCCLUSION_INTERVAL_MS
    if (due || occluded.current.length !== anchors.length) {
      t.lastCheck = now
      lastCamera.copy(camera.matrixWorld)
      checkOcclusion()
    } else if (moved) {
      // Re-check once the camera has stopped: request one more frame a little later.
      window.clearTimeout(t.timer)
      t.timer = window.setTimeout(() => invalidate(), OCCLUSION_INTERVAL_MS)
    }
    anchors.forEach(({ point, node }, i) => {
      world.copy(point)
      model?.scene.localToWorld(world)
      projected.copy(world).project(camera)
      const p = positions[i]!
      p.x = ((projected.x + 1) / 2) * width
      p.y = ((1 - projected.y) / 2) * height
      const inView = projected.z < 1 && Math.abs(projected.x) <= 1 && Math.abs(projected.y) <= 1
      p.visible = inView && !!node?.visible && !occluded.current[i]
    })
    publishLabelPositions(positions, width, height)
  })

  function checkOcclusion() {
    const eye = camera.position
    const flags = occluded.current
    flags.length = anchors.length
    anchors.forEach(({ point }, i) => {
      flags[i] = isBehindBone(point, eye)
    })
  }

  function isBehindBone(point: Vector3, eye: Vector3): boolean {
    {
      world.copy(point)
      model?.scene.localToWorld(world)
      const distance = world.distanceTo(eye)
      for (const { mesh, bvh } of occluders) {
        if (!mesh.visible || !mesh.parent?.visible) continue
        inverse.copy(mesh.matrixWorld).invert()
        localRay.origin.copy(eye)
        localRay.direction.copy(world).sub(eye).normalize()
        localRay.applyMatrix4(inverse)
        const hit = bvh.raycastFirst(localRay, DoubleSide)
        if (!hit) continue
        const hitDistance = hit.point.applyMatrix4(mesh.matrixWorld).distanceTo(eye)
        if (hitDistance < distance - SELF_HIT_MM) return true
      }
      return false
    }
  }

  return null
}
