/**
 * Short plain names of the stages, for patients: the headline of the stage bar in patient mode,
 * with the doctors' code ("ARCO IIIB") beside it in small print, so a patient can match what
 * their doctor said without reading the code as the headline.
 *
 * Each name restates the band's key event (./bands.ts, clinical reference §4.2–4.3) in the
 * words of the patient captions (./patientCaptions.ts); the brackets say what an X-ray shows,
 * because that is what patients are usually told about.
 */
import type { StageSystem } from '../viewState.ts'
import { isHealthy, stageBand, stageDisplayName, type StageBandId } from './bands.ts'

export const HEALTHY_STAGE_NAME = 'Healthy hip'

export const PLAIN_STAGE_NAMES: Readonly<Record<StageBandId, string>> = {
  // Perfusion falls; imaging still normal (§4.2). Both routes (inside the bone, or an injury) end here.
  preclinical: 'Very early: blood supply failing (X-ray normal)',
  // MRI positive, X-ray normal (ARCO I, §4.1).
  I: 'Early: bone starting to die (no change on X-ray)',
  // Sclerosis and cysts visible on X-ray; no fracture (ARCO II).
  II: 'Dead bone walled off (seen on X-ray)',
  // Subchondral fracture (crescent); collapse up to 2 mm (ARCO IIIA).
  IIIA: 'A crack under the surface',
  // Progressive collapse beyond 2 mm; head out of round (ARCO IIIB).
  IIIB: 'The ball flattens',
  // Joint-space narrowing; acetabular changes (ARCO IV, Ficat IV).
  'IV-early': 'Arthritis: the joint wears',
  // Advanced osteoarthritis.
  'IV-late': 'Advanced arthritis',
}

/** The plain name of stage s: "Healthy hip" at 0, else its band's name. */
export function plainStageName(s: number): string {
  return isHealthy(s) ? HEALTHY_STAGE_NAME : PLAIN_STAGE_NAMES[stageBand(s).id]
}

/** The doctors' code for stage s in the chosen system ("ARCO IIIB"), or null for a healthy hip. */
export function stageCode(s: number, system: StageSystem): string | null {
  return isHealthy(s) ? null : stageDisplayName(s, system)
}
