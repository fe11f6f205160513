/** Everything inside the 3D view. */
import { lazy, Suspense } from 'react'
import { useViewStore } from '../state/viewStore.ts'
import { useStatusStore } from '../state/statusStore.ts'
import { StudioLights } from './StudioLights.tsx'
import { HipModel } from './HipModel.tsx'
import { CameraRig } from './CameraRig.tsx'
import { FrameProbe } from './FrameProbe.tsx'
import { SceneSettings } from './SceneSettings.tsx'
import { DiseaseEffects } from './disease/DiseaseEffects.tsx'
import { LoadingPart } from './LoadingPart.tsx'

// Optional views load on first use, so they do not weigh on the first download.
const CrossSection = lazy(() => import('./section/CrossSection.tsx'))
const LabelProbe = lazy(() => import('./labels/LabelProbe.tsx'))
const PickAccelerator = lazy(() => import('./picking/PickAccelerator.tsx'))

export function HipScene() {
  const cut = useViewStore((s) => s.section !== null)
  const labels = useViewStore((s) => s.labels)
  // Fast picking is built once the hip has been drawn, so it never delays the first picture.
  const drawn = useStatusStore((s) => s.firstModelFrame)
  return (
    <>
      <SceneSettings />
      <StudioLights />
      <HipModel />
      <DiseaseEffects />
      <CameraRig />
      <FrameProbe />
      {cut && (
        // The cut changes the picture: idle() waits for its code (the other two do not draw).
        <Suspense fallback={<LoadingPart name="cross-section" />}>
          <CrossSection />
        </Suspense>
      )}
      {drawn && (
        <Suspense fallback={null}>
          <PickAccelerator />
        </Suspense>
      )}
      {labels && (
        <Suspense fallback={null}>
          <LabelProbe />
        </Suspense>
      )}
    </>
  )
}
