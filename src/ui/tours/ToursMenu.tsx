/**
 * The *Tours* button of the top bar (issue 14) and its menu of guided tours; a choice opens the
 * tour at its first scene, playing. On a phone the button sits with the other actions in the top
 * bar's row that scrolls sideways. Only the button is in the first download (its budget is
 * tight): the list (./ToursMenuList.tsx) loads when the menu opens, the scenes and the player
 * when a tour opens, or when the view holds one (a link, Back, the API).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { useViewStore } from '../../state/viewStore.ts'
import { lazyPart } from '../LazyPart.tsx'
import type { ToursMenuListProps } from './ToursMenuList.tsx'
import { withTourPlayer } from './tourKeys.ts'

const ToursMenuList = lazyPart<ToursMenuListProps>('tours-menu', 'The list of tours', () => import('./ToursMenuList.tsx'), { placement: 'notice' })

/** Gap between the button and the list, and the least margin to the window's edges (px). */
const GAP_PX = 4

export function ToursMenu() {
  const touring = useViewStore((s) => s.tour !== null)
  const [place, setPlace] = useState<{ top: number; left: string } | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  const id = useId()
  const close = useCallback(() => setPlace(null), [])

  // A view with a tour needs the player: it shows the scene and runs it.
  useEffect(() => {
    if (touring) withTourPlayer(() => undefined)
  }, [touring])

  const toggle = () => {
    if (place || !button.current) return setPlace(null)
    const rect = button.current.getBoundingClientRect()
    // Under the button, moved left as far as needed to stay inside the window (the list's width is CSS's: --tours-menu-w).
    setPlace({ top: rect.bottom + GAP_PX, left: `clamp(${GAP_PX}px, ${rect.left}px, calc(100vw - var(--tours-menu-w) - ${GAP_PX}px))` })
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        data-testid="tours"
        aria-haspopup="menu"
        aria-expanded={place !== null}
        aria-controls={place ? id : undefined}
        data-touring={touring || undefined}
        onClick={toggle}
      >
        Tours
      </button>
      {place && <ToursMenuList id={id} place={place} button={button} onClose={close} />}
    </>
  )
}
