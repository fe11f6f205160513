/**
 * GLSL injected into our MeshStandard materials (./patchMaterials.ts). Uniform values only change
 * in place, so the programs compile once per structure kind.
 *
 * The femur's structures compute in the femur's rest frame (model frame before the stage IV
 * migration, which moves their nodes: see ./femurPose and DiseaseLayer); the pelvis's in the model
 * frame, where the head now sits at uHeadCentre + uHeadShift.
 *
 * Vertex side (mm, relative to the head centre):
 * - collapse: the same d(dir) as ./collapse.ts (kept in step by tests/unit/disease-collapse);
 * - cartilage thinning toward the bone, and to fit the joint space at stage IV;
 * - smooth marginal osteophytes at the acetabular rim and the head–neck junction.
 * Fragment side: territory losing its supply (hatched), dead bone (stippled), the double-line
 * rim, the oedema halo, cartilage fissures, flap and wear; artery flow pulses. The subchondral
 * fracture (crescent) lies under intact cartilage, so it is drawn only where the inside of the
 * head is seen: on cut faces (./sectionCaps.ts) and on the see-through lesion (DZ_LESION_*).
 */
import { CUTAWAY_REACH_MM } from '../../domain/cutaway.ts'
import { FLATTEN_EASE, FLATTENED_RADIUS_FACTOR, FOOTPRINT_PROBE_MM, HINGE_WIDTH_MEDIAL_MM, MEDIAL_SHARE, STEP_WIDTH_LATERAL_MM } from '../../domain/lesion/collapse.ts'
import { LIP_HEIGHT_FACTOR, OSTEOPHYTE_RINGS } from '../../domain/lesion/osteophytes.ts'
import { CRATER_FRAY, CRATER_FULL_MM, CRATER_OCTAVES, CRATER_SPREAD_RAD, WORN_FROM_LOSS } from '../../domain/lesion/cartilageWear.ts'
import { PLAN_SIZES } from '../../domain/treatment/planSizes.ts'
import { LESION_GLSL } from './lesionGlsl.ts'
import { REPAIR_ZONE_MM } from '../../domain/lesion/geometry.ts'
import { CUT_FACE_ATTRIBUTE, CUT_FACE_DEFINE } from '../model/cutFaceLook.ts'
import { glslFloat, glslVec3 } from '../three/glslLiteral.ts'
import { SCLEROTIC_PORE_TINT } from './palette.ts'

const J = OSTEOPHYTE_RINGS.headNeckJunction
const R = OSTEOPHYTE_RINGS.acetabularRim

