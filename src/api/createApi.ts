/**
 * Builds the automation API (types in ./types.ts) over the stores and the live renderer.
 * The same object serves window.hipExplorer, the postMessage bridge, and our own tests.
 */
import { sanitizePatch } from '../domain/urlState.ts'
import type { ViewState } from '../domain/viewState.ts'
import { getViewState, useViewStore } from '../state/viewStore.ts'
import { getAppStatus, useStatusStore } from '../state/statusStore.ts'
import { frameCount, getRenderHandle, liveCamera, projectModelPoint } from '../scene/renderHandle.ts'
import { captureViewCanvas, withCaption, type CaptionLines } from '../scene/screenshot.ts'
import { pendingWork } from '../state/pendingWork.ts'
import type { HipExplorerApi, RenderStats } from './types.ts'

export const API_VERSION = '1.0.0'

export interface ApiDependencies {
  /** The caption of the current view, for screenshots (its texts may load on demand). */
  caption: () => CaptionLines | Promise<CaptionLines>
  /** Number of steps of a procedure, to clamp `step`. */
  stepCount: (procedure: NonNullable<ViewState['procedure']>) => number
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
  }
}

const readyPromise = new Promise<void>((resolve) => {
  if (useStatusStore.getState().firstModelFrame) resolve()
  const stop = useStatusStore.subscribe((s) => {
    if (s.firstModelFrame) {
      stop()
      resolve()
    }
  })
})

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
    ready: () => readyPromise,
    idle,
    getState: () => getViewState(),
    setState(patch: Partial<ViewState>) {
      const { patch: valid, ignored } = sanitizePatch(patch, {
        stepCount: deps.stepCount,
        currentProcedure: useViewStore.getState().procedure,
      })
      if (Object.keys(valid).length > 0) useViewStore.getState().apply(valid, { kind: 'push' })
      return { state: getViewState(), ignored }
    },
    subscribe(listener) {
      return useViewStore.subscribe(() => listener(getViewState()))
    },
    async screenshot(options = {}) {
      const caption = options.caption === false ? null : await deps.caption()
      // Render and read back in one task, after any await (see scene/screenshot.ts).
      const image = captureViewCanvas()
      const out = caption ? withCaption(image, caption) : image
      return out.toDataURL('image/png')
    },
    stats,
    status: getAppStatus,
    project: (point) => projectModelPoint(point, useViewStore.getState().side),
    camera: () => liveCamera(useViewStore.getState().side),
  }
}
