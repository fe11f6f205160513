/**
 * Stage → parameters: everything the scene needs for one position of the stage slider.
 * Numbers interpolate between the stage points with a monotone cubic (see
 * ./monotoneCubic.ts for why); categorical findings hold for their whole band.
 */
import { lesionGeometry, type LesionChoice, type LesionGeometry } from '../lesion/index.ts'
import { stageBand, stageLabel, type ArcoStage, type FicatStage, type StageBandId } from './bands.ts'
import { stageFindings, type CartilageIntegrity } from './findings.ts'
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

export type StageParameters = Readonly<Record<StageParameterId, number>> & {
  /** The stage these values are for, clamped to 0–4. */
  readonly stage: number
  readonly band: StageBandId
  readonly arco: ArcoStage
  readonly ficat: FicatStage
  /** Cartilage over the lesion. */
  readonly cartilageIntegrity: CartilageIntegrity
  /** Where the lesion is; constant across stages (lesion size does not grow with stage). */
  readonly lesion: LesionGeometry
}

/** All parameters at stage s for this lesion. Pure: same input, same output. */
export function stageParameters(s: number, lesion: LesionChoice): StageParameters {
  const stage = clampStage(s)
  const values = Object.fromEntries(STAGE_PARAMETER_IDS.map((id) => [id, INTERPOLANTS[id](stage)])) as Record<
    StageParameterId,
    number
  >
  return {
    ...values,
    stage,
    band: stageBand(stage).id,
    arco: stageLabel(stage, 'arco'),
    ficat: stageLabel(stage, 'ficat'),
    cartilageIntegrity: stageFindings(stage).cartilage.value,
    lesion: lesionGeometry(lesion),
  }
}
