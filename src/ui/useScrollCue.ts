/**
 * The scroll cue of a row that scrolls sideways (./scrollCue.ts), as a ref callback. Its code
 * loads after the first picture, as the other secondary parts do (./useAfterFirstFrame.ts): the
 * first download stays within its budget, and a row needs no cue before anyone can read it.
 */
import { useEffect, useState } from 'react'
import { useAfterFirstFrame } from './useAfterFirstFrame.ts'

export function useScrollCue(): (el: HTMLElement | null) => void {
  const [el, setEl] = useState<HTMLElement | null>(null)
  const ready = useAfterFirstFrame()
  useEffect(() => {
    if (!el || !ready) return
    let live = true
    let stop: (() => void) | undefined
    void import('./scrollCue.ts').then((m) => {
      if (live) stop = m.watchScrollCue(el)
    })
    return () => {
      live = false
      stop?.()
    }
  }, [el, ready])
  return setEl
}
