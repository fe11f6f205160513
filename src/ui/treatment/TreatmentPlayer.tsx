/**
 * The open treatment, in place of the stage caption: its name and Close (Esc), Previous /
 * Play-Pause / Next with the scrubber (first, so they stay in reach on a phone), the current
 * step's caption right under them, with the note after its words when the treatment is outside
 * its usual range (for as long as that holds), the variant choice, the treatment's results and
 * risks, and the step list.
 *
 * The transport buttons let go of focus after a click (as the sliders do): a presenter who
 * clicked Next and then presses Space or the clicker's keys gets play/pause and the next step,
 * not a second press of the focused button. Reached with Tab they keep their keys.
 */
import { PROCEDURES, treatmentTitle, type ProcedureId } from '../../domain/procedures.ts'
import { indicationVerdict, offIndicationNote } from '../../domain/treatment/indication.ts'
import { treatmentSteps } from '../../domain/treatment/steps.ts'
import { useNo3d } from '../../state/statusStore.ts'
import { usePlayerStore } from '../../state/playerStore.ts'
import { chooseVariant, closeTreatment, goToStep, neighbourStep, setSkipOptional, stepBy, togglePlay } from '../../state/treatmentPlayer.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { RELEASE_FOCUS_AFTER_POINTER } from '../releaseFocusAfterPointer.ts'
import { StepCaption } from './StepCaption.tsx'
import { StepScrubber } from './StepScrubber.tsx'
import { TreatmentOutlook } from './TreatmentOutlook.tsx'

/** The list shows optional steps with a mark of their own; "(optional)" in a title would say it twice. */
const listTitle = (title: string) => title.replace(/\s*\(optional\)\s*$/i, '')

export function TreatmentPlayer({ procedure }: { procedure: ProcedureId }) {
  const variant = useViewStore((s) => s.variant)
  const step = useViewStore((s) => s.step)
  const stage = useViewStore((s) => s.stage)
  const mode = useViewStore((s) => s.mode)
  const playing = usePlayerStore((s) => s.playing)
  const skipOptional = usePlayerStore((s) => s.skipOptional)
  const no3d = useNo3d()
  const info = PROCEDURES[procedure]
  const steps = treatmentSteps(procedure, variant)
  const current = steps[Math.min(step, steps.length - 1)]!
  const verdict = indicationVerdict(procedure, stage, mode)
  const chosenVariant = info.variants.find((v) => v.id === variant)
  const hasPrevious = neighbourStep(procedure, variant, step, -1, skipOptional) !== null
  const hasNext = neighbourStep(procedure, variant, step, 1, skipOptional) !== null
  const name = treatmentTitle(procedure, variant, mode)

  return (
    <section className="card caption treatment-player" data-testid="treatment-player" data-procedure={procedure} aria-labelledby="treatment-title">
      <div className="treatment-head">
        <h2 id="treatment-title">{name}</h2>
        <button type="button" data-testid="treatment-close" title="Back to the disease view (Esc)" onClick={closeTreatment}>
          Close
        </button>
      </div>
      <div className="transport" role="group" aria-label="Steps">
        <button type="button" data-testid="treatment-prev" disabled={!hasPrevious} onClick={() => stepBy(-1)} {...RELEASE_FOCUS_AFTER_POINTER}>
          Previous
        </button>
        <button
          type="button"
          className="primary"
          data-testid="treatment-play"
          aria-pressed={playing}
          disabled={no3d}
          title="Play or pause (Space)"
          onClick={togglePlay}
          {...RELEASE_FOCUS_AFTER_POINTER}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" data-testid="treatment-next" disabled={!hasNext} onClick={() => stepBy(1)} {...RELEASE_FOCUS_AFTER_POINTER}>
          Next
        </button>
      </div>
      <StepScrubber disabled={no3d} />

      {/* The step's words right under the controls (on a phone the rest is below the fold). */}
      <StepCaption
        step={current}
        index={step}
        count={steps.length}
        mode={mode}
        note={
          !verdict.considered && (
            <p className="treatment-note" role="note" data-testid="treatment-off-indication">
              {offIndicationNote(procedure, mode)}
            </p>
          )
        }
      />

      {info.variants.length > 0 && (
        <div className="chip-row treatment-variants" role="group" aria-label="Technique">
          <button type="button" data-testid="treatment-variant" data-variant="" aria-pressed={variant === null} onClick={() => chooseVariant(null)}>
            {info.plainName}
          </button>
          {info.variants.map((v) => (
            <button key={v.id} type="button" data-testid="treatment-variant" data-variant={v.id} aria-pressed={variant === v.id} onClick={() => chooseVariant(v.id)}>
              {v.name}
            </button>
          ))}
        </div>
      )}
      {chosenVariant && mode === 'clinician' && <p className="muted variant-summary">{chosenVariant.summary.value}</p>}
      <TreatmentOutlook info={info} mode={mode} />

      {/* Screen readers hear the step that is shown, once per change. */}
      <p className="visually-hidden" aria-live="polite">{`Step ${step + 1} of ${steps.length}: ${current.title}`}</p>

      <h3 className="steps-title">All steps</h3>
      <ol className="step-list" data-testid="treatment-steps">
        {steps.map((s, i) => (
          <li key={s.id} className={s.optional ? 'optional' : undefined}>
            <button type="button" data-testid="treatment-step" data-step={i} aria-current={i === step ? 'step' : undefined} onClick={() => goToStep(i)}>
              <span className="step-number">{i + 1}</span>
              <span className="step-name">{listTitle(s.title)}</span>
              {s.optional && <span className="step-optional">optional</span>}
            </button>
          </li>
        ))}
      </ol>
      {steps.some((s) => s.optional) && (
        <label className="check">
          <input type="checkbox" data-testid="treatment-skip-optional" checked={skipOptional} onChange={(event) => setSkipOptional(event.target.checked)} />
          Skip optional steps
        </label>
      )}
    </section>
  )
}
