/**
 * The live renderer, scene and camera, for the few things outside React that need them:
 * the automation API (screenshot, stats) and the context-loss handling. Set by the canvas
 * when its root is created, cleared when it is torn down.
 */
import type { Camera, Scene, WebGLRenderer } from 'three'

export interface RenderHandle {
  readonly gl: WebGLRenderer
  readonly scene: Scene
  readonly camera: Camera
  readonly invalidate: () => void
}

let handle: RenderHandle | null = null
let frames = 0

export function setRenderHandle(next: RenderHandle | null): void {
  handle = next
}

export function getRenderHandle(): RenderHandle | null {
  return handle
}

/** Counts frames of the main scene (read by the API; an idle page must not add any). */
export function countFrame(): void {
  frames += 1
}

export function frameCount(): number {
  return frames
}

export function invalidateView(): void {
  handle?.invalidate()
}
