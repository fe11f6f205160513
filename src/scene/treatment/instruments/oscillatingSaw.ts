/**
 * Oscillating saw blade: a flat steel blade with a row of teeth across its end, on the hub of a
 * powered handpiece (the femoral-neck cut of the joint replacements, clinical.md §6.5 step 2).
 * The pose's diameter is the blade's width; its length is the blade's reach from the hub.
 *
 * Thickness, tooth pitch and height, and the handpiece are design choices (clinical.md gives no
 * saw sizes): a 1.2 mm blade with teeth 2 mm apart and 1.5 mm high.
 */
import { BoxGeometry, ExtrudeGeometry, Matrix4, Shape } from 'three'
import type { ObjectModel } from '../objectModel.ts'
import { cylinderProfile, lathe } from '../shapes/lathe.ts'
import { AROUND, handlePart, shaftPart } from '../shapes/toolParts.ts'

export const SAW = { thickness: 1.2, toothPitch: 2, toothHeight: 1.5, headLength: 8, hubRadius: 9, handpieceRadius: 17, handpieceLength: 80 } as const

export function buildOscillatingSaw(width: number): ObjectModel {
  const { thickness, toothPitch, toothHeight, headLength, hubRadius, handpieceRadius, handpieceLength } = SAW
  const half = width / 2
  const teeth = Math.max(2, Math.round(width / toothPitch))
  const pitch = width / teeth
  // The head: the blade's last few millimetres with its teeth, drawn in the blade's plane (x–y).
  const outline = new Shape()
  outline.moveTo(-half, -headLength)
  outline.lineTo(half, -headLength)
  for (let i = teeth; i > 0; i--) {
    const x = -half + i * pitch
    outline.lineTo(x, -toothHeight)
    outline.lineTo(x - pitch / 2, 0)
  }
  outline.lineTo(-half, -toothHeight)
  outline.closePath()
  const head = new ExtrudeGeometry(outline, { depth: thickness, bevelEnabled: false })
  head.applyMatrix4(new Matrix4().makeTranslation(0, 0, -thickness / 2))
  const blade = new BoxGeometry(width, 1, thickness)
  blade.applyMatrix4(new Matrix4().makeTranslation(0, -0.5, 0))
  const hub = lathe(cylinderProfile(hubRadius, -8, 0), AROUND)
  hub.applyMatrix4(new Matrix4().makeRotationX(Math.PI / 2))
  const handpiece = lathe(cylinderProfile(handpieceRadius, -handpieceLength, 0), AROUND)
  handpiece.applyMatrix4(new Matrix4().makeTranslation(0, -hubRadius, 0))
  return {
    parts: [
      { name: 'teeth', geometry: head, material: 'steel', working: true },
      shaftPart('blade', blade, headLength),
      handlePart('hub', hub, 'darkSteel'),
      handlePart('handpiece', handpiece, 'grip'),
    ],
  }
}
