/**
 * Readies shader programs before their first draw, while the view is quiet, so that the first
 * draw of a new look does not stop the page.
 *
 * three sets a program up when a material is first drawn (or compiled), and at the program's
 * first use asks the GPU for its link status and uniforms. That question waits until the GPU
 * process has worked through everything queued before it — with software WebGL (SwiftShader: no
 * parallel-compile extension, ~0.3 s per frame, the compositor in the same process) a program
 * first drawn while a treatment played stopped the page for 0.6–1.4 s, three times in core
 * decompression (long-task entries). Asked with nothing queued, it takes ~20–50 ms.
 *
 * So `warmPrograms` sets the programs up at once (three's `compile`: no draw) and queues the new
 * ones; the queue makes one program's first use per task, only when no frame has been asked for
 * or drawn since the last look, no work is pending (state/pendingWork.ts) and a fence shows the
 * GPU has caught up. A view that never rests leaves the rest to the first draw, as before.
 */
import type { Camera, Object3D, Scene, WebGLRenderer } from 'three'
import { pendingWork } from '../../state/pendingWork.ts'
import { getRenderHandle } from '../renderHandle.ts'

/** How often the queue looks for a quiet moment (ms). */
const POLL_MS = 60

/** What the queue needs of three's program object (WebGLRenderer.info.programs entries). */
interface ProgramUse {
  getUniforms(): unknown
}

interface Waiting {
  readonly program: ProgramUse
  readonly gl: WebGLRenderer
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
  if (!head) return dropFence()
  // A program three let go of (its materials disposed, or the context lost and set up again) is not used.
  if (!(head.gl.info.programs ?? []).includes(head.program as never)) {
    queue.shift()
    return schedule(0)
  }
  const context = head.gl.getContext() as WebGL2RenderingContext
  const frame = head.gl.info.render.frame
  const busy = (getRenderHandle()?.pendingFrames() ?? 0) > 0 || pendingWork().length > 0 || context.isContextLost()
  if (busy || !fence || fence.context !== context || fence.frame !== frame) {
    // Something is (or was just) drawn: set a new fence behind it and look again later.
    dropFence()
    const sync = busy ? null : context.fenceSync(context.SYNC_GPU_COMMANDS_COMPLETE, 0)
    if (sync) fence = { context, sync, frame }
    return schedule(POLL_MS)
  }
  if (context.getSyncParameter(fence.sync, context.SYNC_STATUS) !== context.SIGNALED) return schedule(POLL_MS)
  queue.shift()!.program.getUniforms()
  // The fence stays: the next program may go in the next task if nothing was drawn meanwhile.
  schedule(0)
}

/**
 * Sets up the programs of everything under `roots` as `scene` draws them (its lights, the canvas
 * as target; hidden objects too) and queues the programs this made for their first use in a
 * quiet moment. Returns a function that takes those still waiting out of the queue.
 */
export function warmPrograms(gl: WebGLRenderer, camera: Camera, scene: Scene, roots: readonly Object3D[]): () => void {
  const before = new Set(gl.info.programs ?? [])
  for (const root of roots) gl.compile(root, camera, scene)
  const made = (gl.info.programs ?? []).filter((p) => !before.has(p)) as unknown as ProgramUse[]
  const mine = made.map((program) => ({ program, gl }))
  queue.push(...mine)
  schedule(POLL_MS)
  return () => {
    for (const entry of mine) {
      const at = queue.indexOf(entry)
      if (at >= 0) queue.splice(at, 1)
    }
  }
}

/** Programs waiting for their first use (tests). */
export function programsWaiting(): number {
  return queue.length
}
