/**
 * The panel beside the view: the caption of the current stage (announced to screen readers),
 * the selected structure, and the list of structures to show or hide.
 */
import { useViewStore } from '../state/viewStore.ts'
import { STRUCTURES } from '../domain/anatomy/structures.ts'
import { captionFor } from './currentCaption.ts'
import { StructureList } from './StructureList.tsx'
import { SectionControls } from './SectionControls.tsx'
import { LesionControls } from './LesionControls.tsx'

export function SidePanel() {
  return (
    <aside className="sidepanel" aria-label="Explanation">
      <CaptionCard />
      <LesionControls />
      <SelectionCard />
      <SectionControls />
      <StructureList />
    </aside>
  )
}

function CaptionCard() {
  const stage = useViewStore((s) => s.stage)
  const mode = useViewStore((s) => s.mode)
  const stageSystem = useViewStore((s) => s.stageSystem)
  const lesionSize = useViewStore((s) => s.lesionSize)
  const lesionType = useViewStore((s) => s.lesionType)
  const caption = captionFor({ ...useViewStore.getState(), stage, mode, stageSystem, lesionSize, lesionType })
  return (
    <section className="card caption" data-testid="caption" aria-labelledby="caption-title">
      <h2 id="caption-title">{caption.title}</h2>
      {caption.body.split('\n').map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
      {/* Screen readers hear one short sentence per change, not the whole card. */}
      <p className="visually-hidden" aria-live="polite">{caption.announcement}</p>
    </section>
  )
}

function SelectionCard() {
  const selected = useViewStore((s) => s.selected)
  const mode = useViewStore((s) => s.mode)
  const select = useViewStore((s) => s.select)
  if (!selected) return null
  const info = STRUCTURES[selected]
  return (
    <section className="card selection" data-testid="selection" aria-live="polite">
      <h2>{mode === 'patient' ? info.plainName : info.term}</h2>
      <p className="muted">{mode === 'patient' ? info.term : info.plainName}</p>
      <p>{info.description}</p>
      <button type="button" onClick={() => select(null)}>Clear selection</button>
    </section>
  )
}
