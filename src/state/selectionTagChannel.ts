/**
 * Where the selected structure's name tag points, written by the scene every frame it renders
 * and read by the page's tag, which moves itself directly (no React render, no store change per
 * frame). The last position is kept, so a tag that mounts after the view went idle still gets it.
 * The scene writes one object in place (no allocation per frame): read it, do not keep it.
 */
export interface TagAnchor {
  /** CSS pixels in the 3D view. */
  readonly x: number
  readonly y: number
  /** In front of the camera and inside the view. */
  readonly inView: boolean
  /** The view's size in CSS pixels. */
  readonly width: number
  readonly height: number
}

type Listener = (anchor: TagAnchor | null) => void
const listeners = new Set<Listener>()
let last: TagAnchor | null = null

/** `null`: nothing to point at (nothing selected, or the selection is hidden). */
export function publishTagAnchor(anchor: TagAnchor | null): void {
  last = anchor
  for (const listener of listeners) listener(anchor)
}

/** Calls back with the last position right away, then with every new one. */
export function onTagAnchor(listener: Listener): () => void {
  listeners.add(listener)
  listener(last)
  return () => listeners.delete(listener)
}
