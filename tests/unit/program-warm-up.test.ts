/**
 * The program warm-up queue (src/scene/three/programWarmUp.ts) with a stand-in renderer: the
 * programs a compile makes are first used one per task, only when no frame is asked for or was
 * drawn since the fence, no work is pending and the fence has signalled; programs that existed
 * before are left alone; a cancel takes its programs out of the queue.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Mesh, PerspectiveCamera, Scene, type WebGLRenderTarget, type WebGLRenderer } from 'three'
import { programsWaiting, readWhenQuiet, requestAnimationFrameAfterWarmUp, warmPrograms, warmProgramsUntilReady } from '../../src/scene/three/programWarmUp.ts'
import { setRenderHandle } from '../../src/scene/renderHandle.ts'
import { beginWork, pendingWork } from '../../src/state/pendingWork.ts'

const SIGNALED = 0x9119
const UNSIGNALED = 0x9118

function fakeRenderer(madeByCompile: number) {
  const used: string[] = []
  const program = (name: string) => ({ name, getUniforms: () => used.push(name) })
  const programs: { name: string }[] = [program('existing')]
  let fenceSignalled = false
  const context = {
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    SYNC_STATUS: 0x9114,
    SIGNALED,
    fenceSync: vi.fn(() => ({})),
    deleteSync: vi.fn(),
    getSyncParameter: () => (fenceSignalled ? SIGNALED : UNSIGNALED),
    isContextLost: () => false,
  }
  let compiles = 0
  const compiledIn: unknown[] = []
  const gl = {
    info: { programs, render: { frame: 0 } },
    getContext: () => context,
    compile: (_root: unknown, _camera: unknown, target: unknown) => {
      compiledIn.push(target)
      if (compiles++ > 0) return
      for (let i = 0; i < madeByCompile; i++) programs.push(program(`new-${i}`))
    },
  }
  return {
    gl: gl as unknown as WebGLRenderer,
    used,
    compiledIn,
    context,
    signal: (on: boolean) => (fenceSignalled = on),
    drawFrame: () => gl.info.render.frame++,
  }
}

/** What a read into a GPU buffer (readWhenQuiet) asks of the context, doing nothing. */
const PIXEL_READS = {
  PIXEL_PACK_BUFFER: 0x88eb,
  STREAM_READ: 0x88e1,
  RGBA: 0x1908,
  UNSIGNED_BYTE: 0x1401,
  createBuffer: () => ({}),
  bindBuffer: () => {},
  bufferData: () => {},
  deleteBuffer: () => {},
  isBuffer: () => true,
  readPixels: () => {},
}

const camera = new PerspectiveCamera()
const scene = new Scene()
let pendingFrames = 0

beforeEach(() => {
  vi.useFakeTimers()
  pendingFrames = 0
  setRenderHandle({ gl: null as never, scene, camera, invalidate: () => {}, pendingFrames: () => pendingFrames })
})
afterEach(() => {
  // The queue's pending look runs now: a timer dropped with the fake clock would leave the module
  // thinking one is still set (it sets none while one is), and the next test would never look.
  vi.runOnlyPendingTimers()
  setRenderHandle(null)
  vi.useRealTimers()
})

