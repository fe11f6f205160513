/**
 * Builds the ray-casting hierarchies of the model after its first picture and switches hover
 * picking on (only on devices with a hovering pointer). Loaded lazily.
 */
import { useEffect } from 'react'
import { Mesh } from 'three'
import { usePickStore } from '../../state/pickStore.ts'
import { useModelStore } from '../model/modelStore.ts'
import { accelerateRaycast } from '../three/bvh.ts'
import { solidMeshes } from '../model/solidMeshes.ts'

export default function PickAccelerator() {
  const model = useModelStore((s) => s.model)
  useEffect(() => {
    if (!model) return
    const meshes = solidMeshes(model.scene)
    for (const mesh of meshes) accelerateRaycast(mesh)
    const canHover = typeof window.matchMedia === 'function' && window.matchMedia('(hover: hover)').matches
    usePickStore.getState().setHoverReady(canHover)
    return () => {
      usePickStore.getState().setHoverReady(false)
      for (const mesh of meshes) mesh.raycast = Mesh.prototype.raycast
    }
  }, [model])
  return null
}
