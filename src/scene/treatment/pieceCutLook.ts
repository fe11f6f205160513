/**
 * The look of a treatment piece the cross-section cuts (domain/treatment/pieceSection.ts): its
 * material is clipped by the cutting plane and drawn on both sides, and where the eye looks
 * through the cut into the solid (a back face) the fragment is painted as a cut face: the
 * tissue's cut colour, flat, a little darker the more obliquely the plane is seen. The pieces are
 * closed solids, so a back face is only ever seen through the cut. (The femur's cut faces are
 * drawn by stencil caps, ../section/sectionCaps.ts; the pieces are small and many, and this needs
 * no extra pass.)
 *
 * Every cut piece has one clipping plane (the hip's, or one that never cuts for a piece set
 * aside) and the same patch, so all share the programs of their base looks: a piece going from
 * the tray into the bone links no program.
 */
import { Color, DoubleSide, Plane, type Material, type WebGLProgramParametersWithUniforms } from 'three'
import { replaceChunk } from '../three/replaceChunk.ts'
import { placeSectionPlane } from '../section/sectionPlane.ts'

const UNIFORM = 'pieceCutColour'

/**
 * A plane that never cuts anything (parked where the hip's plane waits while no cut is shown):
 * for a piece drawn with the cut look but lying outside the patient, with one clipping plane like
 * the cut pieces, so the same shader program. (Made here, not in ../section/sectionPlane.ts: that
 * module is in the first download.)
 */
export const UNCUT_PLANE: Readonly<Plane> = (() => {
  const plane = new Plane()
  placeSectionPlane(plane, null)
  return plane
})()

/** Patches `material` (a lit three material) to paint its back faces `cutColour`. */
export function paintCutFaces(material: Material, cutColour: Color): void {
  const colour = { value: cutColour }
  material.side = DoubleSide
  // On top of the role's own patch (the graft chips' even light, ../model/cutFaceLook.ts).
  const base = material.onBeforeCompile.bind(material)
  const baseKey = material.customProgramCacheKey()
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms, renderer) => {
    base(shader, renderer)
    shader.uniforms[UNIFORM] = colour
    shader.fragmentShader = replaceChunk(
      shader.fragmentShader,
      '#include <clipping_planes_pars_fragment>',
      `#include <clipping_planes_pars_fragment>\nuniform vec3 ${UNIFORM};`,
    )
    shader.fragmentShader = replaceChunk(
      shader.fragmentShader,
      '#include <opaque_fragment>',
      `#include <opaque_fragment>
#if NUM_CLIPPING_PLANES > 0
      if (!gl_FrontFacing) gl_FragColor = vec4(${UNIFORM} * (0.72 + 0.28 * abs(clippingPlanes[0].z)), 1.0);
#endif`,
    )
  }
  // The colour is a uniform: one program per base look.
  material.customProgramCacheKey = () => `${baseKey}|hip-piece-cut`
}
