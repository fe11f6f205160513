/**
 * The live X-ray (fluoroscopy) a surgeon checks the wire and the drill on (issue 13: "an AP
 * fluoroscopy inset during guide-wire and drilling steps"). clinical.md §6.1: the patient lies
 * under fluoroscopy in AP and lateral views (step 1) and the guidewire is passed under it from the
 * lateral cortex into the lesion (step 4); the trephine goes in short of the subchondral plate
 * under biplane fluoroscopy (step 5, the single core; the multiple drillings' pin likewise).
 * §6.2 Phemister: the core tract "as in CD". The inset is the AP view of that check.
 *
 * Which moment it shows: the one a surgeon checks, the instrument at its deepest in the step (the
 * guide wire at its end; the trephine before it is withdrawn with the core; the pin at the
 * deepest point of its passes). Found from the step's own timeline, not set by hand.
 */
import type { ProcedureId } from '../procedureIds.ts'
import type { InstrumentPose, TreatmentFrame } from '../treatment/frame.ts'
import type { Mode } from '../viewState.ts'

/** Steps done under fluoroscopy, by procedure and variant ('' the default), with where the reference says so. */
const UNDER_FLUOROSCOPY: Readonly<Partial<Record<ProcedureId, Readonly<Record<string, readonly string[]>>>>> = {
  // clinical.md §6.1 steps 4–5 (synapsesocial; WKHS; Mont 2004; musculoskeletalkey).
  'core-decompression': { '': ['guidewire', 'core'], 'multiple-drilling': ['first-pass', 'more-passes'] },
  // clinical.md §6.2: "Core tract as in CD".
  'bone-grafting': { phemister: ['guidewire', 'tract'] },
}

/** Whether the step `stepId` of a procedure (and variant) is done under fluoroscopy. */
export function underFluoroscopy(procedure: ProcedureId | null, variant: string | null, stepId: string | undefined): boolean {
  if (!procedure || !stepId) return false
  const lists = UNDER_FLUOROSCOPY[procedure]
  if (!lists) return false
  const list = variant !== null && Object.hasOwn(lists, variant) ? lists[variant] : lists['']
  return list?.includes(stepId) ?? false
}

/** Every (procedure, variant, step) listed, for tests that check each is a real step. */
export function fluoroscopySteps(): { procedure: ProcedureId; variant: string | null; step: string }[] {
  return Object.entries(UNDER_FLUOROSCOPY).flatMap(([procedure, lists]) =>
    Object.entries(lists ?? {}).flatMap(([variant, steps]) => steps.map((step) => ({ procedure: procedure as ProcedureId, variant: variant === '' ? null : variant, step }))),
  )
}

/** How far an instrument has gone along its own axis (mm; larger is deeper). */
function depthOf(pose: InstrumentPose): number {
  return pose.tip[0] * pose.axis[0] + pose.tip[1] * pose.axis[1] + pose.tip[2] * pose.axis[2]
}

/** Moments of a step looked at for the deepest instrument (its fraction 0…1). */
const SAMPLES = 40

/**
 * The moment (0…1) of a step the fluoroscopy shows: the deepest any instrument goes (the latest
 * such moment, so a wire left in place is seen at the step's end); the step's end when it uses
 * no instrument.
 */
export function fluoroscopyMoment(frameAt: (t: number) => TreatmentFrame): number {
  let best = 1
  let deepest = -Infinity
  for (let i = 0; i <= SAMPLES; i++) {
    const t = i / SAMPLES
    for (const pose of frameAt(t).instruments) {
      const depth = depthOf(pose)
      if (depth >= deepest - 1e-6) {
        deepest = Math.max(deepest, depth)
        best = t
      }
    }
  }
  return best
}

/** The inset's title and its one line, in the mode's words. */
export function fluoroscopyCaption(mode: Mode): { title: string; text: string } {
  return mode === 'patient'
    ? { title: 'Live X-ray during the operation', text: 'The surgeon checks on this X-ray, taken from the front, that the wire or drill is on its way into the damaged bone.' }
    : { title: 'Fluoroscopy, AP', text: 'Intra-operative AP image: guidewire or drill up the neck axis into the lesion, short of the subchondral plate (a lateral view is taken too).' }
}
