/**
 * `npm run test:e2e`: only the end-to-end suite (vitest.e2e.config.ts), with the browser
 * found or installed by ./ensure-browser.mjs. Extra arguments go to vitest, e.g.
 * `npm run test:e2e -- tests/e2e/links.e2e.ts -t "back"`. `E2E_DIST=dist` serves an existing build.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { ensureBrowser } from './ensure-browser.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
let chromePath: string
try {
  chromePath = ensureBrowser()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url))
const r = spawnSync(process.execPath, [vitest, 'run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chromePath },
})
process.exit(r.status ?? 1)
