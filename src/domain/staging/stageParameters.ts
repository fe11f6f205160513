/**
 * Stage → parameters: everything the scene needs for one position of the stage slider.
 * Numbers interpolate as in ./stageValue.ts; categorical findings hold for their whole band.
 */
import { lesionGeometry, type LesionChoice, type LesionGeometry } from '../lesion/index.ts'
import { stageBand, stageLabel, type ArcoStage, type FicatStage, type StageBandId } from './bands.ts'
import { stageFindings, type CartilageIntegrity } from './findings.ts'
import { STAGE_PARAMETER_IDS, type StageParameterId } from './parameterTable.ts'
import { clampStage } from './points.ts'
import { stageValue } from './stageValue.ts'

export { stageValue }

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
  const values = Object.fromEntries(STAGE_PARAMETER_IDS.map((id) => [id, stageValue(id, stage)])) as Record<
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
