/**
 * The Lewinnek "safe zone" drawn at the cup steps in clinical mode (issue 12): every opening axis
 * whose radiographic inclination lies within 40° ± 10° and anteversion within 15° ± 10°
 * (clinical reference §6.5, ./replacementSizes.ts; Murray's definitions, ./cupOrientation.ts),
 * as a cone from the cup's centre: its rim is the zone's border, walked round the four sides of
 * the inclination × anteversion rectangle. Modern reviews find no universal safe zone (§6.5): it
 * is drawn faint, a reference, not a target.
 */
import { madd, type Vec3 } from '../../vec3.ts'
import { cupAxis } from './cupOrientation.ts'
import { REPLACEMENT_SIZES as S } from './replacementSizes.ts'

/** Points per side of the zone's border (enough for a smooth rim at this size). */
const PER_SIDE = 12

export interface SafeZoneCone {
  readonly apex: Vec3
  /** The zone's centre axis: the 40°/15° opening axis. */
  readonly axis: Vec3
  /** Half-widths of the zone (degrees): inclination and anteversion. */
  readonly halfAngles: { readonly inclinationDeg: number; readonly anteversionDeg: number }
  /** The rim: points `length` mm from the apex along the border's axes, in order round it. */
  readonly rim: readonly Vec3[]
}

export function lewinnekCone(apex: Vec3, length: number): SafeZoneCone {
  const i0 = S.cupInclination.value
  const a0 = S.cupAnteversion.value
  const d = S.lewinnekTolerance.value
  const corners: [number, number][] = [
    [i0 - d, a0 - d],
    [i0 + d, a0 - d],
    [i0 + d, a0 + d],
    [i0 - d, a0 + d],
  ]
  const rim: Vec3[] = []
  corners.forEach(([i, a], k) => {
    const [ni, na] = corners[(k + 1) % corners.length]!
    for (let s = 0; s < PER_SIDE; s++) {
      const f = s / PER_SIDE
      rim.push(madd(apex, cupAxis(i + (ni - i) * f, a + (na - a) * f), length))
    }
  })
  return { apex, axis: cupAxis(i0, a0), halfAngles: { inclinationDeg: d, anteversionDeg: d }, rim }
}
