/**
 * Renders the Images panel's pictures (issue 13) while the panel is open (loaded lazily, mounted
 * by HipScene with `images` on): whenever what they show changes — stage, lesion size and
 * location, side, the coronal cut, the MRI weighting or the picture size — each picture only
 * when its own inputs changed, at most once per animation frame and never more than half the
 * time while the slider is dragged; never while nothing changes. The pictures go to the imaging store for the
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
    let shownXray = ''
    let shownMri = ''
    let frame = 0
    let timer = 0
    let done: (() => void) | null = null
    /** The last render's cost and end (ms): the next waits as long, so a slider drag never spends more than half the time on the images. */
    let cost = 0
    let ended = 0

    const render = () => {
      frame = 0
      const start = performance.now()
      const view = useViewStore.getState()
      const { weighting, size } = useImagingStore.getState()
      const z = mriSliceZ(view.section, anatomy.headCentre[2])
      const xrayKey = JSON.stringify([view.stage, view.lesionSize, view.lesionType, view.side, size])
      const mriKey = JSON.stringify([xrayKey, z, weighting])
      if (xrayKey !== shownXray || mriKey !== shownMri) {
        applyAnatomy(uniforms, anatomy, lesionGeometry({ size: view.lesionSize, type: view.lesionType }, lesionAnatomyOf(landmarks)))
        applyStage(uniforms, view.stage, migration)
        const request = { size, mirror: view.side === 'left' }
        const next: Partial<ReturnType<typeof useImagingStore.getState>> = {}
        if (xrayKey !== shownXray) {
          next.xray = { ...renderer.renderXray({ ...request, frame: XRAY_FRAME }, view.stage), sizeMm: XRAY_FRAME.sizeMm, stage: view.stage }
          shownXray = xrayKey
        }
        if (mriKey !== shownMri) {
          next.mri = { ...renderer.renderMri({ ...request, frame: MRI_FRAME }, view.stage, weighting, z), sizeMm: MRI_FRAME.sizeMm, stage: view.stage }
          shownMri = mriKey
        }
        useImagingStore.setState(next)
        ended = performance.now()
        cost = ended - start
      }
      done?.()
      done = null
    }
    // Any change of the view may change the pictures: look once, in an animation frame after
    // the last render's cost has passed again. idle() waits for that look.
    const schedule = () => {
      done ??= beginWork('images')
      if (frame || timer) return
      const wait = Math.max(0, cost - (performance.now() - ended))
      timer = window.setTimeout(() => {
        timer = 0
        frame = requestAnimationFrame(render)
      }, wait)
    }
    schedule()
    const stopView = useViewStore.subscribe(schedule)
    const stopImaging = useImagingStore.subscribe((s, p) => {
      if (s.weighting !== p.weighting || s.size !== p.size) schedule()
    })
    return () => {
      if (frame) cancelAnimationFrame(frame)
      window.clearTimeout(timer)
      stopView()
      stopImaging()
      done?.()
      renderer.dispose()
      useImagingStore.setState({ xray: null, mri: null })
    }
  }, [gl, model])

  return null
}
