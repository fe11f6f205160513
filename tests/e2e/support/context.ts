/**
 * Values that the global setup (./globalSetup.ts) hands to every e2e test file.
 */
import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built app is served, e.g. `http://127.0.0.1:41234/` (ends with a slash). */
    baseUrl: string
    /** Absolute path of the build that is served (a temporary folder, or $E2E_DIST). */
    distDir: string
    /** The Chrome/Chromium executable (scripts/ensure-browser.mjs). */
    chromePath: string
    /**
     * The Playwright endpoints of the browsers that the global setup launched, one per lane (one
     * launch and one warm GPU process per lane for the run; see globalSetup.ts for what that saves).
     */
    browserEndpoints: string[]
    /** Their process ids (support/profile.ts sums the CPU time of a browser's processes). */
    browserPids: number[]
  }
}

export const baseUrl = (): string => inject('baseUrl')
export const distDir = (): string => inject('distDir')
export const chromePath = (): string => inject('chromePath')
/** This worker's lane (vitest numbers its workers from 1), so its files share one browser. */
const lane = (count: number): number => (Math.max(1, Number(process.env.VITEST_POOL_ID) || 1) - 1) % count
export const browserEndpoint = (): string => {
  const all = inject('browserEndpoints')
  return all[lane(all.length)]!
}
export const browserPid = (): number => {
  const all = inject('browserPids')
  return all[lane(all.length)]!
}

/** An absolute URL of the app with the given query string (`?stage=2` or `stage=2`). */
export function appUrl(query = ''): string {
  const q = query === '' || query.startsWith('?') ? query : `?${query}`
  return `${baseUrl()}${q}`
}
