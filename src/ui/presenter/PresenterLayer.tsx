/**
 * Presenter mode (issue 14), for a lecturer in front of a hall: the view fills the screen above a
 * strip holding the current caption in large type (with the disclaimer), the top bar, the stage
 * bar and the view's buttons float over the view and fade out a few seconds after the last
 * pointer move or key, and come back with the next one. A clicker's keys walk through what is
 * shown (→ / ← here as Page Down / Page Up, everywhere but in a text field or on a slider a
 * keyboard user is on); B or "." blanks the screen to black and back (the presenter-remote
 * key); Escape un-blanks, then leaves. A red dot follows the pointer over the view, as a laser
 * pointer would.
 *
 * The class `controls-hidden` on the page's root is this module's alone; the layout is in
 * styles.css under `.app.presenting`. Loaded only when presenting (not in the first download).
 */
import { useEffect, useRef, useState } from 'react'
import { DISCLAIMER_SHORT } from '../../domain/disclaimer.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { setDrawing, useSketchStore } from '../../state/sketchStore.ts'
import { shownCaption } from '../currentCaption.ts'
import { isFullscreen, toggleFullscreen } from '../fullscreen.ts'
import { stepThrough, typingInto } from '../keyboard.ts'
import { TourStripControls } from '../tours/TourStripControls.tsx'

/** How long the controls stay after the last pointer move or key (ms). */
export const CONTROLS_LINGER_MS = 3000

/** A keyboard user on a slider keeps its arrow keys (they move the slider). */
function onSlider(target: EventTarget | null): boolean {
  const el = target as HTMLInputElement | null
  return !!el && el.tagName === 'INPUT' && el.type === 'range' && el.matches(':focus-visible')
}

