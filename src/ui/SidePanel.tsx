/**
 * The panel beside the view: the caption of the current stage (announced to screen readers), or
 * the open treatment's player or the open tour in its place; the treatments; the selected structure, and the list
 * of structures to show or hide.
 */
import { useViewStore } from '../state/viewStore.ts'
import { cutawayShown } from '../domain/cutaway.ts'
import { captionFor } from './currentCaption.ts'
import { LesionControls } from './LesionControls.tsx'
import { TreatmentList } from './treatment/TreatmentList.tsx'
import { TreatmentPlayer } from './treatment/TreatmentPlayer.tsx'
import { lazyPart } from './LazyPart.tsx'
import type { TourId } from '../domain/tours/tourCatalogue.ts'

// The explorer panels (selection, cross-section, structure list) are a chunk of their own.
const ExplorerPanels = lazyPart('explorer', 'The structure list and cross-section controls', () => import('./ExplorerPanels.tsx'), { placement: 'inline' })
// An open guided tour takes the caption's place; its scenes and player load with it.
const TourPanel = lazyPart<{ tour: TourId }>('tour', 'The guided tour', () => import('./tours/TourPanel.tsx'), { placement: 'inline' })

export default function SidePanel() {
  return (
    <aside className="sidepanel" aria-label="Explanation">
      <LeadCard />
      <TreatmentList />
      <LesionControls />
      <ExplorerPanels />
    </aside>
  )
}

/**
 * The panel's first card: the open tour, else the open treatment's player, else the stage's
 * caption. A component of its own, so that opening or closing one renders this card and not the
 * lists below it (re-rendering every input of the structure list added about 20 ms to the
 * commit of opening a treatment, measured).
 */
function LeadCard() {
  const procedure = useViewStore((s) => s.procedure)
  const tour = useViewStore((s) => s.tour)
  return tour ? <TourPanel tour={tour} /> : procedure ? <TreatmentPlayer procedure={procedure} /> : <CaptionCard />
}

function CaptionCard() {
  const stage = useViewStore((s) => s.stage)
  const mode = useViewStore((s) => s.mode)
  const stageSystem = useViewStore((s) => s.stageSystem)
  const lesionSize = useViewStore((s) => s.lesionSize)
  const lesionType = useViewStore((s) => s.lesionType)
  const cause = useViewStore((s) => s.cause)
  const cutaway = useViewStore((s) => cutawayShown(s))
  const caption = captionFor({ ...useViewStore.getState(), stage, mode, stageSystem, lesionSize, lesionType, cause })
  return (
    <section className="card caption" data-testid="caption" aria-labelledby="caption-title">
      <h2 id="caption-title">{caption.title}</h2>
      {caption.body.split('\n').map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
      {/* So that nobody takes the window for damage to the pelvis. */}
      {cutaway && (
        <p className="muted" data-testid="cutaway-caption">
          {mode === 'patient'
            ? 'The hip socket is drawn with a window cut out of it, so you can see the ball of the thigh bone.'
            : 'Cutaway: a window in the acetabulum, labrum and capsule shows the femoral head.'}
        </p>
      )}
      {/* Screen readers hear one short sentence per change, not the whole card. */}
      <p className="visually-hidden" aria-live="polite">{caption.announcement}</p>
    </section>
  )
}
