/**
 * Runs once before the e2e files: finds the browser, builds the app with vite's `build()`
 * API, serves the build with an in-process `vite preview` on a free port of 127.0.0.1
 * (port 0: tests never collide with a preview someone else is running), and launches the
 * browser the files share (support/browser.ts).
 *
 * The build goes to a fresh temporary folder rather than dist/: several people and tools
 * share this working tree, and a `vite build` elsewhere empties dist/ under a running test.
 * `E2E_DIST=<folder>` serves an existing build instead (quick iterations on the tests).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { build, preview } from 'vite'
import type { TestProject } from 'vitest/node'
import { CHROMIUM_ARGS, ensureBrowser } from '../../../scripts/ensure-browser.mjs'
import { E2E_LANES } from './lanes.ts'
import './context.ts'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** vitest sets NODE_ENV=test, which would make vite emit React's development build. */
async function productionBuild(outDir: string): Promise<void> {
  const saved = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      root: ROOT,
      mode: 'production',
      logLevel: 'warn',
      configFile: resolve(ROOT, 'vite.config.ts'),
      build: { outDir, emptyOutDir: true },
    })
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = saved
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromePath = ensureBrowser()
  let distDir: string
  let temporary = false
  if (process.env.E2E_DIST) {
    distDir = resolve(process.env.E2E_DIST)
    if (!existsSync(join(distDir, 'index.html'))) throw new Error(`E2E_DIST=${distDir} holds no index.html`)
    console.log(`[e2e] E2E_DIST: serving the existing build in ${distDir}`)
  } else {
    distDir = mkdtempSync(join(tmpdir(), 'hip-e2e-dist-'))
    temporary = true
    const t = Date.now()
    await productionBuild(distDir)
    console.log(`[e2e] built the app in ${((Date.now() - t) / 1000).toFixed(1)} s`)
  }
  const server = await preview({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: distDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report a URL')
  console.log(`[e2e] serving ${distDir} at ${url} with ${chromePath}`)
  // One browser for all files (support/browser.ts connects to it): a launch costs about a CPU
  // second, and the first page in a fresh GPU process costs more than later ones (GPU process to a
  // settled default view: 4.2 CPU s, then 1.5–2.7). What a page compiles beyond that is not reused
  // by the next page (measured: 16 settings combinations, three pages in a row: 48.6, 43.2 and
  // 42.0 GPU-process CPU s; eight core-decompression steps: 19.4 then 18.7), and no switch changed
  // that (--gpu-program-cache-size-kb, --disable-gpu-program-cache, --use-gl=angle,
  // --disable-gpu-rasterization, --disable-gpu-compositing: all within the noise).
  //
  // One such browser per lane (E2E_LANES, vitest.e2e.config.ts): each lane's files run one after
  // another in their own worker against their own browser, whose GPU process works for that lane
  // alone (a second lane on the same GPU process waits behind the first's shader compiles).
  const browsers = await Promise.all(
    Array.from({ length: E2E_LANES }, () => chromium.launchServer({ executablePath: chromePath, headless: true, args: [...CHROMIUM_ARGS], timeout: 60_000 })),
  )
  project.provide('baseUrl', url.endsWith('/') ? url : `${url}/`)
  project.provide('distDir', distDir)
  project.provide('chromePath', chromePath)
  project.provide('browserEndpoints', browsers.map((b) => b.wsEndpoint()))
  project.provide('browserPids', browsers.map((b) => b.process().pid ?? 0))
  return async () => {
    await Promise.all(browsers.map((b) => b.close()))
    await server.close()
    if (temporary) rmSync(distDir, { recursive: true, force: true })
  }
}
