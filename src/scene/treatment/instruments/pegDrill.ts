/**
 * Stepped peg drill of a hip resurfacing (clinical.md §6.6 step 4, "drill for the stem"): a
 * cannulated drill whose pilot is the cap's peg size, fluted and pointed, with a wider shoulder
 * behind it that stops on the flat top of the shaped head, so the hole is as deep as the peg is
 * long. The pose's diameter is the pilot's (the peg hole); its tip is the drill's point.
 *
 * Design choices (clinical.md gives no size): the pilot is as long as the planned peg (38 mm,
 * domain/treatment/replacement/replacementSizes.ts), so the shoulder meets the flat top when the
 * point reaches the peg's end; flutes drawn as grooves every 3 mm, 0.6 mm deep; a 118° point; the
 * shoulder 4 mm wider than the pilot and 10 mm long.
 */
import type { ObjectModel } from '../objectModel.ts'
import { lathe, type ProfilePoint } from '../shapes/lathe.ts'
import { AROUND, handlePart, powerChuck, shaftPart, unitRod } from '../shapes/toolParts.ts'

export const PEG_DRILL = { pilotLength: 38, flutePitch: 3, fluteDepth: 0.6, pointDeg: 118, shoulder: 4, shoulderLength: 10 } as const

export function buildPegDrill(diameter: number): ObjectModel {
  const r = diameter / 2
  const { pilotLength, flutePitch, fluteDepth } = PEG_DRILL
  const pointLength = r / Math.tan(((PEG_DRILL.pointDeg / 2) * Math.PI) / 180)
  // From the point back along the pilot: up its outside, grooved, to where the shoulder begins.
  const pilot: ProfilePoint[] = [{ r: 0, y: -pilotLength }, { r: r - fluteDepth, y: -pilotLength }]
  for (let y = -pilotLength + flutePitch; y < -pointLength - flutePitch; y += flutePitch) {
    pilot.push({ r: r - fluteDepth, y: y - flutePitch / 2 }, { r, y: y - flutePitch / 2 + 0.4 }, { r, y }, { r: r - fluteDepth, y: y + 0.4 })
  }
  pilot.push({ r, y: -pointLength - 0.5 }, { r, y: -pointLength }, { r: 0, y: 0 })
  const R = r + PEG_DRILL.shoulder / 2
  const shoulder = lathe(
    [
      { r: 0, y: -pilotLength - PEG_DRILL.shoulderLength },
      { r: R, y: -pilotLength - PEG_DRILL.shoulderLength },
      { r: R, y: -pilotLength - 1 },
      { r: r, y: -pilotLength },
      { r: 0, y: -pilotLength },
    ],
    AROUND,
  )
  const chuck = powerChuck(r)
  return {
    parts: [
      { name: 'tip', geometry: lathe(pilot, AROUND), material: 'darkSteel', working: true },
      { name: 'shoulder', geometry: shoulder, material: 'steel', working: false },
      shaftPart('shaft', unitRod(r), pilotLength),
      handlePart('chuck', chuck.nose, 'darkSteel'),
      handlePart('driver', chuck.body, 'grip'),
    ],
  }
}
