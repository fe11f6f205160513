/**
 * Acetabular reamer (clinical.md §6.5 step 3, "sized reamers"): a thin hemispherical cutting
 * head perforated with rows of cutting holes (the "cheese-grater" a surgeon knows), braced by a
 * cross-bar at its open face, on a shaft to a powered chuck. The pose's diameter is the reamer's
 * size; its tip is the dome's pole, driven along the axis into the socket.
 *
 * Wall, hole size and rows, and the bar are design choices (clinical.md sizes only the reamer).
 */
import { BoxGeometry, Matrix4 } from 'three'
import type { ObjectModel } from '../objectModel.ts'
import { domeDirection, perforatedDomeSlices, type DomeHole } from '../shapes/perforatedDome.ts'
import { finish, type Slices } from '../slices.ts'
import { handlePart, powerChuck, shaftPart, unitRod } from '../shapes/toolParts.ts'

export const ACETABULAR_REAMER = { wall: 1, holeDiameter: 4, rows: [18, 36, 54, 72] as const, shaftRadius: 5, barWidth: 6 } as const

const RAD = Math.PI / 180

function cuttingHoles(radius: number): DomeHole[] {
  const angle = ACETABULAR_REAMER.holeDiameter / 2 / radius
  const holes: DomeHole[] = []
  ACETABULAR_REAMER.rows.forEach((polar, row) => {
    // As many holes as fit round the row with a hole's width between them, staggered row to row.
    const around = Math.max(3, Math.floor((2 * Math.PI * Math.sin(polar * RAD)) / (4.2 * angle)))
    for (let k = 0; k < around; k++) holes.push({ direction: domeDirection(polar * RAD, ((k + (row % 2) * 0.5) / around) * 2 * Math.PI), angle })
  })
  return holes
}

export function buildAcetabularReamer(diameter: number): ObjectModel {
  return finish(acetabularReamerSlices(diameter))
}

/** The reamer in slices (../slices.ts): its dome is most of the work (≈ 20 000 triangles). */
export function* acetabularReamerSlices(diameter: number): Slices<ObjectModel> {
  const r = diameter / 2
  // Pole at the tip (origin), the open face r mm behind it.
  const dome = yield* perforatedDomeSlices({ outer: r, inner: r - ACETABULAR_REAMER.wall, holes: cuttingHoles(r), apicalHole: 0, rows: 40, columns: 144, shiftY: -r })
  const bar = new BoxGeometry(2 * (r - ACETABULAR_REAMER.wall), 3, ACETABULAR_REAMER.barWidth)
  const cross = new BoxGeometry(ACETABULAR_REAMER.barWidth, 3, 2 * (r - ACETABULAR_REAMER.wall))
  for (const g of [bar, cross]) g.applyMatrix4(new Matrix4().makeTranslation(0, -r + 1.5, 0))
  const chuck = powerChuck(ACETABULAR_REAMER.shaftRadius)
  return {
    parts: [
      { name: 'teeth', geometry: dome, material: 'steel', working: true },
      { name: 'bar', geometry: bar, material: 'darkSteel', working: false },
      { name: 'cross-bar', geometry: cross, material: 'darkSteel', working: false },
      shaftPart('shaft', unitRod(ACETABULAR_REAMER.shaftRadius), r),
      handlePart('chuck', chuck.nose, 'darkSteel'),
      handlePart('driver', chuck.body, 'grip'),
    ],
  }
}
