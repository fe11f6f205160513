import { useEffect, useState } from 'react'
import { useStatusStore } from '../state/statusStore.ts'

/**
 * How long the model may take to download before the secondary parts load anyway: a slow or
 * stalled download leaves the processor idle, and the reader needs the captions and controls
 * meanwhile. (Once the file is in, parsing and the first draw need the processor: then the
 * parts wait for the picture.)
 */
export const DOWNLOAD_PATIENCE_MS = 2000

/**
 * A performance mark set when the secondary parts load before the hip is drawn (the download
 * ran out of patience): what is requested from then on is not something the first picture waits
 * for (the first-download budget test reads it).
 */
export const EARLY_SECONDARY_MARK = 'hip-explorer:secondary-parts-early'

/**
 * True once the hip has been drawn, or once it is clear it will not be soon (no WebGL, model
 * error, a download still running after DOWNLOAD_PATIENCE_MS): secondary parts of the page
 * load then, so they never delay the first picture, and never wait for a picture that is not
 * coming. Stays true once true.
 */
export function useAfterFirstFrame(): boolean {
  const settled = useStatusStore((s) => s.firstModelFrame || s.webgl === 'unavailable' || s.model === 'error')
  const downloading = useStatusStore((s) => (s.model === 'loading' || s.model === 'idle') && (s.modelProgress === null || s.modelProgress < 1))
  const [impatient, setImpatient] = useState(false)
  useEffect(() => {
    if (settled || impatient || !downloading) return
    const timer = window.setTimeout(() => {
      performance.mark(EARLY_SECONDARY_MARK)
      setImpatient(true)
    }, DOWNLOAD_PATIENCE_MS)
    return () => window.clearTimeout(timer)
  }, [settled, impatient, downloading])
  return settled || impatient
}
