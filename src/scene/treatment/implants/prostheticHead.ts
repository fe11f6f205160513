/**
 * Modular femoral head (clinical.md §6.5): a ball of 32 or 36 mm, ceramic (pale, glossy) or
 * metal, with the conical bore that seats it on the stem's 12/14-type taper. A short, medium or
 * long head moves the bore (and so the centre) along the taper.
 *
 * Frame: the head's centre at the origin, +Y along the taper toward the head's top (the piece's
 * `to` is the centre, `from` lies back toward the stem).
 */
import { HEAD_CENTRE_PAST_TAPER } from '../../../domain/treatment/replacement/stemDesign.ts'
import { REPLACEMENT_SIZES } from '../../../domain/treatment/replacement/replacementSizes.ts'
import type { ObjectModel } from '../objectModel.ts'
import { boredBall } from './cupShapes.ts'

/** The bore stops this far beyond the taper's tip (design choice: the taper must not bottom out). */
export const BORE_CLEARANCE = 1

export function buildProstheticHead(diameter: number, neckLength: number, material: 'ceramic' | 'metal'): ObjectModel {
  const { small, large, length } = REPLACEMENT_SIZES.taper.value
  const slope = (large - small) / 2 / length
  const taperTip = -(HEAD_CENTRE_PAST_TAPER + neckLength)
  const boreTop = taperTip + BORE_CLEARANCE
  const geometry = boredBall(diameter / 2, boreTop, small / 2 - BORE_CLEARANCE * slope, slope)
  return { parts: [{ name: 'head', geometry, material: material === 'ceramic' ? 'ceramic' : 'cobaltChrome', working: true }] }
}
