/**
 * Cup orientation in Murray's radiographic definitions, the ones the Lewinnek zone is quoted in:
 * inclination = the angle between the cup's axis, projected onto the coronal plane, and the
 * body's long axis; anteversion = the angle between the cup's axis and the coronal plane.
 *
 * Frame: the right-hip model frame (+Y superior, +Z anterior, +X the patient's left = medial).
 * The cup's axis points out of its opening: lateral (−X), inferior (−Y) and, when anteverted,
 * anterior (+Z). A left hip is the same plan mirrored by the scene (X → −X).
 */
import { normalise, type Vec3 } from '../../vec3.ts'

const RAD = Math.PI / 180

/** The unit axis out of the cup's opening for a radiographic inclination and anteversion (degrees). */
export function cupAxis(inclinationDeg: number, anteversionDeg: number): Vec3 {
  const i = inclinationDeg * RAD
  const a = anteversionDeg * RAD
  return [-Math.sin(i) * Math.cos(a), -Math.cos(i) * Math.cos(a), Math.sin(a)]
}

/** Radiographic inclination and anteversion (degrees) of an opening axis, right-hip frame. */
export function cupAngles(axis: Vec3): { inclinationDeg: number; anteversionDeg: number } {
  const [x, y, z] = normalise(axis)
  return {
    inclinationDeg: Math.atan2(Math.abs(x), -y) / RAD,
    anteversionDeg: Math.asin(Math.max(-1, Math.min(1, z))) / RAD,
  }
}
