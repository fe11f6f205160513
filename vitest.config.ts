import { defineConfig } from 'vitest/config'

// Unit tests (pure logic) and scene tests (@react-three/test-renderer) run in Node:
// the test renderer brings its own mock WebGL context, so no jsdom is needed.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/scene/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['./tests/setup.ts'],
    testTimeout: 60_000,
    // The same limit for hooks: several files build their solids once in a beforeAll (CSG of the
    // bone removals), and vitest's default 10 s was not enough side by side with typecheck and lint
    // on a busy machine (npm test at load 13: joint-removals.test.ts's reaming hook timed out and
    // the file failed; alone at load 11 the whole file took 43 s and passed).
    hookTimeout: 60_000,
    // The files run in a worker that keeps its imports (three, fiber, gltf-transform, manifold's
    // wasm) instead of a fresh one per file: 64 → 29 CPU seconds for the suite (measured). The
    // files share no state that a test relies on: globals are stubbed and unstubbed per test
    // (vi.stubGlobal / unstubAllGlobals, fake timers put back), stores are set by the test that
    // reads them; the suite passed with the file order shuffled (--sequence.shuffle.files, seeds 1–3).
    isolate: false,
  },
})
