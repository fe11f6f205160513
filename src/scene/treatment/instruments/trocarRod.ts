/**
 * A smooth round rod with a trocar point, driven by a powered chuck at its back end: the shared
 * shape of the guide wire and the Steinmann pin (they differ in size and in what they are for).
 */
import type { ObjectModel } from '../objectModel.ts'
import { trocarLength, trocarPoint } from '../shapes/trocar.ts'
import { handlePart, powerChuck, shaftPart, unitRod } from '../shapes/toolParts.ts'

export function trocarRod(diameter: number): ObjectModel {
  const radius = diameter / 2
  const point = trocarLength(diameter)
  const chuck = powerChuck(radius)
  return {
    parts: [
      { name: 'tip', geometry: trocarPoint(radius, point), material: 'steel', working: true },
      shaftPart('shaft', unitRod(radius), point),
      handlePart('chuck', chuck.nose, 'darkSteel'),
      handlePart('driver', chuck.body, 'grip'),
    ],
  }
}
