/**
 * One stage parameter at a position of the stage slider. Numbers interpolate between the stage
 * points with a monotone cubic (see ./monotoneCubic.ts for why). Kept apart from
 * ./stageParameters.ts (which adds the lesion's geometry and the findings) so that the first
 * download, which needs only these numbers, does not carry the lesion geometry.
 */
import { monotoneCubic, type Interpolant } from './monotoneCubic.ts'
import { PARAMETER_TABLE, STAGE_PARAMETER_IDS, type StageParameterId } from './parameterTable.ts'
import { STAGE_POINTS, clampStage } from './points.ts'

// Built once at module load: the table is constant.
const INTERPOLANTS = Object.fromEntries(
  STAGE_PARAMETER_IDS.map((id) => [
    id,
    monotoneCubic(
      STAGE_POINTS,
      PARAMETER_TABLE[id].values.map((c) => c.value),
    ),
  ]),
) as Record<StageParameterId, Interpolant>

/**
 * One parameter at stage s (clamped to 0–4), without allocating: for the frame loop.
 */
export function stageValue(id: StageParameterId, s: number): number {
  return INTERPOLANTS[id](clampStage(s))
}
