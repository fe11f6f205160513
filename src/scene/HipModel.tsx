/**
 * The generated hip: the loaded glTF scene with our materials, mirrored for a left hip, with
 * the user's hidden structures hidden. Clicking a structure selects it (how the selection and
 * the structure under the pointer are marked is highlight/StructureHighlight.tsx's).
 */
import { useTreatmentView } from '../state/treatmentView.ts'
import { useEffect } from 'react'
import { useThree, type ThreeEvent } from '@react-three/fiber'
import { Vector3, type Mesh, type MeshStandardMaterial } from 'three'
import { useViewStore } from '../state/viewStore.ts'
import { useStatusStore } from '../state/statusStore.ts'
import { loadPickRule, pickRule } from './picking/pickRule.ts'
import { useModelStore } from './model/modelStore.ts'
import { usePickStore, type Pick } from '../state/pickStore.ts'
import type { StructureId } from '../domain/anatomy/structures.ts'
import { femurShift, onFemur } from './model/femurShift.ts'
import { isHelper } from './model/solidMeshes.ts'

const clicked = new Vector3()


/** Opacity of a see-through ("X-ray") structure: enough to keep its outline, clear to see inside. */
const FADED_OPACITY = 0.18

/** What picking reads of a pointer event. */
interface PointerRay {
  readonly intersections: ThreeEvent<MouseEvent>['intersections']
  readonly ray: ThreeEvent<MouseEvent>['ray']
}

interface BaseLook {
  transparent: boolean
  opacity: number
  depthWrite: boolean
}

export function HipModel() {
  const model = useModelStore((s) => s.model)
  const hidden = useViewStore((s) => s.hidden)
  // The operation's own: the capsule opened for a window at the front of the neck.
  const movedAside = useTreatmentView((s) => s.movedAside)
  const faded = useViewStore((s) => s.faded)
  const side = useViewStore((s) => s.side)
  const hoverReady = usePickStore((s) => s.hoverReady)
  // The picking rule arrives once the hip is on screen (it never delays the first picture).
  const drawn = useStatusStore((s) => s.firstModelFrame)
  useEffect(() => {
    if (drawn) loadPickRule().catch(() => {})
  }, [drawn])
  const invalidate = useThree((s) => s.invalidate)

  useEffect(() => {
    if (!model) return
    const hiddenSet = new Set<StructureId>([...hidden, ...movedAside])
    for (const [id, node] of Object.entries(model.nodes)) {
      node.visible = !hiddenSet.has(id as StructureId)
    }
    invalidate()
  }, [model, hidden, movedAside, invalidate])

  useEffect(() => {
    if (!model) return
    const fadedSet = new Set<StructureId>(faded)
    for (const [id, node] of Object.entries(model.nodes)) {
      node.traverse((o) => {
        const mesh = o as Mesh
        if (!mesh.isMesh || isHelper(o)) return
        const material = mesh.material as MeshStandardMaterial
        const base = (material.userData.baseLook ??= {
          transparent: material.transparent,
          opacity: material.opacity,
          depthWrite: material.depthWrite,
        }) as BaseLook
        const fade = fadedSet.has(id as StructureId)
        const transparent = fade || base.transparent
        if (material.transparent !== transparent) material.needsUpdate = true
        material.transparent = transparent
        material.opacity = fade ? Math.min(base.opacity, FADED_OPACITY) : base.opacity
        material.depthWrite = fade ? false : base.depthWrite
      })
    }
    invalidate()
  }, [model, faded, invalidate])

  if (!model) return null
  /**
   * What is drawn under the pointer (scene/visibility/firstDrawn.ts: the rule labels use too);
   * with `at`, also where along the ray (a point of a surface or of a cut face).
   */
  const pickAt = (event: PointerRay, at?: Vector3): Pick | null => {
    const firstDrawn = pickRule()
    if (!firstDrawn) return null
    const drawn = firstDrawn(model, event.intersections, event.ray, useViewStore.getState())
    if (drawn && at) event.ray.at(drawn.distance, at)
    return drawn?.pick ?? null
  }
  const choose = (event: PointerRay) => {
    const pick = pickAt(event, clicked)
    if (!pick) return
    const again = pick.structure === useViewStore.getState().selected
    usePickStore.getState().setPickedRegion(again ? null : pick.region)
    // Where the name tag points: the clicked point in the model frame, the femur's at rest.
    const point = model.scene.worldToLocal(clicked)
    if (onFemur(pick.structure)) point.sub(femurShift)
    usePickStore.getState().setPickedPoint(again ? null : { structure: pick.structure, point: [point.x, point.y, point.z] })
    useViewStore.getState().select(again ? null : pick.structure)
  }
  const onClick = (event: ThreeEvent<MouseEvent>) => {
    // Only the nearest visible structure under the pointer.
    event.stopPropagation()
    if (pickRule()) return choose(event)
    const kept: PointerRay = { intersections: event.intersections, ray: event.ray.clone() }
    loadPickRule().then(() => choose(kept), () => {})
  }
  const hoverHandlers = hoverReady
    ? {
        onPointerMove: (event: ThreeEvent<PointerEvent>) => {
          event.stopPropagation()
          usePickStore.getState().hover(pickAt(event), event.offsetX, event.offsetY)
        },
        onPointerOut: () => usePickStore.getState().hover(null),
      }
    : {}
  return (
    <group scale={[side === 'left' ? -1 : 1, 1, 1]} onClick={onClick} {...hoverHandlers}>
      <primitive object={model.scene} />
    </group>
  )
}
