/**
 * One-off camera moves asked for by the page (keyboard, buttons) and carried out by the scene's
 * camera rig. They are commands, not state: where the camera ends up reaches the view store
 * (and the link) when the move comes to rest.
 */
export type CameraRequest =
  | { kind: 'rotate'; azimuthDeg: number; polarDeg: number }
  /** `factor` > 1 brings the camera closer (the hip looks that much larger); < 1 moves it back. */
  | { kind: 'zoom'; factor: number }
  | { kind: 'pan'; right: number; up: number }
  /** Cut the model with a plane facing the viewer, through the point the camera looks at. */
  | { kind: 'cut-facing' }

type Listener = (request: CameraRequest) => void
const listeners = new Set<Listener>()

export function requestCamera(request: CameraRequest): void {
  for (const listener of listeners) listener(request)
}

export function onCameraRequest(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
