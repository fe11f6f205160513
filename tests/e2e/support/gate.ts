/**
 * The gate: the browser tests `npm test` runs (what CI runs, ≤ 5 minutes on a quiet 2-core
 * machine). `npm run test:full` runs every browser test (about 25 minutes: SwiftShader draws
 * this 295k-triangle hip at 0.2–1 s a frame and compiles each look's shaders again per page).
 *
 * A gate test is the cheapest one that shows a user-facing area working in the real browser:
 * loading, the views, picking, history, the stages, a cut, a treatment, the images, presenting,
 * tours, the API, the handout, each kind of bad input, and the first download's bytes. The rest
 * (pixel measures of the lesion, every treatment step, layouts at every size) run in the full
 * suite, before a change to what they cover.
 */
export const GATE = { tags: ['gate'] }
