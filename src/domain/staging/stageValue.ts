/**
 * One stage parameter at a position of the stage slider. Numbers interpolate between the stage
 * points with a monotone cubic (see ./monotoneCubic.ts for why). Kept apart from
 * ./stageParameters.ts (which adds the lesion's geometry and the findings) so that the first
 * download, which needs only these numbers, does not carry the lesion geometry.
 */
import { monotoneCubic, type Interpolant } from './monotoneCubic.ts'
import { PARAMETER_TABLE, STAGE_PARAMETER_IDS, type StageParameterId } from './parameterTable.ts'
import { STAGE_POINTS, clampStage } from './points.ts'

/**
 * A track with an onset (ParameterTrack.onset) reads the curve at a slider position moved toward
 * the next stage point: within each interval, the first `onset` share covers all of it (eased at
 * both ends), the rest holds the point's value. Stage points keep their values, and the curve its
 * direction.
 */
function withOnset(curve: Interpolant, onset: number): Interpolant {
  return (s) => {
    let i = 0
    while (i < STAGE_POINTS.length - 2 && s >= STAGE_POINTS[i + 1]!) i++
    const a = STAGE_POINTS[i]!
    const b = STAGE_POINTS[i + 1]!
    const t = Math.min(1, Math.max(0, (s - a) / (b - a) / onset))
    return curve(a + (b - a) * t * t * (3 - 2 * t))
  }
}

// Built once at module load: the table is constant.
const INTERPOLANTS = Object.fromEntries(
  STAGE_PARAMETER_IDS.map((id) => {
    const track = PARAMETER_TABLE[id]
    const curve = monotoneCubic(
      STAGE_POINTS,
      track.values.map((c) => c.value),
    )
    return [id, track.onset ? withOnset(curve, track.onset.value) : curve]
  }),
) as Record<StageParameterId, Interpolant>

/**
 * One parameter at stage s (clamped to 0–4), without allocating: for the frame loop.
 */
export function stageValue(id: StageParameterId, s: number): number {
  return INTERPOLANTS[id](clampStage(s))
}
