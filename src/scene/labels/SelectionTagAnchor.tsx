/**
 * Projects the point the selection's name tag points at to the screen every frame the view
 * renders (state/selectionTagChannel.ts). The point is where the structure was clicked, else its
 * first named landmark (domain/anatomy/labelAnchors.ts), else the point of its surface nearest
 * the middle of its bounds (an artery's middle, not the air inside its curve). It moves with the
 * femur's migration and the mirror of a left hip like the labels do.
 *
 * A treatment's tool or graft that was clicked (no structure selected) gets the tag instead: it
 * points at the clicked point of that object, moving with it as the step plays, and is gone
 * with the object.
 *
 * Unlike the label probe it checks no occlusion: the tag carries the selection's buttons, so it
 * must not vanish when the point turns behind bone. Mounted only while something is selected.
 * Nothing is allocated per frame.
 */
import { useEffect, useMemo } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import { Box3, Vector3, type BufferAttribute } from 'three'
import { LABEL_ANCHORS } from '../../domain/anatomy/labelAnchors.ts'
import { parseLandmarks } from '../../domain/anatomy/landmarks.ts'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import { publishTagAnchor } from '../../state/selectionTagChannel.ts'
import { usePickStore } from '../../state/pickStore.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { onFemur } from '../model/femurShift.ts'
import { femurToDrawn } from '../model/femurPose.ts'
import { useModelStore, type LoadedHip } from '../model/modelStore.ts'
import { useGeometryRevision } from '../model/geometryRevision.ts'
import { toAncestorMatrix } from '../three/toAncestorMatrix.ts'
import { shownInScene } from '../visibility/removedAt.ts'
import { solidMeshes } from '../model/solidMeshes.ts'
import { treatmentObjectGroup } from '../treatment/objectTag.ts'

const world = new Vector3()
/** Written in place every frame and handed to the page (which reads it at once). */
const onScreen = { x: 0, y: 0, inView: false, width: 0, height: 0 }

/** The surface point of `id` nearest the centre of its bounds (model frame), or null. */
export function middleOf(model: LoadedHip, id: StructureId): Vector3 | null {
  const node = model.nodes[id]
  if (!node) return null
  const meshes = solidMeshes(node)
  const bounds = new Box3()
  const p = new Vector3()
  const each = (visit: (v: Vector3) => void) => {
    for (const mesh of meshes) {
      const toModel = toAncestorMatrix(mesh, model.scene)
      const position = mesh.geometry.getAttribute('position') as BufferAttribute
      for (let i = 0; i < position.count; i++) visit(p.fromBufferAttribute(position, i).applyMatrix4(toModel))
    }
  }
  each((v) => bounds.expandByPoint(v))
  if (bounds.isEmpty()) return null
  const centre = bounds.getCenter(new Vector3())
  const best = new Vector3()
  let bestDistance = Infinity
  each((v) => {
    const d = v.distanceToSquared(centre)
    if (d < bestDistance) {
      bestDistance = d
      best.copy(v)
    }
  })
  return best
}

export default function SelectionTagAnchor() {
  const model = useModelStore((s) => s.model)
  const selected = useViewStore((s) => s.selected)
  const picked = usePickStore((s) => s.pickedPoint)
  const pickedObject = usePickStore((s) => s.pickedObject)
  const scene = useThree((s) => s.scene)
  const camera = useThree((s) => s.camera)
  const gl = useThree((s) => s.gl)
  const invalidate = useThree((s) => s.invalidate)

  /** Model frame, the femur's structures at rest. */
  // A treatment's cut changes the surface the middle point is taken from.
  const geometryRevision = useGeometryRevision((s) => s.revision)
  const anchor = useMemo<Vector3 | null>(() => {
    if (!model || !selected) return null
    if (picked?.structure === selected) return new Vector3(...picked.point)
    const landmark = LABEL_ANCHORS.find((a) => a.structure === selected)
    const parsed = landmark ? parseLandmarks(model.extras.landmarks) : null
    if (landmark && parsed?.ok) return new Vector3(...landmark.at(parsed.value))
    return middleOf(model, selected)
    // middleOf reads the structure's current geometry, which a treatment's cut replaces.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, selected, picked, geometryRevision])

  useEffect(() => {
    invalidate()
    return () => publishTagAnchor(null)
  }, [anchor, pickedObject, invalidate])

  /** The clicked treatment object's point in world space, or false when it is not drawn. */
  const objectPoint = (): boolean => {
    if (!pickedObject) return false
    const group = treatmentObjectGroup(scene, pickedObject.object)
    if (!group || !shownInScene(group)) return false
    group.updateWorldMatrix(true, false)
    group.localToWorld(world.set(...pickedObject.point))
    return true
  }

  /** The selected structure's point in world space, or false when it is not shown. */
  const structurePoint = (): boolean => {
    const node = selected ? model?.nodes[selected] : undefined
    if (!model || !anchor || !selected || !node || !shownInScene(node)) return false
    world.copy(anchor)
    if (onFemur(selected)) femurToDrawn(world)
    // The mirror of a left hip may have changed since the last render.
    model.scene.updateWorldMatrix(true, false)
    model.scene.localToWorld(world)
    return true
  }

  useFrame(() => {
    if (!(selected ? structurePoint() : objectPoint())) return publishTagAnchor(null)
    camera.updateMatrixWorld()
    world.project(camera)
    onScreen.width = gl.domElement.clientWidth
    onScreen.height = gl.domElement.clientHeight
    onScreen.x = ((world.x + 1) / 2) * onScreen.width
    onScreen.y = ((1 - world.y) / 2) * onScreen.height
    onScreen.inView = world.z < 1 && Math.abs(world.x) <= 1 && Math.abs(world.y) <= 1
    publishTagAnchor(onScreen)
  })
  return null
}
