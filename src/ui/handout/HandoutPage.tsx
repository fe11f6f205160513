/**
 * The printed handout (../../domain/handout.ts says what it holds): shown only on paper, where it
 * replaces the app (styles.css, `@media print`). Black on white, in the reader's words.
 */
import type { Handout } from '../../domain/handout.ts'

export interface HandoutPageProps {
  handout: Handout
  /** The view as a PNG data URL; with no treatment open, the stage's simulated X-ray and MRI under it. */
  picture: string | null
  /** Why there is no picture (no 3D in this browser, the graphics restarting). */
  pictureProblem: string | null
}

export function HandoutPage({ handout, picture, pictureProblem }: HandoutPageProps) {
  const { stage, treatment } = handout
  return (
    <article className="handout-page" aria-label="Handout for printing">
      <header>
        <p className="handout-app">Hip AVN Explorer · {handout.date}</p>
        <h1 data-testid="handout-title">{handout.title}</h1>
        {handout.code && <p className="handout-code" data-testid="handout-code">{handout.code}</p>}
        <p className="handout-intro" data-testid="handout-intro">{handout.intro}</p>
      </header>
      {picture ? (
        <figure>
          <img data-testid="handout-picture" src={picture} alt={handout.pictureCaption} />
          <figcaption data-testid="handout-picture-caption">{handout.pictureCaption}</figcaption>
        </figure>
      ) : (
        <p data-testid="handout-no-picture">The picture could not be made in this browser{pictureProblem ? `: ${pictureProblem}` : '.'}</p>
      )}
      <section data-testid="handout-stage">
        <h2>What this stage means</h2>
        {stage.paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </section>
      {treatment && (
        <section data-testid="handout-treatment">
          <h2>{treatment.name}: the steps</h2>
          <p className="handout-note" data-testid="handout-indication">{treatment.indication}</p>
          <p>Details vary between surgeons and hospitals. Ask your surgeon about the risks and the recovery.</p>
          <ol>
            {treatment.steps.map((step, i) => (
              <li key={i} data-testid="handout-step" data-shown={step.shown || undefined}>
                <strong>{step.title}</strong>
                {/* Some optional steps say so in their title already ("Look inside the joint (optional)"). */}
                {step.optional && !/optional/i.test(step.title) && ' (not always done)'}
                {step.shown && ' (in the picture)'}
                <br />
                {step.text}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section className="handout-notes" aria-label="Notes and questions for your surgeon">
        <h2>Notes and questions for your surgeon</h2>
      </section>
      <section data-testid="handout-disclaimer" className="handout-disclaimer">
        <h2>Please note</h2>
        <p>{handout.disclaimer}</p>
      </section>
      <section data-testid="handout-sources" className="handout-sources">
        <h2>Sources</h2>
        <ol>
          {handout.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </section>
    </article>
  )
}
