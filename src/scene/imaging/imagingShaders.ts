/**
 * GLSL of the simulated images (issue 13). The model is drawn with the disease's own vertex code
 * (scene/disease/shaders.ts, the same defines per structure kind as the 3D view: collapse,
 * cartilage thinning, osteophytes, stage IV wear), so the pictures show the geometry the 3D view
 * shows; the disease's signs inside the bone are evaluated with its own lesion functions
 * (DZ_COMMON: the interface, the collapse, the crescent's path).
 *
 * Two accumulations into float targets with additive blending, depth test off:
 * - X-ray: each surface adds ±(depth − reference) × excess attenuation (back faces +, front
 *   faces −), so a closed solid contributes its chord length × attenuation along each ray; the
 *   hip bone's surface also adds its cortical shell, more where the beam grazes it;
 * - occupancy (MRI): each surface behind the slice adds ±1, so a closed solid sums to 1 where the
 *   slice point lies inside it and 0 outside.
 */
import { DZ_BEGIN_VERTEX, DZ_COMMON, DZ_VERTEX_PARS, dzVertexBody } from '../disease/shaders.ts'
import { FILM_ATTENUATION_MM, FILM_FOG, FILM_GAMMA } from '../../domain/imaging/filmResponse.ts'
import { HIP_BONE_CORTEX } from '../../domain/imaging/xrayAttenuation.ts'
import { MRI_SIGNAL, type MriWeighting } from '../../domain/imaging/mriSignal.ts'
import { ACET_CHANGES_GLSL as ACET_CHANGES } from '../disease/acetabularChanges.ts'
import { glslFloat } from '../three/glslLiteral.ts'

