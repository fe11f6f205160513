/**
 * The *Tours* menu of the top bar (issue 14): the guided tours by name, in the mode's words; a
 * choice opens the tour at its first scene, playing. On a phone the button sits with the other
 * actions in the top bar's row that scrolls sideways; the list opens fixed under the button, so
 * that row's scrolling never clips it. Only names and counts are here (the first download):
 * the scenes and the player load when a tour opens, or when the view holds one (a link).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { TOUR_CATALOGUE, TOUR_IDS, type TourId } from '../../domain/tours/tourCatalogue.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { withTourPlayer } from './tourKeys.ts'

/** Gap between the button and the list, and the least margin to the window's edges (px). */
const GAP_PX = 4

export function ToursMenu() {
  const mode = useViewStore((s) => s.mode)
  const tour = useViewStore((s) => s.tour)
  const [place, setPlace] = useState<{ top: number; left: string } | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLUListElement>(null)
  const id = useId()
  const open = place !== null

  // A view with a tour (a link, Back, the API) needs the player: it shows the scene and runs it.
  useEffect(() => {
    if (tour !== null) withTourPlayer(() => undefined)
  }, [tour])

  // Closes on a press outside, on a resize (the place was measured) and when the page scrolls.
  useEffect(() => {
    if (!open) return
    const onDown = (event: PointerEvent) => {
      const target = event.target as Node | null
      if (!list.current?.contains(target) && !button.current?.contains(target)) setPlace(null)
    }
    const close = () => setPlace(null)
    window.addEventListener('pointerdown', onDown, true)
    window.addEventListener('resize', close)
    list.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
    return () => {
      window.removeEventListener('pointerdown', onDown, true)
      window.removeEventListener('resize', close)
    }
  }, [open])

  const toggle = () => {
    if (open || !button.current) return setPlace(null)
    const rect = button.current.getBoundingClientRect()
    // Under the button, moved left as far as needed to stay inside the window (the list's width is CSS's: --tours-menu-w).
    setPlace({ top: rect.bottom + GAP_PX, left: `clamp(${GAP_PX}px, ${rect.left}px, calc(100vw - var(--tours-menu-w) - ${GAP_PX}px))` })
  }
  const choose = (chosen: TourId) => {
    setPlace(null)
    withTourPlayer((player) => player.openTour(chosen))
  }
  // Up / Down move between the items; Escape closes the list (and only the list) and goes back to the button.
  const onKeyDown = (event: ReactKeyboardEvent) => {
    const items = [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLButtonElement)
    if (event.key === 'Escape') {
      setPlace(null)
      button.current?.focus()
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1
      items[(at + step + items.length) % items.length]?.focus()
    } else return
    event.preventDefault()
    event.stopPropagation()
  }
  const words = mode === 'patient' ? 'patient' : 'clinical'

  return (
    <>
      <button
        ref={button}
        type="button"
        data-testid="tours"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        data-touring={tour !== null || undefined}
        onClick={toggle}
      >
        Tours
      </button>
      {place && (
        <ul ref={list} id={id} className="tours-menu" role="menu" aria-label="Guided tours" data-testid="tours-menu" style={place} onKeyDown={onKeyDown}>
          {TOUR_IDS.map((tourId) => (
            <li key={tourId} role="none">
              <button type="button" role="menuitem" data-testid={`tour-${tourId}`} aria-current={tour === tourId || undefined} onClick={() => choose(tourId)}>
                <span className="tours-menu-title">{TOUR_CATALOGUE[tourId].title[words]}</span>
                <span className="muted">{TOUR_CATALOGUE[tourId].sceneCount} scenes</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
