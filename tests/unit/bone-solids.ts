/**
 * A bone's solids of the committed model (the femur's, the pelvis's) as the bone-removal core takes them
 * (src/geometry/solidMesh.ts): positions in model mm, normals, colours and regions, read with
 * tests/unit/model-loader.ts.
 */
import type { SolidMesh } from '../../src/geometry/solidMesh.ts'
import type { RemovalSolid } from '../../src/domain/treatment/removalTarget.ts'
import type { LoadedModel } from './model-loader.ts'

export function boneSolid(model: LoadedModel, name: RemovalSolid): SolidMesh {
  const mesh = model.meshes.get(name)!
  const node = model.doc.getRoot().listNodes().find((n) => n.getName() === name)!
  const prim = node.getMesh()!.listPrimitives()[0]!
  const count = mesh.positions.length / 3
  const normals = new Float32Array(count * 3)
  const normal = prim.getAttribute('NORMAL')!
  const el = [0, 0, 0]
  for (let v = 0; v < count; v++) {
    normal.getElement(v, el)
    const l = Math.hypot(el[0]!, el[1]!, el[2]!) || 1
    normals.set([el[0]! / l, el[1]! / l, el[2]! / l], v * 3)
  }
  const colors = new Uint8Array(prim.getAttribute('COLOR_0')!.getArray()!)
  return { positions: mesh.positions, indices: mesh.indices, normals, colors, regions: mesh.regions }
}
