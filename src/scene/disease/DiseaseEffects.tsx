/**
 * Mount point of the disease effects, in the first download: the effects themselves
 * (./DiseaseLayer.tsx and its shaders) are a separate chunk, fetched after the first picture
 * of the hip is on screen (so they never delay it), and only once they have something to
 * show — a stage above healthy, the X-ray view, the cutaway window, or moving blood flow (flow on, an artery
 * shown, no reduced motion; at stage 0 a still, fully perfused hip needs no effects). Once
 * loaded they stay, so materials are not re-patched back and forth.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { useViewStore } from '../../state/viewStore.ts'
import { useStatusStore } from '../../state/statusStore.ts'
import { useReducedMotion } from '../useReducedMotion.ts'
import { STRUCTURE_IDS } from '../../domain/anatomy/structures.ts'
import { cutawayShown } from '../../domain/cutaway.ts'
import { beginWork } from '../../state/pendingWork.ts'

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
  // From the moment the effects are wanted until they have patched the model, the picture is
  // not final yet: hipExplorer.idle() waits for this (see state/pendingWork.ts).
  const arrival = useRef<(() => void) | null>(null)
  const want = firstFrame && needed && !loaded
  useEffect(() => {
    if (!want) return
    const done = beginWork('disease effects')
    arrival.current = done
    let fired = false
    // A moment after the first picture, so the chunk never competes with it.
    const timer = window.setTimeout(() => {
      fired = true
      setLoaded(true)
    }, AFTER_FIRST_FRAME_MS)
    return () => {
      window.clearTimeout(timer)
      // No longer wanted before the timer fired: nothing is coming. (Once it fired, the layer
      // ends the work when it has patched the model.)
      if (!fired) done()
    }
  }, [want])
  return loaded ? (
    <Suspense fallback={null}>
      <DiseaseLayer onPatched={() => arrival.current?.()} />
    </Suspense>
  ) : null
}
