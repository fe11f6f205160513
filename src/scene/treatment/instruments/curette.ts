/**
 * Bone curette: a sharp-rimmed cup on a slim shaft with a hand grip, used to scrape the dead bone
 * out through the core or a window (clinical.md §6.1 step 6; §6.2 "light-bulb" step 2). The pose's
 * diameter is the cup's; the cup faces sideways, as a bone curette's does, so it scrapes the
 * wall of the cavity as it turns.
 *
 * Shaft thickness and cup wall are design choices: a shaft 0.35 cup diameters across (at least
 * 3 mm) and a 0.6 mm wall.
 */
import { Matrix4 } from 'three'
import type { ObjectModel } from '../objectModel.ts'
import { arc, lathe } from '../shapes/lathe.ts'
import { AROUND, handGrip, handlePart, shaftPart, unitRod } from '../shapes/toolParts.ts'

export const CURETTE = { shaftRatio: 0.35, minShaft: 3, wall: 0.6 } as const

export function buildCurette(diameter: number): ObjectModel {
  const cupR = diameter / 2
  const innerR = cupR - CURETTE.wall
  const shaftR = Math.max(CURETTE.minShaft, CURETTE.shaftRatio * diameter) / 2
  // A hemispherical bowl, opening toward +Y in its own frame: out over the back, the rim, the hollow.
  const cup = lathe([...arc(0, -cupR, cupR, 0, 10, 'in'), ...arc(innerR, 0, 0, -innerR, 10, 'out')], AROUND)
  // Turn the opening to face +X (sideways) and set the bowl's far edge on the tip (y = 0),
  // its back on the shaft's line.
  cup.applyMatrix4(new Matrix4().makeRotationZ(-Math.PI / 2).setPosition(cupR / 2, -cupR, 0))
  cup.computeBoundingBox()
  cup.computeBoundingSphere()
  // The shaft runs into the bowl's back wall and stops inside it (between the two spheres).
  const outerHalf = Math.sqrt(cupR * cupR - (cupR / 2) ** 2)
  const innerHalf = Math.sqrt(Math.max(innerR * innerR - (cupR / 2) ** 2, 0))
  const shaftStart = cupR + (outerHalf + innerHalf) / 2
  const grip = handGrip(shaftR)
  return {
    parts: [
      { name: 'cup', geometry: cup, material: 'steel', working: true },
      shaftPart('shaft', unitRod(shaftR), shaftStart),
      handlePart('ferrule', grip.ferrule, 'steel'),
      handlePart('grip', grip.grip, 'grip'),
    ],
  }
}
