/**
 * The tag on the core of bone a trephine takes out, while it lies on its tray beside the hip at
 * the end of the step that drills it (./timeline.ts trephineCore): a surgeon's review found the
 * upright cylinder of bone there unnamed. Light (no timeline, no plan, no step list), so the page
 * can decide whether to load the label layer from it (../anyLabelShown.ts);
 * tests/unit/tray-tag.test.ts holds the step table equal to the timeline's.
 */
import type { ProcedureId } from '../procedureIds.ts'
import type { TreatmentObjectRef } from './frame.ts'

/** The tag's id (its words are the piece's own, ./objectNames.ts, as when it is picked). */
export const TRAY_TAG_ID = 'treatment-core'

/** The piece the tag names, as the timeline draws it (id and kind). */
export const TRAY_PIECE = { id: 'core', kind: 'bone-core', role: 'piece' } as const satisfies TreatmentObjectRef

/** By procedure, then variant ('' = the default sequence): the step that lays the core on its tray. */
export const TRAY_STEPS: Readonly<Partial<Record<ProcedureId, Readonly<Record<string, string>>>>> = {
  'core-decompression': { '': 'core' },
  'bone-grafting': { phemister: 'tract' },
  'vascularised-fibula': { '': 'core' },
}

/**
 * Whether the sequence lays a core on a tray at one of its steps: then the tag is listed while the
 * treatment is open, and the scene shows it only while the drawn core lies there
 * (scene/labels/LabelProbe.tsx).
 */
export function hasTrayStep(procedure: ProcedureId | null, variant: string | null): boolean {
  // The sequences that drill one core (TRAY_STEPS' keys, written out: this runs in the first
  // download, where the ids are already; the unit test holds the two equal).
  return (procedure === 'core-decompression' && variant !== 'multiple-drilling') || (procedure === 'bone-grafting' && variant === 'phemister') || procedure === 'vascularised-fibula'
}