export const DZ_COMMON = /* glsl */ `
uniform vec3 uHeadCentre;
uniform float uHeadRadius;
uniform float uCartDome;
uniform float uAcetRoof;
uniform vec3 uCrescentDir;
uniform float uCrescentSpan;
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
// Where the collapse is deepest (collapse.ts collapseCentre): unit direction from the head centre.
uniform vec3 uCollapseDir;
uniform float uCartLesion;
uniform float uCartElsewhere;
uniform float uAcetCart;
uniform float uOsteophytes;
uniform float uAcetSclerosis;
uniform vec3 uHeadShift;
uniform float uJointSpaceRest;
uniform float uJointSpace;
uniform float uShowThrough;
uniform float uSeeThrough;
// 1: dead bone's surface is dotted (the disease view, its key); 0: plain grey (an operation).
uniform float uDeadDots;
varying vec3 vDzPos;
${LESION_GLSL}
// Signed distance (mm) of the footprint on the head surface in direction dir (< 0 inside).
float dzFootprint(vec3 dir) {
  return dzInterface(uHeadCentre + dir * (uHeadRadius - ${glslFloat(FOOTPRINT_PROBE_MM)}));
}
// 0 over the lesion's medial part, 1 over its lateral part (see collapse.ts).
float dzLateralness(vec3 dir) {
  vec3 q = dzLesionLocal(uHeadCentre + dir * uHeadRadius);
  return smoothstep(-0.8, 0.4, clamp(q.x / uLesionAxes.x, -1.0, 1.0));
}
// Share of the depth at this angle from the collapse centre: the flattened dome (collapse.ts flatShare).
float dzFlatShare(float angle) {
  float rf = ${glslFloat(FLATTENED_RADIUS_FACTOR)} * uHeadRadius;
  float k = rf - uHeadRadius + uCollapseMm;
  float s = sin(angle);
  float reach = -k * cos(angle) + sqrt(max(0.0, rf * rf - k * k * s * s));
  float x = (uHeadRadius - reach) / uCollapseMm;
  return x <= 0.0 ? 0.0 : min(1.0, x) * smoothstep(0.0, ${glslFloat(FLATTEN_EASE)}, x);
}
// Inward displacement (mm) of the head surface in direction dir: see collapse.ts.
float dzCollapseAt(vec3 dir) {
  if (uCollapseMm <= 0.0) return 0.0;
  float flatShare = dzFlatShare(acos(clamp(dot(dir, uCollapseDir), -1.0, 1.0)));
  if (flatShare <= 0.0) return 0.0;
  float t = dzLateralness(dir);
  float inside = 1.0 - smoothstep(-mix(${glslFloat(HINGE_WIDTH_MEDIAL_MM)}, ${glslFloat(STEP_WIDTH_LATERAL_MM)}, t), 0.0, dzFootprint(dir));
  return uCollapseMm * inside * mix(${glslFloat(MEDIAL_SHARE)}, 1.0, t) * flatShare;
}
float dzRadial(float r) {
  float R = uHeadRadius;
  return smoothstep(0.5 * R, 0.8 * R, r) * (1.0 - smoothstep(R + 4.0, R + 8.0, r));
}
// Stage IV: the share of their thickness both cartilage layers keep in direction dir, so that
// they fit in the joint space the migrated head leaves (1 outside the socket and before IV).
float dzCartilageFit(vec3 dir) {
  // Bone to bone along dir: the socket's bony sphere less the reach of the collapsed, moved head.
  vec3 t = uHeadShift + uHeadCentre - uAcetCentre;
  float gap = max(uJointSpace, uAcetRadius - length(t + dir * (uHeadRadius - dzCollapseAt(dir))));
  float inSocket = smoothstep(uAcetRim - 0.1, uAcetRim + 0.02, acos(clamp(dot(dir, uAcetAxis), -1.0, 1.0)));
  float wanted = uCartElsewhere * uCartDome + uAcetCart * uAcetRoof;
  return mix(1.0, clamp(max(gap, 0.0) / max(wanted, 1e-3), 0.0, 1.0), inSocket);
}
// Stage IV: how far from the head centre (at rest) the head may reach in direction dir before it
// meets the socket less the joint space (the migrated head is worn flat there: collapse.ts
// drawnHeadPoint). Returns a large number where the socket does not cover the head.
float dzRemodelLimit(vec3 dir, out float cover) {
  vec3 t = uHeadShift + uHeadCentre - uAcetCentre;
  float limit = uAcetRadius - uJointSpace;
  float b = dot(dir, t);
  float disc = b * b - (dot(t, t) - limit * limit);
  float reach = disc < 0.0 ? 1e4 : -b + sqrt(disc);
  vec3 w = normalize(dir * reach + t);
  cover = smoothstep(uAcetRim - 0.1, uAcetRim + 0.02, acos(clamp(dot(w, uAcetAxis), -1.0, 1.0)));
  return reach;
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
// How much of a cyst's wall a cut shows: all of it where the cut opens the cavity, none where it
// passes the cavity by or only grazes it. A cut through the wall alone drew a pale disc with no
// dark fill, which read as a hole (a surgeon's review). toCentre: from the point on the cut to the
// cavity's centre; n: the cut's unit normal (vec3(0.0): not on a cut, all of it); reach: the
// cavity's half-size along n.
float dzCutWall(vec3 toCentre, vec3 n, float reach) {
  if (dot(n, n) == 0.0) return 1.0;
  return 1.0 - smoothstep(0.7, 0.9, abs(dot(toCentre, n)) / reach);
}
// The reactive interface's two bands at sdf (dzInterface, mm): x, the repair tissue inside it
// (REPAIR_ZONE_MM deep), y, the rim of dense bone outside it, thicker as it becomes sclerotic.
// They meet: a grey hairline between them read as a crack (surgeon's review). Drawn on the
// surface (DZ_HEAD_FRAGMENT) and on the cut (sectionCaps.ts) alike.
vec2 dzInterfaceBands(float sdf) {
  float inner = smoothstep(-${glslFloat(REPAIR_ZONE_MM.value)}, -${glslFloat(REPAIR_ZONE_MM.value - 0.6)}, sdf) * (1.0 - smoothstep(-0.35, 0.05, sdf));
  float outer = smoothstep(-0.4, 0.1, sdf) * (1.0 - smoothstep(1.5 + 1.2 * uSclerotic, 2.2 + 1.2 * uSclerotic, sdf));
  return vec2(inner, outer);
}
// How open the rim's dense bone is at sdf (dzDense): solid next to the interface, thinning out
// into normal bone at the rim's outer edge.
float dzRimOpen(float sdf) {
  return smoothstep(0.3, 2.2 + 1.2 * uSclerotic, sdf);
}
// The cysts of the dead segment from ARCO II ("sclerosis, cysts, or both": staging/findings.ts).
// One field for every picture of them, so that the X-ray's lucencies and the cut's cysts are the
// same cysts: a few lobulated oval cysts of about 2–4 mm, each in a thin wall of denser bone, whose centres lie
// along the inner edge of the repair zone (REPAIR_ZONE_MM to 5 mm inside the interface) and at least 4 mm under
// the joint surface [design choice after a surgeon's review: cysts spread evenly through the
// segment read as bubbles or drill holes, and one under the plate as an early crescent]. At most
// one per 5-mm cell of the femur's rest frame (cells centred on the planes through the head
// centre, where cuts are made), in three of five cells whose centre qualifies (with two of five,
// the rounded large lesion showed a single cyst in its coronal cut; now two, seven in all).
// p: a point of the femur's rest frame (mm). Returns (inside a cyst, in its wall); 0 elsewhere.
// n: for a point on a cut, the cut's unit normal in that frame (else vec3(0.0)): a cut that passes
// through a cyst's wall but misses its cavity, or only grazes it, draws no wall (see dzCutWall).
vec2 dzLesionCystsOn(vec3 p, vec3 n) {
  vec3 q = p + 2.5;
  vec3 cell = floor(q / 5.0);
  if (dzHash(cell + 7.3) < 0.4) return vec2(0.0);
  vec3 jitter = vec3(dzHash(cell + 1.7), dzHash(cell + 9.1), dzHash(cell + 23.9)) - 0.5;
  // Within ±0.5 mm of the cell's centre, so that even a large cyst has room in its cell.
  vec3 centre = (cell + 0.5 + 0.2 * jitter) * 5.0 - 2.5;
  float radius = 1.0 + 0.8 * dzHash(cell + 41.3);
  vec3 fromHead = centre - uHeadCentre;
  float sdf = dzInterface(centre);
  if (sdf > -${glslFloat(REPAIR_ZONE_MM.value)} || sdf < -5.0 || uHeadRadius - length(fromHead) < 4.0 + radius) return vec2(0.0);
  // Oval, longer along the head's surface than across it, and lobulated: its outline bulges and
  // dips by up to 15 % of its size with the direction from its centre (two or three lobes). A
  // smooth ellipse in an even ring read as a drilled hole (a surgeon's review).
  vec3 radial = normalize(fromHead);
  vec3 o = p - centre;
  float deep = dot(o, radial);
  float len = max(length(o), 1e-3);
  vec3 u = o / len;
  // Only this cell draws the cyst, so the cyst and its wall keep inside it: one near the cell's
  // face has a smaller cavity (cut off by the face, a wall drew straight edges; a surgeon's
  // review). Its furthest reach: the oval's long half-axis with a lobe's bulge, then the wall.
  vec3 fromCell = centre - (cell + 0.5) * 5.0 + 2.5;
  vec3 room3 = 2.45 - abs(fromCell);
  float room = min(room3.x, min(room3.y, room3.z));
  const float LOBE = 0.3;        // the outline's swing, ±LOBE / 2 of its size
  const float WALL_THIN = 0.35;  // the wall on the far side, mm
  const float WALL_THICK = 0.7;  // and towards the interface
  float scale = min(1.0, (room - WALL_THICK - 0.05) / (0.8 * radius * 1.35 * (1.0 + 0.5 * LOBE)));
  float d = length(vec2(length(o - radial * deep) / 1.35, deep)) - 0.8 * radius * scale * (1.0 + LOBE * (dzNoise(u * 2.2 + cell * 7.1) - 0.5));
  if (d > 1.0) return vec2(0.0);
  float inside = 1.0 - smoothstep(-0.1, 0.1, d);
  // The wall, laid down from the living side: thicker towards the interface.
  vec3 e = vec3(0.5, 0.0, 0.0);
  vec3 outward = normalize(vec3(dzInterface(centre + e.xyy), dzInterface(centre + e.yxy), dzInterface(centre + e.yyx)) - sdf + 1e-5);
  float wall = mix(WALL_THIN, WALL_THICK, max(0.0, dot(u, outward)));
  // The cavity's reach along n: its half-size across the surface, or under it.
  float reach = 0.8 * radius * scale * mix(1.35, 1.0, abs(dot(n, radial)));
  return vec2(inside, (1.0 - inside) * (1.0 - smoothstep(wall - 0.1, wall + 0.05, d)) * dzCutWall(centre - p, n, reach));
}
vec2 dzLesionCysts(vec3 p) {
  return dzLesionCystsOn(p, vec3(0.0));
}
// Cartilage over the collapsed segment worn through to bone: one crater in the segment's middle,
// its edge frayed (domain/lesion/cartilageWear.ts). footprintMm: dzFootprint (negative inside).
#define DZ_WORN_FROM_LOSS ${glslFloat(WORN_FROM_LOSS)}
#define DZ_CRATER_FULL_MM ${glslFloat(CRATER_FULL_MM)}
#define DZ_CRATER_SPREAD_RAD ${glslFloat(CRATER_SPREAD_RAD)}
#define DZ_CRATER_FRAY ${glslFloat(CRATER_FRAY)}
float dzCraterNoise(vec3 dir) {
  return ${CRATER_OCTAVES.map((o) => `${glslFloat(o.weight)} * dzNoise(dir * ${glslFloat(o.scale)} + ${glslFloat(o.offset)})`).join(' + ')};
}
bool dzWornThrough(float footprintMm, float loss, vec3 dir) {
  float edge = clamp(-footprintMm / DZ_CRATER_FULL_MM, 0.0, 1.0);
  float centre = clamp(1.0 - acos(clamp(dot(dir, uLesionAxis), -1.0, 1.0)) / DZ_CRATER_SPREAD_RAD, 0.0, 1.0);
  float share = clamp((loss - DZ_WORN_FROM_LOSS) / (1.0 - DZ_WORN_FROM_LOSS), 0.0, 1.0);
  return edge * centre + DZ_CRATER_FRAY * (dzCraterNoise(dir) - 0.5) > 1.0 + 0.5 * DZ_CRATER_FRAY - share * (1.0 + DZ_CRATER_FRAY);
}
// Patterns that carry the meaning without colour (greyscale print, colour blindness), in model mm:
// diagonal hatching for bone losing its supply, fine flecks on grey for dead bone, small
// irregular pores in white for dense (sclerotic) bone.
float dzHatch(vec3 p) {
  return smoothstep(0.2, 0.3, abs(fract((p.x + p.y + p.z) * 0.3) - 0.5));
}
// Dead bone's flecks: fine, low-contrast, of varied size, each drawn out along its own direction,
// in two lattices turned against each other, with about half the cells empty. Round dots of one
// size on one lattice read as a pegboard or drill holes (surgeons' reviews). Each fleck stays
// inside its cell (offset up to ±0.12 of a cell, reach up to 0.36 along its direction).
// The first lattice's cells are centred on the planes through the head centre, where the cuts are
// made by default: with their corners there, the default coronal cut passed between all the dots.
float dzFleck(vec3 q, float seed) {
  vec3 cell = floor(q);
  if (dzHash(cell + seed + 71.7) < 0.45) return 0.0;
  vec3 offset = 0.24 * (vec3(dzHash(cell + seed), dzHash(cell + seed + 17.1), dzHash(cell + seed + 33.7)) - 0.5);
  vec3 axis = normalize(vec3(dzHash(cell + seed + 3.3), dzHash(cell + seed + 5.9), dzHash(cell + seed + 8.1)) - 0.5 + 1e-3);
  vec3 d = fract(q) - 0.5 - offset;
  d -= 0.5 * dot(d, axis) * axis;
  float size = 0.07 + 0.06 * dzHash(cell + seed + 51.3);
  return 1.0 - smoothstep(size, size + 0.05, length(d));
}
// Two rotations (orthonormal), so that patterns made of two layers do not line up with each other
// or with the model's axes.
const mat3 DZ_TURN_A = mat3(0.8, 0.36, -0.48, -0.6, 0.48, -0.64, 0.0, 0.8, 0.6);
const mat3 DZ_TURN_B = mat3(0.6, -0.64, 0.48, 0.8, 0.48, -0.36, 0.0, 0.6, 0.8);
float dzStipple(vec3 p) {
  return max(dzFleck(p * 0.6 + 0.5, 0.0), dzFleck(DZ_TURN_A * p * 0.6 + 0.31, 13.0));
}
// Dense (sclerotic) bone: trabeculae thickened until the marrow spaces left between them are
// small, irregular pores — the places far from the iso-surfaces of two layers of smooth noise. A
// cross-hatch of straight lines read as a wire mesh laid over the bone (a surgeon's review).
// open: how much of the marrow space is left, 0 (solid: none) to 1 (about a fifth of the area,
// pores of 0.3–1 mm); the bone is densest next to the interface and the plate.
float dzDense(vec3 p, float open) {
  // The two layers turned against each other and the axes: value noise on its own grid drew square pores.
  float a = abs(dzNoise(DZ_TURN_A * p * 1.3) - 0.5);
  float b = abs(dzNoise(DZ_TURN_B * p * 1.3 + vec3(17.3, 5.1, 9.7)) - 0.5);
  float ta = mix(0.22, 0.12, open);
  float tb = mix(0.18, 0.08, open);
  return smoothstep(ta, ta + 0.05, a) * smoothstep(tb, tb + 0.05, b);
}
// Sclerotic bone of colour \`base\` at p (the lesion's margin, the acetabular roof at IV): white,
// its few marrow spaces tinted like marrow (palette.ts SCLEROTIC_PORE_TINT).
vec3 dzSclerotic(vec3 base, vec3 p, float open) {
  return mix(base, base * ${glslVec3(SCLEROTIC_PORE_TINT)}, dzDense(p, open));
}
`

