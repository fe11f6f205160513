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
  // From above and to the outer side: straight down, the iliac wing hides the joint; from here
  // the greater trochanter, the neck and the head under the socket's lateral rim show.
  superior: [-0.5, 0.84, 0.2],
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
  /** Corners of the box that holds it (mm), for a tight fit per view direction. */
  readonly corners?: readonly Vec3[]
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

/**
 * Camera distance at which every point fits the view when looking along -`direction` (unit,
 * from the target toward the eye) at `centre`, with world +Y up. Exact for a perspective
 * camera: each point needs d >= depth + |offset| / tan(half field of view) on both axes.
 */
export function fitPointsDistance(points: readonly Vec3[], centre: Vec3, direction: Vec3, fovDeg: number, aspect: number, margin = 1.06): number {
  const [fx, fy, fz] = direction
  // Camera right = up x back (up = +Y), camera up = back x right.
  let rx = fz, ry = 0, rz = -fx
  const rl = Math.hypot(rx, ry, rz) || 1
  rx /= rl; ry /= rl; rz /= rl
  if (rl < 1e-6) { rx = 1; ry = 0; rz = 0 }
  const ux = fy * rz - fz * ry, uy = fz * rx - fx * rz, uz = fx * ry - fy * rx
  const tanV = Math.tan((fovDeg * Math.PI) / 360)
  const tanH = tanV * aspect
  let distance = 0
  for (const [px, py, pz] of points) {
    const x = px - centre[0], y = py - centre[1], z = pz - centre[2]
    const depth = x * fx + y * fy + z * fz
    const right = Math.abs(x * rx + y * ry + z * rz) * margin
    const up = Math.abs(x * ux + y * uy + z * uz) * margin
    distance = Math.max(distance, depth + right / tanH, depth + up / tanV)
  }
  return distance
}

export function namedViewPose(view: NamedView, framing: Framing, side: Side, fovDeg: number, aspect: number): CameraPose {
  return directionPose(VIEW_DIRECTIONS[view], framing, side, fovDeg, aspect)
}

/** The pose that fits `framing` looking from `direction` (right hip; X mirrored for a left hip). */
export function directionPose(direction: Vec3, framing: Framing, side: Side, fovDeg: number, aspect: number): CameraPose {
  const [dx, dy, dz] = direction
  const length = Math.hypot(dx, dy, dz)
  const mirror = side === 'left' ? -1 : 1
  const unit: Vec3 = [(dx * mirror) / length, dy / length, dz / length]
  const corners = framing.corners?.map(([x, y, z]): Vec3 => [x * mirror, y, z])
  const centre: Vec3 = [framing.centre[0] * mirror, framing.centre[1], framing.centre[2]]
  const distance = corners?.length ? fitPointsDistance(corners, centre, unit, fovDeg, aspect) : fitDistance(framing.radius, fovDeg, aspect)
  const [cx, cy, cz] = framing.centre
  const target: Vec3 = [cx * mirror, cy, cz]
  return {
    position: [target[0] + ((dx * mirror) / length) * distance, cy + (dy / length) * distance, cz + (dz / length) * distance],
    target,
  }
}
