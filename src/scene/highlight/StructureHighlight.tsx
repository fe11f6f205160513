/**
 * The one owner of how the 3D view marks a structure: the selected one gets a two-tone outline
 * (a bright inner ring that shows on dark tissue, a dark outer ring that shows on pale bone and
 * on the background), the one under the pointer a thin single slate ring — never alike.
 * The outlines are helper meshes under each mesh of the structure (./outlineMaterials.ts), so
 * they hide, move, mirror, collapse and get cut with it. They are made on first use for each
 * structure and kept (hidden when not wanted) until the model changes: hovering from one
 * structure to the next only flips visibility and never compiles a shader again.
 */
import { useEffect, useMemo } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import { Group, type Material, type Mesh, type Object3D } from 'three'
import type { StructureId } from '../../domain/anatomy/structures.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { isObjectPick, usePickStore } from '../../state/pickStore.ts'
import { useModelStore, type LoadedHip } from '../model/modelStore.ts'
import { createDepthCopy, createOutlineRing, OUTLINE_RENDER_ORDER, type OutlineRing } from './outlineMaterials.ts'
import { markHelper, solidMeshes } from '../model/solidMeshes.ts'

export type HighlightKind = 'selected' | 'hovered'

/** Rings from the outside in (each is drawn over the one before). */
export const HIGHLIGHT_RINGS: Record<HighlightKind, readonly OutlineRing[]> = {
  selected: [
    { widthPx: 5, colour: '#0f1e2c' },
    { widthPx: 2.5, colour: '#ffd21a' },
  ],
  hovered: [{ widthPx: 2, colour: '#4d6f8c' }],
}

interface DepthCopy {
  mesh: Mesh
  source: Material
}

interface Outline {
  groups: Group[]
  depthCopies: DepthCopy[]
}

/** Marks helper meshes so that picking, the cut, the disease and the fades leave them alone. */
function asHelper(object: Object3D): Object3D {
  markHelper(object)
  object.raycast = () => {}
  return object
}

/** The outlines made so far, per structure and kind, for one model. */
class Outlines {
  private readonly made = new Map<string, Outline>()
  constructor(private readonly model: LoadedHip) {}

  /** The outline of `id` of this kind, made (hidden) on first use; null when the model has no such structure. */
  get(id: StructureId, kind: HighlightKind): Outline | null {
    const key = `${kind}:${id}`
    const known = this.made.get(key)
    if (known) return known
    const node = this.model.nodes[id]
    if (!node) return null
    const meshes = solidMeshes(node).filter((mesh) => !Array.isArray(mesh.material))
    const outline: Outline = { groups: [], depthCopies: [] }
    for (const mesh of meshes) {
      const source = mesh.material as Material
      const group = asHelper(new Group()) as Group
      group.name = `outline-${kind}`
      group.visible = false
      const depth = asHelper(createDepthCopy(mesh.geometry, source, OUTLINE_RENDER_ORDER)) as Mesh
      depth.visible = false
      group.add(depth)
      HIGHLIGHT_RINGS[kind].forEach((ring, i) => group.add(asHelper(createOutlineRing(mesh.geometry, source, ring, OUTLINE_RENDER_ORDER + 1 + i))))
      mesh.add(group)
      outline.groups.push(group)
      outline.depthCopies.push({ mesh: depth, source })
    }
    this.made.set(key, outline)
    return outline
  }

  /** Shows exactly the outlines asked for. */
  show(wanted: ReadonlyMap<HighlightKind, StructureId | null>): void {
    for (const [kind, id] of wanted) if (id) this.get(id, kind)
    for (const [key, outline] of this.made) {
      const [kind, id] = key.split(':') as [HighlightKind, StructureId]
      const on = wanted.get(kind) === id
      for (const group of outline.groups) group.visible = on
    }
  }

  /** Per frame: a see-through structure needs its depth copy (no allocation). */
  followFades(): void {
    for (const outline of this.made.values()) {
      for (const { mesh, source } of outline.depthCopies) mesh.visible = source.transparent
    }
  }

  dispose(): void {
    for (const outline of this.made.values()) {
      for (const group of outline.groups) {
        group.removeFromParent()
        group.traverse((o) => {
          const mesh = o as Mesh
          if (mesh.isMesh) (mesh.material as Material).dispose()
        })
      }
    }
    this.made.clear()
  }
}

export function StructureHighlight() {
  const model = useModelStore((s) => s.model)
  const selected = useViewStore((s) => s.selected)
  const hovered = usePickStore((s) => (s.hovered && !isObjectPick(s.hovered) ? s.hovered.structure : null))
  const invalidate = useThree((s) => s.invalidate)
  const outlines = useMemo(() => (model ? new Outlines(model) : null), [model])
  useEffect(() => () => outlines?.dispose(), [outlines])

  useEffect(() => {
    if (!outlines) return
    outlines.show(
      new Map<HighlightKind, StructureId | null>([
        ['selected', selected],
        // The selected structure keeps its own outline under the pointer.
        ['hovered', hovered === selected ? null : hovered],
      ]),
    )
    invalidate()
  }, [outlines, selected, hovered, invalidate])

  useFrame(() => outlines?.followFades())
  return null
}

/** For the lazy part in HipScene: the outlines load with the first selection or hover. */
export default StructureHighlight
