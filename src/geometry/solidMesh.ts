/**
 * A closed triangle solid with the per-vertex attributes the femur's materials and picking read:
 * positions (mm), unit normals (lighting), baked ambient-occlusion colours (the material's
 * vertexColors) and landmark regions (picking names "Femur — femoral neck" from them). Plain
 * typed arrays, so it crosses to and from a Web Worker by transfer, not copy.
 */
export interface SolidMesh {
  /** x, y, z per vertex. */
  readonly positions: Float32Array
  /** Three vertex indices per triangle, counter-clockwise seen from outside. */
  readonly indices: Uint32Array
  /** x, y, z per vertex (unit length), or null. */
  readonly normals: Float32Array | null
  /** r, g, b per vertex, 0–255 (read as normalised), or null. */
  readonly colors: Uint8Array | null
  /** Index into the structure's region table per vertex, or null. */
  readonly regions: Uint8Array | null
  /**
   * Per vertex, 255 where a removal made the face (a tunnel's wall), 0 on the solid's own
   * surface (read as normalised: scene/model/cutFaceLook.ts). Absent on the file's solids.
   */
  readonly cutFaces?: Uint8Array
}

