/**
 * A saved picture waits until a frame has run with no picture work open. On a busy machine a
 * stage-IV link saved the moment the hip first showed gave a healthy hip (CI, load.e2e): the
 * disease layer ended its arrival's work and began compiling its shaders in one task, and the
 * wait, told "nothing open" in between, let the capture run before the frame that sets the stage.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { beginWork } from '../../src/state/pendingWork.ts'
import { whenPictureComplete } from '../../src/state/pictureComplete.ts'

/** Animation frames run by hand, in the order they were asked for. */
let frames: Map<number, () => void>
let nextFrame: number
const runFrame = () => {
  const due = [...frames.entries()]
  frames.clear()
  for (const [, run] of due) run()
}
const settle = () => new Promise<void>((r) => setTimeout(r, 0))

beforeEach(() => {
  frames = new Map()
  nextFrame = 1
  vi.stubGlobal('window', {
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
    clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    requestAnimationFrame: (run: () => void) => {
      frames.set(nextFrame, run)
      return nextFrame++
    },
    cancelAnimationFrame: (id: number) => frames.delete(id),
  })
})
afterEach(() => vi.unstubAllGlobals())

describe('a saved picture waits for the picture to be complete', () => {
  it('does not resolve when one piece of work ends and the next begins in the same task', async () => {
    const arrival = beginWork('disease effects')
    let done = false
    void whenPictureComplete(20_000).then(() => (done = true))
    // The disease layer's effect: the arrival ends, its shaders' work begins, in one task.
    arrival()
    const shaders = beginWork('disease shaders')
    runFrame()
    await settle()
    expect(done).toBe(false)
    shaders()
    await settle()
    expect(done, 'not before a frame has run').toBe(false)
    runFrame()
    await settle()
    expect(done).toBe(true)
  })

  it('resolves after one frame when nothing is open, and after the timeout whatever remains', async () => {
    let done = false
    void whenPictureComplete(20_000).then(() => (done = true))
    await settle()
    expect(done).toBe(false)
    runFrame()
    await settle()
    expect(done).toBe(true)

    const stuck = beginWork('never ends')
    let late = false
    void whenPictureComplete(5).then(() => (late = true))
    await new Promise((r) => setTimeout(r, 20))
    expect(late).toBe(true)
    stuck()
  })
})
