/**
 * The marginal osteophytes of the secondary osteoarthritis at ARCO IV: how much new bone the
 * vertex shader lays on when the staging table's `osteophytes` is 1, along the surface's normal at
 * the head–neck junction and out of the socket along its opening at the rim
 * (scene/disease/shaders.ts dzBumpHeight, dzOsteophyte; the X-ray and MRI draw the same deformed
 * geometry).
 *
 * Where they grow follows the radiology of hip osteoarthritis (Karachalios 2007): on the
 * acetabular rim, largest superolaterally where the roof bears load, and around the head–neck
 * junction, largest inferomedially (the "capital drop" along the medial neck). How big they are
 * is a design choice: large enough to read on the simulated film at the size it is shown
 * (0.45–1 mm per pixel), as the lateral acetabular spur and the medial femoral one read on a
 * film of end-stage disease. At 3 mm (the earlier value) neither changed the film's outline by
 * more than a pixel or two, and a surgeon's review found no osteophytes at IV. Their heights
 * vary along each ring with a smooth noise (0 to LIP_HEIGHT_FACTOR × the ring’s height): lips broken round the
 * circumference, not a smooth collar, which read as the bone's own rim.
 */
import { cited, type Cited } from '../evidence.ts'

export interface OsteophyteRing {
  /** Height where the ring is largest, mm. */
  readonly peakMm: Cited<number>
  /** Height on the rest of the ring, mm. */
  readonly baseMm: Cited<number>
}

export const OSTEOPHYTE_RINGS: Readonly<Record<'acetabularRim' | 'headNeckJunction', OsteophyteRing>> = {
  acetabularRim: {
    peakMm: cited(6, 'Inf', ['karachalios2007', 'ficat1985'], 'the lateral acetabular osteophyte of end-stage disease, extending the roof outward over the head'),
    baseMm: cited(1.2, 'Inf', ['karachalios2007'], 'a low lip around the rest of the rim'),
  },
  headNeckJunction: {
    peakMm: cited(5.5, 'Inf', ['karachalios2007'], 'the inferomedial femoral osteophyte along the medial head–neck junction'),
    baseMm: cited(1, 'Inf', ['karachalios2007'], 'a low collar around the rest of the junction'),
  },
}

/**
 * The lips' heights along each ring vary from none to this many times the ring's height (a smooth
 * noise: scene/disease/shaders.ts dzBumpHeight) [design choice: broken lips, not a collar].
 */
export const LIP_HEIGHT_FACTOR = 1.6

/** The most any osteophyte stands off the bone (mm): how far the cut faces must reach past the undeformed bone. */
export const OSTEOPHYTE_REACH_MM =
  LIP_HEIGHT_FACTOR * Math.max(OSTEOPHYTE_RINGS.acetabularRim.peakMm.value, OSTEOPHYTE_RINGS.headNeckJunction.peakMm.value)