export default function PresenterLayer() {
  const state = useViewStore()
  const caption = shownCaption(state)
  const tour = state.tour
  const [blank, setBlank] = useState(false)
  const blankRef = useRef(blank)
  useEffect(() => {
    blankRef.current = blank
  }, [blank])
  const laser = useRef<HTMLDivElement>(null)
  const strip = useRef<HTMLElement>(null)

  // Controls: shown on any pointer move or key, hidden again after a quiet spell.
  useEffect(() => {
    const root = document.querySelector('.app')
    let timer = 0
    const wake = (event: Event) => {
      // A stroke being drawn (ui/sketch) is not a call for the controls: they would pop up over
      // the picture with every stroke. The drawing tools themselves stay shown (styles.css).
      if (event instanceof PointerEvent && useSketchStore.getState().drawing && event.buttons !== 0 && event.target instanceof Element && event.target.closest('.sketch-canvas')) return
      root?.classList.remove('controls-hidden')
      window.clearTimeout(timer)
      timer = window.setTimeout(() => root?.classList.add('controls-hidden'), CONTROLS_LINGER_MS)
    }
    wake(new Event('presenting'))
    window.addEventListener('pointermove', wake, { passive: true })
    window.addEventListener('pointerdown', wake, { passive: true })
    window.addEventListener('keydown', wake)
    return () => {
      window.clearTimeout(timer)
      window.removeEventListener('pointermove', wake)
      window.removeEventListener('pointerdown', wake)
      window.removeEventListener('keydown', wake)
      root?.classList.remove('controls-hidden')
    }
  }, [])

  // The strip's height, for the stage bar floating just above it, and the top bar's (it wraps to
  // two rows on a phone), for the view's buttons floating just under it.
  useEffect(() => {
    const root = document.querySelector<HTMLElement>('.app')
    const el = strip.current
    const top = root?.querySelector<HTMLElement>('.topbar')
    if (!root || !el || !top) return
    const observer = new ResizeObserver(() => {
      root.style.setProperty('--presenter-strip', `${el.offsetHeight}px`)
      root.style.setProperty('--presenter-top', `${top.offsetHeight}px`)
    })
    observer.observe(el)
    observer.observe(top)
    return () => {
      observer.disconnect()
      root.style.removeProperty('--presenter-strip')
      root.style.removeProperty('--presenter-top')
    }
  }, [])

  // The presenter's keys, before the page's own (capture): Escape leaves presenting here rather
  // than closing an open treatment.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typingInto(event.target)) return
      let handled = true
      if (event.key === 'b' || event.key === 'B' || event.key === '.') setBlank((b) => !b)
      else if (event.key === 'Escape') {
        if (document.querySelector('dialog[open]')) handled = false
        else if (blankRef.current) setBlank(false)
        // Esc first puts the pen down (ui/sketch), as it does when not presenting.
        else if (useSketchStore.getState().drawing) setDrawing(false)
        else useViewStore.getState().setPresent(false)
      } else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && !event.shiftKey && !onSlider(event.target)) {
        stepThrough(event.key === 'ArrowRight' ? 1 : -1)
      } else if (event.key === ' ' && useViewStore.getState().procedure === null && !(event.target instanceof HTMLButtonElement) && !onSlider(event.target)) {
        stepThrough(1)
      } else handled = false
      if (handled) event.preventDefault()
    }
    window.addEventListener('keydown', onKey, { capture: true })
    return () => window.removeEventListener('keydown', onKey, { capture: true })
  }, [])

  // Leaving the browser's fullscreen (its own Escape never reaches the page) leaves presenting;
  // leaving presenting leaves a fullscreen it was in.
  useEffect(() => {
    let wasFullscreen = isFullscreen()
    const onChange = () => {
      const now = isFullscreen()
      if (wasFullscreen && !now) useViewStore.getState().setPresent(false)
      wasFullscreen = now
    }
    document.addEventListener('fullscreenchange', onChange)
    document.addEventListener('webkitfullscreenchange', onChange)
    return () => {
      document.removeEventListener('fullscreenchange', onChange)
      document.removeEventListener('webkitfullscreenchange', onChange)
      if (isFullscreen()) void toggleFullscreen()
    }
  }, [])

  // The laser dot: moved straight on the element (no React render per pointer move).
  useEffect(() => {
    const onMove = (event: PointerEvent) => {
      const dot = laser.current
      if (!dot) return
      // No dot over the pen's tip while drawing: the pen is the pointer.
      const over = event.pointerType !== 'touch' && !useSketchStore.getState().drawing && event.target instanceof Element && event.target.closest('.viewer') !== null
      dot.hidden = !over
      if (over) dot.style.transform = `translate(${event.clientX}px, ${event.clientY}px)`
    }
    window.addEventListener('pointermove', onMove, { passive: true })
    return () => window.removeEventListener('pointermove', onMove)
  }, [])

  return (
    <>
      <section ref={strip} className="presenter-strip" data-testid="presenter-strip" aria-label="Caption" aria-live="polite">
        <div className="presenter-caption">
          <h2 data-testid="presenter-title">{caption.title}</h2>
          <p data-testid="presenter-body">{caption.body}</p>
          <p className="presenter-disclaimer">{DISCLAIMER_SHORT}</p>
        </div>
        <div className="presenter-actions">
          {tour && <TourStripControls tour={tour} scene={state.scene} />}
          <button type="button" data-testid="presenter-previous" onClick={() => stepThrough(-1)} aria-label="Previous (Page Up)">‹</button>
          <button type="button" data-testid="presenter-next" onClick={() => stepThrough(1)} aria-label="Next (Page Down)">›</button>
          <button type="button" data-testid="presenter-exit" onClick={() => useViewStore.getState().setPresent(false)}>Exit (Esc)</button>
        </div>
      </section>
      <div ref={laser} className="presenter-laser" aria-hidden="true" hidden />
      {blank && <div className="presenter-blank" data-testid="presenter-blank" onClick={() => setBlank(false)} />}
    </>
  )
}
