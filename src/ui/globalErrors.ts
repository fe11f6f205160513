/**
 * Any error that escapes (an uncaught exception, an unhandled promise rejection) opens the
 * error panel instead of leaving a broken or white page.
 */
import { useStatusStore } from '../state/statusStore.ts'
import { wasHandled } from '../state/partRecovery.ts'

function describe(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`
  try {
    return typeof reason === 'string' ? reason : JSON.stringify(reason)
  } catch {
    return String(reason)
  }
}

export function installGlobalErrorHandlers(): void {
  window.addEventListener('error', (event) => {
    // Failed <img>/<script> loads also fire "error" (without a message); they are handled where they happen.
    if (!(event instanceof ErrorEvent)) return
    // Already told by the boundary of the part it stopped (R3F re-reports caught errors here).
    if (wasHandled(event.error)) return
    useStatusStore.getState().reportFatal({
      message: 'An unexpected error stopped part of the page.',
      detail: describe(event.error ?? event.message),
    })
  })
  window.addEventListener('unhandledrejection', (event) => {
    useStatusStore.getState().reportFatal({
      message: 'A background task failed unexpectedly.',
      detail: describe(event.reason),
    })
  })
}
