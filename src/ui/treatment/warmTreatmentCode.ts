/**
 * The code that opening a treatment mounts (the scene's treatment layer, its clock and the label
 * probe; the step's pictures and the label overlay), fetched and run in a quiet moment once the
 * treatments are listed. Their lazy mounts (App.tsx, scene/HipScene.tsx) then find the modules
 * ready: the click that opens a treatment makes no requests. Fetching them in that click (module
 * preload links, requests) added 20–40 ms to its task with software WebGL, measured.
 * A failure is left for the mount to meet and tell (its part shows "Try again").
 */
import { inQuietMoment } from '../../scene/quietMoment.ts'

const TREATMENT_CODE = [
  () => import('../../scene/treatment/TreatmentLayer.tsx'),
  () => import('../../scene/treatment/TreatmentClockDriver.tsx'),
  () => import('../../scene/labels/LabelProbe.tsx'),
  () => import('./TreatmentInsets.tsx'),
  () => import('../LabelOverlay.tsx'),
]

/** Starts the fetch in a quiet moment; returns a cancel (for a list unmounted before it). */
export function warmTreatmentCode(): () => void {
  return inQuietMoment(() => {
    for (const load of TREATMENT_CODE) load().catch(() => {})
  }, 5000)
}
