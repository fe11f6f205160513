/**
 * GLSL injected into our MeshStandard/MeshPhysical materials (./patchMaterials.ts).
 * Uniform values only change in place, so the programs compile once per structure kind.
 *
 * Vertex side (model frame, mm, relative to the head centre):
 * - collapse: the same d(α) as ./collapse.ts (kept in step by tests/unit/disease-collapse);
 * - cartilage thinning toward the bone; osteophytes as bumps at the acetabular rim and
 *   the head–neck junction.
 * Fragment side: ischaemic territory, dead bone, the double-line rim, the oedema halo, the
 * subchondral fracture, cartilage fissures and wear; artery flow pulses.
 */
import { CUTAWAY_REACH_MM } from '../../domain/cutaway.ts'

export const DZ_COMMON = /* glsl */ `
uniform vec3 uHeadCentre;
uniform float uHeadRadius;
uniform float uCartDome;
uniform vec3 uLesionAxis;
uniform float uLesionHalf;
uniform float uLesionInner;
uniform vec3 uCrescentDir;
uniform vec3 uNeckDir;
uniform float uJunctionAngle;
uniform vec3 uAcetCentre;
uniform float uAcetRadius;
uniform vec3 uAcetAxis;
uniform float uAcetRim;
uniform float uIschaemia;
uniform float uDemarcation;
uniform float uInterface;
uniform float uSclerotic;
uniform float uOedema;
uniform float uCrescent;
uniform float uCollapseMm;
uniform float uCartLesion;
uniform float uCartElsewhere;
uniform float uAcetCart;
uniform float uAcetOpposite;
uniform float uOsteophytes;
uniform float uShowThrough;
uniform float uSeeThrough;
varying vec3 vDzPos;

float dzSmax(float a, float b, float k) {
  float h = max(k - abs(a - b), 0.0) / k;
  return max(a, b) + h * h * k * 0.25;
}
float dzFootprint(float alpha) {
  return 1.0 - smoothstep(0.5 * uLesionHalf, uLesionHalf, alpha);
}
float dzRadial(float r) {
  float R = uHeadRadius;
  return smoothstep(0.5 * R, 0.8 * R, r) * (1.0 - smoothstep(R + 4.0, R + 8.0, r));
}
// Inward displacement (mm) at angle alpha from the lesion axis: see collapse.ts.
float dzCollapseDepth(float alpha) {
  float D = uCollapseMm;
  if (D <= 0.0) return 0.0;
  float w = dzFootprint(alpha);
  if (w <= 0.0) return 0.0;
  float c = cos(alpha);
  float R = uHeadRadius;
  float plane = c > 1e-3 ? R - (R - D) / c : 0.0;
  return w * dzSmax(max(plane, 0.0), 0.5 * D, max(0.25 * D, 1e-4));
}
float dzHash(vec3 p) {
  p = fract(p * 0.3183099 + 0.1);
  p *= 17.0;
  return fract(p.x * p.y * p.z * (p.x + p.y + p.z));
}
float dzNoise(vec3 x) {
  vec3 i = floor(x);
  vec3 f = fract(x);
  f = f * f * (3.0 - 2.0 * f);
  return mix(mix(mix(dzHash(i), dzHash(i + vec3(1, 0, 0)), f.x), mix(dzHash(i + vec3(0, 1, 0)), dzHash(i + vec3(1, 1, 0)), f.x), f.y),
             mix(mix(dzHash(i + vec3(0, 0, 1)), dzHash(i + vec3(1, 0, 1)), f.x), mix(dzHash(i + vec3(0, 1, 1)), dzHash(i + vec3(1, 1, 1)), f.x), f.y), f.z);
}
`

