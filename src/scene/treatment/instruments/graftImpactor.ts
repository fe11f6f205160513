/**
 * Graft impactor (bone tamp): a solid steel rod with a flat, blunt end that packs graft chips
 * into the tunnel or cavity (clinical.md §6.1 step 7, §6.2 "light-bulb" step 3, §6.3 step 3),
 * with a hand grip and a strike cap for the mallet at its back. The pose's diameter is the rod's.
 *
 * The 0.5 mm chamfer at the end, the grip and the 24 mm strike cap are design choices.
 */
import { Matrix4 } from 'three'
import type { ObjectModel } from '../objectModel.ts'
import { lathe } from '../shapes/lathe.ts'
import { AROUND, GRIP, handGrip, handlePart, shaftPart, unitRod } from '../shapes/toolParts.ts'

export const IMPACTOR = { chamfer: 0.5, headLength: 8, capRadius: 12, capThickness: 8 } as const

export function buildGraftImpactor(diameter: number): ObjectModel {
  const radius = diameter / 2
  const { chamfer, headLength, capRadius, capThickness } = IMPACTOR
  const head = lathe(
    [
      { r: 0, y: -headLength },
      { r: radius, y: -headLength },
      { r: radius, y: -chamfer },
      { r: radius - chamfer, y: 0 },
      { r: 0, y: 0 },
    ],
    AROUND,
  )
  const grip = handGrip(radius)
  // The strike cap closes the grip's far end.
  const capAt = -GRIP.ferrule - GRIP.length
  const cap = lathe(
    [
      { r: 0, y: -capThickness },
      { r: capRadius - 1, y: -capThickness },
      { r: capRadius, y: -capThickness + 1 },
      { r: capRadius, y: -1 },
      { r: capRadius - 1, y: 0 },
      { r: 0, y: 0 },
    ],
    AROUND,
  )
  cap.applyMatrix4(new Matrix4().makeTranslation(0, capAt + 1, 0))
  return {
    parts: [
      { name: 'tip', geometry: head, material: 'steel', working: true },
      shaftPart('shaft', unitRod(radius), headLength),
      handlePart('ferrule', grip.ferrule, 'steel'),
      handlePart('grip', grip.grip, 'grip'),
      handlePart('cap', cap, 'darkSteel'),
    ],
  }
}
