/**
 * Readies shader programs before their first draw, so that the first draw of a new look does not
 * stop the page.
 *
 * three sets a program up when a material is first drawn (or compiled), and at the program's
 * first use asks the GPU for its link status and uniforms. That question waits until the GPU
 * process has worked through everything queued before it — with software WebGL (SwiftShader: no
 * parallel-compile extension, ~0.3 s per frame, the compositor in the same process) a program
 * first drawn while a treatment played stopped the page for 0.6–1.4 s, three times in core
 * decompression (long-task entries). Asked with nothing queued, it takes ~20–50 ms.
 *
 * So `warmPrograms` sets the programs up at once (three's `compile`: no draw) and queues the new
 * ones for their first use, one at a time, when the GPU has nothing queued:
 * - a view at rest: a fence is set and polled; once it has signalled with no frame asked for or
 *   drawn since and no work pending that may draw (state/pendingWork.ts busyWork), one program per task;
 * - a view that never rests (the blood flow animates by default, a step plays): the scene's
 *   render hooks set a fence after each frame, and the animation asks for its next frame through
 *   `requestAnimationFrameAfterWarmUp`, which holds it until the GPU has finished the last one
 *   and uses one program in between. (Without the hold the GPU never catches up: with software
 *   WebGL the page asks for the next frame while the last is still being drawn, the fence had
 *   never signalled by the next frame, and the queue waited for the whole of a 75-s hip
 *   replacement: its programs were then first used mid-step, 0.2–0.6 s each.)
 *
 * Pixels read back from the GPU (`readWhenQuiet`: the simulated images) wait in the same queue:
 * fetching them waits, as a program's first use does, for everything queued before.
 */
import type { Camera, Object3D, Scene, WebGLRenderTarget, WebGLRenderer } from 'three'
import { beginWork, busyWork } from '../../state/pendingWork.ts'
import { getRenderHandle } from '../renderHandle.ts'

/** How often the queue looks for a quiet moment (ms). */
const POLL_MS = 60

/** What the queue needs of three's program object (WebGLRenderer.info.programs entries). */
interface ProgramUse {
  getUniforms(): unknown
}

/** Work that waits for a quiet GPU: a program's first use, or a read-back (`readWhenQuiet`). */
interface Waiting {
  readonly gl: WebGLRenderer
  /** Runs it (its moment has come). */
  run(): void
}

const queue: Waiting[] = []
let timer: ReturnType<typeof setTimeout> | undefined
let fence: { context: WebGL2RenderingContext; sync: WebGLSync; frame: number } | null = null

function dropFence(): void {
  if (fence) fence.context.deleteSync(fence.sync)
  fence = null
}

function schedule(delay: number): void {
  if (timer === undefined && queue.length > 0) timer = setTimeout(look, delay)
}

/** One look for a quiet moment; when there is one, the first program in line gets its first use. */
function look(): void {
  timer = undefined
  const head = queue[0]
  if (!head) {
    unhookScene()
    return dropFence()
  }
  const context = head.gl.getContext() as WebGL2RenderingContext
  const frame = head.gl.info.render.frame
  const busy = (getRenderHandle()?.pendingFrames() ?? 0) > 0 || busyWork().length > 0 || context.isContextLost()
  if (busy || !fence || fence.context !== context || fence.frame !== frame) {
    // Something is (or was just) drawn: set a new fence behind it and look again later.
    dropFence()
    const sync = busy ? null : context.fenceSync(context.SYNC_GPU_COMMANDS_COMPLETE, 0)
    if (sync) fence = { context, sync, frame }
    return schedule(POLL_MS)
  }
  if (context.getSyncParameter(fence.sync, context.SYNC_STATUS) !== context.SIGNALED) return schedule(POLL_MS)
  firstUseOfNext()
  // The fence stays: the next program may go in the next task if nothing was drawn meanwhile.
  schedule(0)
}

/**
 * The first use of the next program in line (both ways to a quiet moment end here). A program
 * three let go of meanwhile (its materials disposed, or the context lost and set up again) is
 * dropped unused. The scene's hooks go back once none wait.
 */
function firstUseOfNext(): void {
  queue.shift()?.run()
  if (queue.length === 0) unhookScene()
  settleWatchers()
}

/** Callers told when all of their programs have had their first use (or left the queue). */
const watchers: { readonly entries: readonly Waiting[]; readonly done: () => void }[] = []

