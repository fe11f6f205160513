/**
 * Guide wire: a 2.8–3.2 mm smooth wire with a trocar point, passed from the lateral cortex up the
 * neck into the lesion under fluoroscopy (clinical.md §6.1 step 4; the diameter comes from the
 * plan). The trephine or reamer later slides over it.
 */
import { trocarRod } from './trocarRod.ts'

export const buildGuideWire = trocarRod
