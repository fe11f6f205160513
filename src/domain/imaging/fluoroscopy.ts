/**
 * The live X-ray (fluoroscopy) a surgeon checks the wire and the drill on (issue 13: "an AP
 * fluoroscopy inset during guide-wire and drilling steps"). clinical.md §6.1: the patient lies
 * under fluoroscopy in AP and lateral views (step 1) and the guidewire is passed under it from the
 * lateral cortex into the lesion (step 4); the trephine goes in short of the subchondral plate
 * under biplane fluoroscopy (step 5, the single core; the multiple drillings' pin likewise).
 * §6.2 Phemister: the core tract "as in CD". The inset shows that check in the AP view, and in
 * the lateral view when asked (FLUOROSCOPY_VIEWS).
 *
 * Which moment it shows: the one a surgeon checks, the instrument at its deepest in the step (the
 * guide wire at its end; the trephine before it is withdrawn with the core; the pin at the
 * deepest point of its passes). Found from the step's own timeline, not set by hand.
 */
import type { ProcedureId } from '../procedureIds.ts'
import type { InstrumentPose, TreatmentFrame } from '../treatment/frame.ts'
import type { Mode } from '../viewState.ts'
import { stageBand } from '../staging/bands.ts'

/**
 * The two views the surgeon takes (clinical.md §6.1 step 1: "fluoroscopy in AP and lateral
 * views"): the AP, and the lateral with the draped leg turned into the frog-leg position, which
 * shows whether the wire runs in the middle of the neck from front to back and where in the
 * head's depth it ends (an anterior lesion lies in front of the AP view's dome).
 */
export const FLUOROSCOPY_VIEWS = ['ap', 'lateral'] as const
export type FluoroscopyView = (typeof FLUOROSCOPY_VIEWS)[number]

/** The picture the scene renders for a fluoroscopy view. */
export function fluoroscopyPicture(view: FluoroscopyView): 'fluoroscopy' | 'fluoroscopyLateral' {
  return view === 'ap' ? 'fluoroscopy' : 'fluoroscopyLateral'
}

/** What the image checks at a step: the guide wire, the drill (a trephine), the first pin pass or the passes after it. */
export type FluoroscopyTool = 'wire' | 'drill' | 'pin' | 'passes'

/** Steps done under fluoroscopy, by procedure and variant ('' the default), with what each checks and where the reference says so. */
const UNDER_FLUOROSCOPY: Readonly<Partial<Record<ProcedureId, Readonly<Record<string, Readonly<Record<string, FluoroscopyTool>>>>>>> = {
  // clinical.md §6.1 steps 4–5 (synapsesocial; WKHS; Mont 2004; musculoskeletalkey).
  'core-decompression': { '': { guidewire: 'wire', core: 'drill' }, 'multiple-drilling': { 'first-pass': 'pin', 'more-passes': 'passes' } },
  // clinical.md §6.2: "Core tract as in CD".
  'bone-grafting': { phemister: { guidewire: 'wire', tract: 'drill' } },
}

/** What the fluoroscopy checks at the step `stepId`, or null when the step is not done under it. */
export function fluoroscopyTool(procedure: ProcedureId | null, variant: string | null, stepId: string | undefined): FluoroscopyTool | null {
  if (!procedure || !stepId) return null
  const lists = UNDER_FLUOROSCOPY[procedure]
  if (!lists) return null
  const steps = variant !== null && Object.hasOwn(lists, variant) ? lists[variant] : lists['']
  return steps && Object.hasOwn(steps, stepId) ? (steps[stepId] ?? null) : null
}

/** Whether the step `stepId` of a procedure (and variant) is done under fluoroscopy. */
export function underFluoroscopy(procedure: ProcedureId | null, variant: string | null, stepId: string | undefined): boolean {
  return fluoroscopyTool(procedure, variant, stepId) !== null
}

/**
 * Which step's fluoroscopy to keep ready (`under[i]`: step i is done under it): the step shown if
 * it is, else the next one that is, else the first; null when none is.
 */
export function fluoroscopyStepAhead(under: readonly boolean[], step: number): number | null {
  const next = under.findIndex((u, i) => u && i >= step)
  if (next >= 0) return next
  const first = under.indexOf(true)
  return first >= 0 ? first : null
}

