/**
 * Installs the Node packages with `npm ci` when node_modules is missing or older than
 * package-lock.json. Plain Node with no dependencies: it runs before anything is installed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

export function packagesAreCurrent(root = ROOT) {
  const marker = join(root, 'node_modules', '.package-lock.json')
  if (!existsSync(marker)) return false
  return statSync(marker).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs
}

/** Returns true when the packages are (now) installed. */
export function ensurePackages({ root = ROOT, timeoutMs = 10 * 60_000 } = {}) {
  if (packagesAreCurrent(root)) return true
  console.log('Installing Node packages (npm ci)…')
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', timeout: timeoutMs })
  return r.status === 0
}
