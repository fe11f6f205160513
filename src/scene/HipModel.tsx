/**
 * The generated hip: the loaded glTF scene with our materials, mirrored for a left hip, with
 * the user's hidden structures hidden and the selected one highlighted. Clicking a structure
 * selects it.
 */
import { useEffect } from 'react'
import { useThree, type ThreeEvent } from '@react-three/fiber'
import type { Mesh, MeshStandardMaterial } from 'three'
import { useViewStore } from '../state/viewStore.ts'
import { useModelStore } from './model/modelStore.ts'
import { firstDrawn } from './visibility/firstDrawn.ts'
import { usePickStore, type Pick } from '../state/pickStore.ts'
import type { StructureId } from '../domain/anatomy/structures.ts'

const SELECTED_GLOW = 0x2a4a6a
const HOVER_GLOW = 0x15222e
/** Opacity of a see-through ("X-ray") structure: enough to keep its outline, clear to see inside. */
const FADED_OPACITY = 0.18

interface BaseLook {
  transparent: boolean
  opacity: number
  depthWrite: boolean
}

export function HipModel() {
  const model = useModelStore((s) => s.model)
  const hidden = useViewStore((s) => s.hidden)
  const faded = useViewStore((s) => s.faded)
  const selected = useViewStore((s) => s.selected)
  const side = useViewStore((s) => s.side)
  const hoverReady = usePickStore((s) => s.hoverReady)
  const hovered = usePickStore((s) => s.hovered?.structure ?? null)
  const invalidate = useThree((s) => s.invalidate)

  useEffect(() => {
    if (!model) return
    const hiddenSet = new Set<StructureId>(hidden)
    for (const [id, node] of Object.entries(model.nodes)) {
      node.visible = !hiddenSet.has(id as StructureId)
    }
    invalidate()
  }, [model, hidden, invalidate])

  useEffect(() => {
    if (!model) return
    const fadedSet = new Set<StructureId>(faded)
    for (const [id, node] of Object.entries(model.nodes)) {
      node.traverse((o) => {
        const mesh = o as Mesh
        if (!mesh.isMesh || o.userData.sectionHelper) return
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

  useEffect(() => {
    if (!model) return
    for (const [id, node] of Object.entries(model.nodes)) {
      node.traverse((o) => {
        const mesh = o as Mesh
        if (!mesh.isMesh || o.userData.sectionHelper) return
        const material = mesh.material as MeshStandardMaterial
        material.emissive?.setHex(id === selected ? SELECTED_GLOW : 0x000000)
      })
    }
    invalidate()
  }, [model, selected, invalidate])

  useEffect(() => {
    if (!model) return
    for (const [id, node] of Object.entries(model.nodes)) {
      node.traverse((o) => {
        const mesh = o as Mesh
        if (!mesh.isMesh || o.userData.sectionHelper || id === selected) return
        ;(mesh.material as MeshStandardMaterial).emissive?.setHex(id === hovered ? HOVER_GLOW : 0x000000)
      })
    }
    invalidate()
  }, [model, hovered, selected, invalidate])

  if (!model) return null
  /** What is drawn under the pointer (scene/visibility/firstDrawn.ts: the rule labels use too). */
  const pickAt = (event: ThreeEvent<PointerEvent | MouseEvent>): Pick | null =>
    firstDrawn(model, event.intersections, event.ray, useViewStore.getState())?.pick ?? null
  const onClick = (event: ThreeEvent<MouseEvent>) => {
    // Only the nearest visible structure under the pointer.
    event.stopPropagation()
    const pick = pickAt(event)
    if (!pick) return
    const again = pick.structure === selected
    usePickStore.getState().setPickedRegion(again ? null : pick.region)
    useViewStore.getState().select(again ? null : pick.structure)
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
