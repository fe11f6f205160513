import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PointerEvent } from 'react'
import { RELEASE_FOCUS_AFTER_POINTER } from '../../src/ui/releaseFocusAfterPointer.ts'

/** A focused control with the few DOM calls the release uses, and frames run by hand. */
function setUp() {
  const frames = new Map<number, FrameRequestCallback>()
  let nextFrame = 1
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames.set(nextFrame, callback)
    return nextFrame++
  })
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id))
  const listeners = new Map<string, Set<EventListener>>()
  const control = {
    addEventListener: (type: string, listener: EventListener, options?: AddEventListenerOptions) => {
      const once: EventListener = (event) => {
        if (options?.once) listeners.get(type)!.delete(once)
        listener(event)
      }
      ;(listener as { wrapped?: EventListener }).wrapped = once
      if (!listeners.has(type)) listeners.set(type, new Set())
      listeners.get(type)!.add(once)
    },
    removeEventListener: (type: string, listener: EventListener) => {
      listeners.get(type)?.delete((listener as { wrapped?: EventListener }).wrapped ?? listener)
    },
    blur: () => {
      doc.activeElement = null
    },
    press: () => [...(listeners.get('keydown') ?? [])].forEach((listener) => listener(new Event('keydown'))),
    listenerCount: () => listeners.get('keydown')?.size ?? 0,
  }
  const doc: { activeElement: unknown } = { activeElement: control }
  vi.stubGlobal('document', doc)
  const runFrames = () => {
    const due = [...frames.values()]
    frames.clear()
    due.forEach((callback) => callback(0))
  }
  const pointerUp = () =>
    RELEASE_FOCUS_AFTER_POINTER.onPointerUp({ currentTarget: control } as unknown as PointerEvent<HTMLElement>)
  return { control, doc, runFrames, pointerUp }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('a control used with a pointer lets go of focus (a clicker then steps the page)', () => {
  it('blurs at the next frame after the pointer is released, and leaves no listener behind', () => {
    const { control, doc, runFrames, pointerUp } = setUp()
    pointerUp()
    expect(doc.activeElement).toBe(control)
    runFrames()
    expect(doc.activeElement).toBeNull()
    expect(control.listenerCount()).toBe(0)
  })

  it('keeps focus when a key is pressed on it before that frame: a keyboard user took it over', () => {
    // CI, busy machine: drag, focus the slider, three arrows, all before the late frame; the
    // frame then blurred the slider and the next arrows stepped the page's stage marks (1 -> 2).
    const { control, doc, runFrames, pointerUp } = setUp()
    pointerUp()
    control.press()
    runFrames()
    expect(doc.activeElement).toBe(control)
    expect(control.listenerCount()).toBe(0)
  })
})
