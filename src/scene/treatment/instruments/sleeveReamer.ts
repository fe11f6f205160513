/**
 * Cylindrical (sleeve) reamer of a hip resurfacing (clinical.md §6.6 step 4, "cylindrical reaming
 * to the cap's inner size"): a steel sleeve that turns down over the head along the guide pin,
 * saw teeth round its rim, its bore the cap's inner size, closed at the back by a plate with a
 * cannula for the pin, on a shaft to a powered chuck. The pose's diameter is the BORE (what the
 * reamer leaves of the head, the plan's number); its tip is the rim, its axis down the cap's axis.
 *
 * Design choices (clinical.md sizes only the bore): a 2-mm wall; a sleeve 45 mm deep, more than
 * the ≈ 32 mm of head it swallows between the dome and the cap's rim in this model; teeth about
 * 4 mm apart and 2 mm high, read as teeth on a 45-mm sleeve; a 4-mm cannula over the 3.2-mm pin.
 */
import type { ObjectModel } from '../objectModel.ts'
import { lathe } from '../shapes/lathe.ts'
import { toothedCrown } from '../shapes/toothedCrown.ts'
import { handlePart, powerChuck, shaftPart, unitRod } from '../shapes/toolParts.ts'
import { BEARING_AROUND } from '../implants/cupShapes.ts'

export const SLEEVE_REAMER = { wall: 2, depth: 45, plate: 5, toothPitch: 4, toothHeight: 2, crownLength: 8, cannula: 2, shaftRadius: 5 } as const

export function buildSleeveReamer(diameter: number): ObjectModel {
  const { wall, depth, plate, cannula, crownLength } = SLEEVE_REAMER
  const inner = diameter / 2
  const outer = inner + wall
  const teeth = Math.max(8, Math.round((Math.PI * 2 * outer) / SLEEVE_REAMER.toothPitch))
  // The sleeve behind the crown, and the back plate with its cannula (solid on the profile's left).
  const body = lathe(
    [
      { r: cannula, y: -depth - plate },
      { r: outer, y: -depth - plate },
      { r: outer, y: -crownLength },
      { r: inner, y: -crownLength },
      { r: inner, y: -depth },
      { r: cannula, y: -depth },
      { r: cannula, y: -depth - plate },
    ],
    BEARING_AROUND,
  )
  const chuck = powerChuck(SLEEVE_REAMER.shaftRadius)
  return {
    parts: [
      { name: 'teeth', geometry: toothedCrown(outer, inner, teeth, SLEEVE_REAMER.toothHeight, crownLength), material: 'darkSteel', working: true },
      { name: 'sleeve', geometry: body, material: 'steel', working: true },
      shaftPart('shaft', unitRod(SLEEVE_REAMER.shaftRadius), depth + plate),
      handlePart('chuck', chuck.nose, 'darkSteel'),
      handlePart('driver', chuck.body, 'grip'),
    ],
  }
}
