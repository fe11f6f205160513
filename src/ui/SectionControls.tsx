/**
 * "Look inside": cut the model open along an anatomical plane (or facing the viewer), move the
 * cut, keep the other half, open a window in the socket over the ball, and see through the bones.
 */
import { SECTION_OFFSET_LIMIT, type SectionPlane } from '../domain/section.ts'
import { cutawayWanted } from '../domain/cutaway.ts'
import { useViewStore } from '../state/viewStore.ts'
import { requestCamera } from '../state/cameraRequests.ts'
import { RELEASE_FOCUS_AFTER_POINTER } from './releaseFocusAfterPointer.ts'
import { useNo3d } from '../state/statusStore.ts'
import { FoldCard } from './FoldCard.tsx'

const PLANES: { plane: Exclude<SectionPlane, 'free'>; plain: string; term: string }[] = [
  { plane: 'coronal', plain: 'Front to back', term: 'Coronal' },
  { plane: 'axial', plain: 'Top down', term: 'Axial' },
  { plane: 'sagittal', plain: 'Side on', term: 'Sagittal' },
]
/** What the see-through view fades: the bones and the layers over the lesion (a view inside, not a radiograph). */
const BONES = ['femur', 'hipBone', 'femurCancellous', 'femoralHeadCartilage', 'acetabularCartilage'] as const

export function SectionControls() {
  const section = useViewStore((s) => s.section)
  const mode = useViewStore((s) => s.mode)
  const labels = useViewStore((s) => s.labels)
  const xray = useViewStore((s) => BONES.every((id) => s.faded.includes(id)))
  const cutaway = useViewStore((s) => cutawayWanted(s))
  // A cut or see-through bones show the ball already: the window waits until they are off.
  const cutawayWaits = useViewStore((s) => s.section !== null || s.faded.includes('hipBone'))
  const store = useViewStore.getState()
  const limit = Math.min(SECTION_OFFSET_LIMIT, 60)
  // Cuts, the socket window, see-through and labels act on the 3D picture only.
  if (useNo3d()) return null

  return (
    <FoldCard className="look-inside" titleId="look-inside-title" title={mode === 'patient' ? 'Look inside' : 'Cross-section'}>
      <div className="chip-row" role="group" aria-label="Cut the hip open">
        <button type="button" data-testid="cut-none" aria-pressed={section === null} onClick={() => store.setSection(null)}>
          Whole
        </button>
        {PLANES.map(({ plane, plain, term }) => (
          <button
            key={plane}
            type="button"
            data-testid={`cut-${plane}`}
            aria-pressed={section?.plane === plane}
            onClick={() => store.chooseCut(plane)}
          >
            {mode === 'patient' ? plain : term}
          </button>
        ))}
        <button type="button" data-testid="cut-free" aria-pressed={section?.plane === 'free'} onClick={() => requestCamera({ kind: 'cut-facing' })}>
          Facing me
        </button>
      </div>
      {section && (
        <div className="section-adjust">
          <label htmlFor="cut-offset">Move the cut ({section.offset.toFixed(0)} mm)</label>
          <input
            id="cut-offset"
            data-testid="cut-offset"
            type="range"
            min={section.plane === 'free' ? section.offset - limit : -limit}
            max={section.plane === 'free' ? section.offset + limit : limit}
            step={0.5}
            value={section.offset}
            onChange={(e) => store.setSection({ ...section, offset: Number(e.target.value) }, true)}
            {...RELEASE_FOCUS_AFTER_POINTER}
          />
          <button type="button" data-testid="cut-flip" aria-pressed={section.flip} onClick={() => store.setSection({ ...section, flip: !section.flip })}>
            Keep the other half
          </button>
        </div>
      )}
      <div className="chip-row">
        <label className="check" title="Cut a window in the hip socket so the ball of the thigh bone shows">
          <input
            type="checkbox"
            data-testid="cutaway"
            checked={cutaway}
            aria-describedby={cutaway && cutawayWaits ? 'cutaway-note' : undefined}
            onChange={(e) => store.setCutaway(e.target.checked)}
          />
          {mode === 'patient' ? 'Open the socket' : 'Cutaway (acetabular window)'}
        </label>
        <label className="check">
          <input
            type="checkbox"
            data-testid="xray"
            checked={xray}
            onChange={(e) => store.setFaded(BONES, e.target.checked)}
          />
          {mode === 'patient' ? 'See through the bones' : 'See-through bone (not a radiograph)'}
        </label>
        <label className="check">
          <input type="checkbox" data-testid="labels" checked={labels} onChange={(e) => store.setLabels(e.target.checked)} />
          Labels
        </label>
      </div>
      {cutaway && cutawayWaits && (
        <p id="cutaway-note" className="muted" data-testid="cutaway-note">
          The socket window opens again when the hip is whole and the bones are solid.
        </p>
      )}
    </FoldCard>
  )
}
