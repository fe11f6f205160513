/**
 * Canal finder of a total hip replacement (clinical.md §6.5 step 6, "open the femoral canal with
 * a starting reamer"): a tapered, fluted starting reamer turned by hand with a T-handle, pushed
 * down the medullary canal from the box chisel's opening to find the canal's line before the
 * broaches. The pose's diameter is the fluted part's widest; its tip is the blunt point.
 *
 * Design choices (clinical.md gives no size): a fluted taper 60 mm long from a 2-mm point,
 * grooves every 4 mm and 0.8 mm deep; a 4-mm shaft; the marrow needle's T-handle.
 */
import type { ObjectModel } from '../objectModel.ts'
import { lathe, type ProfilePoint } from '../shapes/lathe.ts'
import { AROUND, handlePart, shaftPart, tHandle, unitRod } from '../shapes/toolParts.ts'

export const CANAL_FINDER = { taperLength: 60, pointRadius: 1, flutePitch: 4, fluteDepth: 0.8, shaftRadius: 4 } as const

export function buildCanalFinder(diameter: number): ObjectModel {
  const R = diameter / 2
  const { taperLength: L, pointRadius, flutePitch, fluteDepth } = CANAL_FINDER
  // Radius of the taper at y (0 at the point, −L at its widest).
  const at = (y: number) => pointRadius + ((R - pointRadius) * -y) / L
  const profile: ProfilePoint[] = [{ r: 0, y: -L }, { r: R, y: -L }]
  // Up the taper, each flute a step back in, its cutting edge on the taper.
  for (let y = -L + flutePitch; y < -flutePitch; y += flutePitch) profile.push({ r: at(y) - fluteDepth * (at(y) / R), y }, { r: at(y), y: y + 0.01 })
  profile.push({ r: pointRadius, y: 0 }, { r: 0, y: 0 })
  const handle = tHandle(CANAL_FINDER.shaftRadius)
  return {
    parts: [
      { name: 'tip', geometry: lathe(profile, AROUND), material: 'darkSteel', working: true },
      shaftPart('shaft', unitRod(CANAL_FINDER.shaftRadius), L),
      handlePart('hub', handle.hub, 'darkSteel'),
      handlePart('handle', handle.bar, 'grip'),
    ],
  }
}
