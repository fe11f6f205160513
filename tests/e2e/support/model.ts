/** What the served model file says about itself: its landmarks (the GLB's JSON chunk). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { HipLandmarks } from '../../../src/domain/anatomy/landmarks.ts'
import type { ProcedureId } from '../../../src/domain/procedures.ts'
import { lesionAnatomyOf, lesionGeometry } from '../../../src/domain/lesion/index.ts'
import { planTreatment, type TreatmentPlan } from '../../../src/domain/treatment/planner.ts'
import { DEFAULT_VIEW_STATE } from '../../../src/domain/viewState.ts'
import { distDir } from './context.ts'

export function modelLandmarks(): HipLandmarks {
  const glb = readFileSync(join(distDir(), 'models', 'hip.glb'))
  const json = JSON.parse(glb.subarray(20, 20 + glb.readUInt32LE(12)).toString('utf8'))
  return json.scenes[0].extras.landmarks as HipLandmarks
}

/** The plan the app makes for a treatment on the served model, with the default lesion, before collapse. */
export function defaultPlan(procedure: ProcedureId, variant: string | null): TreatmentPlan {
  const lm = modelLandmarks()
  const lesion = lesionGeometry({ size: DEFAULT_VIEW_STATE.lesionSize, type: DEFAULT_VIEW_STATE.lesionType }, lesionAnatomyOf(lm))
  return planTreatment({ procedure, variant, landmarks: lm, lesion, collapseDepthMm: 0 })
}
