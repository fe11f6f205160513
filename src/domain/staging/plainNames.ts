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
import { isHealthy, stageBand, stageDisplayName, stageLabel, type StageBandId } from './bands.ts'

export const HEALTHY_STAGE_NAME = 'Healthy hip'

export const PLAIN_STAGE_NAMES: Readonly<Record<StageBandId, string>> = {
  // Perfusion falls; imaging still normal (§4.2). Both routes (inside the bone, or an injury) end here.
  preclinical: 'Very early: blood supply failing (X-ray normal)',
  // MRI positive, X-ray normal (ARCO I, §4.1). The MRI band outlines bone that has already died
  // (a surgeon's review: not "starting to die", which reads as if it could still be stopped).
  I: 'Early: a patch of dead bone (no change on X-ray)',
  // Sclerosis and cysts visible on X-ray; no fracture, no flattening (ARCO II): the round ball is
  // what keeps the hip-saving operations open.
  II: 'Damaged area seen on X-ray; ball still round',
  // Subchondral fracture (crescent); collapse up to 2 mm (ARCO IIIA).
  IIIA: 'A crack under the surface',
  // Progressive collapse beyond 2 mm; head out of round (ARCO IIIB).
  IIIB: 'The ball flattens',
  // Joint-space narrowing; acetabular changes (ARCO IV, Ficat IV): the socket is what is new.
  'IV-early': 'Arthritis: wear spreads to the socket',
  // Advanced osteoarthritis.
  'IV-late': 'Advanced arthritis',
}

/**
 * The plain name of stage s: "Healthy hip" at 0, else its band's name. In Ficat–Arlet the late
 * part of the IIIA band is already stage III, which that system defines by the flattening (§4.1):
 * its name says so, as the code in small print beside it does.
 */
export function plainStageName(s: number, system: StageSystem = 'arco'): string {
  if (isHealthy(s)) return HEALTHY_STAGE_NAME
  const band = stageBand(s).id
  if (system === 'ficat' && band === 'IIIA' && stageLabel(s, 'ficat') === 'III') return PLAIN_STAGE_NAMES.IIIB
  return PLAIN_STAGE_NAMES[band]
}

/** The doctors' code for stage s in the chosen system ("ARCO IIIB"), or null for a healthy hip. */
export function stageCode(s: number, system: StageSystem): string | null {
  return isHealthy(s) ? null : stageDisplayName(s, system)
}
