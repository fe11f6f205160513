/**
 * Long builds written as slices: a generator that yields between parts of its work, so a build
 * made ahead of need (./modelCache.ts) can spread over several quiet moments instead of stopping
 * the page for one long task; a build needed now runs all its slices at once (`finish`).
 */
export type Slices<T> = Generator<void, T, void>

/** Runs every remaining slice; the build's result. */
export function finish<T>(slices: Iterator<void, T, void>): T {
  for (;;) {
    const step = slices.next()
    if (step.done) return step.value
  }
}
