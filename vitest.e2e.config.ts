import { defineConfig } from 'vitest/config'
import { E2E_LANES } from './tests/e2e/support/lanes.ts'

// End-to-end tests: Node drives Debian's Chromium through playwright-core against the
// built app, served by an in-process `vite preview` on a free port (see
// tests/e2e/support/globalSetup.ts). Two files at a time, each lane with its own browser
// (support/lanes.ts): the machine has 2 cores and SwiftShader renders on the CPU, and one lane
// left part of them idle (the whole suite, same build, quiet machine, one after the other:
// 1,494 s in one lane, 1,393 s in two). Timeouts are generous because a loaded machine renders
// slowly; the tests never assert timings.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    // `npm test` runs only the tests tagged `gate` (support/gate.ts); `npm run test:full` runs all.
    tags: [{ name: 'gate', description: 'runs in npm test, the 5-minute gate CI runs (support/gate.ts)' }],
    environment: 'node',
    globalSetup: ['./tests/e2e/support/globalSetup.ts'],
    // Per-test and per-file CPU and wall time, only with E2E_PROFILE=<file> (support/profile.ts).
    setupFiles: ['./tests/e2e/support/profileSetup.ts'],
    fileParallelism: E2E_LANES > 1,
    maxWorkers: E2E_LANES,
    // A lane's files run one after another in one worker that keeps its imports (playwright-core,
    // pngjs, the domain modules): 1–3 s less per file. They share no mutable module state
    // (the browser and pages are made per file, in hooks).
    isolate: false,
    testTimeout: 240_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // expect.poll waits up to 10 s (default 1 s): a loaded 2-core machine is slow to repaint.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
})
