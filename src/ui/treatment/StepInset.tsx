/**
 * The box of a picture laid over the 3D view's corner during a treatment step (./TreatmentInsets.tsx):
 * its title and one line, the picture under them, marked for a saved image (../stillInsets.ts).
 * The insets share it (and its `.step-inset` look); each brings its own picture.
 */
import type { ReactNode } from 'react'
import { STILL_INSET_ATTRIBUTE } from '../stillInsets.ts'

interface StepInsetProps {
  /** Its own class (width, picture styles) beside `.step-inset`. */
  className: string
  testId: string
  title: string
  caption: string
  children: ReactNode
}

export function StepInset({ className, testId, title, caption, children }: StepInsetProps) {
  const titleId = `${testId}-title`
  return (
    <figure className={`step-inset ${className}`} data-testid={testId} aria-labelledby={titleId} {...{ [STILL_INSET_ATTRIBUTE]: '' }}>
      <figcaption>
        <strong id={titleId}>{title}</strong>
        <span>{caption}</span>
      </figcaption>
      {children}
    </figure>
  )
}
