/**
 * The open tour in the caption's place (the side panel; on a phone, under the stage bar): the
 * tour's name, where the reader is ("3 / 7" and a bar), the scene's title and caption in the
 * mode's words with its sources, and the player's buttons. Presenter mode shows the same caption
 * in its strip (ui/currentCaption.ts).
 */
import type { TourId } from '../../domain/tours/tourCatalogue.ts'
import { TOUR_TITLES } from '../../domain/tours/tourTitles.ts'
import { tourScene, TOURS } from '../../domain/tours/tours.ts'
import { useTourPlayerStore } from '../../state/tourPlayerStore.ts'
import { endTour, restart, stepBy, togglePlay } from '../../state/tourPlayer.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { SourceList } from '../treatment/SourceList.tsx'

export default function TourPanel({ tour }: { tour: TourId }) {
  const scene = useViewStore((s) => s.scene)
  const mode = useViewStore((s) => s.mode)
  const playing = useTourPlayerStore((s) => s.playing)
  const shown = tourScene(tour, scene)
  const count = TOURS[tour].scenes.length
  const words = mode === 'patient' ? 'patient' : 'clinical'
  if (!shown) return null
  return (
    <section className="card caption tour-panel" data-testid="tour-panel" aria-labelledby="tour-name">
      <h2 id="tour-name" data-testid="tour-name">{TOUR_TITLES[tour][words]}</h2>
      {/* A bar of one segment per scene (Previous / Next and the clicker move; a phone has no room for 8 tap targets). */}
      <div className="tour-progress" role="progressbar" aria-label="Scene" aria-valuemin={1} aria-valuemax={count} aria-valuenow={scene + 1} aria-valuetext={`${scene + 1} of ${count}`}>
        <span data-testid="tour-progress">{scene + 1} / {count}</span>
        <span className="tour-bar" aria-hidden="true">
          {TOURS[tour].scenes.map((s, i) => (
            <span key={s.id} className={i < scene ? 'done' : i === scene ? 'current' : undefined} />
          ))}
        </span>
      </div>
      <h3 data-testid="tour-scene-title">{shown.title[words]}</h3>
      <p data-testid="tour-caption">{shown.caption[words]}</p>
      <div className="tour-controls" role="group" aria-label="Tour">
        <button type="button" data-testid="tour-previous" onClick={() => stepBy(-1)} disabled={scene === 0} title="Previous scene (Page Up)">
          ‹ Previous
        </button>
        <button type="button" data-testid="tour-play" aria-pressed={playing} onClick={togglePlay}>{playing ? 'Pause' : 'Play'}</button>
        <button type="button" data-testid="tour-next" onClick={() => stepBy(1)} disabled={scene === count - 1} title="Next scene (Page Down)">
          Next ›
        </button>
      </div>
      <div className="tour-more">
        <button type="button" className="link" data-testid="tour-restart" onClick={restart} title="From the first scene">Restart</button>
        <button type="button" className="link" data-testid="tour-end" onClick={endTour} title="End the tour and keep this view (Esc)">End tour</button>
        <details className="step-details">
          <summary>Sources</summary>
          <SourceList keys={shown.citation.sources} testId="tour-sources" />
        </details>
      </div>
      {/* Screen readers hear the scene once, when it changes. */}
      <p className="visually-hidden" aria-live="polite">{`${scene + 1} of ${count}: ${shown.title[words]}. ${shown.caption[words]}`}</p>
    </section>
  )
}
