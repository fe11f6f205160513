/**
 * Waiting for the picture to be what the state says before it is saved (api screenshot). Apart
 * from ./pendingWork.ts, which the first download carries: this loads with the capture code.
 */
import { onWorkDone, pictureWork } from './pendingWork.ts'

/**
 * Resolves when the picture is what the state says, or after `timeoutMs` whatever remains (a
 * saved image late is better than none). "What the state says" is: an animation frame has run
 * with no picture work open. Not the moment the last work ends: a part that ends its work often
 * starts the next in the same task (the disease layer, patched, then compiles its shaders), and
 * what it set up reaches the scene only in the render loop's next frame (the stage's uniforms
 * are set there). Saved at that moment, on a busy machine, a stage-IV link gave a healthy hip.
 */
export function whenPictureComplete(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    let cancelCheck = () => {}
    let settled = false
    const finish = () => {
      if (settled) return
      settled = true
      window.clearTimeout(timer)
      cancelCheck()
      stop()
      resolve()
    }
    // Checked in an animation frame: the render loop's own frame, asked for by the work that
    // just ended, runs before it (frames run in the order they were asked for). A hidden page
    // runs no frames (nor does its render loop): there the check waits for the next task only.
    const check = () => {
      cancelCheck()
      const run = () => {
        if (pictureWork().length === 0) finish()
      }
      if (typeof document !== 'undefined' && document.hidden) {
        const id = window.setTimeout(run, 0)
        cancelCheck = () => window.clearTimeout(id)
      } else {
        const id = window.requestAnimationFrame(run)
        cancelCheck = () => window.cancelAnimationFrame(id)
      }
    }
    const timer = window.setTimeout(finish, timeoutMs)
    const stop = onWorkDone(() => {
      if (pictureWork().length === 0) check()
    })
    if (pictureWork().length === 0) check()
  })
}
