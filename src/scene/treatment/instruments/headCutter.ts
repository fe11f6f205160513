/**
 * Planar head-height cutter of a hip resurfacing (clinical.md §6.6 step 4, "planar cut to set
 * head height"): a flat steel disc whose face carries radial cutting blades, cannulated over the
 * guide pin, on a hub and shaft to a powered chuck. It is driven down the cap's axis until its
 * blades reach the planned cut, taking the dome of the reamed head off flat. The pose's diameter
 * is the disc's; its tip is the plane of the blades' edges (the cut it leaves).
 *
 * Design choices (clinical.md gives no size): a disc a little wider than the reamed cylinder so
 * one pass cuts the whole top (the plan sets it), 5 mm thick; six blades 2.5 mm wide standing
 * 1.5 mm proud of the face; a 4-mm cannula; a hub 16 mm across.
 */
import { BoxGeometry, Matrix4, type BufferGeometry } from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import type { ObjectModel } from '../objectModel.ts'
import { lathe } from '../shapes/lathe.ts'
import { handlePart, powerChuck, shaftPart, unitRod } from '../shapes/toolParts.ts'
import { BEARING_AROUND } from '../implants/cupShapes.ts'

export const HEAD_CUTTER = { discThickness: 5, bladeHeight: 1.5, blades: 6, bladeWidth: 2.5, cannula: 2, hubRadius: 8, hubLength: 10, shaftRadius: 5 } as const

/** Radial blades on the disc's face, from the cannula's edge to the rim, their edges at y = 0. */
function blades(radius: number): BufferGeometry {
  const { bladeHeight: h, bladeWidth: w, cannula } = HEAD_CUTTER
  const from = cannula + 1
  const length = radius - from
  const parts = Array.from({ length: HEAD_CUTTER.blades }, (_, k) => {
    const blade = new BoxGeometry(length, h, w)
    const angle = (k / HEAD_CUTTER.blades) * Math.PI * 2
    blade.applyMatrix4(new Matrix4().makeRotationY(angle).multiply(new Matrix4().makeTranslation(from + length / 2, -h / 2, 0)))
    return blade
  })
  const merged = mergeGeometries(parts, false) as BufferGeometry
  for (const p of parts) p.dispose()
  return merged
}

export function buildHeadCutter(diameter: number): ObjectModel {
  const R = diameter / 2
  const { bladeHeight: h, discThickness: t, cannula, hubRadius, hubLength } = HEAD_CUTTER
  // The disc behind the blades, and the hub behind it; cannulated through both.
  const disc = lathe(
    [
      { r: cannula, y: -h - t - hubLength },
      { r: hubRadius, y: -h - t - hubLength },
      { r: hubRadius, y: -h - t },
      { r: R, y: -h - t },
      { r: R, y: -h },
      { r: cannula, y: -h },
      { r: cannula, y: -h - t - hubLength },
    ],
    BEARING_AROUND,
  )
  const chuck = powerChuck(HEAD_CUTTER.shaftRadius)
  return {
    parts: [
      { name: 'teeth', geometry: blades(R), material: 'darkSteel', working: true },
      { name: 'blade', geometry: disc, material: 'steel', working: true },
      shaftPart('shaft', unitRod(HEAD_CUTTER.shaftRadius), h + t + hubLength),
      handlePart('chuck', chuck.nose, 'darkSteel'),
      handlePart('driver', chuck.body, 'grip'),
    ],
  }
}
