/**
 * The list of the Tours menu (./ToursMenu.tsx), loaded when the menu first opens: the guided
 * tours by name in the mode's words, with their scene counts. Fixed under the button, and put in
 * the button's banner (a portal), out of the sideways-scrolling row of actions (phones, laptops):
 * that row's faded edge (a mask) made a stacking context that drew the list under the side
 * panel, which took the clicks meant for it. Up / Down move between the items,
 * Escape closes the list (and only the list), a press outside or a resize closes it.
 */
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { TOUR_CATALOGUE, TOUR_IDS, type TourId } from '../../domain/tours/tourCatalogue.ts'
import { TOUR_TITLES } from '../../domain/tours/tourTitles.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { withTourPlayer } from './tourKeys.ts'

export interface ToursMenuListProps {
  id: string
  /** Where the list goes (fixed): top in px, left as a CSS length. */
  place: { top: number; left: string }
  /** The menu's button: a press on it is not "outside", and focus goes back to it on Escape. */
  button: RefObject<HTMLButtonElement | null>
  onClose: () => void
}

export default function ToursMenuList({ id, place, button, onClose }: ToursMenuListProps) {
  const mode = useViewStore((s) => s.mode)
  const tour = useViewStore((s) => s.tour)
  const list = useRef<HTMLUListElement>(null)

  useEffect(() => {
    const onDown = (event: PointerEvent) => {
      const target = event.target as Node | null
      if (!list.current?.contains(target) && !button.current?.contains(target)) onClose()
    }
    window.addEventListener('pointerdown', onDown, true)
    window.addEventListener('resize', onClose)
    list.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
    return () => {
      window.removeEventListener('pointerdown', onDown, true)
      window.removeEventListener('resize', onClose)
    }
  }, [button, onClose])

  const choose = (chosen: TourId) => {
    onClose()
    withTourPlayer((player) => player.openTour(chosen))
  }
  const onKeyDown = (event: ReactKeyboardEvent) => {
    const items = [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLButtonElement)
    if (event.key === 'Escape') {
      onClose()
      button.current?.focus()
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1
      items[(at + step + items.length) % items.length]?.focus()
    } else return
    event.preventDefault()
    event.stopPropagation()
  }
  const words = mode === 'patient' ? 'patient' : 'clinical'

  return createPortal(
    <ul ref={list} id={id} className="tours-menu" role="menu" aria-label="Guided tours" data-testid="tours-menu" style={place} onKeyDown={onKeyDown}>
      {TOUR_IDS.map((tourId) => (
        <li key={tourId} role="none">
          <button type="button" role="menuitem" data-testid={`tour-${tourId}`} aria-current={tour === tourId || undefined} onClick={() => choose(tourId)}>
            <span className="tours-menu-title">{TOUR_TITLES[tourId][words]}</span>
            <span className="muted">{TOUR_CATALOGUE[tourId].sceneCount} scenes</span>
          </button>
        </li>
      ))}
    </ul>,
    button.current?.closest('header') ?? document.body,
  )
}
