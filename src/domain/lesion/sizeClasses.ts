/**
 * Lesion size classes by the share of the femoral head that is necrotic: small < 15%,
 * medium 15–30%, large > 30% (Steinberg 1995 extent grades A/B/C, clinical reference §4.1).
 */
import { cited, type Cited } from '../evidence.ts'
import type { LesionSize } from '../viewState.ts'

export interface LesionSizeClass {
  readonly id: LesionSize
  /**
   * Share of the head volume the class spans, [low, high]; the class is < 15%, 15–30% or > 30%.
   * The drawn lesion's share is measured, not set (./geometry.ts LESION_SHAPES; the tests check
   * it lies inside its class).
   */
  readonly range: Cited<readonly [number, number]>
  readonly plainName: string
  readonly clinicalName: string
}

const RANGE_SOURCES = ['steinberg1995', 'steinberg-elearnrad'] as const

export const LESION_SIZE_CLASSES: Readonly<Record<LesionSize, LesionSizeClass>> = {
  small: {
    id: 'small',
    range: cited([0, 0.15], 'S', RANGE_SOURCES),
    plainName: 'small',
    clinicalName: 'small (< 15% of the head; Steinberg A)',
  },
  medium: {
    id: 'medium',
    range: cited([0.15, 0.3], 'S', RANGE_SOURCES),
    plainName: 'medium-sized',
    clinicalName: 'medium (15–30% of the head; Steinberg B)',
  },
  large: {
    id: 'large',
    // Upper bound 1: the whole head.
    range: cited([0.3, 1], 'S', RANGE_SOURCES),
    plainName: 'large',
    clinicalName: 'large (> 30% of the head; Steinberg C)',
  },
}
