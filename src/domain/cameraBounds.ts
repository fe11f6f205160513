/**
 * Which free cameras show the hip. A link or an API call may name any pose; one that looks away
 * from the model or stands kilometres off shows an empty view with no hint why. Such a pose is
 * turned back to the hip (the target moved to the head centre, the distance clamped), and the
 * caller is told. The orbit controls keep to the same bounds, so a camera the app writes is
 * always one it accepts when the link is opened again.
 *
 * One rounding rule everywhere: camera coordinates are kept to 1 decimal (0.1 mm) before they
 * are checked, so checking a written pose again never changes it.
 */
import type { CameraPose, Vec3 } from './viewState.ts'
import { round } from './rounding.ts'

/** The orbit target stays within this distance (mm) of the centre of the femoral head. */
export const TARGET_REACH_MM = 250
/** Camera-to-target distance (mm): closer is inside the bone, further is a dot. */
export const MIN_VIEW_DISTANCE_MM = 10
export const MAX_VIEW_DISTANCE_MM = 2000
/**
 * How far the camera may go below the target's horizon: its angle from straight above (+Y,
 * superior) is at most this. A one-finger swipe up (a phone user scrolling) used to carry the
 * camera under the pelvis and show the hip upside down. 15° below the horizon still shows the
 * underside of the neck and the lesser trochanter; straight above (the Top view's side) stays open.
 */
export const MAX_POLAR_ANGLE_DEG = 105
/** Rounding is at most 0.05 mm per coordinate; bounds are enforced only beyond this slack. */
const SLACK_MM = 1
/** Rounding turns a pose at 10 mm by up to 0.5°: the polar limit is enforced beyond this slack. */
const SLACK_DEG = 1

export const CAMERA_DECIMALS = 1


const roundVec = (v: Vec3): Vec3 => [round(v[0], CAMERA_DECIMALS), round(v[1], CAMERA_DECIMALS), round(v[2], CAMERA_DECIMALS)]

export interface ConstrainedCamera {
  /** The pose to show (rounded), or null when it has no view direction (eye on the target). */
  readonly pose: CameraPose | null
  /** What was changed, in words for the notice; null when the pose was used as given. */
  readonly adjusted: string | null
}

/**
 * Rounds a pose and brings it within the bounds above: a target out of reach moves to the head
 * centre (the camera stays where it was put and turns to the hip), the distance is clamped
 * along the view direction, and a camera beyond MAX_POLAR_ANGLE_DEG is raised to it (same
 * distance and compass direction). Pure; never throws for finite input.
 */
export function constrainCamera(position: Vec3, target: Vec3): ConstrainedCamera {
  let p = roundVec(position)
  let t = roundVec(target)
  const notes: string[] = []
  if (Math.hypot(...t) > TARGET_REACH_MM + SLACK_MM) {
    t = [0, 0, 0]
    notes.push('it looked away from the hip, so it was turned to face it')
  }
  const distance = Math.hypot(p[0] - t[0], p[1] - t[1], p[2] - t[2])
  if (!(distance >= 1)) return { pose: null, adjusted: null }
  let wanted = distance
  if (distance > MAX_VIEW_DISTANCE_MM + SLACK_MM) {
    wanted = MAX_VIEW_DISTANCE_MM
    notes.push('it was too far away, so it was moved closer')
  } else if (distance < MIN_VIEW_DISTANCE_MM - SLACK_MM) {
    wanted = MIN_VIEW_DISTANCE_MM
    notes.push('it was too close, so it was moved back')
  }
  if (wanted !== distance) {
    const k = wanted / distance
    p = roundVec([t[0] + (p[0] - t[0]) * k, t[1] + (p[1] - t[1]) * k, t[2] + (p[2] - t[2]) * k])
  }
  const v: Vec3 = [p[0] - t[0], p[1] - t[1], p[2] - t[2]]
  // Within the strict distance bounds, so that rounding the raised pose keeps it within them.
  const d = Math.min(MAX_VIEW_DISTANCE_MM, Math.max(MIN_VIEW_DISTANCE_MM, Math.hypot(...v)))
  if ((Math.acos(Math.max(-1, Math.min(1, v[1] / Math.hypot(...v)))) * 180) / Math.PI > MAX_POLAR_ANGLE_DEG + SLACK_DEG) {
    // Keep the compass direction (straight below has none: look from the front, +Z).
    const h = Math.hypot(v[0], v[2])
    const [ux, uz] = h > 1e-9 ? [v[0] / h, v[2] / h] : [0, 1]
    const a = (MAX_POLAR_ANGLE_DEG * Math.PI) / 180
    p = roundVec([t[0] + d * Math.sin(a) * ux, t[1] + d * Math.cos(a), t[2] + d * Math.sin(a) * uz])
    notes.push('moved up from below')
  }
  return { pose: { position: p, target: t }, adjusted: notes.length ? notes.join('; ') : null }
}
