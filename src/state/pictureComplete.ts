/**
 * Waiting for the picture to be what the state says before it is saved (api screenshot). Apart
 * from ./pendingWork.ts, which the first download carries: this loads with the capture code.
 */
import { onWorkDone, pictureWork } from './pendingWork.ts'

/**
 * Resolves when the picture is what the state says (no picture work open), or after
 * `timeoutMs` whatever remains (a saved image late is better than none).
 */
export function whenPictureComplete(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (pictureWork().length === 0) return resolve()
    const finish = () => {
      window.clearTimeout(timer)
      stop()
      resolve()
    }
    const timer = window.setTimeout(finish, timeoutMs)
    const stop = onWorkDone(() => {
      if (pictureWork().length === 0) finish()
    })
  })
}
