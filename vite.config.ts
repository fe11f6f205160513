import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import { CONTENT_SECURITY_POLICY } from './src/csp.ts'

/**
 * The app is static and may be hosted anywhere, so its Content-Security-Policy travels
 * inside the built index.html. Only in the build: the dev server injects inline scripts.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'hip-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  }
}

/**
 * Offline and installable (issue 14): a service worker that, after one visit, serves the whole
 * app from its cache — every file of the build, the model included. Workbox precaches each file
 * under a hash of its content and swaps the whole set at once when a new version is taken, so
 * new code never meets an old model. A new version waits until the user chooses to reload
 * (registerType 'prompt'; the notice: src/ui/UpdateNotice.tsx). Registered by the app itself
 * after its first frame (src/offline/registerOffline.ts), so the first download does not grow.
 */
const offline = VitePWA({
  registerType: 'prompt',
  injectRegister: null,
  manifest: {
    name: 'Hip AVN Explorer',
    short_name: 'Hip AVN',
    description: 'Interactive 3D illustration of the hip and of osteonecrosis of the femoral head: stages and treatments. Educational, not diagnostic.',
    lang: 'en',
    display: 'standalone',
    start_url: './',
    scope: './',
    background_color: '#e6e9ee',
    theme_color: '#1f5f8b',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    // Everything the app can load: code, styles, the cutting library's wasm, the model (with its sources list), icons.
    globPatterns: ['**/*.{js,css,html,wasm,glb,json,png,svg,webmanifest}'],
    // The model (~1.5 MB) and the largest chunk are above Workbox's 2 MiB default's comfort.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    // The first visit's page is served by the worker as soon as it is ready (without a reload),
    // so that a later version's "Reload" can hand it over; a new version still waits for the user.
    clientsClaim: true,
    // Links carry the view in the query: every navigation is the one page.
    navigateFallback: 'index.html',
    ignoreURLParametersMatching: [/.*/],
  },
})

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offline],
  base: './',
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The first chunk is three + React + R3F (~800 kB minified, ~220 kB gzip) by design; its
    // budget is checked in gzip by the e2e budgets test and the benchmark, not by this warning.
    chunkSizeWarningLimit: 1100,
  },
})
