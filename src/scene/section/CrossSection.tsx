/**
 * The cross-section: clips every structure of the model with one plane and closes the cut
 * solids with caps (./sectionCaps.ts), so cut bone reads as solid cortex around cancellous bone.
 * Loaded lazily (it is not part of the first download) and mounted only while a cut is shown.
 */
import { useEffect, useMemo, useRef } from 'react'
import { useThree } from '@react-three/fiber'
import { Plane, type Material, type Mesh } from 'three'
import { clipPlaneOf } from '../../domain/section.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { useModelStore } from '../model/modelStore.ts'
import { createSectionCaps, type SectionCaps } from './sectionCaps.ts'
import { isHelper } from '../model/solidMeshes.ts'

export default function CrossSection() {
  const model = useModelStore((s) => s.model)
  const section = useViewStore((s) => s.section)
  const side = useViewStore((s) => s.side)
  const scene = useThree((s) => s.scene)
  const invalidate = useThree((s) => s.invalidate)
  const plane = useMemo(() => new Plane(), [])
  const active = !!model && !!section

  const caps = useRef<SectionCaps | null>(null)

  // Clip the model and build the caps once per model while a cut is shown.
  useEffect(() => {
    if (!model || !active) return
    const built = createSectionCaps(model.nodes, plane)
    const clipped: Material[] = []
    model.scene.traverse((o) => {
      const mesh = o as Mesh
      if (!mesh.isMesh || isHelper(o)) return
      for (const material of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) {
        material.clippingPlanes = [plane]
        clipped.push(material)
      }
    })
    scene.add(...built.capMeshes)
    caps.current = built
    invalidate()
    return () => {
      for (const material of clipped) material.clippingPlanes = null
      built.dispose()
      caps.current = null
      invalidate()
    }
  }, [model, active, plane, scene, invalidate])

  // Move the plane (cheap: no new objects). Declared after the effect above, so after a rebuild
  // it runs second and places the new caps.
  useEffect(() => {
    if (!section || !caps.current) return
    const { normal, constant } = clipPlaneOf(section, side)
    plane.normal.set(...normal)
    plane.constant = constant
    caps.current.place(plane)
    invalidate()
  }, [section, side, model, active, plane, invalidate])

  return null
}