describe('program warm-up', () => {
  it('uses each program the compile made, one per task, once the GPU has passed the fence', () => {
    const r = fakeRenderer(3)
    const stop = warmPrograms(r.gl, camera, scene, [new Mesh()])
    expect(programsWaiting()).toBe(3)
    vi.advanceTimersByTime(500)
    expect(r.used, 'nothing before the fence signals').toEqual([])
    r.signal(true)
    vi.advanceTimersByTime(100)
    expect(r.used).toEqual(['new-0', 'new-1', 'new-2'])
    expect(r.used, 'programs made before are not touched').not.toContain('existing')
    expect(programsWaiting()).toBe(0)
    stop()
  })

  it('waits while frames are asked for, work is pending, or a frame was drawn after the fence', () => {
    const r = fakeRenderer(2)
    const stop = warmPrograms(r.gl, camera, scene, [new Mesh()])
    r.signal(true)
    pendingFrames = 1
    vi.advanceTimersByTime(1000)
    expect(r.used, 'frames asked for').toEqual([])
    pendingFrames = 0
    const done = beginWork('test work')
    vi.advanceTimersByTime(1000)
    expect(r.used, 'work pending').toEqual([])
    done()
    // A fence set, then a frame drawn behind it: the signal is about the fence, not the frame.
    vi.advanceTimersByTime(60)
    r.drawFrame()
    r.signal(true)
    vi.advanceTimersByTime(60)
    expect(r.used, 'a frame was drawn since the fence').toEqual([])
    vi.advanceTimersByTime(200)
    expect(r.used).toEqual(['new-0', 'new-1'])
    stop()
  })

  it('skips a program three let go of meanwhile', () => {
    const r = fakeRenderer(2)
    const stop = warmPrograms(r.gl, camera, scene, [new Mesh()])
    const programs = (r.gl.info as unknown as { programs: { name: string }[] }).programs
    programs.splice(programs.findIndex((p) => p.name === 'new-0'), 1)
    r.signal(true)
    vi.advanceTimersByTime(500)
    expect(r.used).toEqual(['new-1'])
    stop()
  })

  it('in a view that never rests, uses one program between two frames once the GPU has finished the last, and gives the scene its hooks back', () => {
    const r = fakeRenderer(2)
    pendingFrames = 1 // the blood flow: frames always asked for, so the timer never finds the view at rest
    const ownBefore = scene.onBeforeRender
    const stop = warmPrograms(r.gl, camera, scene, [new Mesh()])
    const frame = () => {
      scene.onBeforeRender(r.gl, scene, camera, null as never, null as never, null as never)
      r.drawFrame()
      scene.onAfterRender(r.gl, scene, camera, null as never, null as never, null as never)
    }
    frame()
    frame()
    expect(r.used, 'the fence after the last frame has not signalled').toEqual([])
    r.signal(true)
    frame()
    expect(r.used, 'one program per frame').toEqual(['new-0'])
    frame()
    expect(r.used).toEqual(['new-0', 'new-1'])
    expect(scene.onBeforeRender, 'the scene has its own hooks back').toBe(ownBefore)
    vi.advanceTimersByTime(1000)
    expect(r.used).toEqual(['new-0', 'new-1'])
    stop()
  })

  it('in a view that animates, the next frame is held until the GPU has drawn the last, and a program is used in between', () => {
    // With software WebGL the page asks for the next frame while the GPU still draws the last:
    // the fence never signalled by the next frame, and programs waited for a whole 75-s play.
    const r = fakeRenderer(2)
    pendingFrames = 1
    const stop = warmPrograms(r.gl, camera, scene, [new Mesh()])
    const invalidate = vi.fn()
    const frame = () => {
      scene.onBeforeRender(r.gl, scene, camera, null as never, null as never, null as never)
      r.drawFrame()
      scene.onAfterRender(r.gl, scene, camera, null as never, null as never, null as never)
      requestAnimationFrameAfterWarmUp(invalidate) // what the animation asks for at the end of its frame
    }
    frame()
    vi.advanceTimersByTime(200)
    expect(invalidate, 'held while the GPU draws the last frame').not.toHaveBeenCalled()
    expect(pendingWork(), 'a held frame is pending work').toContain('frame held for a program')
    expect(r.used).toEqual([])
    r.signal(true)
    vi.advanceTimersByTime(10)
    expect(r.used, 'one program once the GPU is done').toEqual(['new-0'])
    expect(invalidate).toHaveBeenCalledTimes(1)
    expect(pendingWork()).not.toContain('frame held for a program')

    // The GPU never finishes: the frame goes anyway after a second, no program used.
    r.signal(false)
    frame()
    vi.advanceTimersByTime(990)
    expect(invalidate).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(30)
    expect(invalidate).toHaveBeenCalledTimes(2)
    expect(r.used).toEqual(['new-0'])

    r.signal(true)
    frame()
    vi.advanceTimersByTime(10)
    expect(r.used).toEqual(['new-0', 'new-1'])
    // None wait: frames are asked for at once.
    requestAnimationFrameAfterWarmUp(invalidate)
    expect(invalidate).toHaveBeenCalledTimes(4)
    vi.advanceTimersByTime(100) // the queue's own look runs out (its timer would outlive the fake clock)
    stop()
  })

  it('a cancel takes the programs still waiting out of the queue', () => {
    const r = fakeRenderer(2)
    const stop = warmPrograms(r.gl, camera, scene, [new Mesh()])
    stop()
    expect(programsWaiting()).toBe(0)
    r.signal(true)
    vi.advanceTimersByTime(1000)
    expect(r.used).toEqual([])
  })

  it('tells when all of its programs have had their first use, not before; compiled with the lights of the scene they are drawn in', async () => {
    const r = fakeRenderer(2)
    const own = new Scene()
    const { ready, cancel } = warmProgramsUntilReady(r.gl, camera, scene, [new Mesh()], own)
    expect(r.compiledIn).toEqual([own])
    let settled = false
    void ready.then(() => (settled = true))
    r.signal(true)
    // A fence is set at the first look (60 ms), found signalled at the next: one program.
    vi.advanceTimersByTime(120)
    await Promise.resolve()
    expect(r.used).toEqual(['new-0'])
    expect(settled, 'one program still waits').toBe(false)
    vi.advanceTimersByTime(100)
    await Promise.resolve()
    expect(r.used).toEqual(['new-0', 'new-1'])
    expect(settled).toBe(true)
    cancel()
  })

  it('work that itself waits for the programs (the pictures) does not keep them from their quiet moment; a cancel settles `ready`', async () => {
    const r = fakeRenderer(1)
    const pictures = beginWork('images', { waitsForPrograms: true })
    const { ready, cancel } = warmProgramsUntilReady(r.gl, camera, scene, [new Mesh()])
    r.signal(true)
    vi.advanceTimersByTime(500)
    await ready
    expect(r.used).toEqual(['new-0'])
    pictures()
    cancel()

    const s = fakeRenderer(1)
    const waiting = warmProgramsUntilReady(s.gl, camera, scene, [new Mesh()])
    waiting.cancel()
    await waiting.ready
    expect(s.used).toEqual([])
  })

  it('reads pixels back in a quiet moment: the read is queued at once, its bytes fetched only once no frame was drawn since a signalled fence', async () => {
    const r = fakeRenderer(0)
    const calls: string[] = []
    let lost = false
    Object.assign(r.context, PIXEL_READS, {
      deleteBuffer: () => calls.push('delete'),
      readPixels: () => calls.push('readPixels'),
      getBufferSubData: (_target: number, _offset: number, into: Uint8Array) => {
        into.fill(7)
        calls.push('fetch')
      },
      isContextLost: () => lost,
    })
    Object.assign(r.gl, { getRenderTarget: () => null, setRenderTarget: () => {} })
    const into = new Uint8Array(16)
    const read = readWhenQuiet(r.gl, scene, {} as WebGLRenderTarget, 2, into)
    expect(calls, 'the read into a GPU buffer is queued at once').toEqual(['readPixels'])
    // The view keeps drawing behind each fence: the fetch would wait for those frames.
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(60)
      r.drawFrame()
      r.signal(true)
    }
    expect(calls, 'not fetched while frames are drawn after the fence').toEqual(['readPixels'])
    vi.advanceTimersByTime(200)
    await read
    expect(calls).toEqual(['readPixels', 'fetch', 'delete'])
    expect([...into]).toEqual(new Array(16).fill(7))
    // A context lost while the read waits: it fails (the pictures are made again once it is back).
    r.signal(false)
    const failed = readWhenQuiet(r.gl, scene, {} as WebGLRenderTarget, 2, new Uint8Array(16))
    lost = true
    await expect(readWhenQuiet(r.gl, scene, {} as WebGLRenderTarget, 2, new Uint8Array(16))).rejects.toThrow(/lost/)
    lost = false
    Object.assign(r.context, { isBuffer: () => false })
    r.signal(true)
    vi.advanceTimersByTime(500)
    await expect(failed).rejects.toThrow(/lost/)
    expect(programsWaiting()).toBe(0)
  })

  it('a read queued after a picture drawn off-screen waits for a fence set after it, not one that had signalled before', async () => {
    // The pictures are drawn off-screen and the renderer's frame count is put back after them
    // (imaging/imageRenderer.ts), so the count said nothing had been drawn since a fence that had
    // signalled before the picture: the fetch waited for the whole picture (a 2-s stop, measured).
    const r = fakeRenderer(1)
    const fences: { signalled: boolean }[] = []
    Object.assign(r.context, {
      fenceSync: () => {
        const f = { signalled: false }
        fences.push(f)
        return f
      },
      getSyncParameter: (f: { signalled: boolean }) => (f.signalled ? SIGNALED : UNSIGNALED),
      ...PIXEL_READS,
    })
    const signalAll = () => fences.forEach((f) => (f.signalled = true))
    // A program used in a quiet moment leaves its signalled fence behind.
    const stop = warmPrograms(r.gl, camera, scene, [new Mesh()])
    vi.advanceTimersByTime(60)
    signalAll()
    vi.advanceTimersByTime(60)
    expect(r.used).toEqual(['new-0'])
    // A picture drawn off-screen (no frame counted), then its read.
    let fetched = false
    Object.assign(r.context, { getBufferSubData: () => (fetched = true) })
    Object.assign(r.gl, { getRenderTarget: () => null, setRenderTarget: () => {} })
    const read = readWhenQuiet(r.gl, scene, {} as WebGLRenderTarget, 2, new Uint8Array(16))
    vi.advanceTimersByTime(500)
    expect(fetched, 'fetched on the word of a fence set before the picture').toBe(false)
    signalAll()
    vi.advanceTimersByTime(200)
    await read
    expect(fetched).toBe(true)
    stop()
  })
})
