/**
 * Debian's Chromium through playwright-core. Never a downloaded browser: the executable comes
 * from scripts/ensure-browser.mjs via the global setup, which also launches the one browser
 * that the files share (a connection to it per file); a file that needs other browser flags
 * launches its own.
 */
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { browserEndpoint, chromePath } from './context.ts'
import { CHROMIUM_ARGS } from '../../../scripts/ensure-browser.mjs'

export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  // Closing a connected browser closes this file's contexts and leaves the shared one running.
  if (extraArgs.length === 0) return chromium.connect(browserEndpoint(), { timeout: 60_000 })
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    timeout: 60_000,
  })
}

/**
 * One browser for the calling test file: launched in `beforeAll`, closed in `afterAll`.
 * Returns a getter (the browser does not exist yet when the file is collected).
 */
export function browserForFile(extraArgs: readonly string[] = []): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchBrowser(extraArgs)
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser) throw new Error('the browser is not launched (browserForFile() outside a test?)')
    return browser
  }
}
