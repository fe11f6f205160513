/**
 * "The user is moving the camera": a drag, a wheel or pinch, a key or a zoom button. An event,
 * not state (it fires while the move goes on): marks drawn over the view listen, as a move takes
 * the picture out from under them. Told by the camera rig (scene/CameraRig.tsx), its one owner.
 */
type Listener = () => void
const listeners = new Set<Listener>()

export function noteUserCameraMove(): void {
  for (const listener of listeners) listener()
}

export function onUserCameraMove(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
