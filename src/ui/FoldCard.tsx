/**
 * A side-panel card that folds away under its title (a <details>), so that on a touch screen the
 * panel is a short list of titles instead of four screens of controls. With a fine pointer (a
 * desktop: room, and a wheel to scroll) every card starts open; on a touch screen only the cards
 * marked `openOnTouch`, the most used, do. The reader's choice then stays until the page reloads.
 */
import { useState, type ReactNode } from 'react'

/** Phones and tablets: the pointer is a finger. Read once, when the card first shows. */
const touchFirst = (): boolean => typeof window !== 'undefined' && window.matchMedia?.('(pointer: coarse)').matches === true

export interface FoldCardProps {
  /** Extra class names besides `card fold` (the card's own styles). */
  className: string
  /** The card's title: the heading inside the summary, and the card's accessible name. */
  title: ReactNode
  /** Id of the title's heading (the card is labelled by it). */
  titleId: string
  /** Start open on a touch screen too. */
  openOnTouch?: boolean
  testId?: string
  children: ReactNode
}

export function FoldCard({ className, title, titleId, openOnTouch = false, testId, children }: FoldCardProps) {
  const [open, setOpen] = useState(() => openOnTouch || !touchFirst())
  return (
    <details
      className={`card fold ${className}`}
      data-testid={testId}
      aria-labelledby={titleId}
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        <h2 id={titleId}>{title}</h2>
      </summary>
      {children}
    </details>
  )
}
