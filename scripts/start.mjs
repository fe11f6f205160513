/**
 * `npm start`: the README's "run the app" command, for a fresh machine too.
 * Installs the packages if needed, builds the app as it ships (with its Content-Security-Policy)
 * and serves it on http://127.0.0.1:4173 (or the next free port; HOST and PORT override). `npm run dev` gives the
 * live-reloading development server instead.
 */
import { spawnSync } from 'node:child_process'
import { ensurePackages, ROOT } from './ensure-packages.mjs'

if (!ensurePackages()) {
  console.error('Could not install the Node packages (npm ci failed); see the messages above.')
  process.exit(1)
}
const vite = (args) => spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', ...args], { cwd: ROOT, stdio: 'inherit' })
if (vite(['build']).status !== 0) process.exit(1)
const host = process.env.HOST ?? '127.0.0.1'
const port = process.env.PORT ?? '4173'
console.log('\nHip AVN Explorer: open the "Local" address below in a browser (Ctrl+C stops the server).\n')
process.exit(vite(['preview', '--host', host, '--port', port]).status ?? 1)
