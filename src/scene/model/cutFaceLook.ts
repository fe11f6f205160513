/**
 * How the faces a bone removal made look: a tunnel's wall, a cavity's lining, a window's edge,
 * a reamed socket. The one owner of the per-vertex flag that marks them (`_cutFace`: 1 on the
 * faces the cut made, 0 on the bone's own surface; geometry/subtractBone.ts sets it) and of the
 * shader code that reads it, on the materials of the solids removals take from
 * (domain/treatment/removalSolids.ts), and on the graft chips' (every face of a chip is cut).
 *
 * Why: those faces are mostly seen through the section's cut, from inside the bone, where the
 * studio lights (../StudioLights.tsx: a key from above, the hemisphere's dark ground colour
 * below) reach some and not others. The walls that face down or away went near-black: a
 * surgeon read a dark stripe along the fibula's tunnel, a black line under the subchondral
 * plate and black gaps between graft chips as empty space (a crescent, a gap), where a freshly
 * cut or curetted cancellous wall is lined with marrow and blood. So part of a cut face's light
 * does not depend on which way it faces: no wall of a hole is darker than its colour allows.
 *
 * The flag is an attribute of every geometry these materials draw (the file's geometry gets
 * zeros at load): a program reading an attribute the geometry lacks would get whatever value a
 * previous draw left at that location.
 */
import { BufferAttribute, type BufferGeometry, type Material, type WebGLProgramParametersWithUniforms } from 'three'
import { replaceChunk } from '../three/replaceChunk.ts'

/** The vertex attribute: 1 where a removal made the face, 0 on the bone's own surface (Uint8, normalised). */
export const CUT_FACE_ATTRIBUTE = '_cutFace'

/**
 * The share of a cut face's light that is even (its colour as it is, whatever way it faces); the
 * rest is lit as the bone's own surface is [design choice: a wall facing the hemisphere's dark
 * ground keeps at least 40% of its colour; at 60% an empty tunnel lost its shading and read as
 * a flat band].
 */
export const CUT_FACE_EVEN_LIGHT = 0.4

/** Gives `geometry` an all-zero flag (nothing cut) when it has none. */
export function markUncut(geometry: BufferGeometry): void {
  if (geometry.getAttribute(CUT_FACE_ATTRIBUTE)) return
  geometry.setAttribute(CUT_FACE_ATTRIBUTE, cutFaceAttribute(new Uint8Array(geometry.getAttribute('position')?.count ?? 0)))
}

/** The flag of a cut solid's vertices (geometry/cutResult.ts CutSolid.cutFaces). */
export function cutFaceAttribute(flags: Uint8Array): BufferAttribute {
  return new BufferAttribute(flags, 1, true)
}

/**
 * Defined in the programs that have the flag (both stages), for code of other patches that reads
 * it (the disease's tints and its collapse, which leaves a removal's faces where the plan put
 * them: ../disease/shaders.ts).
 */
export const CUT_FACE_DEFINE = 'HIP_CUT_FACES'

const VERTEX_PARS = /* glsl */ `
#define ${CUT_FACE_DEFINE}
attribute float ${CUT_FACE_ATTRIBUTE};
varying float vCutFace;
`
const VERTEX = /* glsl */ `
#include <begin_vertex>
vCutFace = ${CUT_FACE_ATTRIBUTE};
`
const FRAGMENT_PARS = /* glsl */ `
#define ${CUT_FACE_DEFINE}
varying float vCutFace;
`

/**
 * After the colour (and the disease's tints on it) is final and before the lights: a share of
 * the colour moves from the lit diffuse term to the emitted light, which no normal changes.
 */
function fragment(cutFace: string): string {
  return /* glsl */ `
#include <emissivemap_fragment>
{
  float even = ${CUT_FACE_EVEN_LIGHT.toFixed(3)} * ${cutFace};
  totalEmissiveRadiance += diffuseColor.rgb * even;
  diffuseColor.rgb *= 1.0 - even;
}
`
}
const FRAGMENT_FLAGGED = fragment('clamp(vCutFace, 0.0, 1.0)')
const FRAGMENT_EVERYWHERE = fragment('1.0')

/** The faces the geometry's flag marks. */
function flaggedShader(shader: WebGLProgramParametersWithUniforms): void {
  shader.vertexShader = replaceChunk(replaceChunk(shader.vertexShader, '#include <common>', `#include <common>\n${VERTEX_PARS}`), '#include <begin_vertex>', VERTEX)
  shader.fragmentShader = replaceChunk(replaceChunk(shader.fragmentShader, '#include <common>', `#include <common>\n${FRAGMENT_PARS}`), '#include <emissivemap_fragment>', FRAGMENT_FLAGGED)
}

/** Every face (a material for pieces that are cut all over). */
function everywhereShader(shader: WebGLProgramParametersWithUniforms): void {
  shader.fragmentShader = replaceChunk(shader.fragmentShader, '#include <emissivemap_fragment>', FRAGMENT_EVERYWHERE)
}

/**
 * Gives a lit material the cut faces' look: 'flagged', a removal solid's, on the faces its
 * geometry's flag marks; 'everywhere', on all its faces (the graft's chips: cancellous bone cut
 * or broken on every side, whose faces turned away read as black gaps in the packed cavity).
 * Later patches (the disease's, ../disease/patchMaterials.ts) call this one first and add theirs.
 */
export function withCutFaceLook<M extends Material>(material: M, where: 'flagged' | 'everywhere' = 'flagged'): M {
  material.onBeforeCompile = where === 'flagged' ? flaggedShader : everywhereShader
  material.customProgramCacheKey = () => `hip-cut-faces-${where}`
  return material
}
