/**
 * The generated hip: the loaded glTF scene with our materials, mirrored for a left hip, with
 * the user's hidden structures hidden. Clicking a structure selects it (how the selection and
 * the structure under the pointer are marked is highlight/StructureHighlight.tsx's).
 */
import { useTreatmentView } from '../state/treatmentView.ts'
import { useEffect } from 'react'
import { useThree } from '@react-three/fiber'
import { useViewStore } from '../state/viewStore.ts'
import { useStatusStore } from '../state/statusStore.ts'
import { loadPickRule } from './picking/pickRule.ts'
import { usePickHandlers } from './picking/usePickHandlers.ts'
import { useModelStore } from './model/modelStore.ts'
import type { StructureId } from '../domain/anatomy/structures.ts'
import { showSeeThrough } from './model/seeThroughLook.ts'

export function HipModel() {
  const model = useModelStore((s) => s.model)
  const hidden = useViewStore((s) => s.hidden)
  // The operation's own: the capsule opened for a window at the front of the neck.
  const movedAside = useTreatmentView((s) => s.movedAside)
  const faded = useViewStore((s) => s.faded)
  // The step's own: bone seen through where its work fans out of any one cutting plane.
  const seenThrough = useTreatmentView((s) => s.seenThrough)
  const side = useViewStore((s) => s.side)
  // The picking rule arrives once the hip is on screen (it never delays the first picture).
  const drawn = useStatusStore((s) => s.firstModelFrame)
  useEffect(() => {
    if (drawn) loadPickRule().catch(() => {})
  }, [drawn])
  const invalidate = useThree((s) => s.invalidate)
  const handlers = usePickHandlers()

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
    showSeeThrough(model, new Set<StructureId>([...faded, ...seenThrough]))
    invalidate()
  }, [model, faded, seenThrough, invalidate])

  if (!model) return null
  return (
    <group scale={[side === 'left' ? -1 : 1, 1, 1]} {...handlers}>
      <primitive object={model.scene} />
    </group>
  )
}
