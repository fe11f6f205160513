import { defineConfig } from 'vitest/config'

// Unit tests (pure logic) and scene tests (@react-three/test-renderer) run in Node:
// the test renderer brings its own mock WebGL context, so no jsdom is needed.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/scene/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['./tests/setup.ts'],
    testTimeout: 60_000,
  },
})
