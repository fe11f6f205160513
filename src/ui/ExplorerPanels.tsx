/** The anatomy explorer's panels: the selected structure, the cross-section and the structure list. */
import { useViewStore } from '../state/viewStore.ts'
import { STRUCTURES } from '../domain/anatomy/structureInfo.ts'
import { SectionControls } from './SectionControls.tsx'
import { StructureList } from './StructureList.tsx'

export default function ExplorerPanels() {
  return (
    <>
      <SelectionCard />
      <SectionControls />
      <StructureList />
    </>
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
