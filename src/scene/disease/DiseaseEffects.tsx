/**
 * Mount point of the disease effects, in the first download: the effects themselves
 * (./DiseaseLayer.tsx and its shaders) are a separate chunk, fetched after the first picture
 * of the hip is on screen (so they never delay it), and only once they have something to
 * show — a stage above healthy, the X-ray view, the cutaway window, or moving blood flow (flow on, an artery
 * shown, no reduced motion; at stage 0 a still, fully perfused hip needs no effects). Once
 * loaded they stay, so materials are not re-patched back and forth.
 */
import { lazy, Suspense, useEffect, useState } from 'react'
import { useViewStore } from '../../state/viewStore.ts'
import { useStatusStore } from '../../state/statusStore.ts'
import { useReducedMotion } from '../useReducedMotion.ts'
import { STRUCTURE_IDS } from '../../domain/anatomy/structures.ts'
import { cutawayShown } from '../../domain/cutaway.ts'

const DiseaseLayer = lazy(() => import('./DiseaseLayer.tsx'))

const AFTER_FIRST_FRAME_MS = 300

/** The artery structures (their ids end in Artery/Arteries, see domain/anatomy/structures.ts). */
const ARTERIES = STRUCTURE_IDS.filter((id) => /Arter(y|ies)$/.test(id))

export function DiseaseEffects() {
  const reducedMotion = useReducedMotion()
  const firstFrame = useStatusStore((s) => s.firstModelFrame)
  const needed = useViewStore(
    (s) =>
      s.stage > 0 ||
      s.faded.includes('femur') ||
      cutawayShown(s) ||
      (!reducedMotion && s.flow && ARTERIES.some((id) => !s.hidden.includes(id))),
  )
  const [loaded, setLoaded] = useState(false)
  const want = firstFrame && needed && !loaded
  useEffect(() => {
    if (!want) return
    // A moment after the first picture, so the chunk never competes with it.
    const timer = window.setTimeout(() => setLoaded(true), AFTER_FIRST_FRAME_MS)
    return () => window.clearTimeout(timer)
  }, [want])
  return loaded ? (
    <Suspense fallback={null}>
      <DiseaseLayer />
    </Suspense>
  ) : null
}
