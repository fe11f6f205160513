import { defineConfig } from 'vitest/config'

// Unit tests (pure logic) and scene tests (@react-three/test-renderer) run in Node:
// the test renderer brings its own mock WebGL context, so no jsdom is needed.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/scene/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['./tests/setup.ts'],
    testTimeout: 60_000,
    // The files run in a worker that keeps its imports (three, fiber, gltf-transform, manifold's
    // wasm) instead of a fresh one per file: 64 → 29 CPU seconds for the suite (measured). The
    // files share no state that a test relies on: globals are stubbed and unstubbed per test
    // (vi.stubGlobal / unstubAllGlobals, fake timers put back), stores are set by the test that
    // reads them; the suite passed with the file order shuffled (--sequence.shuffle.files, seeds 1–3).
    isolate: false,
  },
})
