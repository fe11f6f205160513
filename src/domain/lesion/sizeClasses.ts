/**
 * Lesion size classes by the share of the femoral head that is necrotic: small < 15%,
 * medium 15–30%, large > 30% (Steinberg extent grades A/B/C, clinical reference §4.1).
 */
import { cited, type Cited } from '../evidence.ts'
import type { LesionSize } from '../viewState.ts'

export interface LesionSizeClass {
  readonly id: LesionSize
  /** Share of the head volume the class spans, [low, high]; the class is < 15%, 15–30% or > 30%. */
  readonly range: Cited<readonly [number, number]>
  /** The fraction the model draws for this class. */
  readonly fraction: Cited<number>
  readonly plainName: string
  readonly clinicalName: string
}

const RANGE_SOURCES = ['steinberg1995'] as const

export const LESION_SIZE_CLASSES: Readonly<Record<LesionSize, LesionSizeClass>> = {
  small: {
    id: 'small',
    range: cited([0, 0.15], 'S', RANGE_SOURCES),
    fraction: cited(0.1, 'Inf', ['ref-animation', 'josr2024map'], 'a typical small lesion, clearly inside the < 15% class'),
    plainName: 'small',
    clinicalName: 'small (< 15% of the head; Steinberg A)',
  },
  medium: {
    id: 'medium',
    range: cited([0.15, 0.3], 'S', RANGE_SOURCES),
    fraction: cited(0.22, 'Inf', ['ref-animation'], 'the middle of the 15–30% class'),
    plainName: 'medium-sized',
    clinicalName: 'medium (15–30% of the head; Steinberg B)',
  },
  large: {
    id: 'large',
    // Upper bound 1: the whole head.
    range: cited([0.3, 1], 'S', RANGE_SOURCES),
    fraction: cited(0.35, 'Inf', ['ref-animation', 'scirp-64951'], 'reference default ≈35%; hips that collapsed had 36.8% necrotic volume at ARCO II'),
    plainName: 'large',
    clinicalName: 'large (> 30% of the head; Steinberg C)',
  },
}