export const DZ_VERTEX_PARS = /* glsl */ `
uniform mat4 uToModel;
uniform mat4 uFromModel;
${DZ_COMMON}
// Collapse: moves the model-frame point p inward and tilts the model-frame normal n.
void dzCollapse(inout vec3 p, inout vec3 n) {
  if (uCollapseMm <= 0.0) return;
  vec3 q = p - uHeadCentre;
  float r = length(q);
  if (r < 1e-3) return;
  vec3 dir = q / r;
  float wr = dzRadial(r);
  if (wr <= 0.0) return;
  float d = dzCollapseAt(dir) * wr;
  if (d <= 0.0) return;
  p = uHeadCentre + dir * (r - d);
  // The surface r(dir) = R - d(dir) leans by the gradient of d along the sphere.
  vec3 t1 = normalize(cross(dir, abs(dir.y) < 0.9 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0)));
  vec3 t2 = cross(dir, t1);
  float e = 0.01;
  float d1 = dzCollapseAt(normalize(dir + t1 * e)) * wr;
  float d2 = dzCollapseAt(normalize(dir + t2 * e)) * wr;
  vec3 grad = (t1 * (d1 - d) + t2 * (d2 - d)) / (max(r - d, 1.0) * e);
  n = normalize(n + grad);
}
// Osteophytes: smooth bony lips on a ring (height in mm along the normal, as a function of the
// direction from a centre; sizes from domain/lesion/osteophytes.ts). ringOf 0: the head-neck
// junction, largest inferomedially (the "capital drop" osteophyte); 1: the acetabular rim,
// largest superolaterally.
float dzBumpHeight(vec3 dir, int ringOf) {
  float ring;
  float lobe;
  if (ringOf == 0) {
    float beta = acos(clamp(dot(dir, uNeckDir), -1.0, 1.0));
    ring = exp(-pow((beta - uJunctionAngle - 0.04) / 0.2, 2.0));
    vec3 around = normalize(dir - dot(dir, uNeckDir) * uNeckDir + 1e-5);
    vec3 inferomedial = normalize(vec3(0.55, -1.0, 0.0) - dot(vec3(0.55, -1.0, 0.0), uNeckDir) * uNeckDir);
    float c = 0.5 + 0.5 * dot(around, inferomedial);
    lobe = ${glslFloat(J.baseMm.value)} + ${glslFloat(J.peakMm.value - J.baseMm.value)} * c * c;
  } else {
    float gamma = acos(clamp(dot(dir, uAcetAxis), -1.0, 1.0));
    ring = exp(-pow((gamma - uAcetRim) / 0.16, 2.0));
    vec3 around = normalize(dir - dot(dir, uAcetAxis) * uAcetAxis + 1e-5);
    vec3 superolateral = normalize(vec3(-0.5, 0.85, 0.0) - dot(vec3(-0.5, 0.85, 0.0), uAcetAxis) * uAcetAxis);
    float c = 0.5 + 0.5 * dot(around, superolateral);
    lobe = ${glslFloat(R.baseMm.value)} + ${glslFloat(R.peakMm.value - R.baseMm.value)} * c * sqrt(c);
  }
  // Lips broken round the ring, smooth each: a smooth ring read as a rim of the bone itself (a
  // surgeon found no osteophytes at IV), and a finer octave made them crumbly (read as
  // heterotopic bone). Up to LIP_HEIGHT_FACTOR × the ring’s height, none in the gaps between lips; each lip
  // about 5 mm or more across (finer, the mesh drew them as jagged shards).
  float knobs = ${glslFloat(LIP_HEIGHT_FACTOR)} * smoothstep(0.2, 0.8, dzNoise(dir * 5.0 + float(ringOf) * 11.0));
  return ring * lobe * knobs * uOsteophytes;
}
// Moves p by the bump height (along n; the rim's lip out of the socket, see below) and tilts n by
// the bump's slope.
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
  // The rim's lip grows out of the socket along its opening (down and out over the head, a lip that
  // extends the roof), not along each surface's normal: pushed along the normals, the rim swelled
  // into a blunt lump and its inner face into the joint (a radiologist's review).
  vec3 along = ringOf == 1 ? normalize(uAcetAxis + 0.3 * n) : n;
  p += along * h0;
  n = normalize(n - grad);
}
// The stage IV osteophytes of the structure being drawn (its define picks the ring), on the
// model-frame point p and normal n: the lit surface and the section's stencil passes both grow
// them, so a cut through a lip is capped where the lip is drawn (DZ_STENCIL_VERTEX).
void dzGrowOsteophytes(inout vec3 p, inout vec3 n) {
  if (uOsteophytes <= 0.0) return;
#if defined(DZ_JUNCTION_OSTEO)
  float rj = length(p - uHeadCentre);
  dzOsteophyte(p, n, uHeadCentre, 1.0 - smoothstep(uHeadRadius + 2.0, uHeadRadius + 9.0, rj), 0);
#endif
#if defined(DZ_RIM_OSTEO)
  float ra = length(p - uAcetCentre);
  float w = (1.0 - smoothstep(uAcetRadius + 6.0, uAcetRadius + 14.0, ra)) * smoothstep(uAcetRadius - 2.0, uAcetRadius + 1.0, ra);
  dzOsteophyte(p, n, uAcetCentre, w, 1);
#endif
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
  // Thinning toward the bone: over the lesion and elsewhere, from the staging table, and to fit
  // the joint space once the head has migrated into the socket (stage IV).
  vec3 q = dzP - uHeadCentre;
  float r = length(q);
  vec3 dir = q / max(r, 1e-3);
  float overLesion = 1.0 - smoothstep(-1.0, 1.0, dzFootprint(dir));
  float t = mix(uCartElsewhere, uCartLesion, overLesion) * dzCartilageFit(dir);
  if (r > uHeadRadius) dzP = uHeadCentre + dir * (uHeadRadius + (r - uHeadRadius) * t);
}
#endif
#if defined(DZ_ACET_CART)
{
  vec3 q = dzP - uAcetCentre;
  float r = length(q);
  vec3 dir = q / max(r, 1e-3);
  float t = uAcetCart * dzCartilageFit(dir);
  if (r < uAcetRadius && r > 1e-3) dzP = uAcetCentre + dir * (uAcetRadius - (uAcetRadius - r) * t);
}
#endif
#if defined(DZ_HEAD_BONE) || defined(DZ_HEAD_CART)
// A face a removal made stays where the plan put it: the planner places holes in the head as it
// is drawn, collapsed (tools stop short of the sunken surface: domain/treatment/toolEnd.ts), so
// the collapse moving them again sank them twice (a curetted cavity's roof went a collapse's
// depth below its graft, and dead bone showed between them).
#ifdef ${CUT_FACE_DEFINE}
bool dzMoves = ${CUT_FACE_ATTRIBUTE} < 0.5;
#else
bool dzMoves = true;
#endif
if (dzMoves) {
  dzCollapse(dzP, dzN);
  if (uJointSpace < uJointSpaceRest) {
    // Worn flat against the socket where the migrated head would reach into it.
    vec3 q = dzP - uHeadCentre;
    float r = length(q);
    vec3 dir = q / max(r, 1e-3);
    float cover;
    float limit = dzRemodelLimit(dir, cover);
    if (r > limit && cover > 0.0) {
      dzP = uHeadCentre + dir * (r - cover * (r - limit));
      // The worn face turns toward the socket's centre.
      dzN = normalize(mix(dzN, normalize(dzP + uHeadShift - uAcetCentre), cover));
    }
  }
}
#endif
dzGrowOsteophytes(dzP, dzN);
objectNormal = normalize(mat3(uFromModel) * dzN);
// ${kind}
`
}

