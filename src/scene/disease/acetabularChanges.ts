/**
 * The acetabular roof's changes at stage IV as GLSL, one owner for every picture of them: the 3D
 * view's cut (./sectionCaps.ts), the X-ray and the MRI (../imaging/imagingShaders.ts). The
 * geometry is the domain's ACETABULAR_CHANGES, written into the GLSL here. Before, the 3D cut drew
 * its own three round cysts at other places and sizes than the images' (a surgeon saw cysts that
 * sat too high and had no rim).
 */
import { ACETABULAR_CHANGES as A, acetabularCystOffset, type AcetabularCyst } from '../../domain/imaging/xrayAttenuation.ts'
import { normalise } from '../../domain/vec3.ts'
import { glslFloat, glslVec3 } from '../three/glslLiteral.ts'

/** A cyst's wall: a thin ring at 0.6 of the sclerosis's density, which outlines the cyst where the band has faded [Inf]. */
const ACET_CYST_WALL = 0.6

/**
 * A cyst's centre beyond the socket's surface, as its direction × its depth (the shader adds the
 * socket's radius along it): the domain's acetabularCystOffset for a socket of radius 0.
 */
function cystAt(c: AcetabularCyst): string {
  return glslVec3(acetabularCystOffset(c, 0))
}

/** dzNoise lies in [0, 1], so a cyst's lobe (0.2 × (noise − 0.5)) is at most this share of its size. */
const LOBE_MAX = 0.1
/** The cyst's smoothstep ramps reach this far outside its surface (d, mm: the wall's fade). */
const CYST_FADE_MM = 0.7
/** The band's ramps reach this far outside its thickness (mm: smoothstep up to thick + 1.0). */
const BAND_FADE_MM = 1.0

/**
 * How far from the socket's bony surface `acetChanges` can be other than zero, in mm along the
 * radius from the socket's centre (inner < 0: towards the centre): the band, up to its thickness
 * at the dome, and each cyst with its wall (an ellipsoid lies within its longest radius × its
 * largest scaled length). A picture need not evaluate the changes beyond it: they add nothing
 * there (the X-ray's ray march, ../imaging/imagingShaders.ts).
 */
export function acetChangesReach(): { readonly inner: number; readonly outer: number } {
  let inner = -0.2
  let outer = Math.max(A.sclerosisDomeMm.value, A.sclerosisEdgeMm.value) + BAND_FADE_MM
  for (const c of A.cysts.value) {
    const depth = Math.hypot(...acetabularCystOffset(c, 0))
    const [longest, shortest] = [Math.max(...c.radiiMm), Math.min(...c.radiiMm)]
    const reach = longest * (1 + LOBE_MAX + CYST_FADE_MM / shortest)
    inner = Math.min(inner, depth - reach)
    outer = Math.max(outer, depth + reach)
  }
  return { inner, outer }
}

const REACH = acetChangesReach()

/**
 * The acetabular roof's changes at IV (domain ACETABULAR_CHANGES), for the X-ray, the MRI and the
 * 3D cut: `acetChanges(p)` at a model-frame point gives x = the subchondral sclerotic band (densest at
 * the plate, thickest over the weight-bearing dome), y = inside a cyst, z = a cyst's wall. Needs
 * DZ_COMMON's socket uniforms and dzCutWall (./shaders.ts). `acetChangesOn(p, n)`: the same on a
 * cut of unit normal n, whose wall shows only where the cut opens a cyst.
 */
export const ACET_CHANGES_GLSL = /* glsl */ `
const vec3 ACET_LOAD_DIR = ${glslVec3(normalise(A.loadDirection))};
/** Each cyst: its depth under the socket's surface along its direction (mm), and its radii (mm). */
const vec3 ACET_CYST_AT[${A.cysts.value.length}] = vec3[](${A.cysts.value.map(cystAt).join(', ')});
const vec3 ACET_CYST_RADII[${A.cysts.value.length}] = vec3[](${A.cysts.value.map((c) => glslVec3(c.radiiMm)).join(', ')});
const float ACET_CYST_WALL = ${glslFloat(ACET_CYST_WALL)};
// acetChangesReach (JS): beyond these distances from the socket's surface the changes are zero.
const float ACET_REACH_IN = ${glslFloat(REACH.inner)};
const float ACET_REACH_OUT = ${glslFloat(REACH.outer)};
// n: for a point on a cut, the cut's unit normal (else vec3(0.0)): see DZ_COMMON's dzCutWall.
vec3 acetChangesOn(vec3 p, vec3 n) {
  vec3 e = p - uAcetCentre;
  float ra = length(e);
  vec3 da = e / max(ra, 1e-3);
  // The socket lies further than its rim from the opening's axis (domain/lesion/diseaseAnatomy).
  float inSocket = smoothstep(uAcetRim, uAcetRim + 0.15, acos(clamp(dot(da, uAcetAxis), -1.0, 1.0)));
  float roof = smoothstep(0.35, 0.7, da.y);
  float load = smoothstep(0.75, 0.98, dot(da, ACET_LOAD_DIR));
  float thick = mix(${glslFloat(A.sclerosisEdgeMm.value)}, ${glslFloat(A.sclerosisDomeMm.value)}, load);
  float band = smoothstep(uAcetRadius - 0.2, uAcetRadius + 0.5, ra) * (1.0 - smoothstep(uAcetRadius + thick - 1.5, uAcetRadius + thick + 1.0, ra));
  // Densest against the plate, fading away from it.
  band *= mix(1.0, ${glslFloat(A.sclerosisFarShare)}, smoothstep(0.5, thick, ra - uAcetRadius));
  // Each cyst: fluid inside a thin wall of sclerotic bone. Its distance from the surface is
  // approximate (an ellipsoid's scaled length), exact enough for a rim a fraction of a mm thick.
  float cyst = 0.0;
  float wall = 0.0;
  for (int k = 0; k < ${A.cysts.value.length}; k++) {
    vec3 radii = ACET_CYST_RADII[k];
    vec3 cc = uAcetCentre + ACET_CYST_AT[k] + normalize(ACET_CYST_AT[k]) * uAcetRadius;
    // Lobulated like the head's cysts (its outline ±10 % with the direction from its centre): a
    // smooth oval read as drilled (a surgeon's review).
    vec3 o = p - cc;
    float lobe = 0.2 * (dzNoise(o / max(length(o), 1e-3) * 2.2 + float(k) * 5.3) - 0.5);
    float d = (length(o / radii) - 1.0 - lobe) * min(radii.x, min(radii.y, radii.z));
    // The wall takes over where the fluid fades (their ramps add up to one): with a gap between
    // them, a cut grazing a cyst showed a ring of wall round a ring of plain bone.
    float inside = 1.0 - smoothstep(-0.3, 0.1, d);
    cyst = max(cyst, inside);
    // The cavity's reach along n: the ellipsoid's half-size in that direction.
    float reach = 1.0 / max(length(n / radii), 1e-6);
    wall = max(wall, (1.0 - inside) * (1.0 - smoothstep(0.35, 0.7, d)) * dzCutWall(cc - p, n, reach));
  }
  return vec3(inSocket * roof * band, cyst, wall);
}
vec3 acetChanges(vec3 p) {
  return acetChangesOn(p, vec3(0.0));
}
`