function settleWatchers(): void {
  for (let i = watchers.length - 1; i >= 0; i--) {
    const w = watchers[i]!
    if (w.entries.some((e) => queue.includes(e))) continue
    watchers.splice(i, 1)
    w.done()
  }
}

/** The fence set after the scene's last frame (for views that never rest: see `hookScene`). */
let afterLastFrame: { context: WebGL2RenderingContext; sync: WebGLSync } | null = null
let hooked: { scene: Scene; before: Scene['onBeforeRender']; after: Scene['onAfterRender'] } | null = null

function dropFrameFence(): void {
  if (afterLastFrame) afterLastFrame.context.deleteSync(afterLastFrame.sync)
  afterLastFrame = null
}

/**
 * While programs wait, the scene's render hooks are this module's: a fence after each frame, and
 * before the next one, if the GPU has finished the last, one program's first use. So a view that
 * never rests (the blood flow animates by default; a step that plays) still gets its programs
 * ready, between two frames. Put back when the queue is empty.
 */
function hookScene(scene: Scene): void {
  if (hooked?.scene === scene) return
  unhookScene()
  hooked = { scene, before: scene.onBeforeRender, after: scene.onAfterRender }
  scene.onBeforeRender = (renderer) => {
    const fence = afterLastFrame
    const head = queue[0]
    if (!fence || !head || head.gl !== renderer) return
    if (fence.context.getSyncParameter(fence.sync, fence.context.SYNC_STATUS) !== fence.context.SIGNALED) return
    dropFrameFence()
    firstUseOfNext()
  }
  scene.onAfterRender = (renderer) => {
    dropFrameFence()
    const context = renderer.getContext() as WebGL2RenderingContext
    const sync = context.isContextLost() ? null : context.fenceSync(context.SYNC_GPU_COMMANDS_COMPLETE, 0)
    afterLastFrame = sync ? { context, sync } : null
  }
}

/** How often a held frame looks whether the GPU has finished the last one (ms). */
const HOLD_POLL_MS = 8
/** The longest a frame is held (ms): whatever the GPU does, the animation goes on. */
const MAX_HOLD_MS = 1000

/** Frames asked for by animations, held until the GPU has finished the last frame. */
const held = new Set<() => void>()
let hold: { timer: ReturnType<typeof setTimeout>; since: number; done: () => void } | null = null

/**
 * How a view that animates asks for its next frame (`invalidate` is the render loop's). With no
 * program waiting it is asked for at once. Else it is held until the fence set after the last
 * frame has signalled (at most MAX_HOLD_MS), then the first program in line has its first use and
 * the frame follows: the animation goes at the GPU's pace, which it cannot beat anyway, and each
 * program's first use finds the GPU with nothing queued. A held frame is pending work (an
 * `idle()` does not resolve in between), but not work that keeps programs from a quiet moment.
 */
export function requestAnimationFrameAfterWarmUp(invalidate: () => void): void {
  if (queue.length === 0 || !hooked) return invalidate()
  held.add(invalidate)
  hold ??= { timer: setTimeout(releaseHeld, HOLD_POLL_MS), since: performance.now(), done: beginWork('frame held for a program', { waitsForPrograms: true }) }
}

function releaseHeld(): void {
  if (!hold) return
  const fence = afterLastFrame
  const lost = fence?.context.isContextLost() ?? false
  const signalled = fence !== null && !lost && fence.context.getSyncParameter(fence.sync, fence.context.SYNC_STATUS) === fence.context.SIGNALED
  // No fence: no frame was drawn since the last program's first use, nothing to wait for.
  if (fence && !lost && !signalled && performance.now() - hold.since < MAX_HOLD_MS) {
    hold.timer = setTimeout(releaseHeld, HOLD_POLL_MS)
    return
  }
  const { done } = hold
  hold = null
  if (signalled) {
    dropFrameFence()
    firstUseOfNext()
  }
  const frames = [...held]
  held.clear()
  for (const invalidate of frames) invalidate()
  done()
}

function unhookScene(): void {
  if (!hooked) return
  hooked.scene.onBeforeRender = hooked.before
  hooked.scene.onAfterRender = hooked.after
  hooked = null
  dropFrameFence()
}

/**
 * Sets up the programs of everything under `roots` as `scene` draws them (its lights, the canvas
 * as target; hidden objects too) and queues the programs this made for their first use in a
 * quiet moment. Returns a function that takes those still waiting out of the queue.
 */
