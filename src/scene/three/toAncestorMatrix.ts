import { Matrix4, type Object3D } from 'three'

/**
 * The matrix from `object`'s own frame to `ancestor`'s (e.g. a mesh's local coordinates to the
 * model frame: the file's nodes carry the quantization transform). Reads the objects' local
 * transforms, not matrixWorld, so it holds before the scene is ever rendered.
 */
export function toAncestorMatrix(object: Object3D, ancestor: Object3D): Matrix4 {
  const m = new Matrix4()
  for (let o: Object3D | null = object; o && o !== ancestor; o = o.parent) {
    o.updateMatrix()
    m.premultiply(o.matrix)
  }
  return m
}
