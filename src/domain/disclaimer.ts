/**
 * The educational disclaimer (clinical reference §1), always visible in this short form beside
 * the view and at the foot of saved images; in full in the About panel (./disclaimerLong.ts).
 */

/** One line, shown beside the view at all times. */
export const DISCLAIMER_SHORT = 'Educational illustration only — not a diagnosis or treatment advice.'
