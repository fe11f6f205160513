/**
 * Highly cross-linked polyethylene liner (clinical.md §6.5), locked into the shell: its outside
 * is the shell's inside and its inside takes the head; it stands 1 mm proud of the shell's face,
 * the white rim a surgeon sees in a finished cup (the lip is a design choice).
 *
 * Frame: as the shell's (centre at the origin, dome toward +Y).
 */
import type { ObjectModel } from '../objectModel.ts'
import { hemisphericalCup } from './cupShapes.ts'

export const LINER = { lip: 1, seatGap: 0.02 } as const

export function buildAcetabularLiner(outerDiameter: number, innerDiameter: number): ObjectModel {
  // A hair inside the shell's inner sphere, so the two surfaces never fight for the same pixels.
  const geometry = hemisphericalCup(outerDiameter / 2 - LINER.seatGap, innerDiameter / 2, LINER.lip)
  return { parts: [{ name: 'liner', geometry, material: 'polyethylene', working: true }] }
}
