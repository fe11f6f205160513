/**
 * The simulated pictures for a saved image (hipExplorer.screenshot: `images`), rendered now at
 * the size the saved image gives them: with the open panel's session (./ImagingProbe.tsx), or,
 * with the panel closed, a session made for this one capture and freed straight after (its
 * shaders compile once per capture: a saved image, not a frame).
 */
import { IMAGE_KINDS, type ImageKind } from '../../domain/imaging/imageKinds.ts'
import type { MriWeighting } from '../../domain/imaging/mriSignal.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { useImagingStore, type RenderedImage } from '../../state/imagingStore.ts'
import { getRenderHandle } from '../renderHandle.ts'
import { useModelStore } from '../model/modelStore.ts'
import { ImagingSession, liveImagingSession } from './imagingSession.ts'
import { measured, stillPictureMeasure } from '../screenshot.ts'

export interface StillPicture {
  readonly kind: ImageKind
  readonly image: RenderedImage
}

export interface StillPictures {
  readonly pictures: readonly StillPicture[]
  /** The MRI's weighting (the panel's choice), which a saved image names in the MRI's title. */
  readonly weighting: MriWeighting
}

/** Every picture of the view as it is now, `size` px per side; throws when there is no hip to picture. */
export function renderStillPictures(size: number): StillPictures {
  const gl = getRenderHandle()?.gl
  const model = useModelStore.getState().model
  if (!gl || !model) throw new Error('The 3D view is not available, so there are no images to save.')
  const live = liveImagingSession()
  const session = live ?? ImagingSession.create(gl, model)
  if (!session) throw new Error('The model’s landmarks cannot be read, so the images cannot be drawn.')
  try {
    const { weighting } = useImagingStore.getState()
    const inputs = { view: useViewStore.getState(), size, weighting }
    return { pictures: IMAGE_KINDS.map((kind) => ({ kind, image: measured(stillPictureMeasure(kind), () => session.render(kind, inputs)) })), weighting }
  } finally {
    if (!live) session.dispose()
  }
}
