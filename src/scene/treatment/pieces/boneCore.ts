/**
 * The bone core the trephine cuts and draws out: a cylinder of the core's size with the lateral
 * cortex at its entry end (a band of cortical bone, solid across), cancellous bone along its
 * middle and the dead bone of the lesion at its deep end (the disease palette's grey).
 *
 * The cortex is 3 mm thick, as the generated model's lateral cortex at the entry is (2–4 mm:
 * src/anatomy/femurShape.ts corticalThicknessF). The dead part is the deep third of the core,
 * at most 20 mm: a design choice (the frame carries no lesion depth along the core).
 */
import { BufferGeometry } from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import type { ObjectModel } from '../objectModel.ts'
import { lathe } from '../shapes/lathe.ts'
import { AROUND } from '../shapes/toolParts.ts'
import { wholeWhenFilled } from './pieceParts.ts'

export const BONE_CORE = { cortex: 3, deadShare: 1 / 3, deadMax: 20 } as const

export function buildBoneCore(radius: number, length: number): ObjectModel {
  const cortex = Math.min(BONE_CORE.cortex, length / 3)
  const dead = Math.min(length * BONE_CORE.deadShare, BONE_CORE.deadMax)
  const y0 = -length
  const y1 = y0 + cortex
  const y2 = -dead
  // Three segments, each closed at its own end that shows: the entry disc is cortex, the deep disc dead bone.
  const cortexPart = lathe([{ r: 0, y: y0 }, { r: radius, y: y0 }, { r: radius, y: y1 }], AROUND)
  const cancellousPart = lathe([{ r: radius, y: y1 }, { r: radius, y: y2 }], AROUND)
  const deadPart = lathe([{ r: radius, y: y2 }, { r: radius, y: 0 }, { r: 0, y: 0 }], AROUND)
  const merged = mergeGeometries([cortexPart, cancellousPart, deadPart], true) as BufferGeometry
  for (const g of [cortexPart, cancellousPart, deadPart]) g.dispose()
  merged.computeBoundingBox()
  merged.computeBoundingSphere()
  return { parts: [{ name: 'bone', geometry: merged, material: ['cortex', 'cancellous', 'dead'], working: true, place: wholeWhenFilled }] }
}
