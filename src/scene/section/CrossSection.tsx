/**
 * The cross-section: moves the model's cutting plane (./sectionPlane.ts: every structure is
 * clipped by it, parked while no cut is shown) and closes the cut solids with caps
 * (./sectionCaps.ts), so cut bone reads as solid cortex around cancellous bone.
 * Loaded lazily once the hip is drawn (it is not part of the first download) and kept mounted:
 * the caps are hidden, not disposed, while no cut is shown, and their programs are readied in a
 * quiet moment (../three/programWarmUp.ts), so no cut compiles anything or stops the page.
 */
import { useEffect, useRef } from 'react'
import { useThree } from '@react-three/fiber'
import { clipPlaneOf } from '../../domain/section.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { useModelStore } from '../model/modelStore.ts'
import { createSectionCaps, type SectionCaps } from './sectionCaps.ts'
import { placeSectionPlane, sectionPlaneOf } from './sectionPlane.ts'
import { warmPrograms } from '../three/programWarmUp.ts'

export default function CrossSection() {
  const model = useModelStore((s) => s.model)
  const section = useViewStore((s) => s.section)
  const side = useViewStore((s) => s.side)
  const scene = useThree((s) => s.scene)
  const invalidate = useThree((s) => s.invalidate)
  const gl = useThree((s) => s.gl)
  const camera = useThree((s) => s.camera)

  const caps = useRef<SectionCaps | null>(null)

  // The caps, built once per model; the plane parked again when this goes.
  useEffect(() => {
    if (!model) return
    const plane = sectionPlaneOf(model.scene)
    const built = createSectionCaps(model.nodes, plane)
    built.show(false)
    scene.add(...built.capMeshes)
    // Their programs (caps and stencil passes) readied ahead of the first cut.
    const stopWarming = warmPrograms(gl, camera, scene, [...built.capMeshes, ...built.passes])
    caps.current = built
    return () => {
      stopWarming()
      placeSectionPlane(plane, null)
      built.dispose()
      caps.current = null
      invalidate()
    }
  }, [model, scene, invalidate, gl, camera])

  // Move the plane and the caps (cheap: no new objects, no new programs). Declared after the
  // effect above, so after a rebuild it runs second and places the new caps.
  useEffect(() => {
    const built = caps.current
    if (!model || !built) return
    const plane = sectionPlaneOf(model.scene)
    placeSectionPlane(plane, section ? clipPlaneOf(section, side) : null)
    if (section) built.place(plane)
    const shownOrHidden = built.show(section !== null)
    // No cut before and none now (the hip just drawn, or a side change without a cut): the
    // picture is the same, and a frame costs 0.1–0.3 s with software WebGL.
    if (section !== null || shownOrHidden) invalidate()
  }, [section, side, model, invalidate])

  return null
}
