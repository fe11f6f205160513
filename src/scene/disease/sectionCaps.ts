/**
 * The disease in the cross-section: the cut faces ("caps") that the section feature
 * (src/scene/section) draws on the cutting plane, named `section-cap-<structure>`, get the
 * lesion as an MRI-like slice — necrotic wedge, double line, oedema halo, subchondral
 * fracture — and follow the collapse: the caps are stencilled from the undeformed solids, so
 * the part of the head that has sunk is cleared here (or drawn as the sunken cartilage).
 * Patched once per cap material; the same program is reused afterwards.
 */
import type { Material, Mesh, Object3D, WebGLProgramParametersWithUniforms } from 'three'
import { DZ_COMMON } from './shaders.ts'
import type { DiseaseUniforms } from './uniforms.ts'

export const CAP_IDS = ['femur', 'femurCancellous', 'femoralHeadCartilage', 'acetabularCartilage'] as const
export type CapId = (typeof CAP_IDS)[number]
/** Object names the section feature gives its caps. */
export const CAP_NAMES: readonly string[] = CAP_IDS.map((id) => `section-cap-${id}`)

const DEFINE: Record<CapId, string> = {
  femur: 'DZ_CAP_FEMUR',
  femurCancellous: 'DZ_CAP_CANC',
  femoralHeadCartilage: 'DZ_CAP_CART',
  acetabularCartilage: 'DZ_CAP_ACET',
}

const CAP_VERTEX_PARS = /* glsl */ `
varying vec3 vDzWorld;
`
const CAP_VERTEX = /* glsl */ `
#include <begin_vertex>
vDzWorld = (modelMatrix * vec4(transformed, 1.0)).xyz;
`

const CAP_FRAGMENT_PARS = /* glsl */ `
${DZ_COMMON}
uniform mat4 uWorldToModel;
uniform float uAcetRoof;
uniform vec3 uColIschaemic;
uniform vec3 uColDead;
uniform vec3 uColOedema;
uniform vec3 uColInterface;
uniform vec3 uColSclerotic;
varying vec3 vDzWorld;
`

