/**
 * The pointer handlers of everything that can be picked in the 3D view: the hip's structures
 * (HipModel) and, while a treatment is open, its tools and grafts (TreatmentLayer). Both groups
 * get the same handlers; whichever is hit nearest answers, from all the hits under the pointer,
 * by the one rule of what is drawn first (../visibility/firstDrawn.ts). A structure is selected
 * (the view state, the link); a tool or graft gets its name tag (transient, ../../state/pickStore.ts).
 */
import { useMemo } from 'react'
import { useThree, type ThreeEvent } from '@react-three/fiber'
import { Vector3, type Object3D } from 'three'
import { useViewStore } from '../../state/viewStore.ts'
import { useSketchStore } from '../../state/sketchStore.ts'
import { usePickStore, type Hovered } from '../../state/pickStore.ts'
import { useModelStore, type LoadedHip } from '../model/modelStore.ts'
import { onFemur } from '../model/femurShift.ts'
import { femurToRest } from '../model/femurPose.ts'
import { treatmentObjectGroup } from '../treatment/objectTag.ts'
import { loadPickRule, pickRule } from './pickRule.ts'
import type { Drawn } from '../visibility/firstDrawn.ts'

const clicked = new Vector3()

/** What picking reads of a pointer event. */
interface PointerRay {
  readonly intersections: ThreeEvent<MouseEvent>['intersections']
  readonly ray: ThreeEvent<MouseEvent>['ray']
}

export interface PickHandlers {
  onClick(event: ThreeEvent<MouseEvent>): void
  onPointerMove?(event: ThreeEvent<PointerEvent>): void
  onPointerOut?(): void
}

/** What is drawn under the pointer; with `at`, also where along the ray. */
function drawnAt(model: LoadedHip, event: PointerRay, at?: Vector3): Drawn | null {
  const firstDrawn = pickRule()
  if (!firstDrawn) return null
  const drawn = firstDrawn(model, event.intersections, event.ray, useViewStore.getState())
  if (drawn && at) event.ray.at(drawn.distance, at)
  return drawn
}

const hoveredOf = (drawn: Drawn | null): Hovered | null => (drawn?.object ? { object: drawn.object } : (drawn?.pick ?? null))

export function usePickHandlers(): PickHandlers {
  const model = useModelStore((s) => s.model)
  const hoverReady = usePickStore((s) => s.hoverReady)
  const scene = useThree((s) => s.scene)
  // The same handlers while what they use stays: new ones at each render of the group that
  // carries them would make the renderer apply the group's props again and draw one more
  // frame after every change of the view (each costs 0.1–0.3 s with software WebGL).
  return useMemo(() => pickHandlers(model, hoverReady, scene), [model, hoverReady, scene])
}

function pickHandlers(model: LoadedHip | null, hoverReady: boolean, scene: Object3D): PickHandlers {
  const choose = (event: PointerRay) => {
    if (!model) return
    const drawn = drawnAt(model, event, clicked)
    if (!drawn) return
    const picks = usePickStore.getState()
    const view = useViewStore.getState()
    if (drawn.object) {
      const group = treatmentObjectGroup(scene, drawn.object)
      if (!group) return
      const current = picks.pickedObject?.object
      const again = current?.id === drawn.object.id && current.role === drawn.object.role
      if (view.selected) view.select(null)
      const point = group.worldToLocal(clicked)
      picks.setPickedObject(again ? null : { object: drawn.object, point: [point.x, point.y, point.z] })
      return
    }
    const pick = drawn.pick
    if (!pick) return
    picks.setPickedObject(null)
    const again = pick.structure === view.selected
    picks.setPickedRegion(again ? null : pick.region)
    // Where the name tag points: the clicked point in the model frame, the femur's at rest.
    const point = model.scene.worldToLocal(clicked)
    if (onFemur(pick.structure)) femurToRest(point)
    picks.setPickedPoint(again ? null : { structure: pick.structure, point: [point.x, point.y, point.z] })
    view.select(again ? null : pick.structure)
  }

  const onClick = (event: ThreeEvent<MouseEvent>) => {
    // Only what is drawn nearest under the pointer answers.
    event.stopPropagation()
    // With the pen on, a tap draws a dot (ui/sketch); it does not select.
    if (useSketchStore.getState().drawing) return
    if (pickRule()) return choose(event)
    const kept: PointerRay = { intersections: event.intersections, ray: event.ray.clone() }
    loadPickRule().then(() => choose(kept), () => {})
  }
  if (!hoverReady || !model) return { onClick }
  return {
    onClick,
    onPointerMove: (event) => {
      event.stopPropagation()
      usePickStore.getState().hover(hoveredOf(drawnAt(model, event)), event.offsetX, event.offsetY)
    },
    onPointerOut: () => usePickStore.getState().hover(null),
  }
}
