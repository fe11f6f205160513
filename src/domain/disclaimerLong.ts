/**
 * The full educational disclaimer (clinical reference §1) for the About panel, with its source.
 * Apart from the one-line form (./disclaimer.ts) that the first download shows: this text loads
 * with the panel.
 */
import type { SourceKey } from './sources.ts'

/** Where the scope and disclaimer come from. */
export const DISCLAIMER_SOURCES: readonly SourceKey[] = ['ref-scope']

/** The full statement for the About panel. */
export const DISCLAIMER_LONG =
  'Hip AVN Explorer is an educational illustration of hip anatomy, of how osteonecrosis of the femoral head ' +
  'typically progresses, and of the main treatments. It is not a diagnosis, cannot stage or assess anyone’s hip, ' +
  'and is not treatment advice. The numbers are typical study values and people vary widely; the stages are ' +
  'smoothed into one scale for illustration. Real decisions depend on age, cause, lesion size and location, ' +
  'symptoms and the surgeon’s judgement — please discuss your own situation with your doctor.'
