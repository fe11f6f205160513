/**
 * Builds the automation API (types in ./types.ts) over the stores and the live renderer.
 * The same object serves window.hipExplorer, the postMessage bridge, and our own tests.
 */
import { sanitizePatch } from '../domain/urlState.ts'
import type { ViewState } from '../domain/viewState.ts'
import { useViewStore } from '../state/viewStore.ts'
import { getAppStatus, useStatusStore } from '../state/statusStore.ts'
import { endGesture, type HistoryIntent } from '../state/historyIntent.ts'
import { frameCount, getRenderHandle, liveCamera, projectModelPoint } from '../scene/renderHandle.ts'
import type { CaptionLines } from '../scene/screenshot.ts'
import { useSketchStore } from '../state/sketchStore.ts'
import { pendingWork } from '../state/pendingWork.ts'
import type { HipExplorerApi, RenderStats, SetStateOptions } from './types.ts'
import { stateSnapshot } from './stateSnapshot.ts'
import { IMAGE_KINDS } from '../domain/imaging/imageKinds.ts'

export const API_VERSION = '1.0.0'

export interface ApiDependencies {
  /** The caption of the current view, for screenshots (its texts may load on demand). */
  caption: () => CaptionLines | Promise<CaptionLines>
  /** Number of steps of a procedure's default sequence (variant null) or of a variant, to clamp `step`. */
  stepCount: (procedure: NonNullable<ViewState['procedure']>, variant: string | null) => number
}

function stats(): RenderStats {
  const handle = getRenderHandle()
  const info = handle?.gl.info
  return {
    calls: info?.render.calls ?? 0,
    triangles: info?.render.triangles ?? 0,
    geometries: info?.memory.geometries ?? 0,
    textures: info?.memory.textures ?? 0,
    programs: info?.programs?.length ?? 0,
    frames: frameCount(),
    pendingFrames: handle?.pendingFrames() ?? 0,
    width: handle?.gl.domElement.width ?? 0,
    height: handle?.gl.domElement.height ?? 0,
    antialias: handle?.gl.getContextAttributes()?.antialias ?? false,
  }
}

/**
 * See HipExplorerApi.ready: settles either way. A call after a failure (once "Try again" runs)
 * waits for the new attempt.
 */
function ready(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const check = (s: ReturnType<typeof useStatusStore.getState>): boolean => {
      if (s.firstModelFrame) resolve()
      else if (s.webgl === 'unavailable') reject(new Error('The 3D view cannot be shown: WebGL 2 is not available in this browser.'))
      else if (s.model === 'error') reject(new Error(s.modelError ?? 'The 3D model could not be loaded.'))
      else return false
      return true
    }
    if (check(useStatusStore.getState())) return
    const stop = useStatusStore.subscribe((s) => {
      if (check(s)) stop()
    })
  })
}

/**
 * API calls closer together than this are one history entry (a script driving the view, an
 * embedder replaying a path), like a slider drag: 10,000 calls no longer push 10,000 entries.
 */
const API_BURST_MS = 1000
/** How long a saved image waits for the picture to be complete (a loaded 2-core machine: seconds). */
const PICTURE_PATIENCE_MS = 20_000
let burstTimer: ReturnType<typeof setTimeout> | null = null

function historyIntentFor(options: SetStateOptions | undefined, ignored: string[]): HistoryIntent {
  const history = options?.history ?? 'push'
  if (history === 'replace') return { kind: 'replace' }
  if (history !== 'push') ignored.push('history option (push or replace)')
  if (burstTimer !== null) clearTimeout(burstTimer)
  burstTimer = setTimeout(() => {
    burstTimer = null
    endGesture('api')
  }, API_BURST_MS)
  return { kind: 'gesture', key: 'api' }
}

const isPoint = (p: unknown): p is [number, number, number] =>
  Array.isArray(p) && p.length === 3 && p.every((v) => typeof v === 'number' && Number.isFinite(v))

const nextAnimationFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/** Whether anything will still change the picture: frames requested, work under way, the model coming. */
function busy(): boolean {
  const model = useStatusStore.getState().model
  return (getRenderHandle()?.pendingFrames() ?? 0) > 0 || pendingWork().length > 0 || model === 'loading' || model === 'idle'
}

