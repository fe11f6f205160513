import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The benchmark's reference page: its own small build into dist-bench/ (gitignored), with the
// app's public/ folder so that it loads the very same models/hip.glb.
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: here('../../public'),
  // three, GLTFLoader and OrbitControls in one chunk: the reference makes no effort to split.
  build: { outDir: here('../../dist-bench'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2048 },
  preview: { host: '127.0.0.1', port: 0 },
  logLevel: 'warn',
})