/**
 * How deep under the head's bony surface the section's stencil passes collapse fully with the bone
 * (mm): no deeper than the nearest any hole an operation makes comes to that surface (a fibula's
 * end, a strut's, a curetted cavity's roof; domain/treatment/planSizes.ts). See DZ_STENCIL_VERTEX.
 */
export const STENCIL_FOLLOW_DEPTH_MM = Math.min(PLAN_SIZES.fibulaEdgeClearance.value, PLAN_SIZES.strutClearance.value, PLAN_SIZES.cavityRoof.value)

export const DZ_STENCIL_VERTEX_PARS = /* glsl */ `
attribute float ${CUT_FACE_ATTRIBUTE};
${DZ_VERTEX_PARS}
`

/**
 * The section's stencil passes of the bones the disease deforms (../section/sectionCaps.ts; the
 * structure's defines, as in its lit program): where the cut lies inside the bone is counted on
 * the bone as drawn, so the cut face ends where the drawn bone does.
 * Counted on the undeformed bone, the cut face stopped at the bone's old place while the bone had
 * sunk with the head: between them the view looked into the bone's inside (a black band).
 * As in the lit bone (dzMoves), a removal's faces stay where the plan put them: the planner
 * already placed them in the collapsed head.
 * Only inside the bone: from STENCIL_FOLLOW_DEPTH_MM under the surface outward the move fades to
 * none, so the outer edge of the cut stays the undeformed one, and the caps' own shader keeps
 * painting the space the sunken surface left (cartilage, joint fluid: ./sectionCaps.ts). The map
 * stays one-to-one (it only stretches that outer layer), so every solid stays closed.
 * The stage IV osteophytes grow outward in full, as drawn (dzGrowOsteophytes): counted without
 * them, a cut through a lip showed its hollow inside. The caps reach that far
 * (OSTEOPHYTE_REACH_MM in ../section/sectionCaps.ts).
 */
