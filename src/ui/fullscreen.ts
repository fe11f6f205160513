/**
 * Fullscreen for presenters. iPhone browsers have no element fullscreen (only for <video>), so
 * callers hide the button where it is unsupported; Safari on iPad needs the webkit prefix.
 */
interface WebkitDocument extends Document {
  webkitFullscreenEnabled?: boolean
  webkitFullscreenElement?: Element | null
  webkitExitFullscreen?: () => Promise<void> | void
}
interface WebkitElement extends HTMLElement {
  webkitRequestFullscreen?: () => Promise<void> | void
}

export function fullscreenSupported(): boolean {
  const d = document as WebkitDocument
  return !!(d.fullscreenEnabled || d.webkitFullscreenEnabled)
}

export function isFullscreen(): boolean {
  const d = document as WebkitDocument
  return !!(d.fullscreenElement || d.webkitFullscreenElement)
}

export async function toggleFullscreen(element: HTMLElement = document.documentElement): Promise<void> {
  const d = document as WebkitDocument
  const el = element as WebkitElement
  try {
    if (isFullscreen()) await (d.exitFullscreen ? d.exitFullscreen() : d.webkitExitFullscreen?.())
    else if (fullscreenSupported()) await (el.requestFullscreen ? el.requestFullscreen() : el.webkitRequestFullscreen?.())
  } catch {
    // Refused (not a user gesture, or blocked by the embedding page): nothing to undo.
  }
}
