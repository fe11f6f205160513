/**
 * Renders the Images panel's pictures (issue 13) while the panel is open, and the fluoroscopy
 * inset's while a step done under it is shown (loaded lazily, mounted by HipScene while either
 * is wanted): whenever what they show changes — stage, lesion size and
 * location, side, the coronal cut, a treatment's step and the bone it took, the MRI weighting
 * or the picture size — each picture only
 * when its own inputs changed (./imagingSession.ts keyOf), at most once per animation frame and
 * never more than half the time while the slider is dragged; never while nothing changes. The
 * pictures go to the imaging store for the panel and the inset; the renderer's targets and
 * materials are freed when neither is shown.
 */
import { useEffect } from 'react'
import { useThree } from '@react-three/fiber'
import { IMAGE_KINDS, type PictureKind } from '../../domain/imaging/imageKinds.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { FLUOROSCOPY_PX, useImagingStore, type RenderedImage } from '../../state/imagingStore.ts'
import { useTreatmentView } from '../../state/treatmentView.ts'
import { beginWork } from '../../state/pendingWork.ts'
import { useModelStore } from '../model/modelStore.ts'
import { useGeometryRevision } from '../model/geometryRevision.ts'
import { usePlayerStore } from '../../state/playerStore.ts'
import { ImagingSession, setLiveImagingSession, type PictureInputs } from './imagingSession.ts'

export default function ImagingProbe() {
  const gl = useThree((s) => s.gl)
  const model = useModelStore((s) => s.model)

  useEffect(() => {
    if (!model) return
    const session = ImagingSession.create(gl, model)
    if (!session) return
    setLiveImagingSession(session)
    const shown = new Map<PictureKind, string>()
    let frame = 0
    let timer = 0
    let done: (() => void) | null = null
    /** The last render's cost and end (ms): the next waits as long, so a slider drag never spends more than half the time on the images. */
    let cost = 0
    let ended = 0

    const render = () => {
      frame = 0
      const start = performance.now()
      const { weighting, size } = useImagingStore.getState()
      const view = useViewStore.getState()
      const next: Partial<Record<PictureKind, RenderedImage>> = {}
      // The panel's pictures while it is open; the fluoroscopy of the step shown or the next one
      // done under it (made ahead: its programs are set up when the treatment opens, not mid-step).
      // Not while the steps play: with software WebGL, setting the image's programs up and reading
      // its pixels back waits for every frame queued (a 3.6 s stop measured at play); it is made
      // when the player rests (the step shown is then the one the inset needs).
      const fluoroscopyStep = usePlayerStore.getState().playing ? null : useTreatmentView.getState().fluoroscopyStep
      const pictures: [PictureKind, PictureInputs][] = IMAGE_KINDS.filter(() => view.images).map((kind) => [kind, { view, size, weighting }])
      if (fluoroscopyStep !== null) pictures.push(['fluoroscopy', { view: { ...view, step: fluoroscopyStep }, size: FLUOROSCOPY_PX, weighting }])
      for (const [kind, inputs] of pictures) {
        const key = session.keyOf(kind, inputs)
        if (shown.get(kind) === key) continue
        next[kind] = session.render(kind, inputs)
        shown.set(kind, key)
      }
      if (Object.keys(next).length > 0) {
        useImagingStore.setState((s) => ({ pictures: { ...s.pictures, ...next } }))
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
    // A treatment's bone taken away arrives from the cutting worker after the step is chosen.
    const stopGeometry = useGeometryRevision.subscribe(schedule)
    const stopFluoroscopy = useTreatmentView.subscribe((s, p) => {
      if (s.fluoroscopyStep !== p.fluoroscopyStep) schedule()
    })
    const stopPlayer = usePlayerStore.subscribe((s, p) => {
      if (s.skipOptional !== p.skipOptional || s.playing !== p.playing) schedule()
    })
    return () => {
      if (frame) cancelAnimationFrame(frame)
      window.clearTimeout(timer)
      stopView()
      stopImaging()
      stopGeometry()
      stopPlayer()
      stopFluoroscopy()
      done?.()
      setLiveImagingSession(null)
      session.dispose()
      useImagingStore.setState({ pictures: {} })
    }
  }, [gl, model])

  return null
}
