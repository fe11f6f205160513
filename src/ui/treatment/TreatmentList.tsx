/**
 * The treatments in the procedure data, each with whether it is usually considered at the stage
 * shown and the data's one-line reason (domain/treatment/indication.ts). Any of them can be
 * opened, also outside its usual range (the player then shows a note for as long as it is open).
 */
import { useEffect } from 'react'
import { PROCEDURE_IDS, PROCEDURES, type ProcedureId } from '../../domain/procedures.ts'
import { indicationVerdict } from '../../domain/treatment/indication.ts'
import { closeTreatment, openTreatment } from '../../state/treatmentPlayer.ts'
import { inOwnTask } from '../../scene/quietMoment.ts'
import { useViewStore } from '../../state/viewStore.ts'
import { FoldCard } from '../FoldCard.tsx'
import { warmTreatmentCode } from './warmTreatmentCode.ts'

export function TreatmentList() {
  const stage = useViewStore((s) => s.stage)
  const mode = useViewStore((s) => s.mode)
  const open = useViewStore((s) => s.procedure)
  useEffect(warmTreatmentCode, [])
  return (
    <FoldCard className="treatments" testId="treatments" titleId="treatments-title" title="Treatments">
      <p className="muted small-print">
        {mode === 'patient' ? 'What is usually considered at the stage shown. Your surgeon weighs much more than the stage.' : 'Usual indications by stage; decisions also depend on age, cause, lesion size and location, and symptoms.'}
      </p>
      <ul className="treatment-items">
        {PROCEDURE_IDS.map((id) => (
          <TreatmentItem key={id} id={id} stage={stage} mode={mode} shown={open === id} />
        ))}
      </ul>
    </FoldCard>
  )
}

function TreatmentItem({ id, stage, mode, shown }: { id: ProcedureId; stage: number; mode: 'patient' | 'clinician'; shown: boolean }) {
  const info = PROCEDURES[id]
  const verdict = indicationVerdict(id, stage, mode)
  const name = mode === 'patient' ? info.plainName : info.clinicalName
  const nameId = `treatment-name-${id}`
  return (
    <li className="treatment-item" data-testid="treatment-item" data-procedure={id}>
      <div className="treatment-item-text">
        <strong id={nameId}>{name}</strong>
        <span className={`verdict ${verdict.considered ? 'considered' : 'not-considered'}`} data-testid="treatment-verdict" data-considered={verdict.considered}>
          {verdict.text}
        </span>
        <span className="muted treatment-reason">{verdict.reason}</span>
      </div>
      <button
        type="button"
        data-testid="treatment-open"
        data-procedure={id}
        aria-pressed={shown}
        aria-describedby={nameId}
        // The click's task only asks: the change (its render, the new card's layout) comes in a
        // task of its own. Together they made the click a 66–93 ms task with software WebGL.
        onClick={() => inOwnTask(shown ? closeTreatment : () => openTreatment(id))}
      >
        {shown ? 'Close' : 'Show steps'}
      </button>
    </li>
  )
}
