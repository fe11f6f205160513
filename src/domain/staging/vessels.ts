/**
 * How much each vessel group normally carries, relative to the others. The perfusion
 * parameters are "% of that vessel's own normal flow"; multiply by this baseline to draw
 * flow rate and brightness, so the ligamentum teres artery stays thin and low-flow at
 * every stage (reference §3) even though its own flow never changes.
 */
import { cited, type Cited } from '../evidence.ts'
import type { StageParameterId } from './parameterTable.ts'

export type VesselFlowClass = 'main' | 'minor' | 'trace'

export type PerfusionParameterId = Extract<StageParameterId, `perfusion${string}`>

export const VESSEL_BASELINE_FLOW: Readonly<Record<PerfusionParameterId, Cited<VesselFlowClass>>> = {
  perfusionMfcaTrunk: cited('main', 'S', ['dewar2016'], 'the MFCA supplies ≈82% of the head'),
  perfusionPosterosuperior: cited('main', 'S', ['zlotorowicz2017', 'gautier2000'], 'can supply all or nearly all of the head'),
  perfusionInferiorRetinacular: cited('minor', 'S', ['boraiah2009']),
  perfusionLfcaAnterior: cited('minor', 'S', ['dewar2016'], '≈18% of the head'),
  perfusionLigamentumTeres: cited('trace', 'S', ['ligteres1971'], 'supplies only a small area near the fovea in adults'),
}