/**
 * See HipExplorerApi.idle. Checked once per animation frame (the render loop runs there too):
 * first two frames so that React commits a change just made and its effects ask for their frames,
 * then until two frames in a row find nothing to do.
 */
async function idle(): Promise<void> {
  await nextAnimationFrame()
  await nextAnimationFrame()
  for (let quiet = 0; quiet < 2; ) {
    quiet = busy() ? 0 : quiet + 1
    await nextAnimationFrame()
  }
}

export function createApi(deps: ApiDependencies): HipExplorerApi {
  return {
    version: API_VERSION,
    ready,
    idle,
    getState: stateSnapshot,
    setState(patch: Partial<ViewState>, options?: SetStateOptions) {
      const shown = useViewStore.getState()
      const { patch: valid, ignored } = sanitizePatch(patch, {
        stepCount: deps.stepCount,
        currentProcedure: shown.procedure,
        currentVariant: shown.variant,
        currentTour: shown.tour,
      })
      if (options !== undefined && (typeof options !== 'object' || options === null)) ignored.push('options (not an object)')
      const intent = historyIntentFor(typeof options === 'object' && options !== null ? options : undefined, ignored)
      if (Object.keys(valid).length > 0) useViewStore.getState().apply(valid, intent)
      return { state: stateSnapshot(), ignored }
    },
    subscribe(listener) {
      if (typeof listener !== 'function') throw new TypeError('subscribe() needs a function to call back.')
      // One listener that throws must not stop the others (the link among them) nor the change.
      return useViewStore.subscribe(() => {
        try {
          listener(stateSnapshot())
        } catch (error) {
          console.error('hipExplorer.subscribe: a listener threw; the view and the other listeners go on.', error)
        }
      })
    },
    async screenshot(options = {}) {
      // Saved early (the disease's look still loading) it showed a healthy hip at stage IV.
      await import('../state/pictureComplete.ts').then((m) => m.whenPictureComplete(PICTURE_PATIENCE_MS))
      const view = useViewStore.getState()
      const images = typeof options.images === 'boolean' ? options.images : view.images
      // The capture code loads with the first picture saved (not part of the first download).
      const { strokes } = useSketchStore.getState()
      const [{ captureViewCanvas, viewCanvasRect, withCaption }, { drawStillInsets }, caption, imaging, sketch] = await Promise.all([
        import('../scene/screenshot.ts'),
        import('../ui/stillInsets.ts'),
        options.caption === false ? null : deps.caption(),
        images ? Promise.all([import('../scene/imaging/stillImages.ts'), import('../ui/imaging/imageSheet.ts')]) : null,
        strokes.length ? import('../ui/sketch/drawSketch.ts') : null,
      ])
      // Render and read back in one task, after any await (see scene/screenshot.ts).
      const image = captureViewCanvas()
      const rect = viewCanvasRect()
      // The simulated images are rendered in the same task, at the size the saved image gives them.
      const k = rect && rect.width > 0 ? image.width / rect.width : 1
      const still = imaging ? imaging[0].renderStillPictures(Math.round(imaging[1].stillPictureCssPx(image.width / k, IMAGE_KINDS.length) * k)) : null
      // Then the pictures laid over the view (the donor-site inset), where they are on screen.
      if (rect && options.insets !== false) await drawStillInsets(image, rect)
      // The marks drawn over the view, on top, at the saved image's size (they are in view units).
      const ctx = sketch ? image.getContext('2d') : null
      if (sketch && ctx) sketch.drawSketch(ctx, strokes, image.width, image.height, k)
      const sheet = imaging && still ? imaging[1].withPictures(image, still.pictures, { mode: options.wording === 'patient' || options.wording === 'clinician' ? options.wording : view.mode, side: view.side, stage: view.stage, weighting: still.weighting, k }) : image
      const out = caption ? withCaption(sheet, caption) : sheet
      return out.toDataURL('image/png')
    },
    stats,
    status: getAppStatus,
    project(point) {
      if (!isPoint(point)) throw new TypeError('project() needs a point [x, y, z]: three finite numbers, in model millimetres.')
      return projectModelPoint(point, useViewStore.getState().side)
    },
    camera: () => liveCamera(useViewStore.getState().side),
  }
}
