/**
 * The open tour in presenter mode's strip, beside its Previous / Next (which go through the
 * scenes, ui/keyboard.ts stepThrough): where the lecture stands (a bar; "3 / 7" is in the
 * strip's title) and Play / Pause. The caption itself is the strip's (ui/currentCaption.ts).
 */
import { TOUR_CATALOGUE, type TourId } from '../../domain/tours/tourCatalogue.ts'
import { useTourPlayerStore } from '../../state/tourPlayerStore.ts'
import { withTourPlayer } from './tourKeys.ts'

export function TourStripControls({ tour, scene }: { tour: TourId; scene: number }) {
  const playing = useTourPlayerStore((s) => s.playing)
  const count = TOUR_CATALOGUE[tour].sceneCount
  return (
    <>
      {/* The count is in the strip's title ("3 / 7: …"); the bar shows it at a glance from the back of the hall. */}
      <div className="presenter-tour-progress" data-testid="presenter-tour-progress" role="progressbar" aria-label="Scene" aria-valuemin={1} aria-valuemax={count} aria-valuenow={scene + 1}>
        <span className="presenter-tour-bar">
          <span style={{ width: `${((scene + 1) / count) * 100}%` }} />
        </span>
      </div>
      <button type="button" data-testid="presenter-tour-play" aria-pressed={playing} onClick={() => withTourPlayer((p) => p.togglePlay())}>
        {playing ? 'Pause' : 'Play'}
      </button>
    </>
  )
}