export function warmPrograms(gl: WebGLRenderer, camera: Camera, scene: Scene, roots: readonly Object3D[]): () => void {
  return warmProgramsUntilReady(gl, camera, scene, roots).cancel
}

/**
 * `warmPrograms`, also telling when every program it queued has had its first use (at once when
 * it made none). Cancelling takes the waiting ones out of the queue and settles `ready` too.
 * `drawnIn` is the scene the roots are drawn in when it is not the view's `scene` (its lights are
 * part of three's program key). Programs are made for the renderer's current target: a caller
 * that draws into its own targets sets one first (the key differs between the canvas and a
 * target: colour space, tone mapping).
 */
export function warmProgramsUntilReady(
  gl: WebGLRenderer,
  camera: Camera,
  scene: Scene,
  roots: readonly Object3D[],
  drawnIn: Scene = scene,
): { cancel: () => void; ready: Promise<void> } {
  const before = new Set(gl.info.programs ?? [])
  for (const root of roots) gl.compile(root, camera, drawnIn)
  const made = (gl.info.programs ?? []).filter((p) => !before.has(p)) as unknown as ProgramUse[]
  const mine: Waiting[] = made.map((program) => ({
    gl,
    run: () => {
      if ((gl.info.programs ?? []).includes(program as never)) program.getUniforms()
    },
  }))
  queue.push(...mine)
  if (mine.length > 0) hookScene(scene)
  const ready = new Promise<void>((done) => watchers.push({ entries: mine, done }))
  settleWatchers()
  schedule(POLL_MS)
  const cancel = () => {
    for (const entry of mine) {
      const at = queue.indexOf(entry)
      if (at >= 0) queue.splice(at, 1)
    }
    if (queue.length === 0) unhookScene()
    settleWatchers()
  }
  return { cancel, ready }
}

/**
 * Pixels read back from the GPU without stopping the page: the read into a GPU buffer is queued
 * now (so `source` may be drawn into again at once), and its bytes are fetched in a quiet moment,
 * as a program's first use is. Fetched at once when a fence alone said the GPU had got there
 * (three's readRenderTargetPixelsAsync), the fetch still waited for the frames the view had
 * queued meanwhile: a 0.5-s stop per fluoroscopy picture with software WebGL, whose frames in a
 * drilling view take 1.8 s (measured: getBufferSubData 495 ms in an 863-ms task). `scene` is the
 * view's (its frames are waited between while it animates). Rejects when the context is lost.
 */
export function readWhenQuiet(gl: WebGLRenderer, scene: Scene, source: WebGLRenderTarget, size: number, into: Uint8Array): Promise<void> {
  const context = gl.getContext() as WebGL2RenderingContext
  if (context.isContextLost()) return Promise.reject(new Error('the WebGL context is lost'))
  const previous = gl.getRenderTarget()
  gl.setRenderTarget(source)
  const buffer = context.createBuffer()
  context.bindBuffer(context.PIXEL_PACK_BUFFER, buffer)
  context.bufferData(context.PIXEL_PACK_BUFFER, into.byteLength, context.STREAM_READ)
  context.readPixels(0, 0, size, size, context.RGBA, context.UNSIGNED_BYTE, 0)
  context.bindBuffer(context.PIXEL_PACK_BUFFER, null)
  gl.setRenderTarget(previous)
  // A fence set before now says nothing of this read, nor of the picture drawn into `source` for
  // it: pictures are drawn off-screen, and the renderer's frame count, which `look` compares,
  // is put back after them (imaging/imageRenderer.ts offscreen). Trusted, an old fence let the
  // fetch wait for the whole picture: a 1.9–2.0-s stop when a fluoroscopy step opened (measured).
  dropFence()
  dropFrameFence()
  return new Promise((resolve, reject) => {
    queue.push({
      gl,
      run: () => {
        // Lost, or lost and restored since (the buffer belongs to the old context).
        if (context.isContextLost() || !context.isBuffer(buffer)) return reject(new Error('the WebGL context was lost'))
        context.bindBuffer(context.PIXEL_PACK_BUFFER, buffer)
        context.getBufferSubData(context.PIXEL_PACK_BUFFER, 0, into)
        context.bindBuffer(context.PIXEL_PACK_BUFFER, null)
        context.deleteBuffer(buffer)
        resolve()
      },
    })
    hookScene(scene)
    schedule(0)
  })
}

/** Programs waiting for their first use (tests). */
export function programsWaiting(): number {
  return queue.length
}
