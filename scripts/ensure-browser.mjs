/**
 * Finds the Chrome/Chromium that the end-to-end tests and the benchmark drive through
 * playwright-core (which never downloads a browser of its own here).
 *
 * Order: $CHROME_PATH, then /usr/bin/chromium, chromium-browser, google-chrome(-stable),
 * then the same names on $PATH. When none is found on a Debian-like machine (apt-get
 * exists), `ensureBrowser()` installs Debian's `chromium` package; anywhere else it fails
 * with a message that says how to get one.
 *
 * Plain Node with no dependencies: `npm test` imports it before `npm ci` may have run.
 * CLI: `node scripts/ensure-browser.mjs` prints the browser path (installing if needed).
 */
import { accessSync, constants, existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const FIXED_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
]
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

const HOW_TO = [
  'Install one and/or point CHROME_PATH at its executable, for example:',
  '  Debian/Ubuntu:  apt-get install -y chromium        (Ubuntu: chromium-browser)',
  '  Fedora:         dnf install -y chromium',
  '  macOS:          CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"',
  '  Windows:        set CHROME_PATH=C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'The tests never download a browser themselves (no `npx playwright install`).',
].join('\n')

export const HOW_TO_GET_A_BROWSER = `No Chrome or Chromium was found, and it cannot be installed automatically here.\n${HOW_TO}`

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * How every tool here starts Chromium: SwiftShader explicitly (since Chromium 139 a GPU-less
 * machine gets no WebGL without it), and nothing that calls home.
 */
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * The browser executable to use, or null when there is none.
 * Throws when CHROME_PATH is set but does not name an executable: a typo there should
 * not silently fall back to another browser.
 */
export function findBrowser(env = process.env) {
  const fromEnv = env.CHROME_PATH?.trim()
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv
    throw new Error(`CHROME_PATH is set to "${fromEnv}", which is not an executable file.`)
  }
  for (const path of FIXED_PATHS) if (isExecutable(path)) return path
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    for (const name of PATH_NAMES) {
      const path = join(dir, name)
      if (isExecutable(path)) return path
    }
  }
  return null
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0
}

/**
 * Returns a browser executable, installing Debian's `chromium` with apt-get when none is
 * found and apt-get exists (as root, or through passwordless sudo). Throws an Error whose
 * message says how to get a browser otherwise.
 */
export function ensureBrowser({ install = true, log = (line) => console.error(line) } = {}) {
  const found = findBrowser()
  if (found) return found
  const canApt = process.platform === 'linux' && existsSync('/etc/debian_version') && hasCommand('apt-get')
  if (!install || !canApt) throw new Error(HOW_TO_GET_A_BROWSER)

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const prefix = isRoot ? [] : hasCommand('sudo') ? ['sudo', '-n'] : null
  if (!prefix) {
    throw new Error(`${HOW_TO_GET_A_BROWSER}\n(apt-get exists, but this user is not root and has no sudo.)`)
  }
  log('No Chrome/Chromium found: installing Debian\'s "chromium" package with apt-get ...')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const apt = (args) => {
    const [cmd, ...rest] = [...prefix, 'apt-get', ...args]
    const r = spawnSync(cmd, rest, { stdio: 'inherit', env })
    if (r.status !== 0) {
      throw new Error(`\`${[cmd, ...rest].join(' ')}\` failed (exit ${r.status ?? r.signal}).\n${HOW_TO}`)
    }
  }
  apt(['update'])
  apt(['install', '-y', 'chromium'])
  const installed = findBrowser()
  if (!installed) throw new Error(`apt-get installed chromium, but no executable was found.\n${HOW_TO}`)
  log(`Installed ${installed}`)
  return installed
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(ensureBrowser())
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
