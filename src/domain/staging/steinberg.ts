/**
 * The Steinberg (University of Pennsylvania) stage and its extent grade for a point of the
 * slider and a lesion (Steinberg 1995; clinical reference §4.1). Stage and extent are separate
 * axes, combined only as Steinberg combines them:
 * - stages I–II: the grade is the lesion's share of the head (A < 15%, B 15–30%, C > 30%);
 * - stage III (crescent, no flattening): the share of the surface under the crescent, which the
 *   model draws under the whole lesion, so the lesion's size class stands for it [Inf];
 * - stage IV (flattening): A = < 15% of the surface and < 2 mm, B = 15–30% or 2–4 mm, C = > 30%
 *   or > 4 mm — the larger of the two;
 * - stages V–VI: graded on head and acetabulum together; no grade is shown.
 */
import type { LesionSize } from '../viewState.ts'
import { stageBand } from './bands.ts'
import { clampStage } from './points.ts'
import { stageValue } from './stageValue.ts'

const GRADE_OF_SIZE: Readonly<Record<LesionSize, 'A' | 'B' | 'C'>> = { small: 'A', medium: 'B', large: 'C' }
const ORDER = ['A', 'B', 'C'] as const

/**
 * Where the crescent ends and flattening begins on the slider: the middle of the IIIA band, as
 * for Ficat IIB → III (./bands.ts).
 */
const FLATTENING_FROM = 2.25

export interface SteinbergStage {
  readonly stage: '0' | 'I' | 'II' | 'III' | 'IV' | 'V' | 'VI'
  /** Extent grade, when the stage has one. */
  readonly grade: 'A' | 'B' | 'C' | null
  /** What the grade is measured on, for the clinical caption. */
  readonly gradeBasis: string | null
}

export function steinbergStage(s: number, size: LesionSize): SteinbergStage {
  const x = clampStage(s)
  const band = stageBand(x).id
  const extent = GRADE_OF_SIZE[size]
  switch (band) {
    case 'preclinical':
      return { stage: '0', grade: null, gradeBasis: null }
    case 'I':
      return { stage: 'I', grade: extent, gradeBasis: 'share of the head' }
    case 'II':
      return { stage: 'II', grade: extent, gradeBasis: 'share of the head' }
    case 'IIIA':
    case 'IIIB': {
      if (band === 'IIIA' && x <= FLATTENING_FROM) return { stage: 'III', grade: extent, gradeBasis: 'surface under the crescent' }
      const depth = stageValue('collapseDepthMm', x)
      const byDepth = depth > 4 ? 'C' : depth >= 2 ? 'B' : 'A'
      const grade = ORDER[Math.max(ORDER.indexOf(extent), ORDER.indexOf(byDepth))]!
      return { stage: 'IV', grade, gradeBasis: `surface collapsed and depression (${depth.toFixed(1)} mm in the model), whichever is larger` }
    }
    case 'IV-early':
      return { stage: 'V', grade: null, gradeBasis: null }
    case 'IV-late':
      return { stage: 'VI', grade: null, gradeBasis: null }
  }
}

/** e.g. "Steinberg IV-C (grade by surface collapsed and depression (3.0 mm), whichever is larger)". */
export function steinbergText(s: number, size: LesionSize): string {
  const st = steinbergStage(s, size)
  return st.grade ? `Steinberg ${st.stage}-${st.grade} (grade by ${st.gradeBasis})` : `Steinberg ${st.stage}`
}
