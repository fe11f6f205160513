/**
 * The committed model file as the scene sees it, for scene tests that need its real meshes:
 * one named node per mesh with its positions, indices and landmark regions, prepared as the
 * loader prepares the file. `addAttributes` adds what a test needs beyond that (normals, colours).
 */
import { BufferAttribute, BufferGeometry, Group, Mesh, MeshStandardMaterial } from 'three'
import type { LoadedHip } from '../../../src/scene/model/modelStore.ts'
import { prepareHipScene } from '../../../src/scene/model/prepareHipScene.ts'
import type { LoadedMesh, LoadedModel } from '../../unit/model-loader.ts'

export function generatedHip(file: LoadedModel, addAttributes?: (geometry: BufferGeometry, mesh: LoadedMesh) => void): LoadedHip {
  const scene = new Group()
  for (const mesh of file.meshes.values()) {
    const geometry = new BufferGeometry()
    geometry.setAttribute('position', new BufferAttribute(mesh.positions, 3))
    geometry.setIndex(new BufferAttribute(mesh.indices, 1))
    if (mesh.regions) geometry.setAttribute('_region', new BufferAttribute(mesh.regions, 1))
    addAttributes?.(geometry, mesh)
    const node = new Group()
    node.name = mesh.name
    const m = new Mesh(geometry, new MeshStandardMaterial())
    if (mesh.regionTable) m.userData.regions = mesh.regionTable
    node.add(m)
    scene.add(node)
  }
  return { scene, extras: file.sceneExtras, nodes: prepareHipScene(scene, file.sceneExtras) }
}
