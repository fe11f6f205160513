/**
 * Mount point of the disease effects, in the first download: the effects themselves
 * (./DiseaseLayer.tsx and its shaders) are a separate chunk, fetched a moment after the first
 * picture of the hip is on screen (so they never delay it), and then kept, so materials are not
 * re-patched back and forth.
 *
 * They come even when the first view has nothing of them to show (a healthy, still hip): the
 * default view's moving blood flow needs them anyway, and waiting for the first move of the stage
 * slider made that move stop the page for 0.8–0.95 s (the chunk, patching the model and its first
 * disease programs, all at once, with software WebGL). Arriving ahead, the layer readies its
 * programs in quiet moments (../three/programWarmUp.ts).
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { useStatusStore } from '../../state/statusStore.ts'
import { beginWork } from '../../state/pendingWork.ts'

const DiseaseLayer = lazy(() => import('./DiseaseLayer.tsx'))

const AFTER_FIRST_FRAME_MS = 300

export function DiseaseEffects() {
  const firstFrame = useStatusStore((s) => s.firstModelFrame)
  const [loaded, setLoaded] = useState(false)
  // From the first picture until the effects have patched the model, the picture is not final
  // yet: hipExplorer.idle() waits for this (see state/pendingWork.ts).
  const arrival = useRef<(() => void) | null>(null)
  const want = firstFrame && !loaded
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
      // Unmounted before the timer fired: nothing is coming. (Once it fired, the layer ends the
      // work when it has patched the model.)
      if (!fired) done()
    }
  }, [want])
  return loaded ? (
    <Suspense fallback={null}>
      <DiseaseLayer onPatched={() => arrival.current?.()} />
    </Suspense>
  ) : null
}
