/**
 * Start-up order matters: error reporting first (so nothing fails silently), then the link is
 * read into the store, the model download starts (in parallel with WebGL start-up), the API is
 * published, and React mounts the page.
 */
import { createRoot } from 'react-dom/client'
import { installGlobalErrorHandlers } from './ui/globalErrors.ts'
import { watchForNewVersion } from './state/partRecovery.ts'
import { startLinkSync } from './state/linkSync.ts'
import { startModelLoading } from './scene/model/modelStore.ts'
import { createApi } from './api/createApi.ts'
import { stepCountOf } from './domain/procedureStepCounts.ts'
import { App } from './App.tsx'
import './styles.css'

installGlobalErrorHandlers()
// After a redeploy the old hashed chunks are gone: one reload gets the new version.
watchForNewVersion()
startLinkSync({ stepCount: stepCountOf })
startModelLoading()
// Caption texts load on demand: they are not needed for the first picture.
const caption = async () => (await import('./ui/currentCaption.ts')).currentCaptionLines()
const api = createApi({ caption, stepCount: stepCountOf })
window.hipExplorer = api
// Only an embedded viewer talks to a parent page.
if (window.parent !== window) {
  import('./api/postMessageBridge.ts')
    // Only the embedding window is obeyed, or the ancestors the host lists (docs/api.md).
    .then((m) => m.startPostMessageBridge(api, { allowedOrigins: m.embeddersFromDocument() }))
    .catch((error: unknown) => console.warn('The embedding API (postMessage) could not be loaded:', error))
}

const container = document.getElementById('root')
if (container) createRoot(container).render(<App />)
