/**
 * Bone-marrow aspiration needle: a steel cannula with a trocar-pointed stylet, pushed into the
 * posterior iliac crest to draw marrow for concentration (clinical.md §6.1 BMAC, utahhipandknee),
 * held by a T-handle. The pose's diameter is the cannula's.
 *
 * The stylet point, hub and T-handle proportions are design choices (clinical.md gives no needle
 * size): the point is ground like the wire's, the T-bar 70 mm across.
 */
import type { ObjectModel } from '../objectModel.ts'
import { trocarLength, trocarPoint } from '../shapes/trocar.ts'
import { handlePart, shaftPart, tHandle, unitRod } from '../shapes/toolParts.ts'

export function buildAspirationNeedle(diameter: number): ObjectModel {
  const radius = diameter / 2
  const point = trocarLength(diameter)
  const handle = tHandle(radius)
  return {
    parts: [
      { name: 'tip', geometry: trocarPoint(radius, point), material: 'steel', working: true },
      shaftPart('shaft', unitRod(radius), point),
      handlePart('hub', handle.hub, 'steel'),
      handlePart('handle', handle.bar, 'grip'),
    ],
  }
}