export const DZ_VERTEX_PARS = /* glsl */ `
uniform mat4 uToModel;
uniform mat4 uFromModel;
${DZ_COMMON}
// Collapse: moves the model-frame point p inward and tilts the model-frame normal n.
void dzCollapse(inout vec3 p, inout vec3 n) {
  vec3 q = p - uHeadCentre;
  float r = length(q);
  if (r < 1e-3 || uCollapseMm <= 0.0) return;
  vec3 dir = q / r;
  float ca = clamp(dot(dir, uLesionAxis), -1.0, 1.0);
  float alpha = acos(ca);
  float wr = dzRadial(r);
  float d = dzCollapseDepth(alpha) * wr;
  if (d <= 0.0) return;
  p = uHeadCentre + dir * (r - d);
  // Surface of revolution r(α) = R − d(α): its normal leans by d'(α)/r toward increasing α.
  float e = 0.01;
  float dd = (dzCollapseDepth(alpha + e) - dzCollapseDepth(max(alpha - e, 0.0))) / (alpha + e - max(alpha - e, 0.0)) * wr;
  float sa = sqrt(max(1.0 - ca * ca, 1e-6));
  vec3 t = (ca * dir - uLesionAxis) / sa; // unit tangent toward increasing α
  n = normalize(n + t * (dd / max(r - d, 1.0)));
}
// Osteophytes: bony bumps on a ring (height in mm along the normal, as a function of the
// direction from a centre). 'ringOf' picks which ring.
float dzBumpHeight(vec3 dir, int ringOf) {
  float ring;
  if (ringOf == 0) {
    float beta = acos(clamp(dot(dir, uNeckDir), -1.0, 1.0));
    ring = 2.2 * exp(-pow((beta - uJunctionAngle) / 0.16, 2.0));
  } else {
    float gamma = acos(clamp(dot(dir, uAcetAxis), -1.0, 1.0));
    ring = 3.0 * exp(-pow((gamma - uAcetRim) / 0.14, 2.0));
  }
  float b = dzNoise(dir * 12.0) * 0.65 + dzNoise(dir * 27.0) * 0.35;
  float bump = max(b - 0.42, 0.0) / 0.58;
  return ring * bump * bump * (3.0 - 2.0 * bump) * uOsteophytes;
}
// Moves p along n by the bump height and tilts n by the bump's slope.
void dzOsteophyte(inout vec3 p, inout vec3 n, vec3 centre, float weight, int ringOf) {
  vec3 q = p - centre;
  float r = max(length(q), 1e-3);
  vec3 dir = q / r;
  float h0 = dzBumpHeight(dir, ringOf) * weight;
  if (h0 <= 0.0) return;
  vec3 t1 = normalize(cross(dir, abs(dir.y) < 0.9 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0)));
  vec3 t2 = cross(dir, t1);
  float e = 0.02;
  float h1 = dzBumpHeight(normalize(dir + t1 * e), ringOf) * weight;
  float h2 = dzBumpHeight(normalize(dir + t2 * e), ringOf) * weight;
  vec3 grad = (t1 * (h1 - h0) + t2 * (h2 - h0)) / (r * e);
  p += n * h0;
  n = normalize(n - grad);
}
`

/** Replaces `#include <beginnormal_vertex>` ... and the start of begin_vertex. */
export function dzVertexBody(kind: string): string {
  return /* glsl */ `
#include <beginnormal_vertex>
vec3 dzP = (uToModel * vec4(position, 1.0)).xyz;
vDzPos = dzP;
vec3 dzN = normalize(mat3(uToModel) * objectNormal);
#if defined(DZ_HEAD_CART)
{
  // Thinning toward the bone: over the lesion and elsewhere, from the staging table.
  vec3 q = dzP - uHeadCentre;
  float r = length(q);
  float alpha = acos(clamp(dot(q / max(r, 1e-3), uLesionAxis), -1.0, 1.0));
  float t = mix(uCartElsewhere, uCartLesion, dzFootprint(alpha));
  if (r > uHeadRadius) dzP = uHeadCentre + q / r * (uHeadRadius + (r - uHeadRadius) * t);
}
#endif
#if defined(DZ_ACET_CART)
{
  vec3 q = dzP - uAcetCentre;
  float r = length(q);
  vec3 hq = normalize(dzP - uHeadCentre);
  float alpha = acos(clamp(dot(hq, uLesionAxis), -1.0, 1.0));
  float t = mix(uAcetCart, uAcetOpposite, dzFootprint(alpha));
  if (r < uAcetRadius && r > 1e-3) dzP = uAcetCentre + q / r * (uAcetRadius - (uAcetRadius - r) * t);
}
#endif
#if defined(DZ_HEAD_BONE) || defined(DZ_HEAD_CART)
dzCollapse(dzP, dzN);
#endif
#if defined(DZ_JUNCTION_OSTEO)
if (uOsteophytes > 0.0) {
  float r = length(dzP - uHeadCentre);
  dzOsteophyte(dzP, dzN, uHeadCentre, 1.0 - smoothstep(uHeadRadius + 2.0, uHeadRadius + 8.0, r), 0);
}
#endif
#if defined(DZ_RIM_OSTEO)
if (uOsteophytes > 0.0) {
  float r = length(dzP - uAcetCentre);
  float w = (1.0 - smoothstep(uAcetRadius + 6.0, uAcetRadius + 14.0, r)) * smoothstep(uAcetRadius - 2.0, uAcetRadius + 1.0, r);
  dzOsteophyte(dzP, dzN, uAcetCentre, w, 1);
}
#endif
objectNormal = normalize(mat3(uFromModel) * dzN);
// ${kind}
`
}

