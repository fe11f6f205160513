/** Staging as data: bands and names, the cited parameter table, interpolation, findings. */
export { STAGE_POINTS, clampStage, type PerStagePoint, type StagePoint } from './points.ts'
export {
  ARCO_STAGES,
  FICAT_STAGES,
  STAGE_BANDS,
  STAGE_BAND_IDS,
  isHealthy,
  stageBand,
  stageDisplayName,
  stageLabel,
  stageSpans,
  type ArcoStage,
  type FicatStage,
  type StageBand,
  type StageBandId,
  type StageSpan,
} from './bands.ts'
export {
  PARAMETER_TABLE,
  STAGE_PARAMETER_IDS,
  type ParameterTrack,
  type StageParameterId,
} from './parameterTable.ts'
export { CARTILAGE_INTEGRITY, STAGE_FINDINGS, stageFindings, type CartilageIntegrity, type StageFindings } from './findings.ts'
export { monotoneCubic, monotoneTangents, type Interpolant } from './monotoneCubic.ts'
export { stageParameters, stageValue, type StageParameters } from './stageParameters.ts'
export { stageCaption, type CaptionContext, type StageCaption } from './captions.ts'
export { LEGEND_MARKS, legendEntries, type LegendEntry, type LegendMark } from './legend.ts'
export { HEALTHY_CAPTION, PATIENT_CAPTIONS, type PatientCaption } from './patientCaptions.ts'
export { HEALTHY_STAGE_NAME, PLAIN_STAGE_NAMES, plainStageName, stageCode } from './plainNames.ts'
export { VESSEL_BASELINE_FLOW, type PerfusionParameterId, type VesselFlowClass } from './vessels.ts'
