/**
 * The cortical window of the "light-bulb" approach: a plate of cortex cut from the head–neck
 * junction, lifted out and later put back (clinical.md §6.2). Its outer face (at `from`) is
 * cortical bone, its inner face (at `to`) cancellous; `halfSizes` give its size across and
 * `across` the direction of its first side. Built as a unit box and stretched.
 */
import { BoxGeometry, Matrix4 } from 'three'
import type { ObjectModel } from '../objectModel.ts'

export function buildBoneWindow(): ObjectModel {
  const geometry = new BoxGeometry(1, 1, 1)
  geometry.applyMatrix4(new Matrix4().makeTranslation(0, -0.5, 0))
  geometry.computeBoundingBox()
  return {
    parts: [
      {
        name: 'bone',
        geometry,
        // BoxGeometry's groups: +X, −X, +Y (inner face, at `to`), −Y (outer face, at `from`), +Z, −Z.
        material: ['cortex', 'cortex', 'cancellous', 'cortex', 'cortex', 'cortex'],
        working: true,
        place: (mesh, pose) => {
          mesh.visible = pose.fill > 0
          mesh.scale.set(2 * pose.halfSizes[0], Math.max(pose.length, 1e-3), 2 * pose.halfSizes[1])
        },
      },
    ],
  }
}
