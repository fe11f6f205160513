/**
 * Where a point of a simulated picture lies in the hip, and back (issue 13: "clicking a point
 * in a picture shows the same point in the 3D view"). Every picture is an orthographic view from
 * the front of the frame of ./imageFrames.ts, placed relative to the femoral head's centre in the
 * model frame of a right hip; a left hip's picture is the mirror image (scene/imaging/imageRenderer
 * toPixels), so its left-right position is read mirrored. A point of a radiograph is a line
 * through the hip along the beam (front to back, −z); a point of the MRI lies on its slice plane.
 */
import type { Side, Vec3 } from '../viewState.ts'
import type { ImageFrame } from './imageFrames.ts'

/** A point of a picture as a share of its width and height, from its top-left corner (as shown). */
export interface PictureSpot {
  readonly u: number
  readonly v: number
}

/** The model frame's (x, y) (right hip, mm) under a spot of a picture of `frame`. */
export function spotToModel(frame: ImageFrame, headCentre: Vec3, side: Side, spot: PictureSpot): [number, number] {
  const u = side === 'left' ? 1 - spot.u : spot.u
  const half = frame.sizeMm / 2
  return [headCentre[0] + frame.offset[0] - half + u * frame.sizeMm, headCentre[1] + frame.offset[1] + half - spot.v * frame.sizeMm]
}

/** The spot of a picture of `frame` where the model point (right hip, mm) is shown (outside [0, 1]: off the picture). */
export function modelToSpot(frame: ImageFrame, headCentre: Vec3, side: Side, point: Vec3): PictureSpot {
  const half = frame.sizeMm / 2
  const u = (point[0] - (headCentre[0] + frame.offset[0] - half)) / frame.sizeMm
  const v = (headCentre[1] + frame.offset[1] + half - point[1]) / frame.sizeMm
  return { u: side === 'left' ? 1 - u : u, v }
}

/** Whether a spot lies on the picture. */
export function onPicture(spot: PictureSpot): boolean {
  return spot.u >= 0 && spot.u <= 1 && spot.v >= 0 && spot.v <= 1
}