export const DZ_STENCIL_VERTEX = /* glsl */ `
#include <begin_vertex>
{
  vec3 p = (uToModel * vec4(transformed, 1.0)).xyz;
#if defined(DZ_HEAD_BONE)
  vec3 q = p - uHeadCentre;
  float r = length(q);
  // A removal's faces stay where the plan put them, as the lit bone's do (dzMoves).
  if (r > 1e-3 && ${CUT_FACE_ATTRIBUTE} < 0.5) {
    vec3 dir = q / r;
    float d = dzCollapseAt(dir) * dzRadial(r) * (1.0 - smoothstep(uHeadRadius - ${glslFloat(STENCIL_FOLLOW_DEPTH_MM)}, uHeadRadius, r));
    if (d > 0.0) p = uHeadCentre + dir * (r - d);
  }
#endif
  // The normal only where lips grow: this runs for every vertex of every cut frame.
  if (uOsteophytes > 0.0) {
    vec3 n = normalize(mat3(uToModel) * normal);
    dzGrowOsteophytes(p, n);
  }
  transformed = (uFromModel * vec4(p, 1.0)).xyz;
}
`

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
// How worn the cartilage looks here (0..1), for its roughness.
float dzWorn = 0.0;
`

export const DZ_HEAD_FRAGMENT = /* glsl */ `
#include <color_fragment>
// Only near the head (most of the femur is shaft and costs nothing here).
if (length(vDzPos - uHeadCentre) < uHeadRadius + 14.0) {
  vec3 q = vDzPos - uHeadCentre;
  float r = length(q);
  vec3 dir = q / max(r, 1e-3);
  float R = uHeadRadius;
  // The head only: not the neck beyond the head–neck junction, not deep inside.
  float beta = acos(clamp(dot(dir, uNeckDir), -1.0, 1.0));
  float near = smoothstep(0.35 * R, 0.6 * R, r);
  float head = smoothstep(uJunctionAngle - 0.05, uJunctionAngle + 0.12, beta) * near * (1.0 - smoothstep(R + 5.0, R + 9.0, r));
  float sm = dzFootprint(dir); // mm to the lesion's edge on the surface, + outside
  float inL = 1.0 - smoothstep(-0.5, 0.5, sm);
  #ifdef DZ_HEAD_CART
    float show = uShowThrough;
  #else
    float show = 1.0;
  #endif
  float k = show * head;
  float shade = clamp(dot(diffuseColor.rgb, vec3(0.4)) / max(dot(diffuse, vec3(0.4)), 1e-3), 0.35, 1.2);
  // How dark the dead bone's dots are against its grey, and how much of the grey it takes.
  // During an operation the dots go: on a head laid bare for resurfacing a surgeon read them as
  // cement keying holes (review). The grey stays, and the section's slice keeps its dots.
  float stippleDot = mix(1.0, 0.68, uDeadDots);
  float deadShare = 0.85;
  #ifdef ${CUT_FACE_DEFINE}
    // A face a removal made: the hole's darker colour (geometry/subtractBone.ts) darkens the
    // disease's tints only half as much (../model/cutFaceLook.ts), so dead bone on a tunnel's
    // wall or under a cleared cavity's roof stays grey, not a dark line a surgeon reads as a
    // crescent or a gap, and a tunnel into the lesion still shows against its cut face.
    float cutFace = clamp(vCutFace, 0.0, 1.0);
    shade = mix(shade, 1.0, 0.5 * cutFace);
    // Its dead bone has no stipple and only a grey cast over the raw wall's colour. Surgeons'
    // reviews: the dots read as drill holes or cysts on a tunnel's wall, and a curetted cavity's
    // roof (the plate's underside), wholly dead grey, read as dead bone left behind.
    stippleDot = mix(stippleDot, 1.0, cutFace);
    deadShare = mix(deadShare, 0.4, cutFace);
  #endif
  vec3 col = diffuseColor.rgb;
  #ifdef DZ_HEAD_CART
    float kd0 = min(1.0, 1.7 * k);
    float kd = min(1.0, 1.3 * k);
  #else
    float kd0 = k;
    float kd = k;
  #endif
  // Perfused head (see-through view only): blue.
  col = mix(col, uColPerfused * shade, 0.35 * uSeeThrough * k * (1.0 - inL * uDemarcation));
  // Before the lesion demarcates: the part of the dome whose supply fails (where the lesion will
  // be), hatched. Once it has demarcated, the bone around it is alive and the hatching is gone.
  float terr = 1.0 - smoothstep(0.0, 2.0, sm);
  col = mix(col, mix(uColIschaemic, uColIschaemic * 0.72, 1.0 - dzHatch(vDzPos)) * shade, 0.75 * kd0 * uIschaemia * terr * (1.0 - uDemarcation));
  // Dead bone, stippled.
  col = mix(col, mix(uColDead, uColDead * stippleDot, dzStipple(vDzPos)) * shade, deadShare * kd * inL * uDemarcation);
  // Marrow oedema around the lesion: waxes and wanes with the stage, spreads into the neck in
  // pericollapse and fades out with distance (no edge at the head–neck junction).
  float s3 = dzInterface(vDzPos);
  float halo = uOedema * (1.0 - smoothstep(0.0, 5.0 + 20.0 * uOedema, s3)) * smoothstep(-0.5, 0.5, s3);
  col = mix(col, uColOedema * shade, 0.85 * show * near * halo);
  // The reactive interface along the lesion's edge: repair tissue inside (pink), meeting a rim of
  // dense bone outside (pale, pitted), faint at ARCO I, whiter and thicker once the rim is
  // sclerotic (stage II, seen on X-ray); the cut draws the same bands (sectionCaps.ts).
  vec2 bands = dzInterfaceBands(sm);
  float dl = uDemarcation * k;
  col = mix(col, uColInterface, 0.9 * dl * uInterface * bands.x);
  dzGlow += uColInterface * (0.35 * dl * uInterface * bands.x);
  float rim = 0.9 * dl * max(uSclerotic, 0.3 * uInterface) * bands.y;
  if (rim > 0.0) col = mix(col, dzSclerotic(uColSclerotic, vDzPos, dzRimOpen(sm)) * shade, rim);
  #ifdef DZ_HEAD_CART
  {
    // Over the collapsed segment: fibrillation and fissures, then a flap and an ulcer crater.
    float fw = inL * head;
    float loss = 1.0 - uCartLesion;
    float n1 = dzNoise(dir * 9.0);
    float fis = (1.0 - smoothstep(0.0, 0.02 + 0.03 * loss, abs(n1 - 0.5))) * smoothstep(0.0, 0.25, loss) * fw;
    col = mix(col, vec3(0.78, 0.7, 0.52) * shade, 0.6 * loss * fw);
    col = mix(col, vec3(0.25, 0.18, 0.12), 0.85 * fis);
    if (dzWornThrough(sm, head * loss, dir)) discard;
    // Everywhere in stage IV: dull, yellowed, fibrillated cartilage, worn through to the bone
    // where the migrated head leaves no joint space ("bone on bone").
    // Wear is worst where the load falls (superolateral) and least posteroinferiorly.
    float load = smoothstep(-0.3, 0.7, dot(dir, normalize(vec3(-0.45, 0.85, 0.15))));
    float wear = clamp(2.0 * (1.0 - uCartElsewhere), 0.0, 1.0) * (0.25 + 0.75 * load);
    float n3 = dzNoise(dir * 6.0 + 1.7);
    float n4 = dzNoise(dir * 11.0 + 3.1);
    col = mix(col, vec3(0.82, 0.75, 0.56) * shade, 0.7 * wear * (0.5 + 0.5 * n3));
    float fib = (1.0 - smoothstep(0.0, 0.035, abs(n4 - 0.5))) * smoothstep(0.3, 0.8, wear);
    col = mix(col, vec3(0.55, 0.45, 0.32) * shade, 0.4 * fib);
    dzWorn = max(wear, loss * fw);
    if (dzCartilageFit(dir) * (0.55 + 0.45 * n3) < 0.2) discard;
  }
  #endif
  diffuseColor.rgb = col;
}
`

export const DZ_ACET_FRAGMENT = /* glsl */ `
#include <color_fragment>
{
  vec3 hq = normalize(vDzPos - uAcetCentre);
  float wear = clamp(2.0 * (1.0 - uAcetCart), 0.0, 1.0);
  float fit = dzCartilageFit(hq);
  float n1 = dzNoise(hq * 8.0 + 3.1);
  float n3 = dzNoise(hq * 6.0 + 5.2);
  float fis = (1.0 - smoothstep(0.0, 0.05, abs(n1 - 0.5))) * smoothstep(0.15, 0.6, wear);
  float shade = clamp(dot(diffuseColor.rgb, vec3(0.4)) / max(dot(diffuse, vec3(0.4)), 1e-3), 0.35, 1.2);
  diffuseColor.rgb = mix(diffuseColor.rgb, vec3(0.8, 0.71, 0.5) * shade, 0.7 * wear * (0.5 + 0.5 * n3));
  diffuseColor.rgb = mix(diffuseColor.rgb, vec3(0.42, 0.33, 0.22), 0.55 * fis);
  dzWorn = wear;
  if (fit * (0.55 + 0.45 * n3) < 0.2) discard;
}
`

/** Worn cartilage is matt: raises the roughness after the material's own. */
export const DZ_WORN_ROUGHNESS = /* glsl */ `
#include <roughnessmap_fragment>
roughnessFactor = mix(roughnessFactor, 0.9, dzWorn);
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
uniform vec4 uOpenEnds;
varying float vDzArc;
`
/** Pulse spacing along the vessel, mm [design choice]. */
export const PULSE_SPACING_MM = 28
export const DZ_ARTERY_FRAGMENT = /* glsl */ `
#include <color_fragment>
// An open end (domain/anatomy/vesselEnds.ts) fades out along the vessel: fewer and fewer of its
// pixels drawn (an ordered 4×4 dither), so it needs no blending or sorting.
{
  float dzShown = 1.0;
  if (uOpenEnds.y > 0.0) dzShown *= smoothstep(uOpenEnds.x, uOpenEnds.x + uOpenEnds.y, vDzArc);
  if (uOpenEnds.w > 0.0) dzShown *= 1.0 - smoothstep(uOpenEnds.z - uOpenEnds.w, uOpenEnds.z, vDzArc);
  if (dzShown < 1.0) {
    ivec2 dzCell = ivec2(mod(gl_FragCoord.xy, 4.0));
    int dzIndex = dzCell.x + 4 * dzCell.y;
    // The 4×4 Bayer matrix, row by row.
    const float dzBayer[16] = float[16](0.0, 8.0, 2.0, 10.0, 12.0, 4.0, 14.0, 6.0, 3.0, 11.0, 1.0, 9.0, 15.0, 7.0, 13.0, 5.0);
    if (dzShown * 16.0 <= dzBayer[dzIndex] + 0.5) discard;
  }
}
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

