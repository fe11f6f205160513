import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The benchmark's reference page: its own small build into dist-bench/ (gitignored), with the
// app's public/ folder so that it loads the very same models/hip.glb.
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: here('../../public'),
  build: { outDir: here('../../dist-bench'), emptyOutDir: true, target: 'es2022' },
  preview: { host: '127.0.0.1', port: 0 },
  logLevel: 'warn',
})
