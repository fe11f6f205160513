/**
 * Stand-ins for the generated file in scene tests: named nodes with one mesh each, as the
 * model contract says, loaded into the model store the way the loader does.
 */
import { BoxGeometry, Group, Mesh, MeshStandardMaterial } from 'three'
import { useModelStore } from '../../../src/scene/model/modelStore.ts'
import { prepareHipScene } from '../../../src/scene/model/prepareHipScene.ts'

/** A structure's node: a group named for it, holding its mesh. */
export function namedNode(name: string, mesh: Mesh): Group {
  const node = new Group()
  node.name = name
  node.add(mesh)
  return node
}

/** A hip of 10 mm boxes, one per structure named, each with its own plain material. */
export function boxHip(names: readonly string[]): Group {
  const scene = new Group()
  for (const name of names) scene.add(namedNode(name, new Mesh(new BoxGeometry(10, 10, 10), new MeshStandardMaterial())))
  return scene
}

/** Puts `scene` in the model store, prepared as the loader prepares the file. */
export function loadFakeModel(scene: Group, extras: Record<string, unknown> = {}): void {
  useModelStore.setState({ model: { scene, extras, nodes: prepareHipScene(scene) } })
}
