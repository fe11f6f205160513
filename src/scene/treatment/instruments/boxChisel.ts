/**
 * Box chisel of a total hip replacement (clinical.md §6.5 step 6, "open the femoral canal"): a
 * hollow rectangular chisel, sharpened all round its front edge, that is tapped down into the cut
 * neck at its lateral side to take out a block of cancellous bone, so the canal finder and the
 * broaches start in line with the shaft; on a shaft with a grip and a strike plate. The pose's
 * diameter is the box's width (medial to lateral); its tip is the middle of the cutting edge.
 *
 * Design choices (clinical.md gives no size): the box 0.6 times as deep (front to back) as it is
 * wide, 30 mm long, a 1.2-mm wall bevelled over its front 5 mm to a 0.3-mm edge; shaft, grip and
 * plate as the cup impactor's.
 */
import { Matrix4 } from 'three'
import type { ObjectModel } from '../objectModel.ts'
import { arc, lathe } from '../shapes/lathe.ts'
import { AROUND, GRIP, handGrip, handlePart, shaftPart, unitRod } from '../shapes/toolParts.ts'
import { CUP_IMPACTOR } from './cupImpactor.ts'

export const BOX_CHISEL = { depthRatio: 0.6, length: 30, wall: 1.2, bevel: 5, edge: 0.3, shaftRadius: 5 } as const

export function buildBoxChisel(diameter: number): ObjectModel {
  const { length, wall, bevel, edge } = BOX_CHISEL
  // A four-sided tube turned from a profile (corners on the axes), then turned 45° and stretched
  // into the box: across its flats a square of side r·√2, scaled to width × depth.
  const r = 1
  const inner = r - (wall / (diameter / 2)) * r
  const box = lathe(
    [
      { r: inner, y: -length },
      { r, y: -length },
      { r, y: -bevel },
      { r: inner + (edge / (diameter / 2)) * r, y: 0 },
      { r: inner, y: 0 },
      { r: inner, y: -length },
    ],
    4,
  )
  const half = Math.SQRT1_2
  box.applyMatrix4(new Matrix4().makeScale(diameter / 2 / half, 1, (BOX_CHISEL.depthRatio * diameter) / 2 / half).multiply(new Matrix4().makeRotationY(Math.PI / 4)))
  box.computeVertexNormals()
  const grip = handGrip(BOX_CHISEL.shaftRadius)
  const t = CUP_IMPACTOR.plateThickness
  const R = CUP_IMPACTOR.plateRadius
  const s = BOX_CHISEL.shaftRadius
  const plate = lathe([{ r: 0, y: -t }, ...arc(0, -t, R, -t + 3, 4, 'in').slice(1), { r: R, y: -2 }, { r: s, y: 0 }, { r: 0, y: 0 }], AROUND)
  plate.applyMatrix4(new Matrix4().makeTranslation(0, -GRIP.ferrule - GRIP.length, 0))
  return {
    parts: [
      { name: 'blade', geometry: box, material: 'darkSteel', working: true },
      shaftPart('shaft', unitRod(s), length),
      handlePart('ferrule', grip.ferrule, 'steel'),
      handlePart('handle', grip.grip, 'grip'),
      handlePart('strike-plate', plate, 'darkSteel'),
    ],
  }
}
