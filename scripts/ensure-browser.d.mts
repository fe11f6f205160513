/** Types for ./ensure-browser.mjs (plain Node so that `npm test` can use it before `npm ci`). */
export declare const HOW_TO_GET_A_BROWSER: string
export declare function findBrowser(env?: NodeJS.ProcessEnv): string | null
export declare function ensureBrowser(options?: { install?: boolean; log?: (line: string) => void }): string
export declare const CHROMIUM_ARGS: readonly string[]
