/**
 * Mount point of the disease effects, in the first download: the effects themselves
 * (./DiseaseLayer.tsx and its shaders) are a separate chunk, fetched the first time they are
 * needed — a stage above healthy, blood flow on with an artery shown, or the X-ray view — and then kept, so materials are not re-patched back and forth.
 */
import { lazy, Suspense, useState } from 'react'
import { useViewStore } from '../../state/viewStore.ts'

const DiseaseLayer = lazy(() => import('./DiseaseLayer.tsx'))

/** Any artery is an id ending in "Artery" or "Arteries" (domain/anatomy/structures.ts). */
const ARTERY_COUNT = 11

export function DiseaseEffects() {
  const needed = useViewStore(
    (s) =>
      s.stage > 0 || s.faded.includes('femur') || (s.flow && s.hidden.filter((id) => /Arter(y|ies)$/.test(id)).length < ARTERY_COUNT),
  )
  const [loaded, setLoaded] = useState(false)
  if (needed && !loaded) setLoaded(true)
  return loaded ? (
    <Suspense fallback={null}>
      <DiseaseLayer />
    </Suspense>
  ) : null
}
