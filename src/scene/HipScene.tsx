/** Everything inside the 3D view. */
import { useDeferredValue, useState } from 'react'
import { useViewStore } from '../state/viewStore.ts'
import { useTreatmentView } from '../state/treatmentView.ts'
import { usePickStore } from '../state/pickStore.ts'
import { anyLabelShown } from '../domain/anyLabelShown.ts'
import { useStatusStore } from '../state/statusStore.ts'
import { StudioLights } from './StudioLights.tsx'
import { HipModel } from './HipModel.tsx'
import { CameraRig } from './CameraRig.tsx'
import { FrameProbe } from './FrameProbe.tsx'
import { SceneSettings } from './SceneSettings.tsx'
import { DiseaseEffects } from './disease/DiseaseEffects.tsx'
import { lazyScenePart, ScenePartGuard } from './ScenePart.tsx'
import { abandonWork } from '../state/pendingWork.ts'
import { LoadingPart } from './LoadingPart.tsx'
import { TreatmentWarmUp } from './treatment/TreatmentWarmUp.tsx'

// Optional views load on first use, so they do not weigh on the first download. Each has its
// own error boundary: a chunk that fails to arrive costs that part, not the view (ScenePart.tsx).
// idle() waits for their code (LoadingPart): the cut changes the picture, and the other two
// set up what they need (label positions, picking structures) once they arrive, so a page
// that says it is idle has everything in place and counts no late arrivals as growth.
const CrossSection = lazyScenePart('cross-section', 'The cut through the hip', () => import('./section/CrossSection.tsx'), <LoadingPart name="cross-section" />)
const LabelProbe = lazyScenePart('label-anchors', 'The label positions in the 3D view', () => import('./labels/LabelProbe.tsx'), <LoadingPart name="label anchors" />)
const SelectionTagAnchor = lazyScenePart('selection-tag', 'Where the name tag of the selection points', () => import('./labels/SelectionTagAnchor.tsx'), <LoadingPart name="selection tag" />)
// The outlines of the selection and of hover: not needed for the first picture (the initial
// download stays within its budget), loaded with the first selection or hover and kept.
const StructureHighlight = lazyScenePart('highlight', 'The outline of the selected structure', () => import('./highlight/StructureHighlight.tsx'), <LoadingPart name="highlight" />)
// The treatment's tools, pieces and holes: loaded with the first treatment opened.
const TreatmentLayer = lazyScenePart('treatment', 'The treatment in the 3D view', () => import('./treatment/TreatmentLayer.tsx'), <LoadingPart name="treatment" />)
// The treatment clock runs only while a treatment is open (and stays out of the first download).
const TreatmentClockDriver = lazyScenePart('treatment-clock', 'Playing the treatment steps', () => import('./treatment/TreatmentClockDriver.tsx'), <LoadingPart name="treatment clock" />)
// The Images panel's pictures, rendered off screen while it is open.
const ImagingProbe = lazyScenePart('imaging', 'The simulated images', () => import('./imaging/ImagingProbe.tsx'), <LoadingPart name="imaging" />)
// Clicking a picture shows its point in the view; the MRI's slice is outlined (with the panel open).
const PictureLink = lazyScenePart('picture-link', 'The images’ points in the 3D view', () => import('./imaging/PictureLink.tsx'), <LoadingPart name="picture link" />)
// Shader programs only pile up over the budget after many changes: the sweep loads after the first frame.
const ProgramBudget = lazyScenePart('program-budget', 'Freeing unused shader programs', () => import('./ProgramBudget.tsx'))
const PickAccelerator = lazyScenePart('picking', 'Naming what is under the pointer', () => import('./picking/PickAccelerator.tsx'), <LoadingPart name="picking" />)

/**
 * The disease effects fetch their own chunk (disease/DiseaseEffects.tsx). If it fails, the
 * guard ends the work it had registered, or hipExplorer.idle() would wait for it forever. Their
 * React.lazy is theirs, and keeps its failed import: reloading the page is the way to retry.
 */
const endDiseaseWork = () => {
  abandonWork('disease effects')
  abandonWork('disease shaders')
}

export function HipScene() {
  const cut = useViewStore((s) => s.section !== null)
  // Landmark labels when asked for; the disease tags whenever they apply.
  const labels = useViewStore((s) => anyLabelShown(s))
  // Fast picking is built once the hip has been drawn, so it never delays the first picture.
  const drawn = useStatusStore((s) => s.firstModelFrame)
  const selected = useViewStore((s) => s.selected !== null)
  const pickedObject = usePickStore((s) => s.pickedObject !== null)
  // A treatment's scene parts mount in a render of their own, after the commit that opened it
  // (the panel, the staged view): with them, that task took 66–93 ms with software WebGL. They
  // go at once when it closes, so no frame draws the disease view with the tools still in it.
  const treatmentOpen = useViewStore((s) => s.procedure !== null)
  const treatment = useDeferredValue(treatmentOpen) && treatmentOpen
  const hovered = usePickStore((s) => s.hovered !== null)
  const images = useViewStore((s) => s.images)
  // The fluoroscopy inset's picture comes from the same renderer, kept ready while a treatment that has one is open.
  const fluoroscopy = useTreatmentView((s) => s.fluoroscopyStep !== null)
  // Kept once loaded: hovering on and off never mounts the outlines again.
  const [marking, setMarking] = useState(false)
  if ((selected || hovered) && !marking) setMarking(true)
  // Mounted once the hip is drawn (or with a first cut before that) and kept: its caps wait
  // hidden, their programs readied in a quiet moment, so no cut — the user's or a treatment
  // step's — stops the page to set them up.
  const [cutting, setCutting] = useState(false)
  if ((cut || drawn) && !cutting) setCutting(true)
  return (
    <>
      <SceneSettings />
      <StudioLights />
      <HipModel />
      {marking && <StructureHighlight />}
      <ScenePartGuard id="disease" name="The disease effects in the 3D view" onFailure={endDiseaseWork}>
        <DiseaseEffects />
      </ScenePartGuard>
      <CameraRig />
      <FrameProbe />
      {treatment && <TreatmentClockDriver />}
      {treatment && <TreatmentLayer />}
      {drawn && <ProgramBudget />}
      {cutting && <CrossSection />}
      {drawn && <PickAccelerator />}
      {drawn && <TreatmentWarmUp />}
      {(images || fluoroscopy) && drawn && <ImagingProbe />}
      {images && drawn && <PictureLink />}
      {labels && <LabelProbe />}
      {(selected || pickedObject) && <SelectionTagAnchor />}
    </>
  )
}
