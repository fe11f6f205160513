/**
 * Cannulated trephine: a thin-walled steel tube, 8–10 mm across (clinical.md §6.1 step 5, Mont
 * 2004; orthogate), with a crown of saw teeth at its end and an open bore that runs over the
 * guide wire and takes the bone core. Driven by a powered chuck.
 *
 * Wall, tooth pitch and tooth height are design choices (clinical.md gives the diameter only):
 * a 1 mm wall leaves a bore wide enough to see at 8 mm, and teeth about 2.5 mm apart and 1.6 mm
 * high read as teeth beside a 30 mm neck.
 */
import type { ObjectModel } from '../objectModel.ts'
import { toothedCrown } from '../shapes/toothedCrown.ts'
import { handlePart, powerChuck, shaftPart, unitTube } from '../shapes/toolParts.ts'

export const TREPHINE = { wall: 1, toothPitch: 2.5, toothHeight: 1.6, crownLength: 10 } as const

export function buildTrephine(diameter: number): ObjectModel {
  const outer = diameter / 2
  const inner = outer - TREPHINE.wall
  const teeth = Math.max(6, Math.round((Math.PI * diameter) / TREPHINE.toothPitch))
  const chuck = powerChuck(outer)
  return {
    parts: [
      { name: 'teeth', geometry: toothedCrown(outer, inner, teeth, TREPHINE.toothHeight, TREPHINE.crownLength), material: 'steel', working: true },
      shaftPart('shaft', unitTube(outer, inner), TREPHINE.crownLength),
      handlePart('chuck', chuck.nose, 'darkSteel'),
      handlePart('driver', chuck.body, 'grip'),
    ],
  }
}
