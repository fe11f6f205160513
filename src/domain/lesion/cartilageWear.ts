/**
 * Where the femoral head's cartilage over the collapsed segment is worn through to the bone (the
 * ulcer crater after the flap, Meloni 2016): one rule for the 3D surface, the cut's caps
 * (scene/disease/shaders.ts and sectionCaps.ts, which get these numbers injected) and picking
 * (./drawnTissue.ts).
 *
 * Worn through where `weightedLoss > WORN_THROUGH_FROM + WORN_THROUGH_SPREAD × noise`: the
 * weighted loss is how far over the lesion the point lies (0..1) times the staging's loss there
 * (1 − `cartilageOverLesion`), the noise the shaders' smooth 0..1 noise. Below WORN_THROUGH_FROM
 * the staging's thinning stands alone: thinner cartilage, not holes [Inf: design choice]. With
 * holes from a loss of 0.42, the cartilage over the lesion was gone by s = 3.25 where the table
 * keeps about half its thickness (a surgeon's review); now a focal crater opens at 3.5 (table
 * 0.3 × normal: about 30% of the noise's range) and most of the bone is bare at 4 (0.1 × normal).
 */
export const WORN_THROUGH_FROM = 0.6
export const WORN_THROUGH_SPREAD = 0.35

/** Whether cartilage is worn through at a point: see above. */
export function wornThrough(weightedLoss: number, noise: number): boolean {
  return weightedLoss > WORN_THROUGH_FROM + WORN_THROUGH_SPREAD * noise
}
