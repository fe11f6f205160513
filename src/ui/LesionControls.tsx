/**
 * Lesion size and location (JIC type), apart from the stage because the lesion does not grow
 * with the stage; the caption says what they mean for the risk of collapse. With a colour key
 * that does not rely on red versus green.
 */
import { LESION_SIZES, LESION_TYPES } from '../domain/viewState.ts'
import { useViewStore } from '../state/viewStore.ts'
import { DISEASE_PALETTE } from '../scene/disease/palette.ts'

const KEY = [
  ['perfused', 'living bone'],
  ['ischaemic', 'losing its blood supply'],
  ['dead', 'dead bone'],
  ['oedema', 'swelling (oedema)'],
] as const

export function LesionControls() {
  const size = useViewStore((s) => s.lesionSize)
  const type = useViewStore((s) => s.lesionType)
  const setLesion = useViewStore((s) => s.setLesion)
  return (
    <section className="card lesion" data-testid="lesion-controls" aria-labelledby="lesion-title">
      <h2 id="lesion-title">Damaged area</h2>
      <div className="segmented small" role="group" aria-label="Size">
        {LESION_SIZES.map((s) => (
          <button key={s} type="button" data-testid={`lesion-size-${s}`} aria-pressed={size === s} onClick={() => setLesion(s, type)}>
            {s}
          </button>
        ))}
      </div>{' '}
      <div className="segmented small" role="group" aria-label="Location (JIC type)">
        {LESION_TYPES.map((t) => (
          <button key={t} type="button" data-testid={`lesion-type-${t}`} aria-pressed={type === t} onClick={() => setLesion(size, t)}>
            {t}
          </button>
        ))}
      </div>
      <p>
        {/* The lesion sits under the socket's roof: a front-to-back cut through the head shows it best. */}
        <button
          type="button"
          className="link"
          data-testid="lesion-section"
          onClick={() => {
            const store = useViewStore.getState()
            store.setSection({ plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] })
            store.setView('anterior')
          }}
        >
          Show it in a cut through the ball
        </button>
      </p>
      <ul className="muted" aria-label="Colour key" style={{ listStyle: 'none', padding: 0, margin: 0, fontSize: '0.85em' }}>
        {KEY.map(([id, text]) => (
          <li key={id}>
            <span aria-hidden="true" style={{ display: 'inline-block', width: '0.9em', height: '0.9em', marginRight: '0.4em', background: DISEASE_PALETTE[id] }} />
            {text}
          </li>
        ))}
      </ul>
    </section>
  )
}
