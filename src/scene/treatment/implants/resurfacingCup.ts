/**
 * Monoblock metal cup of a resurfacing (clinical.md §6.6): a thin polished cobalt-chrome
 * hemisphere, 3–4 mm thick, one piece with its bearing (no liner, no screw holes).
 *
 * Frame: as the shell's (centre at the origin, dome toward +Y).
 */
import type { ObjectModel } from '../objectModel.ts'
import { hemisphericalCup } from './cupShapes.ts'

export function buildResurfacingCup(outerDiameter: number, innerDiameter: number): ObjectModel {
  return { parts: [{ name: 'cup', geometry: hemisphericalCup(outerDiameter / 2, innerDiameter / 2), material: 'cobaltChrome', working: true }] }
}
