/**
 * Dome screw of a total hip replacement (clinical.md §6.5 step 4, "optionally drill a pilot hole
 * and add a screw"): a titanium cancellous bone screw through one of the shell's screw holes into
 * the ilium, its round head seated in the hole. Coarse thread on a thin core, a blunt tapered tip,
 * a low round head with a hexagon-socket recess (drawn round: it is seen end on through the shell).
 *
 * Frame: the tip at the origin, the screw along −Y (the piece's `to` is the tip, `from` lies
 * toward its head); its `length` is from the tip to under the head, as screws are sold.
 * Thread, core and head are design choices after the 6.5-mm cancellous screw that shells' holes
 * take (../implants/acetabularShell.ts SHELL.screwHoleDiameter): core 3.2 mm, pitch 2.75 mm,
 * thread 1.3 mm deep; head 8 mm across and 3 mm high.
 */
import type { ObjectModel } from '../objectModel.ts'
import { arc, lathe, type ProfilePoint } from '../shapes/lathe.ts'
import { AROUND } from '../shapes/toolParts.ts'

export const DOME_SCREW = { core: 3.2, pitch: 2.75, headDiameter: 8, headHeight: 3, recess: { radius: 1.8, depth: 2 }, tipLength: 4 } as const

export function buildDomeScrew(diameter: number, length: number): ObjectModel {
  const major = diameter / 2
  const core = DOME_SCREW.core / 2
  const { pitch, headHeight, tipLength } = DOME_SCREW
  const headR = DOME_SCREW.headDiameter / 2
  const back = -length - headHeight
  const profile: ProfilePoint[] = [
    // The recess in the head's back face, then the head's rounded back and its flat underside.
    { r: 0, y: back + DOME_SCREW.recess.depth },
    { r: DOME_SCREW.recess.radius, y: back + DOME_SCREW.recess.depth },
    { r: DOME_SCREW.recess.radius, y: back },
    ...arc(headR - 1.5, back, headR, back + 1.5, 3, 'in'),
    { r: headR, y: -length },
    { r: core, y: -length },
  ]
  // The thread: a flank up to the crest, then back down to the core (a buttress thread), to the tip's taper.
  for (let y = -length + pitch; y < -tipLength; y += pitch) profile.push({ r: major, y: y - 0.4 }, { r: major, y: y - 0.1 }, { r: core, y })
  profile.push({ r: core, y: -tipLength / 2 }, { r: 1, y: 0 }, { r: 0, y: 0 })
  return { parts: [{ name: 'screw', geometry: lathe(profile, AROUND), material: 'titanium', working: true }] }
}
