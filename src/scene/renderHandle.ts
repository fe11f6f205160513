/**
 * The live renderer, scene and camera, for the few things outside React that need them:
 * the automation API (screenshot, stats) and the context-loss handling. Set by the canvas
 * when its root is created, cleared when it is torn down.
 */
import { PerspectiveCamera, Vector3, type Camera, type Scene, type WebGLRenderer } from 'three'
import type { LiveCamera } from '../api/types.ts'

export interface RenderHandle {
  readonly gl: WebGLRenderer
  readonly scene: Scene
  readonly camera: Camera
  readonly invalidate: () => void
  /** Frames the render loop has been asked for and not drawn yet (0 = idle). */
  readonly pendingFrames: () => number
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

const projected = new Vector3()

/** Screen position (CSS pixels in the canvas) of a model point; the left hip is the mirror image. */
export function projectModelPoint(point: readonly [number, number, number], side: 'right' | 'left'): { x: number; y: number; inView: boolean } | null {
  if (!handle) return null
  const { camera, gl } = handle
  camera.updateMatrixWorld()
  projected.set(side === 'left' ? -point[0] : point[0], point[1], point[2]).project(camera)
  const rect = gl.domElement.getBoundingClientRect()
  const inView = projected.z > -1 && projected.z < 1 && Math.abs(projected.x) <= 1 && Math.abs(projected.y) <= 1
  return { x: ((projected.x + 1) / 2) * rect.width, y: ((1 - projected.y) / 2) * rect.height, inView }
}

let orbitTarget: Vector3 | null = null

/** The orbit centre of the camera controls (set by CameraRig), for `liveCamera`. */
export function setOrbitTarget(target: Vector3 | null): void {
  orbitTarget = target
}

/** The camera now, in the model frame of a right hip (a left hip is the mirror image). */
export function liveCamera(side: 'right' | 'left'): LiveCamera | null {
  if (!handle) return null
  const { camera } = handle
  const mirror = (v: Vector3): [number, number, number] => [side === 'left' ? -v.x : v.x, v.y, v.z]
  const target = orbitTarget ?? camera.getWorldDirection(new Vector3()).multiplyScalar(100).add(camera.position)
  return {
    position: mirror(camera.position),
    target: mirror(target),
    fov: camera instanceof PerspectiveCamera ? camera.fov : 0,
  }
}
