/**
 * Registers the service worker that keeps the app working without a network after one visit
 * (issue 14; built by vite-plugin-pwa, configured in vite.config.ts). Loaded after the first
 * frame, so neither the first download nor the first picture waits for it.
 *
 * A new version is not forced on the user mid-explanation: its worker waits, and a quiet notice
 * offers to reload. Reloading keeps the view, which is in the link.
 */
import { registerSW } from 'virtual:pwa-register'
import { useStatusStore } from '../state/statusStore.ts'

/** The notice's id (one at a time), for tests. */
export const NEW_VERSION_NOTICE = 'new-version'

let registered = false

export function registerOffline(): void {
  if (registered || !('serviceWorker' in navigator)) return
  registered = true
  /** Asks the waiting version to take over, and reloads once it has: the link keeps the view. */
  const reloadWhenHandedOver = () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true })
    void takeNewVersion(true)
  }
  const takeNewVersion = registerSW({
    immediate: true,
    onNeedRefresh() {
      useStatusStore.getState().showNotice({
        id: NEW_VERSION_NOTICE,
        text: 'A new version of Hip AVN Explorer is ready. Reload to use it: the view you have stays as it is.',
        action: { label: 'Reload', run: reloadWhenHandedOver },
      })
    },
    // The reload is ours (below): workbox-window reloads only a page that was already served by
    // a worker when it loaded, not the first visit's page, which the worker took over later.
    onNeedReload() {},
    // Without a worker (a browser that blocks them, a private window) the app simply needs the
    // network, as any page: nothing to tell the user.
    onRegisterError() {},
  })
}