/**
 * The lesion solid in the X-ray view. The subchondral fracture (crescent) shows on it as a dark
 * shell just under its outer face, from the anterolateral margin across as it extends — seen
 * edge-on along the dome it is the thin lucent line under the plate that gives the sign its name.
 */
export const DZ_LESION_FRAGMENT = /* glsl */ `
#include <color_fragment>
float dzCrack = 0.0;
{
  vec3 q = vDzPos - uHeadCentre;
  float r = length(q);
  vec3 dir = q / max(r, 1e-3);
  float from = acos(clamp(dot(dir, uCrescentDir), -1.0, 1.0));
  float along = 1.0 - smoothstep(uCrescent * uCrescentSpan - 0.06, uCrescent * uCrescentSpan, from);
  float underPlate = smoothstep(uHeadRadius - 3.5, uHeadRadius - 1.5, r + dzCollapseAt(dir));
  // A shell parallel to the surface shows as a line only where it is seen edge-on (along the dome).
  float edgeOn = pow(1.0 - abs(dot(normalize(vNormal), normalize(vViewPosition))), 4.0);
  dzCrack = step(0.001, uCrescent) * along * underPlate * edgeOn;
  diffuseColor.rgb = mix(diffuseColor.rgb, vec3(0.07, 0.06, 0.06), 0.95 * dzCrack);
}
`
/** The lesion solid's outline glows with the reactive interface (not over the crack). */
export const DZ_LESION_EMISSIVE = /* glsl */ `
#include <emissivemap_fragment>
{
  float facing = abs(dot(normal, normalize(vViewPosition)));
  totalEmissiveRadiance += uColInterface * (0.5 * uInterface * pow(1.0 - facing, 2.5) * (1.0 - dzCrack));
}
`

// ---- the cutaway window (domain/cutaway.ts) --------------------------------------------------

/**
 * The window in the socket over the head, for the structures that hide it (DZ_WINDOW). Inside a
 * cone from the eye through the head centre (where the head is now: uHeadCentre + uHeadShift), whose radius at the centre's depth is uWinRadius
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
  vec3 toC = uHeadCentre + uHeadShift - eye;
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
if (dzWinOpen && dzWinFront > 0.0 && dzWinEdge < 0.0 && length(vDzPos - uHeadCentre - uHeadShift) < DZ_WINDOW_REACH) discard;
`

/** The rim line, on the lit result: about 1 mm (at the head's depth), only where something was cut away. */
export const DZ_WINDOW_OPAQUE = /* glsl */ `
if (dzWinOpen) outgoingLight *= 1.0 - 0.55 * (1.0 - smoothstep(0.5, 1.3, dzWinEdge)) * dzWinFront;
#include <opaque_fragment>
`