/** Every (procedure, variant, step) listed, for tests that check each is a real step. */
export function fluoroscopySteps(): { procedure: ProcedureId; variant: string | null; step: string }[] {
  return Object.entries(UNDER_FLUOROSCOPY).flatMap(([procedure, lists]) =>
    Object.entries(lists ?? {}).flatMap(([variant, steps]) => Object.keys(steps).map((step) => ({ procedure: procedure as ProcedureId, variant: variant === '' ? null : variant, step }))),
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

// The passes: the picture shows the pin of one pass (the one pin goes in and out again), not the
// fan; the earlier passes' 3.2-mm tracks barely show on an X-ray. A surgeon's review: the AP
// caption said the fan's spread shows here, over a picture of one pin.
const PATIENT_CHECK: Readonly<Record<FluoroscopyTool, string>> = {
  wire: 'the thin wire goes up the neck of the thigh bone into the dead bone and stops just short of the joint surface',
  drill: 'the hollow drill goes up the neck of the thigh bone into the dead bone and stops just short of the joint surface',
  pin: 'the pin goes up the neck of the thigh bone into the dead bone and stops just short of the joint surface',
  passes: 'each pass, one at a time, goes through the same small hole in the side of the bone but is aimed at a different part of the dead bone (one pass is shown here)',
}
// The pin's 3.2 mm: clinical.md §6.1 step 5 (musculoskeletalkey; Mont 2004).
const CLINICAL_CHECK: Readonly<Record<FluoroscopyTool, string>> = {
  wire: 'guidewire from the lateral cortex up the neck axis into the centre of the lesion, short of the subchondral plate (checked in the lateral view too)',
  drill: 'cannulated trephine over the wire into the lesion, short of the subchondral plate (checked in the lateral view too)',
  pin: '3.2-mm Steinmann pin from the lateral cortex into the lesion, short of the subchondral plate (checked in the lateral view too)',
  passes: 'one pass at its deepest, through the same lateral entry, redirected into another part of the lesion; each pass is checked like this and on the lateral, the fan’s spread judged medial to lateral here and front to back on the lateral',
}

/** The lateral view's check (the frog-leg position: the neck seen from the side). */
const PATIENT_CHECK_LATERAL: Readonly<Record<FluoroscopyTool, string>> = {
  wire: 'the thin wire runs up the middle of the neck of the thigh bone, not too far to the front or the back, and ends in the dead bone',
  drill: 'the hollow drill runs up the middle of the neck of the thigh bone, not too far to the front or the back, and ends in the dead bone',
  pin: 'the pin runs up the middle of the neck of the thigh bone, not too far to the front or the back, and ends in the dead bone',
  passes: 'the passes, one at a time, fan out from the same small hole into the front and the back of the dead bone (one pass is shown here)',
}
const CLINICAL_CHECK_LATERAL: Readonly<Record<FluoroscopyTool, string>> = {
  wire: 'guidewire central in the neck (neither anterior nor posterior), its tip in the lesion short of the subchondral plate',
  drill: 'trephine central in the neck (neither anterior nor posterior), its end in the lesion short of the subchondral plate',
  pin: 'pin central in the neck (neither anterior nor posterior), its tip in the lesion short of the subchondral plate',
  passes: 'one pass at its deepest, its place from front to back in the lesion; the passes are fanned anteriorly and posteriorly from the one lateral entry, each checked in both views',
}

/**
 * Whether the instrument the picture shows has come out of the bone by the step's end: the 3D view
 * then shows the tunnel it left while the picture shows the instrument at its deepest, and the
 * picture says which moment it is (a surgeon's review: the picture's drill "ran on" where the 3D
 * view showed only the tunnel). The wire stays in for the trephine to follow it. Checked against
 * the timelines in tests/unit/fluoroscopy.test.ts.
 */
export const OUT_BY_STEP_END: Readonly<Record<FluoroscopyTool, boolean>> = { wire: false, drill: true, pin: true, passes: true }

/**
 * The marker on the picture that names its moment, in the mode's words, or null when the picture
 * and the 3D view at the step's end agree (the wire).
 */
export function fluoroscopyMomentMarker(mode: Mode, tool: FluoroscopyTool): string | null {
  if (!OUT_BY_STEP_END[tool]) return null
  return mode === 'patient' ? `${tool === 'drill' ? 'Drill' : 'Pin'} at its deepest` : `${tool === 'drill' ? 'Trephine' : 'Pin'} at maximal depth`
}

/** The inset's title and its one line, in the mode's words, for what the step checks in the view shown at the stage shown. */
export function fluoroscopyCaption(mode: Mode, tool: FluoroscopyTool, view: FluoroscopyView, stage: number): { title: string; text: string } {
  const caption = fluoroscopyCheck(mode, tool, view)
  // Before stage II the X-ray shows no lesion (clinical.md: ARCO I, X-ray normal, MRI positive):
  // the words above say "into the dead bone" over a picture with nothing to see there (a surgeon's review).
  const arco = stageBand(stage).arco
  if (arco !== 'none' && arco !== 'I') return caption
  return { ...caption, text: `${caption.text} ${mode === 'patient' ? AIM_NOTE_PATIENT : AIM_NOTE_CLINICAL}` }
}

const AIM_NOTE_PATIENT = 'At this stage the dead bone does not show on an X-ray: the surgeon aims where the MRI showed it.'
const AIM_NOTE_CLINICAL = 'Pre-radiographic lesion (X-ray normal, MRI positive): the target is taken from the MRI.'

function fluoroscopyCheck(mode: Mode, tool: FluoroscopyTool, view: FluoroscopyView): { title: string; text: string } {
  if (view === 'lateral') {
    return mode === 'patient'
      ? { title: 'Live X-ray during the operation', text: `The hip seen from the side, the knee bent and let fall outwards (the "frog-leg" position): the surgeon checks that ${PATIENT_CHECK_LATERAL[tool]}.` }
      : { title: 'Fluoroscopy, lateral', text: `Intra-operative frog-leg lateral (leg draped free; on a traction table a cross-table lateral is taken instead): ${CLINICAL_CHECK_LATERAL[tool]}.` }
  }
  return mode === 'patient'
    ? { title: 'Live X-ray during the operation', text: `An X-ray picture of the hip, seen from the front, taken while operating: the surgeon checks that ${PATIENT_CHECK[tool]}.` }
    : { title: 'Fluoroscopy, AP', text: `Intra-operative AP view: ${CLINICAL_CHECK[tool]}.` }
}
