/**
 * Shown when something failed that we did not expect (an uncaught error or a rejected promise).
 * The view state lives in the link, so "Reload" loses nothing the user did.
 */
import { useStatusStore } from '../state/statusStore.ts'

export function ErrorPanel() {
  const error = useStatusStore((s) => s.fatalError)
  const dismiss = useStatusStore((s) => s.dismissFatal)
  if (!error) return null
  return (
    <div className="modal-backdrop">
      <div className="message-card modal" role="alertdialog" aria-labelledby="error-title" data-testid="error-panel">
        <h2 id="error-title">Something went wrong</h2>
        <p>{error.message}</p>
        <details>
          <summary>Technical details</summary>
          <code>{error.detail}</code>
        </details>
        <p className="muted">Your current view is saved in the page address, so reloading keeps it.</p>
        <div className="button-row">
          <button type="button" data-testid="error-continue" onClick={dismiss}>Continue</button>
          <button type="button" className="primary" data-testid="error-reload" onClick={() => window.location.reload()}>Reload</button>
        </div>
      </div>
    </div>
  )
}
