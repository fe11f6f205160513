/**
 * Expandable reamer: a round body that goes up the core closed, then swings two blades out of
 * a slot near its nose and, turning, scrapes a cavity wider than the tunnel inside the lesion
 * (clinical.md §6.1 step 6, synapsesocial; Orthopedia video). `open` 0 … 1 swings the blades
 * from flush in the body to their widest.
 *
 * Blade size, hinge place and widest angle are design choices (clinical.md gives none): each
 * blade is 1.1 body diameters long, hinged 0.3 diameters behind the nose, opening to 75°, so
 * the sweep reaches about 2.3 body diameters across.
 */
import { BoxGeometry, Matrix4 } from 'three'
import type { ModelPart, ObjectModel, PartPose } from '../objectModel.ts'
import { arc, lathe } from '../shapes/lathe.ts'
import { AROUND, handlePart, powerChuck, shaftPart, unitRod } from '../shapes/toolParts.ts'

export const REAMER = { bladeLength: 1.1, bladeWidth: 0.38, bladeThickness: 1, hingeBack: 0.3, widestDeg: 75, bodyLength: 2.2 } as const

/** How far the blades reach across (mm) at `open`, for a body of `diameter`: the cavity's width. */
export function reamerReach(diameter: number, open: number): number {
  const angle = (Math.min(Math.max(open, 0), 1) * REAMER.widestDeg * Math.PI) / 180
  const length = REAMER.bladeLength * diameter
  const width = REAMER.bladeWidth * diameter
  return Math.max(diameter, 2 * (width * Math.cos(angle) + length * Math.sin(angle)))
}

function blade(diameter: number, side: 1 | -1): ModelPart {
  const length = REAMER.bladeLength * diameter
  const width = REAMER.bladeWidth * diameter
  const hingeY = -REAMER.hingeBack * diameter
  // The blade hangs back from its hinge on the axis, flush inside the body when closed.
  const geometry = new BoxGeometry(width, length, REAMER.bladeThickness)
  geometry.applyMatrix4(new Matrix4().makeTranslation((side * width) / 2, -length / 2, 0))
  return {
    name: 'blade',
    geometry,
    material: 'darkSteel',
    working: true,
    place: (mesh, pose: PartPose) => {
      mesh.position.set(0, hingeY, 0)
      mesh.rotation.set(0, 0, (side * Math.min(Math.max(pose.open, 0), 1) * REAMER.widestDeg * Math.PI) / 180)
    },
  }
}

export function buildExpandableReamer(diameter: number): ObjectModel {
  const radius = diameter / 2
  const bodyLength = REAMER.bodyLength * diameter
  // A blunt, rounded nose: it follows the tunnel and must not cut forward.
  const body = lathe([{ r: 0, y: -bodyLength }, { r: radius, y: -bodyLength }, { r: radius, y: -radius }, ...arc(radius, -radius, 0, 0, 8, 'out').slice(1)], AROUND)
  const chuck = powerChuck(radius)
  return {
    parts: [
      { name: 'tip', geometry: body, material: 'steel', working: true },
      blade(diameter, 1),
      blade(diameter, -1),
      shaftPart('shaft', unitRod(radius), bodyLength),
      handlePart('chuck', chuck.nose, 'darkSteel'),
      handlePart('driver', chuck.body, 'grip'),
    ],
  }
}
