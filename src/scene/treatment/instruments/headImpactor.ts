/**
 * Femoral head impactor of a hip resurfacing (clinical.md §6.6 step 5, the cap cemented onto the
 * head): a polymer cup shaped to the cap's bearing, so the polished cap is pushed home without a
 * scratch, on a steel rod with a grip and a strike plate for the mallet. The pose's diameter is
 * the cup's inside (the cap's bearing size); its tip is the centre of the cup's open face, which
 * lies on the cap's bearing centre once seated; the axis points down the cap's axis.
 *
 * Design choices (clinical.md gives no size): a 4-mm polymer wall, a 12-mm rod, the plate and grip
 * of the cup impactor.
 */
import { Matrix4 } from 'three'
import type { ObjectModel } from '../objectModel.ts'
import { arc, lathe } from '../shapes/lathe.ts'
import { AROUND, GRIP, handGrip, handlePart, shaftPart, unitRod } from '../shapes/toolParts.ts'
import { hemisphericalCup } from '../implants/cupShapes.ts'
import { CUP_IMPACTOR } from './cupImpactor.ts'

export const HEAD_IMPACTOR = { wall: 4, rodRadius: 6 } as const

export function buildHeadImpactor(diameter: number): ObjectModel {
  const inner = diameter / 2
  const outer = inner + HEAD_IMPACTOR.wall
  // The cup opens toward +Y (the tip), its dome behind.
  const cup = hemisphericalCup(outer, inner)
  cup.applyMatrix4(new Matrix4().makeRotationX(Math.PI))
  const grip = handGrip(HEAD_IMPACTOR.rodRadius)
  const t = CUP_IMPACTOR.plateThickness
  const R = CUP_IMPACTOR.plateRadius
  const r = HEAD_IMPACTOR.rodRadius
  const plate = lathe([{ r: 0, y: -t }, ...arc(0, -t, R, -t + 3, 4, 'in').slice(1), { r: R, y: -2 }, { r, y: 0 }, { r: 0, y: 0 }], AROUND)
  plate.applyMatrix4(new Matrix4().makeTranslation(0, -GRIP.ferrule - GRIP.length, 0))
  return {
    parts: [
      { name: 'cup', geometry: cup, material: 'grip', working: true },
      shaftPart('shaft', unitRod(r), outer),
      handlePart('ferrule', grip.ferrule, 'steel'),
      handlePart('handle', grip.grip, 'grip'),
      handlePart('strike-plate', plate, 'darkSteel'),
    ],
  }
}