export const DZ_BEGIN_VERTEX = /* glsl */ `
#include <begin_vertex>
transformed = (uFromModel * vec4(dzP, 1.0)).xyz;
`

/** Fragment: tints and lines on the head structures, after vertex colours are applied. */
export const DZ_FRAGMENT_PARS = /* glsl */ `
${DZ_COMMON}
uniform vec3 uColPerfused;
uniform vec3 uColIschaemic;
uniform vec3 uColDead;
uniform vec3 uColOedema;
uniform vec3 uColInterface;
uniform vec3 uColSclerotic;
vec3 dzGlow = vec3(0.0);
`

export const DZ_HEAD_FRAGMENT = /* glsl */ `
#include <color_fragment>
// Only the head region (most of the femur is shaft and costs nothing here).
if (length(vDzPos - uHeadCentre) < uHeadRadius + 10.0) {
  vec3 q = vDzPos - uHeadCentre;
  float r = length(q);
  vec3 dir = q / max(r, 1e-3);
  float R = uHeadRadius;
  float ca = clamp(dot(dir, uLesionAxis), -1.0, 1.0);
  float alpha = acos(ca);
  // The head only: not the neck beyond the head–neck junction, not deep inside.
  float beta = acos(clamp(dot(dir, uNeckDir), -1.0, 1.0));
  float head = smoothstep(uJunctionAngle - 0.05, uJunctionAngle + 0.12, beta) * smoothstep(0.35 * R, 0.6 * R, r) * (1.0 - smoothstep(R + 5.0, R + 9.0, r));
  float sm = (alpha - uLesionHalf) * R; // mm along the surface to the lesion edge, + outside
  float inL = 1.0 - smoothstep(-0.5, 0.5, sm);
  #ifdef DZ_HEAD_CART
    float k = uShowThrough;
  #else
    float k = 1.0;
  #endif
  k *= head;
  float shade = clamp(dot(diffuseColor.rgb, vec3(0.4)) / max(dot(diffuse, vec3(0.4)), 1e-3), 0.35, 1.2);
  vec3 col = diffuseColor.rgb;
  #ifdef DZ_HEAD_CART
    float kd0 = min(1.0, 1.7 * k);
  #else
    float kd0 = k;
  #endif
  // Perfused head (see-through view only): blue.
  col = mix(col, uColPerfused * shade, 0.35 * uSeeThrough * k * (1.0 - inL * uDemarcation));
  // Ischaemic territory of the posterosuperior retinacular vessels; outside the lesion it
  // recovers as the lesion demarcates (collaterals), inside it becomes dead bone.
  float terr = 1.0 - smoothstep(uLesionHalf + 0.08, uLesionHalf + 0.4, alpha);
  col = mix(col, uColIschaemic * shade, 0.75 * kd0 * uIschaemia * terr * (1.0 - 0.8 * uDemarcation));
  // Dead bone.
  #ifdef DZ_HEAD_CART
    float kd = min(1.0, 1.3 * k);
  #else
    float kd = k;
  #endif
  col = mix(col, uColDead * shade, 0.85 * kd * inL * uDemarcation);
  // Marrow oedema halo around the lesion (wider as it waxes, into the neck in pericollapse).
  float halo = uOedema * (1.0 - smoothstep(0.0, 3.0 + 14.0 * uOedema, sm)) * smoothstep(-0.5, 0.5, sm);
  col = mix(col, uColOedema * shade * 1.1, 0.75 * k * halo);
  // Double line: inner bright interface, outer dark sclerotic rim.
  float inner = smoothstep(-2.6, -2.0, sm) * (1.0 - smoothstep(-1.1, -0.6, sm));
  float outer = smoothstep(-0.4, 0.1, sm) * (1.0 - smoothstep(1.5, 2.2, sm));
  float dl = uDemarcation * k;
  col = mix(col, uColInterface, 0.9 * dl * uInterface * inner);
  dzGlow += uColInterface * (0.35 * dl * uInterface * inner);
  col = mix(col, uColSclerotic, 0.85 * dl * max(uSclerotic, 0.6 * uInterface) * outer);
  // Subchondral fracture (crescent): a lucent crack inside the lesion margin, running around
  // it from the crescent start as the extent grows.
  if (uCrescent > 0.0) {
    vec3 a = normalize(dir - ca * uLesionAxis + 1e-5);
    vec3 c0 = normalize(uCrescentDir - dot(uCrescentDir, uLesionAxis) * uLesionAxis);
    float phi = acos(clamp(dot(a, c0), -1.0, 1.0));
    float along = 1.0 - smoothstep(uCrescent * 3.1416 - 0.15, uCrescent * 3.1416, phi);
    float jag = 0.5 * sin(phi * 23.0) + 0.3 * sin(phi * 57.0);
    float crack = 1.0 - smoothstep(0.25, 0.6, abs(sm + 4.0 + jag));
    col = mix(col, vec3(0.12, 0.09, 0.07), 0.9 * k * crack * along * uDemarcation);
  }
  #ifdef DZ_HEAD_CART
  {
    // Cartilage over the collapsed area: fibrillation, fissures, then wear-through.
    float fw = dzFootprint(alpha) * head;
    float loss = 1.0 - uCartLesion;
    float n1 = dzNoise(dir * 9.0);
    float n2 = dzNoise(dir * 4.0 + 7.3);
    float fis = (1.0 - smoothstep(0.0, 0.02 + 0.03 * loss, abs(n1 - 0.5))) * smoothstep(0.0, 0.25, loss) * fw;
    col = mix(col, vec3(0.78, 0.7, 0.52) * shade, 0.6 * loss * fw);
    col = mix(col, vec3(0.25, 0.18, 0.12), 0.85 * fis);
    if (fw * loss > 0.42 + 0.4 * n2) discard;
    // Thinner, duller cartilage elsewhere in stage IV.
    col = mix(col, col * vec3(1.02, 0.96, 0.8), 1.0 - uCartElsewhere);
  }
  #endif
  diffuseColor.rgb = col;
}
`