/** Vertex shader of a structure kind: the 3D view's deformation, then an orthographic projection. */
export function structureVertex(defines: readonly string[]): string {
  return /* glsl */ `
#include <common>
${defines.map((d) => `#define ${d}`).join('\n')}
${DZ_VERTEX_PARS}
varying float vDepth;
/** The bone's landmark region (its mesh's table), and the regions drawn without a shell (-1: none). */
attribute float _region;
uniform vec4 uNoShellRegions;
varying float vShell;
void main() {
${dzVertexBody('imaging')}
${DZ_BEGIN_VERTEX}
  vDzPos = dzP;
  vec4 off = abs(vec4(_region) - uNoShellRegions);
  vShell = min(min(off.x, off.y), min(off.z, off.w)) < 0.5 ? 0.0 : 1.0;
  vec4 mvPosition = modelViewMatrix * vec4(transformed, 1.0);
  vDepth = -mvPosition.z;
  gl_Position = projectionMatrix * mvPosition;
}
`
}

export const STRUCTURE_FRAGMENT = /* glsl */ `
uniform vec4 uChannel;
uniform float uOccupancy;
uniform float uRefDepth;
uniform float uClipDepth;
/** X-ray: what the structure's cortical shell adds at each crossing of its surface at right angles (0: none). */
uniform float uShell;
/** X-ray: the picture's pixel, mm. */
uniform float uPixelMm;
varying float vDepth;
varying float vShell;
void main() {
  if (vDepth < uClipDepth) discard;
  // Back faces (seen from behind) close a solid along the ray: +; front faces open it: −.
  float sgn = gl_FrontFacing ? -1.0 : 1.0;
  gl_FragColor = uChannel * (sgn * mix(vDepth - uRefDepth, 1.0, uOccupancy));
  if (uShell > 0.0) {
    // The beam is orthographic along depth: 1 / cos of the angle between it and the face's
    // normal, from how fast the face's depth changes across the picture (flat per triangle).
    float slope = length(vec2(dFdx(vDepth), dFdy(vDepth))) / uPixelMm;
    gl_FragColor.r += uShell * vShell * min(sqrt(1.0 + slope * slope), ${glslFloat(HIP_BONE_CORTEX.maxObliquity)});
  }
}
`

export const QUAD_VERTEX = /* glsl */ `
varying vec2 vUv;
// Declared by the disease's shared GLSL (DZ_COMMON), which the passes on this quad include.
varying vec3 vDzPos;
void main() {
  vUv = uv;
  vDzPos = vec3(0.0);
  gl_Position = vec4(position.xy, 0.0, 1.0);
}
`

/**
 * Shared by the passes that evaluate the disease inside the bone: the model-frame point under a
 * pixel (uFrame: xy of the lower-left corner, zw the size, mm).
 */
const FRAME = /* glsl */ `
uniform vec4 uFrame;
varying vec2 vUv;
vec2 dzFramePoint() { return uFrame.xy + vUv * uFrame.zw; }
`

/**
 * The disease's radiographic signs inside the femoral head and the acetabular roof, integrated
 * along each AP ray (0.5 mm steps), in water-equivalent mm, added to the structures' accumulation.
 */
export const XRAY_SIGNS_FRAGMENT = /* glsl */ `
${DZ_COMMON}
${FRAME}
uniform float uRimDensity;
uniform float uPatchyDensity;
uniform float uCrescentDensity;
uniform float uAcetDensity;
uniform float uAcetCystDensity;
${ACET_CHANGES}
/** Drawn → rest of the femur (the stage's migration, an operation's pose, a frog-leg's turn: inverted). */
uniform mat4 uFemurToRest;
/** 0 once an operation has cut the head off: its signs went with it. */
uniform float uHeadSigns;
/** Where the femoral head's centre is drawn (model frame). */
uniform vec3 uHeadDrawn;
const float PLATE_MM = 1.6;
const int STEPS = 180;
// Slack on the reaches below (mm), for the rounding of a rigid move (the range's floor and ceil
// add a sample more).
const float REACH_SLACK_MM = 1.0;
const vec2 NO_CHORD = vec2(1e6, -1e6);
// The z range of a sphere about centre o of radius rad on this pixel's ray; none: lo > hi.
vec2 chord(vec2 xy, vec3 o, float rad) {
  vec2 e = xy - o.xy;
  float h2 = rad * rad - dot(e, e);
  if (h2 <= 0.0) return NO_CHORD;
  float h = sqrt(h2);
  return vec2(o.z - h, o.z + h);
}
void main() {
  vec2 xy = dzFramePoint();
  vec3 c = uHeadDrawn;
  if (length(xy - c.xy) > uAcetRadius + 8.0) { gl_FragColor = vec4(0.0); return; }
  float sum = 0.0;
  float z0 = c.z - 45.0;
  float dz = 90.0 / float(STEPS);
  // Only the samples that can add anything are visited, on the same grid as all 180 (so the film
  // is the same, sample for sample): the head's signs lie under its plate (a moved femur is
  // moved rigidly: its rest-frame distances are the drawn ones), the roof's within its reach of
  // the socket's surface; before stage II (no sign yet) or once the head is cut off, the head
  // adds nothing, before IV the roof. Marching all 180 through both, every sign at each, cost
  // about 2 s of software rendering for each fluoroscopy picture.
  bool headSigns = uHeadSigns != 0.0 && (uRimDensity != 0.0 || uPatchyDensity != 0.0 || uCrescentDensity != 0.0);
  bool roofSigns = uAcetDensity != 0.0 || uAcetCystDensity != 0.0;
  vec2 headZ = headSigns ? chord(xy, c, uHeadRadius - PLATE_MM + REACH_SLACK_MM) : NO_CHORD;
  vec2 roofZ = roofSigns ? chord(xy, uAcetCentre, uAcetRadius + ACET_REACH_OUT + REACH_SLACK_MM) : NO_CHORD;
  float lo = min(headZ.x, roofZ.x);
  float hi = max(headZ.y, roofZ.y);
  if (lo > hi) { gl_FragColor = vec4(0.0); return; }
  int first = int(clamp(floor((lo - z0) / dz - 0.5), 0.0, float(STEPS)));
  int last = int(clamp(ceil((hi - z0) / dz - 0.5), -1.0, float(STEPS - 1)));
  for (int i = first; i <= last; i++) {
    vec3 p = vec3(xy, z0 + (float(i) + 0.5) * dz);
    // The femur's signs in its rest frame (the stage IV migration moves the whole femur, an
    // operation's pose moves it, a frog-leg turns it about the head centre).
    vec3 q = (uFemurToRest * vec4(p, 1.0)).xyz;
    vec3 d = q - uHeadCentre;
    float r = length(d);
    // The collapse only lowers the surface: deeper than the plate means inside this radius.
    if (headSigns && r < uHeadRadius - PLATE_MM && r > 1.0) {
      vec3 dir = d / max(r, 1e-3);
      float surface = uHeadRadius - dzCollapseAt(dir);
      float depth = surface - r; // mm under the head's (collapsed) surface
      if (depth > PLATE_MM) {
        // Each sign is evaluated only where its ramps can be other than zero (the sum is the same).
        float sm = dzInterface(q);
        float signs = 0.0;
        if (sm < 3.4) {
          // Sclerotic rim: a band just outside the reactive interface, as the 3D view's outer line.
          float rim = smoothstep(-0.4, 0.4, sm) * (1.0 - smoothstep(2.0, 3.4, sm));
          // Patchy sclerosis (and a few cystic lucencies) inside the lesion.
          float inside = 1.0 - smoothstep(-0.5, 0.5, sm);
          float patchy = 0.0;
          if (inside > 0.0) {
            float n = dzNoise(q * 0.32);
            vec2 cyst = dzLesionCysts(q);
            patchy = inside * (smoothstep(0.45, 0.7, n) - 0.6 * cyst.x + 0.3 * cyst.y);
          }
          signs = uRimDensity * rim + uPatchyDensity * patchy;
        }
        // The crescent: the fracture's gap just under the plate, along its path, over the lesion.
        if (uCrescent >= 0.001 && depth < PLATE_MM + 1.9) {
          float from = acos(clamp(dot(dir, uCrescentDir), -1.0, 1.0));
          float along = 1.0 - smoothstep(uCrescent * uCrescentSpan - 0.06, uCrescent * uCrescentSpan, from);
          float shell = smoothstep(PLATE_MM, PLATE_MM + 0.3, depth) * (1.0 - smoothstep(PLATE_MM + 1.5, PLATE_MM + 1.9, depth));
          float over = 1.0 - smoothstep(-1.0, 0.5, dzFootprint(dir));
          float crack = along * shell * over;
          signs += uCrescentDensity * crack;
        }
        if (signs != 0.0) sum += uHeadSigns * step(uJunctionAngle, acos(clamp(dot(dir, uNeckDir), -1.0, 1.0))) * signs;
      }
    }
    // Acetabular roof: subchondral sclerosis under the socket's surface, thickest over the
    // weight-bearing dome, with cysts in it.
    float ra = length(p - uAcetCentre);
    if (roofSigns && ra > uAcetRadius + ACET_REACH_IN && ra < uAcetRadius + ACET_REACH_OUT) {
      vec3 ac = acetChanges(p);
      sum += uAcetDensity * max(ac.x, ACET_CYST_WALL * ac.z) * (1.0 - ac.y) + uAcetCystDensity * ac.y;
    }
  }
  gl_FragColor = vec4(sum * dz, 0.0, 0.0, 0.0);
}
`

/** Adds a kept pass's result (the X-ray's signs) to what the target holds, texel for texel. */
export const ADD_FRAGMENT = /* glsl */ `
uniform sampler2D uSource;
varying vec2 vUv;
void main() {
  gl_FragColor = texture2D(uSource, vUv);
}
`

/**
 * Film: the accumulated attenuation (mm) through the film's response (domain/imaging/
 * filmResponse.ts), with an unsharp mask (the edge enhancement of digital radiographs) and a
 * fixed grain.
 */
export const FILM_FRAGMENT = /* glsl */ `
uniform sampler2D uAtten;
uniform vec2 uTexel;
varying vec2 vUv;
float film(float a) {
  return ${glslFloat(FILM_FOG)} + ${glslFloat(1 - FILM_FOG)} * pow(1.0 - exp(-max(a, 0.0) / ${glslFloat(FILM_ATTENUATION_MM)}), ${glslFloat(FILM_GAMMA)});
}
float grain(vec2 p) { return fract(sin(dot(p, vec2(12.9898, 78.233))) * 43758.5453); }
void main() {
  float g = film(texture2D(uAtten, vUv).r);
  float blur = 0.0;
  for (int i = 0; i < 8; i++) {
    float a = float(i) * 0.7853982;
    blur += film(texture2D(uAtten, vUv + uTexel * 3.0 * vec2(cos(a), sin(a))).r);
  }
  blur /= 8.0;
  g = clamp(g + 0.6 * (g - blur) + 0.025 * (grain(gl_FragCoord.xy) - 0.5), 0.0, 1.0);
  gl_FragColor = vec4(vec3(g), 1.0);
}
`

/** The MRI grey levels of a weighting, as GLSL constants. */
function signalConstants(weighting: MriWeighting): string {
  return Object.entries(MRI_SIGNAL)
    .map(([tissue, c]) => `const float S_${tissue} = ${glslFloat(c.value[weighting])};`)
    .join('\n')
}

/**
 * The coronal slice. uOcc: R femur cortex, G femur cancellous, B cartilage (head and socket),
 * A hip bone; uSoft: R labrum, capsule and ligaments, G a treatment's implants (a signal void),
 * B its cortical grafts. Tissues by occupancy, then the disease's
 * signs at the slice point (rest frame of the femur) over the femur's marrow.
 */
export function mriFragment(weighting: MriWeighting): string {
  return /* glsl */ `
${DZ_COMMON}
${FRAME}
${signalConstants(weighting)}
uniform sampler2D uOcc;
uniform sampler2D uSoft;
/** One texel of the occupancy targets (twice the picture's resolution), and 1.5 mm, in uv. */
uniform vec2 uTexel;
uniform float uCortexUv;
uniform float uSliceZ;
uniform float uDemarcation2;
uniform float uInterfaceLine;
uniform float uScleroticLine;
uniform float uOedema2;
uniform float uFracture;
uniform float uEffusion;
/** The roof's changes at IV (0–1): sclerosis dark on both weightings, cysts of fluid (0 once reamed). */
uniform float uAcetSigns;
${ACET_CHANGES}
/** 0 once an operation has cut the head off: no joint fluid drawn around where it was. */
uniform float uNativeHead;
float inside(float v) { return step(0.5, v); }
// A fixed speckle: an MR image is never flat grey.
float speckle(vec2 p) { return fract(sin(dot(p, vec2(12.9898, 78.233))) * 43758.5453); }
// Share of this pixel inside each solid: the occupancy is rendered at twice the picture's
// resolution and its four texels under the pixel are averaged (partial volume: no jagged edges).
vec4 cover(sampler2D t) {
  vec2 h = 0.5 * uTexel;
  return 0.25 * (step(0.5, texture2D(t, vUv + vec2(-h.x, -h.y))) + step(0.5, texture2D(t, vUv + vec2(h.x, -h.y)))
    + step(0.5, texture2D(t, vUv + vec2(-h.x, h.y))) + step(0.5, texture2D(t, vUv + vec2(h.x, h.y))));
}
void main() {
  vec4 occ = cover(uOcc);
  float soft = cover(uSoft).r;
  vec3 p = vec3(dzFramePoint(), uSliceZ);
  vec3 q = p - uHeadShift;
  float rHead = length(q - uHeadCentre);
  float g = S_muscle;
  // Joint fluid around the head: a thin film normally, an effusion in pericollapse.
  float fluid = 1.0 - smoothstep(uHeadRadius + 2.5 + 4.0 * uEffusion, uHeadRadius + 3.5 + 5.0 * uEffusion, rHead);
  g = mix(g, S_fluid, uNativeHead * fluid * (0.35 + 0.65 * uEffusion));
  g = mix(g, S_fibrous, soft);
  if (occ.a > 0.0) {
    // The hip bone: marrow inside a cortex about 1.5 mm thick (within 1.5 mm of the solid's edge).
    float edge = 0.0;
    for (int i = 0; i < 8; i++) {
      float a = float(i) * 0.7853982;
      edge = max(edge, 1.0 - inside(texture2D(uOcc, vUv + uCortexUv * vec2(cos(a), sin(a))).a));
    }
    g = mix(g, mix(S_fattyMarrow, S_cortex, edge), occ.a);
    // The roof at IV: its subchondral sclerosis low on T1 and T2, its cysts fluid (low on T1, bright on T2).
    vec3 ac = acetChanges(p) * uAcetSigns * occ.a;
    g = mix(g, S_scleroticOuter, max(ac.x, ACET_CYST_WALL * ac.z) * (1.0 - ac.y));
    g = mix(g, S_fluid, ac.y);
  }
  g = mix(g, S_cartilage, occ.b);
  g = mix(g, S_cortex, occ.r);
  vec4 pieces = cover(uSoft);
  if (occ.g > 0.0) {
    float outside = g;
    g = S_fattyMarrow;
    vec3 d = q - uHeadCentre;
    vec3 dir = d / max(length(d), 1e-3);
    float sm = dzInterface(q);
    float inL = (1.0 - smoothstep(-0.5, 0.5, sm)) * uDemarcation2;
    g = mix(g, S_necroticCentre, inL);
    // Marrow oedema around the lesion (the 3D view's halo), reaching into the neck as it grows.
    float halo = uOedema2 * (1.0 - smoothstep(0.0, 5.0 + 20.0 * uOedema2, sm)) * smoothstep(-0.5, 0.5, sm);
    g = mix(g, S_oedema, clamp(halo * 1.4, 0.0, 1.0));
    // The band: on T1 one low-signal band; on T2 the double line (dark outside, bright inside).
    // The two lines meet edge to edge (the inner fades out where the outer fades in) and are laid
    // down as one band of their weighted signals: laid one after the other, the lesion's own
    // signal showed through where they met — on T1 (fat-like centre) a thin bright line between
    // two dark ones, a double line where T1 has none (a surgeon's review).
    float meet = smoothstep(-0.8, -0.2, sm);
    float innerW = smoothstep(-3.0, -2.3, sm) * (1.0 - meet) * uInterfaceLine * uDemarcation2;
    float outerW = meet * (1.0 - smoothstep(1.2 + 0.8 * uScleroticLine, 1.9 + 0.8 * uScleroticLine, sm)) * uScleroticLine * uDemarcation2;
    float bandW = innerW + outerW;
    g = mix(g, (S_interfaceInner * innerW + S_scleroticOuter * outerW) / max(bandW, 1e-4), min(bandW, 1.0));
    // The subchondral fracture: a fluid line under the plate over the lesion.
    float depth = uHeadRadius - dzCollapseAt(dir) - length(d);
    float from = acos(clamp(dot(dir, uCrescentDir), -1.0, 1.0));
    float along = 1.0 - smoothstep(uFracture * uCrescentSpan - 0.06, uFracture * uCrescentSpan, from);
    float shell = smoothstep(0.2, 0.6, depth) * (1.0 - smoothstep(1.4, 1.9, depth));
    float over = 1.0 - smoothstep(-1.0, 0.5, dzFootprint(dir));
    g = mix(g, S_fracture, step(0.001, uFracture) * along * shell * over);
    g = mix(outside, g, occ.g);
  }
  // A treatment's pieces: cortical grafts dark as cortex, implants a black void.
  g = mix(g, S_cortex, pieces.b);
  g = mix(g, S_signalVoid, pieces.g);
  g = clamp(g + 0.035 * (speckle(gl_FragCoord.xy) - 0.5), 0.0, 1.0);
  gl_FragColor = vec4(vec3(g), 1.0);
}
`
}
