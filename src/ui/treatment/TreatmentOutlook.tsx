/**
 * "Results and risks" of the open treatment, under the step's caption: for patients the plain
 * outlook (what usually happens and what can go wrong), for clinicians the cited outcome figures
 * and concerns; each with its sources (./SourceList.tsx, as under a step's caption). A surgeon's review found
 * the steps alone read as reassurance (the outcomes existed in the data and were shown nowhere).
 * Closed for patients (the surgeon opens it when the talk turns to risks), open for clinicians.
 */
import type { ProcedureInfo } from '../../domain/procedures.ts'
import { SourceList } from './SourceList.tsx'
import type { Mode } from '../../domain/viewState.ts'

export function TreatmentOutlook({ info, mode }: { info: ProcedureInfo; mode: Mode }) {
  return (
    <details className="step-details treatment-outlook" data-testid="treatment-outlook" open={mode === 'clinician'} key={mode}>
      <summary>Results and risks</summary>
      {mode === 'patient' ? (
        <>
          <p data-testid="treatment-outlook-text">{info.outlook.value}</p>
          <SourceList keys={info.outlook.sources} />
        </>
      ) : (
        <>
          <ul className="outcomes" data-testid="treatment-outlook-text">
            {info.outcomes.map((o) => (
              <li key={o.value}>
                {o.value}
                {o.evidence === 'V' && <span className="muted"> ({o.note ?? 'not yet checked in a source read'})</span>}
              </li>
            ))}
          </ul>
          <SourceList keys={info.outcomes.flatMap((o) => o.sources)} />
        </>
      )}
    </details>
  )
}
