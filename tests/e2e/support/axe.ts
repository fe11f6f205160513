/**
 * axe-core inside the page, injected from node_modules (no network). It goes in through
 * `page.evaluate` rather than a script tag: the app's Content-Security-Policy (script-src
 * 'self') refuses inline scripts, and the DevTools protocol's evaluation is outside it.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import type { AxeResults } from 'axe-core'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

declare global {
  interface Window {
    axe?: { run(context: Document, options: object): Promise<AxeResults> }
  }
}

/**
 * axe-core's violations on the page as it is now, one line per element: impact, rule, the
 * element's selector and what is wrong. Empty when there are none.
 */
export async function axeViolations(page: Page, scene: string): Promise<string[]> {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE)
  const results = await page.evaluate(() => window.axe!.run(document, { resultTypes: ['violations'] }))
  return results.violations.flatMap((rule) =>
    rule.nodes.map((node) => `[${scene}] ${rule.impact ?? '?'} ${rule.id}: ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? rule.help}`),
  )
}
