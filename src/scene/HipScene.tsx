/** Everything inside the 3D view. */
import { StudioLights } from './StudioLights.tsx'
import { HipModel } from './HipModel.tsx'
import { CameraRig } from './CameraRig.tsx'
import { FrameProbe } from './FrameProbe.tsx'
import { SceneSettings } from './SceneSettings.tsx'
import { DiseaseEffects } from './disease/DiseaseEffects.tsx'

export function HipScene() {
  return (
    <>
      <SceneSettings />
      <StudioLights />
      <HipModel />
      <DiseaseEffects />
      <CameraRig />
      <FrameProbe />
    </>
  )
}
