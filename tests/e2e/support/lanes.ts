/**
 * How many e2e files run at once (vitest workers), each lane with its own browser
 * (./globalSetup.ts). Two on the 2-core machine: one lane kept 1.24 of its cores busy on
 * average (browser CPU 2,269 s in 1,833 s on a loaded machine), as a page waits on its GPU
 * process's single-threaded shader compiles and on the test's own round trips; the other lane's
 * drawing fills some of that time (quiet machine: 1,494 s in one lane, 1,393 s in two).
 * `E2E_LANES=1` runs the files one after another.
 */
export const E2E_LANES = Math.max(1, Math.min(4, Number(process.env.E2E_LANES) || 2))
