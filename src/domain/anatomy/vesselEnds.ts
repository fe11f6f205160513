/**
 * Where each artery of the model begins and ends in the picture. The model draws a stretch of
 * each vessel; its ends are of two kinds:
 * - joined: it leaves a drawn parent, or ends where it enters bone (a retinacular artery at its
 *   foramen, the ligamentum teres artery at the fovea), or runs on as a drawn branch;
 * - open: it comes from a vessel the model does not draw (the femoral artery from the external
 *   iliac, the obturator from the internal iliac inside the pelvis), from a parent the user has
 *   hidden (the deep femoral when the femoral artery is hidden, as it is by default), or it runs
 *   on beyond the model (down the thigh).
 * An open end fades out along the vessel instead of stopping: a surgeon read the deep femoral
 * artery's end, where its hidden parent would be, first as a sawn-off stump and then, domed, as
 * a blind (blocked) vessel, the wrong message beside a head that dies of its blood supply.
 * Generator: anatomy/arteries.ts (the parents there are the ones here; tests/unit/vessel-ends
 * checks each origin lies on its parent in the model).
 */
import type { StructureId } from './structures.ts'

export interface VesselEnds {
  /** The vessel it branches from, or null when that one is not in the model. */
  readonly parent: StructureId | null
  /** It runs on beyond the model's far end (its distal end is open). */
  readonly continues: boolean
  /**
   * Several vessels and ring arcs drawn as one structure (the retinacular arteries): their arc
   * lengths do not say where each begins, so their ends are never faded (they end in bone).
   */
  readonly several?: true
}

export const VESSEL_ENDS: Readonly<Partial<Record<StructureId, VesselEnds>>> = {
  femoralArtery: { parent: null, continues: true },
  deepFemoralArtery: { parent: 'femoralArtery', continues: true },
  medialCircumflexArtery: { parent: 'deepFemoralArtery', continues: false },
  mfcaDeepBranch: { parent: 'medialCircumflexArtery', continues: false },
  // Its end is the descending branch, running on down the lateral thigh.
  lateralCircumflexArtery: { parent: 'deepFemoralArtery', continues: true },
  lfcaAscendingBranch: { parent: 'lateralCircumflexArtery', continues: false },
  anteriorRetinacularArtery: { parent: 'lfcaAscendingBranch', continues: false, several: true },
  inferiorRetinacularArtery: { parent: 'medialCircumflexArtery', continues: false, several: true },
  obturatorArtery: { parent: null, continues: false },
  ligamentumTeresArtery: { parent: 'obturatorArtery', continues: false },
  posterosuperiorRetinacularArteries: { parent: 'mfcaDeepBranch', continues: false, several: true },
}

/** Length of vessel over which an open end fades out, mm [design choice: about two diameters of the largest vessels]. */
export const OPEN_END_FADE_MM = 12

/** Which ends of `id` are open with these structures hidden (see the file comment). */
export function openEnds(id: StructureId, hidden: readonly StructureId[]): { origin: boolean; far: boolean } {
  const ends = VESSEL_ENDS[id]
  if (!ends || ends.several) return { origin: false, far: false }
  return { origin: ends.parent === null || hidden.includes(ends.parent), far: ends.continues }
}
