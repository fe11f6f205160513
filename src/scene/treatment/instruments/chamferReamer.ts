/**
 * Chamfer reamer of a hip resurfacing (clinical.md §6.6 step 4, "chamfer reaming"): a steel bell
 * whose inside is a 45° cone (the chamfer the cap's inside has, domain/treatment/replacement/
 * capDesign.ts) stepped into rings of cutting edges, cannulated over the guide pin, which centres
 * it. The pose's diameter is the bell's mouth (the reamed cylinder, the plan's number); its tip is
 * the centre of the mouth, where the cone meets the cylinder: driven to the plan's chamfer start,
 * the cone cuts exactly the cap's chamfer.
 *
 * Design choices (clinical.md gives no size): a 2-mm wall, cutting rings every 2 mm 0.6 mm deep,
 * the cone running in to a 5-mm-radius flat that clears the pin.
 */
import type { ObjectModel } from '../objectModel.ts'
import { lathe, type ProfilePoint } from '../shapes/lathe.ts'
import { handlePart, powerChuck, shaftPart, unitRod } from '../shapes/toolParts.ts'
import { BEARING_AROUND } from '../implants/cupShapes.ts'

export const CHAMFER_REAMER = { wall: 2, coneDeg: 45, flatRadius: 5, plate: 4, ringPitch: 2, ringDepth: 0.6, cannula: 2, shaftRadius: 5 } as const

/** How far behind the tip the bell's back face lies, for a bore of this diameter. */
export function chamferReamerDepth(diameter: number): number {
  const { coneDeg, flatRadius, plate } = CHAMFER_REAMER
  return (diameter / 2 - flatRadius) / Math.tan((coneDeg * Math.PI) / 180) + plate
}

export function buildChamferReamer(diameter: number): ObjectModel {
  const { wall, coneDeg, flatRadius, ringPitch, ringDepth, cannula } = CHAMFER_REAMER
  const inner = diameter / 2
  const outer = inner + wall
  const slope = Math.tan((coneDeg * Math.PI) / 180) // radial mm per mm along the axis
  const back = -chamferReamerDepth(diameter)
  const coneEnd = -(inner - flatRadius) / slope
  // The cone from the mouth inward and back, cut into rings: the cutting edges lie on the true
  // cone (the planned chamfer) and a groove ringDepth deep lies behind it between two edges.
  const cone: ProfilePoint[] = []
  const rings = Math.max(1, Math.floor((inner - flatRadius) / ringPitch))
  for (let k = 0; k < rings; k++) {
    const r0 = inner - (k * (inner - flatRadius)) / rings
    const r1 = inner - ((k + 1) * (inner - flatRadius)) / rings
    const y = (r: number) => -(inner - r) / slope
    const mid = (r0 + r1) / 2
    cone.push({ r: r0, y: y(r0) }, { r: mid + ringDepth, y: y(mid) - ringDepth })
  }
  cone.push({ r: flatRadius, y: coneEnd })
  const bell = lathe(
    [
      { r: cannula, y: back },
      { r: outer, y: back },
      { r: outer, y: 0 },
      { r: inner, y: 0 },
      ...cone,
      { r: cannula, y: coneEnd },
      { r: cannula, y: back },
    ],
    BEARING_AROUND,
  )
  const chuck = powerChuck(CHAMFER_REAMER.shaftRadius)
  return {
    parts: [
      { name: 'teeth', geometry: bell, material: 'steel', working: true },
      shaftPart('shaft', unitRod(CHAMFER_REAMER.shaftRadius), -back),
      handlePart('chuck', chuck.nose, 'darkSteel'),
      handlePart('driver', chuck.body, 'grip'),
    ],
  }
}
