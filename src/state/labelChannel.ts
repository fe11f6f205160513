/**
 * Screen positions of the labels, written by the scene every frame it renders and read by the
 * page's label overlay, which moves its elements directly (no React render per frame).
 */
export interface LabelPosition {
  readonly id: string
  /** CSS pixels in the 3D view. */
  x: number
  y: number
  /** In view, not hidden, and not behind bone. */
  visible: boolean
}

type Listener = (positions: readonly LabelPosition[], width: number, height: number) => void
const listeners = new Set<Listener>()

export function publishLabelPositions(positions: readonly LabelPosition[], width: number, height: number): void {
  for (const listener of listeners) listener(positions, width, height)
}

export function onLabelPositions(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