const CAP_FRAGMENT = /* glsl */ `
#include <color_fragment>
{
  vec3 p = (uWorldToModel * vec4(vDzWorld, 1.0)).xyz;
  vec3 q = p - uHeadCentre;
  float r = length(q);
  vec3 dir = q / max(r, 1e-3);
  float R = uHeadRadius;
  float ca = clamp(dot(dir, uLesionAxis), -1.0, 1.0);
  float alpha = acos(ca);
  float beta = acos(clamp(dot(dir, uNeckDir), -1.0, 1.0));
  float head = step(uJunctionAngle, beta) * step(r, R + 6.0);
  float d = dzCollapseDepth(alpha) * dzRadial(r) * head;
  float surf = R - d;          // the collapsed bony surface along this direction
  float fw = dzFootprint(alpha);
  float t = mix(uCartElsewhere, uCartLesion, fw);
  vec3 cartilage = vec3(0.27, 0.46, 0.66);
#if defined(DZ_CAP_ACET)
  {
    vec3 qa = p - uAcetCentre;
    float ta = mix(uAcetCart, uAcetOpposite, fw);
    if (uAcetRadius - length(qa) > uAcetRoof * ta) discard;
  }
#else
  #if defined(DZ_CAP_CART)
    if (head > 0.5 && (r < surf || r > surf + uCartDome * t)) discard;
    if (head > 0.5) {
      float loss = 1.0 - uCartLesion;
      if (fw * loss > 0.42 + 0.4 * dzNoise(dir * 4.0 + 7.3)) discard;
    }
  #else
    #if defined(DZ_CAP_FEMUR)
      // Where the undeformed bone was but the collapsed bone is not: the sunken cartilage, or nothing.
      if (d > 0.0 && r > surf) {
        if (r < surf + uCartDome * t && fw * (1.0 - uCartLesion) <= 0.42) diffuseColor.rgb = cartilage;
        else discard;
      }
    #endif
    #if defined(DZ_CAP_CANC)
      if (d > 0.0 && r > surf - 1.2) discard; // the subchondral plate (femur cap) stays on top
    #endif
    if (r <= surf + 0.01 && head > 0.5) {
      // The slice pattern, in the undeformed coordinates of this point.
      float r0 = r + d;
      float sdf = max(r0 * sin(alpha - uLesionHalf), uLesionInner - r0); // mm outside the wedge (+)
      vec3 col = diffuseColor.rgb;
      float dem = uDemarcation;
      float terr = 1.0 - smoothstep(uLesionHalf + 0.08, uLesionHalf + 0.4, alpha);
      // Ischaemic territory: colour plus diagonal hatching, so "at risk" reads without colour too.
      float stripe = smoothstep(0.2, 0.3, abs(fract((p.x + p.y + p.z) * 0.3) - 0.5));
      vec3 hatch = mix(uColIschaemic, mix(uColIschaemic, vec3(1.0), 0.6), stripe);
      col = mix(col, hatch, 0.85 * uIschaemia * terr * smoothstep(uLesionInner * 0.5, uLesionInner, r0) * (1.0 - 0.8 * dem));
      col = mix(col, uColDead, 0.9 * dem * (1.0 - smoothstep(-0.4, 0.4, sdf)));
      float halo = uOedema * (1.0 - smoothstep(0.0, 3.0 + 14.0 * uOedema, sdf)) * smoothstep(-0.3, 0.3, sdf);
      col = mix(col, uColOedema, 0.7 * halo);
      float inner = smoothstep(-2.6, -2.0, sdf) * (1.0 - smoothstep(-1.1, -0.6, sdf));
      float outer = smoothstep(-0.4, 0.1, sdf) * (1.0 - smoothstep(1.5, 2.2, sdf));
      col = mix(col, uColInterface, 0.95 * dem * uInterface * inner);
      col = mix(col, uColSclerotic, 0.9 * dem * max(uSclerotic, 0.6 * uInterface) * outer);
      // Subchondral fracture: a lucent line under the plate, from the crescent start across the lesion.
      if (uCrescent > 0.0 && sdf < 0.0) {
        float from = acos(clamp(dot(dir, uCrescentDir), -1.0, 1.0));
        float along = 1.0 - smoothstep(uCrescent * 2.0 * uLesionHalf - 0.1, uCrescent * 2.0 * uLesionHalf, from);
        float depth = surf - r; // below the collapsed surface
        float gap = 0.35 + 0.25 * uCrescent + 0.12 * uCollapseMm;
        float line = 1.0 - smoothstep(gap * 0.6, gap, abs(depth - 1.9 - 0.25 * sin(from * 40.0)));
        col = mix(col, vec3(0.1, 0.08, 0.07), 0.95 * line * along);
      }
      diffuseColor.rgb = col;
    }
  #endif
#endif
}
`

function capShader(shader: WebGLProgramParametersWithUniforms, id: CapId): void {
  shader.vertexShader = shader.vertexShader
    .replace('#include <common>', `#include <common>\n${CAP_VERTEX_PARS}`)
    .replace('#include <begin_vertex>', CAP_VERTEX)
  shader.fragmentShader = shader.fragmentShader
    .replace('#include <common>', `#include <common>\n#define ${DEFINE[id]}\n${CAP_FRAGMENT_PARS}`)
    .replace('#include <color_fragment>', CAP_FRAGMENT)
}

/** Patches the caps present in the scene that are not patched yet. Returns true if any was. */
export function patchSectionCaps(scene: Object3D, uniforms: DiseaseUniforms): boolean {
  let changed = false
  for (let i = 0; i < CAP_IDS.length; i++) {
    const cap = scene.getObjectByName(CAP_NAMES[i]!) as Mesh | undefined
    const material = cap?.material as Material | undefined
    if (!material || material.userData.dzCap) continue
    const id = CAP_IDS[i]!
    material.userData.dzCap = id
    material.onBeforeCompile = (shader) => {
      Object.assign(shader.uniforms, uniforms)
      capShader(shader, id)
    }
    material.customProgramCacheKey = () => `hip-disease-cap-${id}`
    material.needsUpdate = true
    changed = true
  }
  return changed
}
