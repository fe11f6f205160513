/**
 * The syringe on the marrow needle's hub: a clear barrel whose nozzle sits on the hub, filling
 * with dark-red marrow from the nozzle end as its plunger is drawn back (`open` 0 … 1), as in a
 * BMAC kit's aspiration syringe (Chahla J et al. Arthrosc Tech 2017;6:e441, PMC5443590: needle,
 * trocar and a 30-mL syringe; clinical.md §6.1 BMAC). The pose's diameter is the barrel's, its
 * length the barrel's with the nozzle.
 *
 * Proportions are design choices: a 6-mm nozzle, a 0.8-mm wall, a plunger that draws back three
 * quarters of the barrel, a thumb press and a finger flange.
 */
import type { ObjectModel, PartPose } from '../objectModel.ts'
import { cylinderProfile, lathe } from '../shapes/lathe.ts'
import { AROUND, tubeProfile } from '../shapes/toolParts.ts'

export const SYRINGE = { nozzle: 6, wall: 0.8, draw: 0.75 } as const

export function buildMarrowSyringe(diameter: number): ObjectModel {
  const r = diameter / 2
  // Built at unit barrel length (y from −1 to 0) and stretched behind the nozzle by the pose.
  const barrelLength = (pose: PartPose) => Math.max(pose.length - SYRINGE.nozzle, 1)
  const drawn = (pose: PartPose) => Math.min(Math.max(pose.open, 0), 1) * SYRINGE.draw * barrelLength(pose)
  const behindBarrel = (mesh: { position: { set(x: number, y: number, z: number): void } }, pose: PartPose) => mesh.position.set(0, -pose.length, 0)
  // The plunger's seal starts just behind the nozzle and is drawn back by `drawn`.
  const atSeal = (mesh: { position: { set(x: number, y: number, z: number): void } }, pose: PartPose) => mesh.position.set(0, -SYRINGE.nozzle - drawn(pose), 0)
  return {
    parts: [
      { name: 'tip', geometry: lathe(cylinderProfile(2, -SYRINGE.nozzle, 0), 16), material: 'barrel', working: true },
      {
        name: 'shaft',
        geometry: lathe(tubeProfile(r, r - SYRINGE.wall, -1, 0), AROUND),
        material: 'barrel',
        working: true,
        place: (mesh, pose) => {
          mesh.position.set(0, -SYRINGE.nozzle, 0)
          mesh.scale.set(1, barrelLength(pose), 1)
        },
      },
      { name: 'flange', geometry: lathe(cylinderProfile(r * 1.9, -2, 0), AROUND), material: 'barrel', working: false, place: behindBarrel },
      {
        name: 'marrow',
        geometry: lathe(cylinderProfile(r - SYRINGE.wall - 0.1, -1, 0), AROUND),
        material: 'marrow',
        working: false,
        place: (mesh, pose) => {
          const length = drawn(pose)
          mesh.visible = length > 0.5
          mesh.position.set(0, -SYRINGE.nozzle, 0)
          mesh.scale.set(1, Math.max(length, 1e-3), 1)
        },
      },
      // Seal, rod and thumb press move together; the rod is as long as the barrel.
      { name: 'plunger', geometry: lathe(cylinderProfile(r - SYRINGE.wall, -3, 0), AROUND), material: 'grip', working: false, place: atSeal },
      {
        name: 'rod',
        geometry: lathe(cylinderProfile(r * 0.35, -1, 0), AROUND),
        material: 'grip',
        working: false,
        place: (mesh, pose) => {
          atSeal(mesh, pose)
          mesh.scale.set(1, barrelLength(pose) + 2, 1)
        },
      },
      {
        name: 'thumb',
        geometry: lathe(cylinderProfile(r * 1.2, -3, 0), AROUND),
        material: 'grip',
        working: false,
        place: (mesh, pose) => mesh.position.set(0, -SYRINGE.nozzle - drawn(pose) - barrelLength(pose) - 2, 0),
      },
    ],
  }
}
