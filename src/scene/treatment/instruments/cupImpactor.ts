/**
 * Acetabular cup impactor (clinical.md §6.5 step 4, "impact a press-fit cup"): a straight rod
 * whose threaded tip screws into the shell's apical hole, with a grip and a broad strike plate
 * for the mallet at its end. The pose's diameter is the rod's; its tip is the threaded end, on
 * the cup's pole, along the cup's axis.
 *
 * Thread, grip and plate sizes are design choices (clinical.md gives none).
 */
import { Matrix4 } from 'three'
import type { ObjectModel } from '../objectModel.ts'
import { arc, lathe, type ProfilePoint } from '../shapes/lathe.ts'
import { AROUND, GRIP, handGrip, handlePart, shaftPart, unitRod } from '../shapes/toolParts.ts'
import { SHELL } from '../implants/acetabularShell.ts'

export const CUP_IMPACTOR = { threadLength: 8, threadPitch: 1.25, plateRadius: 17, plateThickness: 8 } as const

export function buildCupImpactor(diameter: number): ObjectModel {
  const r = SHELL.apicalHoleDiameter / 2
  // The threaded tip: ridges every pitch, cut to the apical hole's size.
  const thread: ProfilePoint[] = [{ r: 0, y: -CUP_IMPACTOR.threadLength }, { r: r - 0.5, y: -CUP_IMPACTOR.threadLength }]
  for (let y = -CUP_IMPACTOR.threadLength; y < -0.5; y += CUP_IMPACTOR.threadPitch) {
    thread.push({ r, y: y + CUP_IMPACTOR.threadPitch / 2 }, { r: r - 0.5, y: y + CUP_IMPACTOR.threadPitch })
  }
  thread.push({ r: r - 0.5, y: 0 }, { r: 0, y: 0 })
  const tip = lathe(thread, AROUND)
  const grip = handGrip(diameter / 2)
  // The strike plate: a flat mushroom behind the grip.
  const t = CUP_IMPACTOR.plateThickness
  const R = CUP_IMPACTOR.plateRadius
  const plate = lathe([{ r: 0, y: -t }, ...arc(0, -t, R, -t + 3, 4, 'in').slice(1), { r: R, y: -2 }, { r: diameter / 2, y: 0 }, { r: 0, y: 0 }], AROUND)
  plate.applyMatrix4(new Matrix4().makeTranslation(0, -GRIP.ferrule - GRIP.length, 0))
  return {
    parts: [
      { name: 'tip', geometry: tip, material: 'darkSteel', working: true },
      shaftPart('shaft', unitRod(diameter / 2), CUP_IMPACTOR.threadLength),
      handlePart('ferrule', grip.ferrule, 'steel'),
      handlePart('handle', grip.grip, 'grip'),
      handlePart('strike-plate', plate, 'darkSteel'),
    ],
  }
}