export const DZ_ACET_FRAGMENT = /* glsl */ `
#include <color_fragment>
{
  vec3 hq = normalize(vDzPos - uHeadCentre);
  float alpha = acos(clamp(dot(hq, uLesionAxis), -1.0, 1.0));
  float fw = dzFootprint(alpha);
  float loss = 1.0 - mix(uAcetCart, uAcetOpposite, fw);
  float n1 = dzNoise(hq * 8.0 + 3.1);
  float fis = (1.0 - smoothstep(0.0, 0.02 + 0.03 * loss, abs(n1 - 0.5))) * smoothstep(0.2, 0.5, loss);
  float shade = clamp(dot(diffuseColor.rgb, vec3(0.4)) / max(dot(diffuse, vec3(0.4)), 1e-3), 0.35, 1.2);
  diffuseColor.rgb = mix(diffuseColor.rgb, vec3(0.8, 0.72, 0.55) * shade, 0.6 * loss);
  diffuseColor.rgb = mix(diffuseColor.rgb, vec3(0.25, 0.18, 0.12), 0.8 * fis * (0.3 + 0.7 * fw));
  if (fw * loss > 0.5 + 0.3 * dzNoise(hq * 4.0)) discard;
}
`

export const DZ_EMISSIVE = /* glsl */ `
#include <emissivemap_fragment>
totalEmissiveRadiance += dzGlow;
`

// ---- arteries -------------------------------------------------------------------------

