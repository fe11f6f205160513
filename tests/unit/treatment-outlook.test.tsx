/**
 * Every treatment says what usually happens and what can go wrong: for patients in plain words,
 * for clinicians the cited outcome figures (a surgeon's review: the steps alone read as
 * reassurance, and the outcomes in the data were shown nowhere).
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PROCEDURES } from '../../src/domain/procedures.ts'
import { PROCEDURE_IDS } from '../../src/domain/procedureIds.ts'
import { SOURCES } from '../../src/domain/sources.ts'
import { TreatmentOutlook } from '../../src/ui/treatment/TreatmentOutlook.tsx'

describe('results and risks', () => {
  for (const id of PROCEDURE_IDS) {
    const info = PROCEDURES[id]
    it(`${id}: the patient outlook names a risk and cites only sources its outcomes cite`, () => {
      expect(info.outlook.value.length).toBeGreaterThan(80)
      // Plain words name what can go wrong, never only how well it works.
      expect(info.outlook.value).toMatch(/risk|complication|fail|break|slip|loosen|replacement|no benefit/i)
      const outcomeSources = new Set(info.outcomes.flatMap((o) => o.sources))
      for (const key of info.outlook.sources) expect(outcomeSources.has(key), key).toBe(true)
    })

    it(`${id}: patients read the outlook, clinicians every outcome, each with its sources`, () => {
      const patient = renderToStaticMarkup(<TreatmentOutlook info={info} mode="patient" />)
      expect(patient).toContain('Results and risks')
      expect(patient).toContain(info.outlook.value.slice(0, 40))
      for (const key of info.outlook.sources) expect(patient).toContain(SOURCES[key].citation.slice(0, 30).replace(/&/g, '&amp;'))
      const clinical = renderToStaticMarkup(<TreatmentOutlook info={info} mode="clinician" />)
      expect(clinical).toMatch(/<details[^>]*open/)
      for (const o of info.outcomes) expect(clinical).toContain(o.value.slice(0, 30).replace(/&/g, '&amp;'))
    })
  }
})
