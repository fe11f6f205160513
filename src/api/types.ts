/**
 * The embedding and automation API, published as `window.hipExplorer` and, when the app
 * runs inside an iframe, over postMessage (see ./postMessageBridge.ts and docs/api.md).
 * Everything here is plain data so it survives structured cloning.
 */
import type { ViewState } from '../domain/viewState.ts'

export interface RenderStats {
  /** Draw calls in the last rendered frame. */
  calls: number
  triangles: number
  geometries: number
  textures: number
  programs: number
  /** Frames rendered since the page loaded (counts every gl.render of the main scene). */
  frames: number
  /** Frames requested and not yet drawn: 0 when the view is idle (nothing moving). */
  pendingFrames: number
  /** Drawing-buffer size in device pixels. */
  width: number
  height: number
  /** Whether the view multisamples its edges: off in software WebGL, where it costs about half of each frame. */
  antialias: boolean
}

export type WebglStatus = 'checking' | 'ok' | 'unavailable' | 'lost'
export type ModelStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface AppStatus {
  webgl: WebglStatus
  model: ModelStatus
  /** 0..1 while the model downloads; null while its size is unknown (the server sent none). */
  modelProgress: number | null
  /** Human-readable problem with the model file, when model === 'error'. */
  modelError: string | null
  /** True once a frame showing the hip has been drawn. */
  firstModelFrame: boolean
  /**
   * When that frame was drawn, in ms on the page's performance clock (performance.now(), from
   * navigation start); null before. Scripts requested before it made up the first download.
   */
  firstModelFrameAt: number | null
}

/** Where a model point appears in the view. */
export interface ProjectedPoint {
  /** CSS pixels from the left and top edges of the 3D view. */
  x: number
  y: number
  /** False when the point is behind the camera or outside the view. */
  inView: boolean
}

/** The live camera, also in the middle of a transition. */
export interface LiveCamera {
  /** Position in model millimetres (right-hip frame; mirrored for a left hip, like `project`). */
  position: [number, number, number]
  /** A point the camera looks at, in the same frame (the orbit centre). */
  target: [number, number, number]
  /** Vertical field of view, degrees. */
  fov: number
}

export interface ScreenshotOptions {
  /** Draw the current caption under the picture (default true). */
  caption?: boolean
  /**
   * Draw the simulated images (X-ray, MRI) under the view, each with its title, markers, scale
   * bar and caption. Default: whether the Images panel is shown; true draws them with the panel
   * closed too, false leaves them out.
   */
  images?: boolean
  /**
   * Draw the pictures laid over the view as they are on screen: the live X-ray during a step done
   * under fluoroscopy, the fibula's donor site (default true).
   */
  insets?: boolean
  /** The words of the simulated images' captions: 'patient' or 'clinician' (default: the app's mode). */
  wording?: 'patient' | 'clinician'
}

export interface SetStateOptions {
  /**
   * 'push' (default): the change gets a browser-history entry, so Back returns to the state
   * before it; calls less than a second apart share one entry (like a slider drag).
   * 'replace': the change updates the current entry (a script that follows something else).
   */
  history?: 'push' | 'replace'
}

export interface HipExplorerApi {
  readonly version: string
  /**
   * Resolves after the first frame that shows the hip. Rejects, with the reason, when the model
   * cannot be shown (its download failed or stalled, the file is bad) or WebGL is unavailable;
   * after the user's "Try again", a new call waits for the new attempt.
   */
  ready(): Promise<void>
  /**
   * Resolves once the view is finished drawing what the state asks for: no frame requested and
   * no work under way that will change the picture (a lazy part loading, shaders compiling, the
   * model downloading). Call it after setState to wait for the finished picture instead of
   * sleeping. It waits while something keeps moving (e.g. the blood flow animation): pause the
   * flow first. Never rejects; it is up to the caller to bound the wait.
   */
  idle(): Promise<void>
  /** A frozen copy of the view state (changing it changes nothing: use setState). */
  getState(): ViewState
  /**
   * Applies a partial view state. Values are validated exactly like a link:
   * invalid ones are ignored (and named in the returned `ignored` list). Never throws.
   */
  setState(patch: Partial<ViewState>, options?: SetStateOptions): { state: ViewState; ignored: string[] }
  /**
   * Calls back (with a frozen copy) after every change of the view state; returns an
   * unsubscribe function. A listener that throws is reported on the console; the change and
   * the other listeners go on.
   */
  subscribe(listener: (state: ViewState) => void): () => void
  /**
   * PNG of the current view as a data: URL. Waits (up to 20 s) until the picture is what the
   * state says: parts of the view still loading (the disease's look), cuts being computed. It
   * does not wait for playback to end: a playing treatment is saved as it stands.
   */
  screenshot(options?: ScreenshotOptions): Promise<string>
  stats(): RenderStats
  status(): AppStatus
  /**
   * Where a point given in model millimetres (origin = centre of the femoral head, right-hip
   * frame; mirrored automatically for a left hip) appears in the view, e.g. to place an
   * annotation over the embedded viewer. Null before the 3D view exists. Throws a TypeError
   * naming the problem when `point` is not three finite numbers.
   */
  project(point: readonly [number, number, number]): ProjectedPoint | null
  /**
   * Where the camera is right now, e.g. to keep a second viewer in step or to replay a camera
   * path elsewhere (the benchmark does). Null before the 3D view exists.
   */
  camera(): LiveCamera | null
}

declare global {
  interface Window {
    hipExplorer?: HipExplorerApi
  }
}
