/**
 * The trial reduction's instrument (clinical.md §6.5 step 7, "Trial, then the final stem and
 * head"): the last broach left seated in the canal with its handle off, a trial neck on it and a
 * trial head of the planned size and neck length, so the hip can be put back in and checked
 * before the final stem goes in. Steel, not the final head's ceramic or the stem's titanium: a
 * trial is an instrument, taken out again.
 *
 * Frame: the broach's (./broach.ts): the pose's tip is the broach's distal tip, its axis points
 * down the canal, local +X is medial; the trial head sits where the planned head will.
 */
import { Matrix4 } from 'three'
import type { StemSpec } from '../../../domain/treatment/replacement/stemDesign.ts'
import { stemGeometry } from '../../../domain/treatment/replacement/stemDesign.ts'
import type { ObjectModel } from '../objectModel.ts'
import { neckAndTaper, stemBodySlices, toStemLocal } from '../implants/femoralStem.ts'
import { finish, type Slices } from '../slices.ts'
import { buildProstheticHead } from '../implants/prostheticHead.ts'
import { BROACH } from './broach.ts'

export function buildTrialHead(spec: StemSpec, headDiameter: number, neckLength: number): ObjectModel {
  return finish(trialHeadSlices(spec, headDiameter, neckLength))
}

/** buildTrialHead in slices (../slices.ts): made ahead in one, it was a 29–52 ms task in the page. */
export function* trialHeadSlices(spec: StemSpec, headDiameter: number, neckLength: number): Slices<ObjectModel> {
  const g = stemGeometry(spec)
  const body = yield* stemBodySlices(g, { pitch: BROACH.toothPitch, depth: BROACH.toothDepth })
  yield
  const neck = neckAndTaper(g)
  yield
  // The head's own frame (centre at the origin, +Y along the taper) onto the neck, at its centre.
  const head = buildProstheticHead(headDiameter, neckLength, 'metal').parts[0]!.geometry
  const [nx, nt] = g.neckDirection
  const along = g.headCentreAt + neckLength
  head.applyMatrix4(new Matrix4().makeRotationZ(-Math.atan2(nx, nt)).setPosition(nx * along, g.neckOriginT + nt * along, 0))
  for (const geometry of [body, neck, head]) toStemLocal(geometry)
  return {
    parts: [
      { name: 'teeth', geometry: body, material: 'darkSteel', working: false },
      { name: 'trial neck', geometry: neck, material: 'steel', working: false },
      { name: 'trial head', geometry: head, material: 'steel', working: true },
    ],
  }
}
