/**
 * Free vascularised fibular graft: a segment of fibula, a tube of cortical bone 12–15 mm across
 * (clinical.md §6.3, [V]; the plan gives the radius), with its medullary canal, and its pedicle:
 * the peroneal artery (red) and two peroneal veins (blue) running along it to its lateral end,
 * on its local +X side (the piece's `across`: the side that faces the join), where the pedicle
 * (./vascularPedicle.ts) carries them on to the lateral circumflex vessels (§6.3 steps 1 and 4).
 *
 * Design choices (clinical.md gives no figures): the canal is 0.4 of the bone's width; the
 * artery is 2 mm across, the veins 2.6 mm (domain PEDICLE).
 */
import { Matrix4, type BufferGeometry } from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import type { ModelPart, ObjectModel } from '../objectModel.ts'
import { cylinderProfile, lathe } from '../shapes/lathe.ts'
import { AROUND, tubeProfile } from '../shapes/toolParts.ts'
import { wholeWhenFilled } from './pieceParts.ts'
import { PEDICLE } from '../../../domain/treatment/fibulaPedicle.ts'

export const FIBULA = { canalShare: 0.4, arteryRadius: PEDICLE.arteryRadius, veinRadius: PEDICLE.veinRadius } as const

/** A vessel along the bone's outside, at `angle` around it (0: local +X), from near the deep end to the lateral end. */
function vessel(boneRadius: number, length: number, radius: number, angle: number): BufferGeometry {
  const geometry = lathe(cylinderProfile(radius, -length, -2), 12)
  // Lying on the bone, not in it: where a cut opens the graft, a vessel sunk into the cortex
  // showed as a blue line inside the cut bone.
  const out = boneRadius + radius
  geometry.applyMatrix4(new Matrix4().makeTranslation(out * Math.cos(angle), 0, -out * Math.sin(angle)))
  return geometry
}

function merged(parts: BufferGeometry[]): BufferGeometry {
  const geometry = mergeGeometries(parts, false) as BufferGeometry
  for (const part of parts) part.dispose()
  geometry.computeBoundingBox()
  geometry.computeBoundingSphere()
  return geometry
}

export function buildFibulaGraft(radius: number, length: number): ObjectModel {
  const canal = radius * FIBULA.canalShare
  const bone = lathe([{ r: canal, y: -length }, { r: radius, y: -length }, { r: radius, y: 0 }, { r: canal, y: 0 }], AROUND)
  // The canal's wall, seen down the ends: marrow-coloured, facing the axis.
  const medulla = lathe(tubeProfile(canal, canal, -length, 0).slice(2), AROUND)
  const artery = vessel(radius, length, FIBULA.arteryRadius, 0)
  const veins = merged([vessel(radius, length, FIBULA.veinRadius, -0.5), vessel(radius, length, FIBULA.veinRadius, 0.5)])
  const part = (name: string, geometry: BufferGeometry, material: ModelPart['material'], working: boolean): ModelPart => ({
    name,
    geometry,
    material,
    working,
    place: wholeWhenFilled,
  })
  return {
    parts: [part('bone', bone, 'cortex', true), part('canal', medulla, 'medulla', true), part('artery', artery, 'artery', false), part('veins', veins, 'vein', false)],
  }
}
