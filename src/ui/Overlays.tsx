/**
 * What the 3D area shows instead of, or over, the picture when something is not right:
 * model download progress, a model file problem (with retry), no WebGL, a lost GPU context.
 * The rest of the page (captions, slider, structure list) stays usable in every case.
 */
import { useEffect, useState } from 'react'
import { useStatusStore } from '../state/statusStore.ts'

/** How long we wait for a lost GPU context to come back before offering to rebuild the view. */
const RESTORE_PATIENCE_MS = 6000

export function ModelProgress() {
  const model = useStatusStore((s) => s.model)
  const progress = useStatusStore((s) => s.modelProgress)
  const webgl = useStatusStore((s) => s.webgl)
  if (webgl === 'unavailable' || (model !== 'loading' && model !== 'idle')) return null
  // Without a known size there is no percentage to give: an indeterminate bar (no aria-valuenow).
  const percent = progress === null ? null : Math.round(progress * 100)
  return (
    <div
      className="overlay overlay-center"
      data-testid="model-progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={percent === null ? 'downloading, size unknown' : `${percent}%`}
      aria-label="Loading the 3D hip model"
    >
      <div className="progress-card">
        <p>Loading the 3D hip…</p>
        <div className={percent === null ? 'progress-track indeterminate' : 'progress-track'}>
          <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
        </div>
        <p className="muted">{percent === null ? 'downloading…' : `${percent}%`}</p>
      </div>
    </div>
  )
}

export function ModelError() {
  const model = useStatusStore((s) => s.model)
  const message = useStatusStore((s) => s.modelError)
  const retry = useStatusStore((s) => s.retryModel)
  if (model !== 'error') return null
  return (
    <div className="overlay overlay-center" role="alert">
      <div className="message-card" data-testid="model-error">
        <h2>The 3D model could not be shown</h2>
        <p>{message}</p>
        <p className="muted">The stage descriptions and the rest of the page still work.</p>
        <button type="button" className="primary" data-testid="model-retry" onClick={retry}>Try again</button>
      </div>
    </div>
  )
}

export function NoWebgl() {
  const webgl = useStatusStore((s) => s.webgl)
  if (webgl !== 'unavailable') return null
  return (
    <div className="overlay overlay-center" role="alert">
      <div className="message-card" data-testid="no-webgl">
        <h2>3D graphics are not available here</h2>
        <p>
          This browser or device cannot draw 3D graphics (WebGL 2 is turned off or not supported; this is common on
          hospital thin clients and remote desktops).
        </p>
        <p>The descriptions of each stage and treatment beside this box still work. To see the 3D hip, open this link in an up-to-date Chrome, Edge, Firefox or Safari on a computer or tablet with graphics acceleration.</p>
      </div>
    </div>
  )
}

export function ContextLost() {
  const webgl = useStatusStore((s) => s.webgl)
  const rebuild = useStatusStore((s) => s.rebuildCanvas)
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    if (webgl !== 'lost') return
    const timer = window.setTimeout(() => setSlow(true), RESTORE_PATIENCE_MS)
    return () => {
      window.clearTimeout(timer)
      setSlow(false)
    }
  }, [webgl])
  if (webgl !== 'lost') return null
  return (
    <div className="overlay overlay-center overlay-dim" role="status" data-testid="context-lost">
      <div className="message-card">
        <h2>Restoring the 3D view…</h2>
        <p>The graphics processor was reset (this can happen when another program needs it). Your view and choices are kept.</p>
        {slow && (
          <button type="button" className="primary" onClick={rebuild}>Rebuild the 3D view</button>
        )}
      </div>
    </div>
  )
}
