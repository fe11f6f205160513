/**
 * What each simulated image frames, in the model frame of a right hip (mm; +X the patient's
 * left, +Y superior, +Z anterior; see domain/cameraViews.ts), relative to the centre of the
 * femoral head, the scale bar that fits it, and where the MRI slices. Images are seen as radiographs are read: from
 * the front, the patient's right on the viewer's left (a left hip is the mirror image).
 */
import { clipPlaneOf, type SectionState } from '../section.ts'
import type { ImageKind } from './imageKinds.ts'

export interface ImageFrame {
  /** Centre of the square frame relative to the head centre, mm (x, y). */
  readonly offset: readonly [number, number]
  /** Side of the square, mm. */
  readonly sizeMm: number
}

/** AP hip: head, socket and roof, neck, both trochanters and the top of the shaft [design choice]. */
export const XRAY_FRAME: ImageFrame = { offset: [2, -12], sizeMm: 150 }
/** Coronal MRI: the head and socket with the neck, closer in so the band's few mm show [design choice]. */
export const MRI_FRAME: ImageFrame = { offset: [-6, -12], sizeMm: 92 }

/**
 * Frog-leg lateral: the head and the neck seen from the side, the trochanters and the top of the
 * shaft running down and out toward the patient's side [design choice].
 */
export const FROG_LEG_FRAME: ImageFrame = { offset: [-14, -14], sizeMm: 150 }

/**
 * Fluoroscopy during a core decompression: the C-arm centred on the neck, from the lateral cortex
 * where the wire enters (≈ 60 mm lateral and 50 mm below the head's centre on this model) to the
 * top of the head [design choice].
 */
export const FLUOROSCOPY_FRAME: ImageFrame = { offset: [-25, -20], sizeMm: 120 }

/**
 * The lateral fluoroscopy (./fluoroscopy.ts): the draped leg turned into the frog-leg position
 * (./frogLeg.ts), the beam front to back. The wire's entry then lies ≈ 46–50 mm lateral of and
 * 55–62 mm below the head's centre on this model and its tip up to 19 mm medial of and above it
 * (unit test: every pass of every lesion ≥ 5 mm inside the frame), so the frame is centred 16 mm
 * lateral of and 20 mm below the head's centre [design choice].
 */
export const FLUOROSCOPY_LATERAL_FRAME: ImageFrame = { offset: [-16, -20], sizeMm: 120 }

/** The frame of each picture. */
export const IMAGE_FRAMES: Readonly<Record<ImageKind, ImageFrame>> = { xray: XRAY_FRAME, frogLeg: FROG_LEG_FRAME, mri: MRI_FRAME }

/** A round length for the scale bar: the largest of 10, 20, 50 mm that is at most a third of the frame. */
export function scaleBarMm(frameMm: number): number {
  const fits = [50, 20, 10].find((mm) => mm <= frameMm / 3)
  return fits ?? 5
}

/**
 * The MRI's coronal slice (model z of a right hip, mm): the cut's plane when the view is cut
 * coronally, else through the centre of the femoral head.
 */
export function mriSliceZ(section: SectionState | null, headCentreZ: number): number {
  if (!section || section.plane !== 'coronal') return headCentreZ
  const plane = clipPlaneOf(section, 'right')
  return -plane.constant / plane.normal[2]
}
