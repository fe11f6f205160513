/**
 * Switches the model's meshes to ray casts through their hierarchies after its first picture,
 * builds those hierarchies ahead, and switches hover picking on (only on devices with a
 * hovering pointer). Loaded lazily.
 *
 * Ahead means one mesh per quiet moment, the largest first: built all at once in one task, they
 * stopped the page for 435 ms right after the hip first showed, with software WebGL (measured).
 * A ray cast before then builds what it needs itself (../three/bvh.ts).
 */
import { useEffect } from 'react'
import { Mesh } from 'three'
import { usePickStore } from '../../state/pickStore.ts'
import { useModelStore } from '../model/modelStore.ts'
import { accelerateRaycast, ensureBvh, hasBvh } from '../three/bvh.ts'
import { inQuietMoment } from '../quietMoment.ts'
import { solidMeshes } from '../model/solidMeshes.ts'

export default function PickAccelerator() {
  const model = useModelStore((s) => s.model)
  useEffect(() => {
    if (!model) return
    const meshes = solidMeshes(model.scene)
    for (const mesh of meshes) accelerateRaycast(mesh)
    const ahead = [...meshes].sort((a, b) => triangles(b) - triangles(a))
    let cancel = () => {}
    const buildNext = () => {
      const mesh = ahead.shift()
      if (!mesh) return
      if (!hasBvh(mesh.geometry)) ensureBvh(mesh.geometry)
      cancel = inQuietMoment(buildNext)
    }
    cancel = inQuietMoment(buildNext)
    const canHover = typeof window.matchMedia === 'function' && window.matchMedia('(hover: hover)').matches
    usePickStore.getState().setHoverReady(canHover)
    return () => {
      cancel()
      usePickStore.getState().setHoverReady(false)
      for (const mesh of meshes) mesh.raycast = Mesh.prototype.raycast
    }
  }, [model])
  return null
}

/** A mesh's triangle count (its hierarchy's cost). */
function triangles(mesh: Mesh): number {
  const g = mesh.geometry
  return (g.index ? g.index.count : (g.attributes.position?.count ?? 0)) / 3
}
