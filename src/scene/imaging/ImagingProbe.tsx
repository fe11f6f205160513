/**
 * Renders the Images panel's pictures (issue 13) while the panel is open (loaded lazily, mounted
 * by HipScene with `images` on): whenever what they show changes — stage, lesion size and
 * location, side, the coronal cut, the MRI weighting or the picture size — at most once per
 * animation frame, never while nothing changes. The pictures go to the imaging store for the
 * panel; the renderer's targets and materials are freed when the panel closes.
 *
 * The disease state comes from its owner's own functions (scene/disease/uniforms.ts applyAnatomy
 * and applyStage with the staging table), at the stage the user chose rather than a frame of
 * the 3D view's easing toward it.
 */
import { useEffect } from 'react'
import { useThree } from '@react-three/fiber'
import { parseLandmarks } from '../../domain/anatomy/landmarks.ts'
import { diseaseAnatomyOf } from '../../domain/lesion/diseaseAnatomy.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../domain/lesion/geometry.ts'
import { headMigrationMm } from '../../domain/staging/migration.ts'
import { MRI_FRAME, XRAY_FRAME, mriSliceZ } from '../../domain/imaging/imageFrames.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { useImagingStore } from '../../state/imagingStore.ts'
import { beginWork } from '../../state/pendingWork.ts'
import { useModelStore } from '../model/modelStore.ts'
import { applyAnatomy, applyStage, createDiseaseUniforms } from '../disease/uniforms.ts'
import { ImageRenderer } from './imageRenderer.ts'

export default function ImagingProbe() {
  const gl = useThree((s) => s.gl)
  const model = useModelStore((s) => s.model)

  useEffect(() => {
    if (!model) return
    const parsed = parseLandmarks(model.extras.landmarks)
    if (!parsed.ok) return
    const landmarks = parsed.value
    const uniforms = createDiseaseUniforms()
    const renderer = new ImageRenderer(gl, model, uniforms)
    const anatomy = diseaseAnatomyOf(landmarks)
    const restJointSpace = landmarks.joint.jointSpaceSuperior
    const migration = (s: number) => headMigrationMm(s, restJointSpace)
    let shown = ''
    let frame = 0
    let done: (() => void) | null = null

    const render = () => {
      frame = 0
      const view = useViewStore.getState()
      const { weighting, size } = useImagingStore.getState()
      const z = mriSliceZ(view.section, anatomy.headCentre[2])
      const key = JSON.stringify([view.stage, view.lesionSize, view.lesionType, view.side, z, weighting, size])
      if (key !== shown) {
        shown = key
        applyAnatomy(uniforms, anatomy, lesionGeometry({ size: view.lesionSize, type: view.lesionType }, lesionAnatomyOf(landmarks)))
        applyStage(uniforms, view.stage, migration)
        const mirror = view.side === 'left'
        const xray = renderer.renderXray({ frame: XRAY_FRAME, size, mirror }, view.stage)
        const mri = renderer.renderMri({ frame: MRI_FRAME, size, mirror }, view.stage, weighting, z)
        useImagingStore.setState({
          xray: { ...xray, sizeMm: XRAY_FRAME.sizeMm, stage: view.stage },
          mri: { ...mri, sizeMm: MRI_FRAME.sizeMm, stage: view.stage },
        })
      }
      done?.()
      done = null
    }
    // Any change of the view may change the pictures: look once, in the next animation frame
    // (a slider drag renders at most once per frame). idle() waits for that look.
    const schedule = () => {
      done ??= beginWork('images')
      if (!frame) frame = requestAnimationFrame(render)
    }
    schedule()
    const stopView = useViewStore.subscribe(schedule)
    const stopImaging = useImagingStore.subscribe((s, p) => {
      if (s.weighting !== p.weighting || s.size !== p.size) schedule()
    })
    return () => {
      if (frame) cancelAnimationFrame(frame)
      stopView()
      stopImaging()
      done?.()
      renderer.dispose()
      useImagingStore.setState({ xray: null, mri: null })
    }
  }, [gl, model])

  return null
}
