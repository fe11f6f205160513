/**
 * Steinmann pin: a 3.2 mm pin with a trocar point, passed several times through one lateral
 * entry for multiple drilling (clinical.md §6.1 step 5, Mont 2004; musculoskeletalkey). Drawn
 * like the guide wire: the two are the same kind of rod, and the plan gives each its size.
 */
import { trocarRod } from './trocarRod.ts'

export const buildSteinmannPin = trocarRod
