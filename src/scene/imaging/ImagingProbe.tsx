/**
 * Renders the Images panel's pictures (issue 13) while the panel is open, and the fluoroscopy
 * inset's while a step done under it is shown (loaded lazily, mounted by HipScene while either
 * is wanted): whenever what they show changes — stage, lesion size and
 * location, side, the coronal cut, a treatment's step and the bone it took, the MRI weighting
 * or the picture size — each picture only
 * when its own inputs changed (./imagingSession.ts keyOf), once the view has rested (or at most a
 * tenth of the time while it never does: see `check`); never while nothing changes. Their
 * programs are readied first, in quiet moments, and their pixels read back without stopping the
 * page (one 3.6-s stop measured with software WebGL when both were done at the first picture). The
 * pictures go to the imaging store for the panel and the inset; the renderer's targets and
 * materials are freed when neither is shown.
 */
import { useEffect } from 'react'
import { useThree } from '@react-three/fiber'
import { IMAGE_KINDS, type PictureKind } from '../../domain/imaging/imageKinds.ts'
import { fluoroscopyPicture } from '../../domain/imaging/fluoroscopy.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { useImagingStore, type RenderedImage } from '../../state/imagingStore.ts'
import { useTreatmentView } from '../../state/treatmentView.ts'
import { beginWork } from '../../state/pendingWork.ts'
import { useModelStore } from '../model/modelStore.ts'
import { useGeometryRevision } from '../model/geometryRevision.ts'
import { usePlayerStore } from '../../state/playerStore.ts'
import { ImagingSession, setLiveImagingSession, type PictureInputs } from './imagingSession.ts'

/** The least time the view must rest before its pictures are made, ms (a frame on a fast GPU is far less). */
const REST_MIN_MS = 150
/** While the view never rests, a picture batch waits nine times its own cost after the last: a tenth of the time. */
const PICTURE_TIME_SHARE_INVERSE = 9

export default function ImagingProbe() {
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  const model = useModelStore((s) => s.model)

  useEffect(() => {
    if (!model) return
    const session = ImagingSession.create(gl, model)
    if (!session) return
    setLiveImagingSession(session)
    const shown = new Map<PictureKind, string>()
    let frame = 0
    let done: (() => void) | null = null
    /** The last render's whole time, from its draws to its pixels read back, and its end (ms). */
    let cost = 0
    let ended = 0
    /** When the view last changed, and the time between the last two animation frames (ms). */
    let changed = performance.now()
    let lastTick = 0
    let tickGap = 16
    /** Programs readied first (the first picture would otherwise set them up: one long stop); then pictures one batch at a time. */
    let warm = false
    let drawing = false
    let stopped = false

    const render = async () => {
      frame = 0
      if (!warm || drawing) return
      const start = performance.now()
      const { weighting, size, fluoroscopyView, fluoroscopyPx } = useImagingStore.getState()
      const view = useViewStore.getState()
      // The panel's pictures while it is open; the fluoroscopy of the step shown or the next one
      // done under it (made ahead, at the treatment's opening). Not while the steps play: it is
      // made when the player rests (the step shown is then the one the inset needs).
      const fluoroscopyStep = usePlayerStore.getState().playing ? null : useTreatmentView.getState().fluoroscopyStep
      const pictures: [PictureKind, PictureInputs][] = IMAGE_KINDS.filter(() => view.images).map((kind) => [kind, { view, size, weighting }])
      if (fluoroscopyStep !== null) pictures.push([fluoroscopyPicture(fluoroscopyView), { view: { ...view, step: fluoroscopyStep }, size: fluoroscopyPx, weighting }])
      const drawn: Promise<[PictureKind, string, RenderedImage]>[] = []
      for (const [kind, inputs] of pictures) {
        const key = session.keyOf(kind, inputs)
        if (shown.get(kind) === key) continue
        drawn.push(session.renderLater(kind, inputs).then((image) => [kind, key, image]))
      }
      if (drawn.length === 0) return settle()
      // Drawn now, read back when the GPU has got there, without waiting.
      drawing = true
      const results = await Promise.allSettled(drawn)
      drawing = false
      if (stopped) return
      cost = performance.now() - start
      const next: Partial<Record<PictureKind, RenderedImage>> = {}
      for (const r of results) {
        // A read fails only when the context is lost: the pictures are made again once it is back (the model reloads).
        if (r.status !== 'fulfilled') continue
        const [kind, key, image] = r.value
        next[kind] = image
        shown.set(kind, key)
      }
      useImagingStore.setState((s) => ({ pictures: { ...s.pictures, ...next } }))
      ended = performance.now()
      // What changed while these were drawn is looked at now.
      look()
    }
    /** Nothing (more) to make: the work idle() waits for is done. */
    const settle = () => {
      done?.()
      done = null
    }
    // Any change of the view may change the pictures: look at them once it has rested. idle()
    // waits for that look.
    const schedule = () => {
      changed = performance.now()
      // Work idle() waits for, which must not keep the warm-up from its quiet moment.
      done ??= beginWork('images', { waitsForPrograms: true })
      look()
    }
    const look = () => {
      if (frame || drawing || !warm || stopped) return
      lastTick = 0
      frame = requestAnimationFrame(check)
    }
    // While the view keeps changing (the slider dragged, the stages playing) the 3D view keeps
    // drawing and the pictures wait: they are made once the view has rested for two animation
    // frames, or, if it never rests, once nine times their last cost has passed, so they take at
    // most a tenth of the time (issue 13: the 3D view's frame no more than 1.1× slower while it
    // animates; every picture at once took up to half of it, 1.7–1.9× measured while scrubbing).
    const check = (t: number) => {
      frame = 0
      if (lastTick) tickGap = t - lastTick
      lastTick = t
      const now = performance.now()
      const rested = now - changed >= Math.max(REST_MIN_MS, 2 * tickGap)
      const due = now - ended >= PICTURE_TIME_SHARE_INVERSE * cost
      if (rested || due) void render()
      else frame = requestAnimationFrame(check)
    }
    schedule()
    const warming = session.warm(scene)
    void warming.ready.then(() => {
      warm = true
      look()
    })
    const stopView = useViewStore.subscribe(schedule)
    const stopImaging = useImagingStore.subscribe((s, p) => {
      if (s.weighting !== p.weighting || s.size !== p.size || s.fluoroscopyView !== p.fluoroscopyView || s.fluoroscopyPx !== p.fluoroscopyPx) schedule()
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
      stopped = true
      if (frame) cancelAnimationFrame(frame)
      warming.cancel()
      stopView()
      stopImaging()
      stopGeometry()
      stopPlayer()
      stopFluoroscopy()
      settle()
      setLiveImagingSession(null)
      session.dispose()
      useImagingStore.setState({ pictures: {} })
    }
  }, [gl, scene, model])

  return null
}