export const DZ_ARTERY_VERTEX_PARS = /* glsl */ `
varying float vDzArc;
`
export const DZ_ARTERY_VERTEX = /* glsl */ `
#include <begin_vertex>
vDzArc = uv.x;
`
export const DZ_ARTERY_FRAGMENT_PARS = /* glsl */ `
uniform float uPerfusion;
uniform float uFlowWeight;
uniform float uPhase;
uniform float uPulses;
uniform vec3 uColOccluded;
varying float vDzArc;
`
/** Pulse spacing along the vessel, mm [design choice]. */
export const PULSE_SPACING_MM = 28
export const DZ_ARTERY_FRAGMENT = /* glsl */ `
#include <color_fragment>
float dzPerf = clamp(uPerfusion, 0.0, 1.0);
float dzShade = clamp(dot(diffuseColor.rgb, vec3(0.4)) / max(dot(diffuse, vec3(0.4)), 1e-3), 0.35, 1.2);
diffuseColor.rgb = mix(uColOccluded * dzShade, diffuseColor.rgb, smoothstep(0.0, 0.7, dzPerf));
float dzWave = sin(6.2832 * (vDzArc - uPhase) / ${PULSE_SPACING_MM.toFixed(1)});
float dzPulse = pow(max(dzWave, 0.0), 6.0) * uPulses;
vec3 dzGlow = vec3(1.0, 0.42, 0.36) * dzPerf * uFlowWeight * (0.04 + 0.6 * dzPulse);
`
export const DZ_ARTERY_EMISSIVE = /* glsl */ `
#include <emissivemap_fragment>
totalEmissiveRadiance += dzGlow;
`

/** The lesion solid in the X-ray view: the reactive interface glows along its outline. */
export const DZ_LESION_EMISSIVE = /* glsl */ `
#include <emissivemap_fragment>
{
  float facing = abs(dot(normal, normalize(vViewPosition)));
  totalEmissiveRadiance += uColInterface * (0.5 * uInterface * pow(1.0 - facing, 2.5));
}
`

// ---- the cutaway window (domain/cutaway.ts) --------------------------------------------------

/**
 * The window in the socket over the head, for the structures that hide it (DZ_WINDOW). Inside a
 * cone from the eye through the head centre, whose radius at the centre's depth is uWinRadius
 * (0 = closed), fragments in front of the plane through the centre are dropped. Same test as
 * `insideCutaway` in domain/cutaway.ts, which picking uses.
 *
 * The solids' cut faces inside the window are drawn by helpers (./cutawayFaces.ts); here a
 * dark line along the outer side of the window's edge marks the cut.
 */
export const DZ_WINDOW_PARS = /* glsl */ `
#define DZ_WINDOW_REACH ${CUTAWAY_REACH_MM.toFixed(1)}
uniform float uWinRadius;
uniform vec3 uCutColour;
uniform mat4 uWorldToModel;
// Returns s − uWinRadius (mm, < 0 inside the window), s being the distance from the window's axis
// scaled to the head centre's depth; front = 1 in front of the plane through the head centre.
float dzWindowEdge(vec3 p, out float front) {
  vec3 eye = (uWorldToModel * vec4(cameraPosition, 1.0)).xyz;
  vec3 toC = uHeadCentre - eye;
  float dist = length(toC);
  vec3 a = toC / max(dist, 1e-3);
  vec3 d = p - eye;
  float t = dot(d, a);
  front = step(0.0, t) * step(t, dist);
  float s = length(d - t * a) * dist / max(t, 1e-3);
  return s - uWinRadius;
}
`

/** After the clipping planes: the window's discard, before any lighting is paid for. */
export const DZ_WINDOW_FRAGMENT = /* glsl */ `
#include <clipping_planes_fragment>
float dzWinFront;
float dzWinEdge = dzWindowEdge(vDzPos, dzWinFront);
bool dzWinOpen = uWinRadius > 0.0;
if (dzWinOpen && dzWinFront > 0.0 && dzWinEdge < 0.0 && length(vDzPos - uHeadCentre) < DZ_WINDOW_REACH) discard;
`

/** The rim line, on the lit result: about 1 mm (at the head's depth), only where something was cut away. */
export const DZ_WINDOW_OPAQUE = /* glsl */ `
if (dzWinOpen) outgoingLight *= 1.0 - 0.55 * (1.0 - smoothstep(0.5, 1.3, dzWinEdge)) * dzWinFront;
#include <opaque_fragment>
`
