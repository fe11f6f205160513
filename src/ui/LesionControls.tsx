/**
 * The damaged area: its size and location (JIC type), apart from the stage because the lesion
 * does not grow with the stage, and the route to the disease (the common non-traumatic one, or
 * an injury). The caption says what they mean for the risk of collapse. With a key to the marks
 * the picture shows now — colour plus a pattern, so it reads without colour too, and only once
 * there is disease.
 *
 * Patients meet no codes here: the location (JIC A/B/C1/C2) and the staging system wait behind
 * "More"; clinicians see the location directly (and the staging system in the stage bar).
 */
import type { CSSProperties } from 'react'
import { CAUSES, LESION_SIZES, LESION_TYPES, type Cause } from '../domain/viewState.ts'
import { legendEntries, type LegendMark } from '../domain/staging/legend.ts'
import { useViewStore } from '../state/viewStore.ts'
import { DISEASE_PALETTE, SCLEROTIC_PORE_TINT, hexToRgb } from '../scene/disease/palette.ts'
import { StagingSystemSwitch } from './StagingSystemSwitch.tsx'
import { FoldCard } from './FoldCard.tsx'

const CAUSE_LABEL: Record<Cause, string> = {
  nontraumatic: 'Steroids, alcohol or unknown',
  traumatic: 'After an injury',
}

const p = DISEASE_PALETTE
/** Dense (sclerotic) bone as in the view (scene/disease/shaders.ts dzSclerotic): white, with a few small pores tinted like marrow. */
const PORE = `rgb(${hexToRgb(p.sclerotic).map((c, k) => Math.round(255 * c * SCLEROTIC_PORE_TINT[k]!)).join(' ')})`
const DENSE = [
  `radial-gradient(ellipse 1.6px 1px at 25% 30%, ${PORE} 0 70%, transparent 100%) 0 0 / 7px 6px`,
  `radial-gradient(ellipse 1px 1.5px at 65% 70%, ${PORE} 0 70%, transparent 100%) 3px 2px / 9px 8px`,
  p.sclerotic,
].join(', ')
/** Dead bone's fine flecks, 0.72 of its grey as in the view (scene/disease/shaders.ts dzStipple): sparse, of two sizes and directions. */
const FLECKS = `radial-gradient(ellipse 1.5px 0.8px at 30% 35%, #63615c 0 80%, transparent 100%) 0 0 / 7px 7px, radial-gradient(ellipse 0.8px 1.3px at 70% 70%, #63615c 0 80%, transparent 100%) 2px 3px / 9px 9px`
/** Swatches drawn like the marks in the view: hatching for ischaemic, flecks for dead bone. */
const SWATCH: Record<LegendMark, CSSProperties> = {
  perfused: { background: p.perfused },
  ischaemic: { background: `repeating-linear-gradient(45deg, ${p.ischaemic} 0 3px, #c97a1f 3px 5px)` },
  dead: { background: `${FLECKS}, ${p.dead}` },
  lesionCysts: { background: `radial-gradient(circle at 40% 50%, ${p.cyst} 0 26%, ${p.sclerotic} 27% 38%, transparent 39%), ${FLECKS}, ${p.dead}` },
  doubleLine: { background: `linear-gradient(90deg, transparent 0 40%, ${p.interface} 40% 75%, ${p.dead} 75%), ${DENSE}` },
  oedema: { background: p.oedema, boxShadow: 'inset 0 0 0 1px #9ab' },
  crack: { background: `linear-gradient(180deg, #eadfca 0 40%, #1a1412 40% 58%, ${p.dead} 58%)` },
  cartilageWear: { background: `repeating-linear-gradient(-30deg, #cdb88a 0 2px, #6b5540 2px 3px, #cdb88a 3px 6px)` },
  occludedArtery: { background: p.arteryOccluded },
  arthritis: { background: `radial-gradient(circle at 30% 70%, ${p.cyst} 0 30%, ${p.sclerotic} 31% 42%, transparent 43%), ${DENSE}` },
}

export function LesionControls() {
  const size = useViewStore((s) => s.lesionSize)
  const type = useViewStore((s) => s.lesionType)
  const cause = useViewStore((s) => s.cause)
  const mode = useViewStore((s) => s.mode)
  const stage = useViewStore((s) => s.stage)
  const seeThrough = useViewStore((s) => s.faded.includes('femur'))
  const setLesion = useViewStore((s) => s.setLesion)
  const setCause = useViewStore((s) => s.setCause)
  const operation = useViewStore((s) => s.procedure !== null)
  const legend = legendEntries({ stage, cause, seeThrough, operation })
  const location = (
    <div className="segmented small" role="group" aria-label="Location (JIC type)">
      {LESION_TYPES.map((t) => (
        <button key={t} type="button" data-testid={`lesion-type-${t}`} aria-pressed={type === t} onClick={() => setLesion(size, t)}>
          {t}
        </button>
      ))}
    </div>
  )
  return (
    <FoldCard className="lesion" testId="lesion-controls" titleId="lesion-title" title="Damaged area" openOnTouch>
      <div className="segmented small" role="group" aria-label="Size">
        {LESION_SIZES.map((s) => (
          <button key={s} type="button" data-testid={`lesion-size-${s}`} aria-pressed={size === s} onClick={() => setLesion(s, type)}>
            {s}
          </button>
        ))}
      </div>{' '}
      {mode === 'clinician' && location}
      <div className="segmented small cause" role="group" aria-label="Cause">
        {CAUSES.map((c) => (
          <button key={c} type="button" data-testid={`cause-${c}`} aria-pressed={cause === c} onClick={() => setCause(c)}>
            {CAUSE_LABEL[c]}
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
      {mode === 'patient' && (
        <details className="more" data-testid="lesion-more">
          <summary>More</summary>
          <p className="muted">The codes doctors use for where the damaged area lies and for the stage.</p>
          {location}
          <StagingSystemSwitch />
        </details>
      )}
      {legend.length > 0 && (
        <ul className="legend muted" aria-label="What the colours and patterns show" data-testid="disease-legend">
          {legend.map((entry) => (
            <li key={entry.mark} data-mark={entry.mark}>
              <span aria-hidden="true" className="swatch" style={SWATCH[entry.mark]} />
              {mode === 'patient' ? entry.plain : entry.clinical}
            </li>
          ))}
        </ul>
      )}
    </FoldCard>
  )
}
