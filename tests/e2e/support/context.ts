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
     * The Playwright endpoint of the browser that the global setup launched for all files (one
     * launch and one warm GPU process for the run; see globalSetup.ts for what that saves).
     */
    browserEndpoint: string
    /** The process id of that browser (support/profile.ts sums the CPU time of its processes). */
    browserPid: number
  }
}

export const baseUrl = (): string => inject('baseUrl')
export const distDir = (): string => inject('distDir')
export const chromePath = (): string => inject('chromePath')
export const browserEndpoint = (): string => inject('browserEndpoint')
export const browserPid = (): number => inject('browserPid')

/** An absolute URL of the app with the given query string (`?stage=2` or `stage=2`). */
export function appUrl(query = ''): string {
  const q = query === '' || query.startsWith('?') ? query : `?${query}`
  return `${baseUrl()}${q}`
}
