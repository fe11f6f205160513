/**
 * The cartilage map's layout (./cartilageMap.ts makes it): an equirectangular texture, red the
 * head's sheet thickness along a direction from the head centre (femur rest frame), green the
 * socket's from its centre (model frame), in units of MAP_MM; 0 where a sheet is absent. Each
 * sheet is mapped about its own pole axis, through places it does not cover (the fovea and the
 * bare neck; the socket's opening and its fossa): a triangle around a pole does not lie flat in
 * the map. The texel ↔ direction rule is written once here, for JS and (injected) GLSL. Kept
 * apart from the maker so the uniforms do not pull in its code.
 */
import { ClampToEdgeWrapping, DataTexture, LinearFilter, Matrix3, RepeatWrapping, RGBAFormat, UnsignedByteType } from 'three'
import { cross, normalise, type Vec3 } from '../../domain/vec3.ts'

export const MAP_WIDTH = 128
export const MAP_HEIGHT = 64
/** Millimetres of cartilage for a texel value of 1 (8 bits: 0.016 mm a step; the sheets are ≤ 2.5 mm). */
export const MAP_MM = 4

/**
 * The rows of the turn from a sheet's frame into its map's (the pole becomes +Y): x, y, z of a
 * direction in the map are its dot products with these.
 */
export function mapBasis(pole: Vec3): readonly [Vec3, Vec3, Vec3] {
  const y = normalise(pole)
  const other: Vec3 = Math.abs(y[0]) < 0.9 ? [1, 0, 0] : [0, 0, 1]
  const x = normalise(cross(y, other))
  const z = cross(x, y)
  return [x, y, z]
}

/** mapBasis as the shader's mat3 (matrix × direction = the direction in the map). */
export function mapBasisMatrix(pole: Vec3, out = new Matrix3()): Matrix3 {
  const [x, y, z] = mapBasis(pole)
  return out.set(x[0], x[1], x[2], y[0], y[1], y[2], z[0], z[1], z[2])
}

/** The direction at a texel's centre (unit, in the map's frame: its pole +Y). */
export function texelDirection(i: number, j: number): Vec3 {
  const phi = ((i + 0.5) / MAP_WIDTH - 0.5) * 2 * Math.PI
  const theta = ((j + 0.5) / MAP_HEIGHT) * Math.PI
  return [Math.sin(theta) * Math.cos(phi), Math.cos(theta), Math.sin(theta) * Math.sin(phi)]
}

/** The GLSL side of texelDirection and mapBasis: a direction's place in the map, and the thickness there (mm). */
export const CARTILAGE_MAP_GLSL = /* glsl */ `
uniform sampler2D uCartMap;
// 1 once the map is made; before that the staging's dome and roof thicknesses stand in.
uniform float uCartMapReady;
uniform mat3 uCartHeadBasis;
uniform mat3 uCartSocketBasis;
vec2 dzCartMapUv(vec3 dir) {
  return vec2(atan(dir.z, dir.x) / ${(2 * Math.PI).toFixed(6)} + 0.5, acos(clamp(dir.y, -1.0, 1.0)) / ${Math.PI.toFixed(6)});
}
// The head's sheet along dir (unit) from the head centre, femur rest frame.
float dzHeadSheetMm(vec3 dir) {
  return texture2D(uCartMap, dzCartMapUv(uCartHeadBasis * dir)).r * ${MAP_MM.toFixed(1)};
}
// The socket's sheet along dir (unit) from the socket's centre, model frame.
float dzSocketSheetMm(vec3 dir) {
  return texture2D(uCartMap, dzCartMapUv(uCartSocketBasis * dir)).g * ${MAP_MM.toFixed(1)};
}
`

/** The map's texture, empty until made (uCartMapReady says when). */
export function emptyCartilageMap(): DataTexture {
  const texture = new DataTexture(new Uint8Array(MAP_WIDTH * MAP_HEIGHT * 4), MAP_WIDTH, MAP_HEIGHT, RGBAFormat, UnsignedByteType)
  texture.wrapS = RepeatWrapping
  texture.wrapT = ClampToEdgeWrapping
  texture.magFilter = LinearFilter
  texture.minFilter = LinearFilter
  texture.generateMipmaps = false
  texture.needsUpdate = true
  return texture
}
