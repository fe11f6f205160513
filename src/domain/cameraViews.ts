/**
 * Named camera views as directions in the model frame of a right hip (+Y superior, +Z anterior,
 * +X the patient's left), and the framing maths. Pure; the scene turns poses into camera moves.
 */
import type { CameraPose, NamedView, Side, Vec3 } from './viewState.ts'

/** Where the camera looks from, for a right hip. X is mirrored for a left hip. */
export const VIEW_DIRECTIONS: Record<NamedView, Vec3> = {
  anterior: [0, 0, 1],
  posterior: [0, 0, -1],
  // The patient's right side is -X: a lateral view of the right hip looks from there.
  lateral: [-1, 0, 0],
  // From above, tilted a little forward so the acetabular roof and neck read in depth.
  superior: [0, 0.96, 0.28],
  // Anterolateral and slightly from above: the surgeon beside the patient's hip.
  surgeon: [-0.62, 0.34, 0.71],
}

export const VIEW_LABELS: Record<NamedView, string> = {
  anterior: 'Front',
  posterior: 'Back',
  lateral: 'Side',
  superior: 'Top',
  surgeon: "Surgeon's view",
}

export interface Framing {
  /** Centre of what should be in view (mm). */
  readonly centre: Vec3
  /** Radius of a sphere that holds it (mm). */
  readonly radius: number
}

/**
 * Camera distance that fits a sphere of `radius` into a perspective view with vertical field of
 * view `fovDeg` and aspect ratio `aspect` (width / height), with a small margin.
 */
export function fitDistance(radius: number, fovDeg: number, aspect: number, margin = 1.08): number {
  const vHalf = (fovDeg * Math.PI) / 360
  const hHalf = Math.atan(Math.tan(vHalf) * aspect)
  return (radius * margin) / Math.sin(Math.min(vHalf, hHalf))
}

export function namedViewPose(view: NamedView, framing: Framing, side: Side, fovDeg: number, aspect: number): CameraPose {
  const [dx, dy, dz] = VIEW_DIRECTIONS[view]
  const length = Math.hypot(dx, dy, dz)
  const mirror = side === 'left' ? -1 : 1
  const distance = fitDistance(framing.radius, fovDeg, aspect)
  const [cx, cy, cz] = framing.centre
  const target: Vec3 = [cx * mirror, cy, cz]
  return {
    position: [target[0] + ((dx * mirror) / length) * distance, cy + (dy / length) * distance, cz + (dz / length) * distance],
    target,
  }
}
