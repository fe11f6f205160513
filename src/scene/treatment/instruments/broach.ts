/**
 * Femoral broach (rasp), clinical.md §6.5 step 6 "sequential broaches up to stem size": the
 * stem's body at the broach's size (the same numbers, domain/treatment/replacement/stemDesign.ts)
 * with rows of cutting teeth, and the post of its handle rising from the shoulder along the
 * stem's axis. The pose's tip is the broach's distal tip, its axis points down the canal, and
 * `broach` carries the size; a pose spun so local +X is medial puts the calcar curve medial.
 *
 * Tooth pitch and depth, and the handle, are design choices (clinical.md gives none).
 */
import type { StemSpec } from '../../../domain/treatment/replacement/stemDesign.ts'
import { stemGeometry } from '../../../domain/treatment/replacement/stemDesign.ts'
import type { ObjectModel } from '../objectModel.ts'
import { stemBodySlices, toStemLocal } from '../implants/femoralStem.ts'
import { finish, type Slices } from '../slices.ts'
import { handGrip, handlePart, shaftPart, unitRod } from '../shapes/toolParts.ts'

export const BROACH = { toothPitch: 2.5, toothDepth: 0.08, postRadius: 4 } as const

export function buildBroach(spec: StemSpec): ObjectModel {
  return finish(broachSlices(spec))
}

/** buildBroach in slices (../slices.ts): its toothed body was a 44–53 ms task when made ahead in one (profiled in the page). */
export function* broachSlices(spec: StemSpec): Slices<ObjectModel> {
  const g = stemGeometry(spec)
  const body = yield* stemBodySlices(g, { pitch: BROACH.toothPitch, depth: BROACH.toothDepth })
  toStemLocal(body)
  yield
  const grip = handGrip(BROACH.postRadius)
  return {
    parts: [
      { name: 'teeth', geometry: body, material: 'darkSteel', working: true },
      shaftPart('shaft', unitRod(BROACH.postRadius), g.length),
      handlePart('ferrule', grip.ferrule, 'steel'),
      handlePart('handle', grip.grip, 'grip'),
    ],
  }
}
