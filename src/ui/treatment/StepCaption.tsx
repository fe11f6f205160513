/**
 * The caption of the current treatment step: its title, its text for the mode, the sizes with
 * their units, and the sources (as the About dialog lists them), with a note after the text when
 * the player has one. Patients read the plain text first; the sizes and sources wait behind "Sizes and sources" for them, open for clinicians.
 */
import type { ReactNode } from 'react'
import type { ProcedureStep } from '../../domain/procedures.ts'
import { measureText } from '../../domain/treatment/measureText.ts'
import type { SourceKey } from '../../domain/sources.ts'
import { SourceList } from './SourceList.tsx'
import type { Mode } from '../../domain/viewState.ts'

export interface StepCaptionProps {
  step: ProcedureStep
  index: number
  count: number
  mode: Mode
  /**
   * Shown right after the step's words, before its sizes and sources: the note of a treatment
   * outside its usual range (after the sources, a clinician's open list pushed it out of sight).
   */
  note?: ReactNode
}

/** Every source the step and its sizes cite, once each, in the order first cited. */
function stepSources(step: ProcedureStep): SourceKey[] {
  return [...new Set([...step.citation.sources, ...step.sizes.flatMap((size) => size.sources)])]
}

export function StepCaption({ step, index, count, mode, note }: StepCaptionProps) {
  const sources = stepSources(step)
  const details = (
    <>
      {step.sizes.length > 0 && (
        <ul className="step-sizes" data-testid="step-sizes">
          {step.sizes.map((size) => (
            <li key={size.value.what}>
              {size.value.what}: <strong>{measureText(size.value)}</strong>
              {size.evidence === 'Inf' && <span className="muted"> (a design choice of the picture{size.note ? `: ${size.note}` : ''})</span>}
            </li>
          ))}
        </ul>
      )}
      <SourceList keys={sources} testId="step-sources" />
    </>
  )
  return (
    <div className="step-caption" data-testid="step-caption" data-step={index}>
      <p className="step-count muted">Step {index + 1} of {count}{step.optional ? ' · optional' : ''}</p>
      <h3 data-testid="step-title">{step.title}</h3>
      <p data-testid="step-text">{mode === 'patient' ? step.patient : step.clinical}</p>
      {note}
      <details className="step-details" open={mode === 'clinician'} key={mode}>
        <summary>{step.sizes.length > 0 ? 'Sizes and sources' : 'Sources'}</summary>
        {details}
      </details>
    </div>
  )
}
