import type { Material, Mesh, Object3D, Texture } from 'three'

/**
 * Frees the GPU memory of an object tree we created or loaded ourselves. R3F never disposes
 * <primitive> objects, so whoever swaps one out must call this.
 */
export function disposeObject(root: Object3D): void {
  root.traverse((object) => {
    const mesh = object as Mesh
    if (!mesh.isMesh) return
    mesh.geometry?.dispose()
    const materials: Material[] = Array.isArray(mesh.material) ? mesh.material : [mesh.material]
    for (const material of materials) {
      for (const value of Object.values(material)) {
        if (value && (value as Texture).isTexture) (value as Texture).dispose()
      }
      material.dispose()
    }
  })
}
