/**
 * The simulated pictures the Images panel shows and a saved image carries (issue 13), in the
 * order they are shown, with their titles: one owner, so the panel and the saved image name
 * each picture the same way.
 */
import type { MriWeighting } from './mriSignal.ts'

export const IMAGE_KINDS = ['xray', 'frogLeg', 'mri'] as const
export type ImageKind = (typeof IMAGE_KINDS)[number]

/** Every picture the scene renders: the panel's, and the fluoroscopy inset's AP and lateral views during a step under it (./fluoroscopy.ts). */
export type PictureKind = ImageKind | 'fluoroscopy' | 'fluoroscopyLateral'

const TITLE: Readonly<Record<ImageKind, string>> = {
  xray: 'X-ray, AP',
  frogLeg: 'X-ray, frog-leg lateral',
  mri: 'MRI, coronal',
}

const WEIGHTING_TITLE: Readonly<Record<MriWeighting, string>> = { T1: 'T1', T2: 'T2 (fat-suppressed)' }

/** The picture's title; the MRI's names its weighting when asked (a saved image has no switch to show it). */
export function imageTitle(kind: ImageKind, weighting?: MriWeighting): string {
  return kind === 'mri' && weighting ? `${TITLE.mri} ${WEIGHTING_TITLE[weighting]}` : TITLE[kind]
}

export function weightingTitle(weighting: MriWeighting): string {
  return WEIGHTING_TITLE[weighting]
}

/** Said under the pictures wherever they are shown: they are drawn from the model. */
export const IMAGES_NOTE = 'Simulated from the 3D model: an illustration, not a patient’s images.'

/**
 * The same, short, under the live X-ray in its inset over the 3D view, where every line costs the
 * picture height (at 1280×720 the long note was cut off under the passes' caption).
 */
export const IMAGE_NOTE_SHORT = 'Simulated: not a patient’s X-ray.'
