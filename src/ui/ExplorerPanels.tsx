/** The anatomy explorer's panels: the selected structure, the cross-section and the structure list. */
import { useViewStore } from '../state/viewStore.ts'
import { STRUCTURES } from '../domain/anatomy/structureInfo.ts'
import { REGIONS } from '../domain/anatomy/regions.ts'
import { usePickStore } from '../state/pickStore.ts'
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
  const region = usePickStore((s) => s.pickedRegion)
  if (!selected) return null
  const info = STRUCTURES[selected]
  // A region only names the part of the selected bone that was clicked.
  const part = region && REGIONS[region].bone === selected ? REGIONS[region].name : null
  return (
    <section className="card selection" data-testid="selection" aria-live="polite">
      {part && <p className="selection-part" data-testid="selection-part">{part}</p>}
      <h2>{mode === 'patient' ? info.plainName : info.term}</h2>
      <p className="muted">{mode === 'patient' ? info.term : info.plainName}</p>
      <p>{info.description}</p>
      <button type="button" onClick={() => select(null)}>Clear selection</button>
    </section>
  )
}
