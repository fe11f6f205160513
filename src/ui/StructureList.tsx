/** Every structure of the model by group, with search, show/hide and "only this". */
import { useMemo, useState } from 'react'
import { STRUCTURE_IDS, type StructureGroup, type StructureId } from '../domain/anatomy/structures.ts'
import { STRUCTURES } from '../domain/anatomy/structureInfo.ts'
import { useViewStore } from '../state/viewStore.ts'
import { useNo3d } from '../state/statusStore.ts'
import { FoldCard } from './FoldCard.tsx'

const GROUP_TITLES: Record<StructureGroup, string> = {
  bone: 'Bones',
  cartilage: 'Cartilage',
  'soft-tissue': 'Ligaments and capsule',
  artery: 'Arteries',
}

export function StructureList() {
  const hidden = useViewStore((s) => s.hidden)
  const faded = useViewStore((s) => s.faded)
  const mode = useViewStore((s) => s.mode)
  const selected = useViewStore((s) => s.selected)
  const [query, setQuery] = useState('')
  const hiddenSet = useMemo(() => new Set(hidden), [hidden])
  const q = query.trim().toLowerCase()
  const matches = (id: StructureId) => {
    const s = STRUCTURES[id]
    return !q || s.plainName.toLowerCase().includes(q) || s.term.toLowerCase().includes(q)
  }
  const groups = (Object.keys(GROUP_TITLES) as StructureGroup[])
    .map((group) => ({ group, ids: STRUCTURE_IDS.filter((id) => STRUCTURES[id].group === group && matches(id)) }))
    .filter((g) => g.ids.length > 0)

  const store = useViewStore.getState()
  // Without 3D, showing, hiding and fading act on nothing; the names and descriptions remain.
  const no3d = useNo3d()

  return (
    <FoldCard className="structures" titleId="structures-title" title="Structures">
      {/* Beside the search, not in the title: a button inside a <summary> would fold the card. */}
      <div className="search-row">
        <input
          type="search"
          className="search"
          placeholder="Find a structure"
          aria-label="Find a structure"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="link" onClick={() => store.showAll()} disabled={hidden.length === 0 && faded.length === 0}>Show all</button>
      </div>
      {groups.map(({ group, ids }) => (
        <fieldset key={group}>
          <legend>{GROUP_TITLES[group]}</legend>
          <ul>
            {ids.map((id) => {
              const info = STRUCTURES[id]
              const name = mode === 'patient' ? info.plainName : info.term
              return (
                <li key={id} className={selected === id ? 'is-selected' : undefined}>
                  <label>
                    <input
                      type="checkbox"
                      data-testid={`toggle-${id}`}
                      checked={!hiddenSet.has(id)}
                      disabled={no3d}
                      onChange={(e) => store.setHidden(id, !e.target.checked)}
                    />
                    <span>{name}</span>
                  </label>
                  <button type="button" className="link small" onClick={() => store.select(id)} aria-label={`info: ${name}`}>info</button>
                  <button
                    type="button"
                    className="link small"
                    aria-pressed={faded.includes(id)}
                    disabled={no3d}
                    onClick={() => store.setFaded(id, !faded.includes(id))}
                    aria-label={`fade: ${name}`}
                    title="See-through"
                  >
                    fade
                  </button>
                  <button type="button" className="link small" disabled={no3d} onClick={() => store.showOnly(id)} aria-label={`only: ${name}`}>only</button>
                </li>
              )
            })}
          </ul>
        </fieldset>
      ))}
      {groups.length === 0 && <p className="muted">No structure matches “{query}”.</p>}
    </FoldCard>
  )
}
