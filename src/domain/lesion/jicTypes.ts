/**
 * JIC (Japanese Investigation Committee) location types A, B, C1, C2: where the lesion's
 * lateral edge lies across the weight-bearing portion of the head on a mid-coronal MRI
 * slice or an AP radiograph. Definitions: Sugano 2002 (its abstract); collapse rates: Kuroda 2019.
 */
import { cited, type Cited } from '../evidence.ts'
import type { LesionType } from '../viewState.ts'

export interface JicType {
  readonly id: LesionType
  readonly definition: Cited<string>
  /** Share of hips that collapsed within 2 and 5 years (Kuroda 2019, 505 hips). */
  readonly collapseAt2y: Cited<number>
  readonly collapseAt5y: Cited<number>
}

const DEF = (text: string): Cited<string> =>
  cited(text, 'S', ['sugano2002', 'kuroda2019'], 'the wording of the Sugano 2002 abstract: thirds counted from the medial side, C1/C2 split at the acetabular edge')
const RATE = (v: number): Cited<number> => cited(v, 'S', ['kuroda2019'])

export const JIC_TYPES: Readonly<Record<LesionType, JicType>> = {
  A: {
    id: 'A',
    definition: DEF('Lesion confined to the medial third (or less) of the weight-bearing portion.'),
    collapseAt2y: RATE(0),
    collapseAt5y: RATE(0),
  },
  B: {
    id: 'B',
    definition: DEF('Lesion within the medial two-thirds of the weight-bearing portion.'),
    collapseAt2y: RATE(0.079),
    collapseAt5y: RATE(0.079),
  },
  C1: {
    id: 'C1',
    definition: DEF('Lesion over more than two-thirds of the weight-bearing portion, not beyond the acetabular edge.'),
    collapseAt2y: RATE(0.232),
    collapseAt5y: RATE(0.366),
  },
  C2: {
    id: 'C2',
    definition: DEF('Lesion extending lateral to the acetabular edge.'),
    collapseAt2y: RATE(0.578),
    collapseAt5y: RATE(0.848),
  },
}
