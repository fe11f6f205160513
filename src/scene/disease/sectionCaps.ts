/**
 * The disease in the cross-section: the cut faces ("caps") that the section feature
 * (src/scene/section) draws on the cutting plane, named `section-cap-<structure>`, get the
 * lesion as an MRI-like slice — the necrotic bowl, its serpiginous double line, the oedema,
 * the subchondral fracture — and follow the collapse: the caps' outer edge is stencilled from
 * the undeformed solids (inside the bone, the stencil collapses with it: DZ_STENCIL_VERTEX), so
 * the part of the head that has sunk is cleared here (or drawn as the sunken cartilage, or joint
 * fluid). The hip bone's cap shows the roof's sclerosis and cysts at stage IV.
 * Patched once per cap material; the same program is reused afterwards.
 */
import { Color, type Material, type Matrix4, type Mesh, type Object3D, type WebGLProgramParametersWithUniforms } from 'three'
import { femurRestMatrix } from '../model/femurPose.ts'
import { CUT_COLOUR } from './cutawayLook.ts'
import { replaceChunk } from '../three/replaceChunk.ts'
import { CRESCENT_DEPTH_MM } from '../../domain/lesion/geometry.ts'
import { DZ_COMMON } from './shaders.ts'
import { ACET_CHANGES_GLSL } from './acetabularChanges.ts'
import type { DiseaseUniforms } from './uniforms.ts'
import { capName, stencilPassName } from '../section/sectionNames.ts'
import { CARTILAGE_MAP_GLSL } from './cartilageMapLayout.ts'

export const CAP_IDS = ['femur', 'femurCancellous', 'femoralHeadCartilage', 'acetabularCartilage', 'hipBone'] as const
export type CapId = (typeof CAP_IDS)[number]
/** Object names the section feature gives its caps. */
export const CAP_NAMES: readonly string[] = CAP_IDS.map(capName)
/**
 * The solids whose stencil passes deform as the disease deforms them (../section/sectionCaps.ts;
 * DZ_STENCIL_VERTEX): the head's bone collapses, the femur and the hip bone grow osteophytes.
 */
const DEFORMING_SOLIDS = ['femur', 'femurCancellous', 'hipBone'] as const

const DEFINE: Record<CapId, string> = {
  femur: 'DZ_CAP_FEMUR',
  femurCancellous: 'DZ_CAP_CANC',
  femoralHeadCartilage: 'DZ_CAP_CART',
  acetabularCartilage: 'DZ_CAP_ACET',
  hipBone: 'DZ_CAP_HIP',
}

const CAP_VERTEX_PARS = /* glsl */ `
varying vec3 vDzWorld;
`
const CAP_VERTEX = /* glsl */ `
#include <begin_vertex>
vDzWorld = (modelMatrix * vec4(transformed, 1.0)).xyz;
`

/** The cortex's cut colour (the section feature's), for the plate the cancellous cap draws. */
const CORTEX_CUT_GLSL = (() => {
  const c = new Color(CUT_COLOUR.femur)
  return `vec3(${c.r.toFixed(4)}, ${c.g.toFixed(4)}, ${c.b.toFixed(4)})`
})()

/**
 * The joint line: the two cartilage caps meet across a joint space of 0.2 mm (the model's), under
 * a pixel at most zooms, so the gap between them showed as a dashed line or not at all (a
 * surgeon's review). Each cartilage cap darkens a band along its joint surface, about a pixel wide
 * whatever the zoom (at least 0.1 mm), from the same surfaces the caps are cut to: one unbroken
 * line where the two layers meet. `inward`: mm from the joint surface into the cap; `r`: a
 * radius that changes across the band as fast as `inward` does (for the pixel's width).
 */
const JOINT_LINE_GLSL = /* glsl */ `
// Linear (the shader's space): about #282b31 on screen, the gap's own dark where it shows.
#define JOINT_LINE_COLOUR vec3(0.02, 0.024, 0.03)
// Thinner than this in the map is the sheet's blurred margin (or none): the staging's thickness stands.
#define JOINT_SHEET_MIN_MM 0.3
float dzJointLine(float inward, float r) {
  float w = max(fwidth(r), 0.1);
  // Beyond the surface (the stencil's mesh reaches a little past it): a pixel or so more.
  return 0.9 * (1.0 - smoothstep(0.75 * w, 1.25 * w, inward)) * step(-max(0.3, 1.5 * w), inward);
}
`

const CAP_FRAGMENT_PARS = /* glsl */ `
#define CRACK_DEPTH ${CRESCENT_DEPTH_MM.value.toFixed(2)}
// Thickness of the subchondral plate drawn under a sunken surface (mm) [design choice: about
// the cortex shell's thickness in the generated head].
#define PLATE_MM 1.2
#define CORTEX_CUT ${CORTEX_CUT_GLSL}
${DZ_COMMON}
uniform mat4 uWorldToModel;
// Model frame → the femur's rest frame, where the disease is laid out (../model/femurPose.ts).
uniform mat4 uFemurRest;
uniform vec3 uColIschaemic;
uniform vec3 uColDead;
uniform vec3 uColOedema;
uniform vec3 uColInterface;
uniform vec3 uColSclerotic;
uniform vec3 uColCyst;
uniform vec3 uColCartilageCut;
varying vec3 vDzWorld;
// Light the face gives off itself: dense bone on a cut is white, and lit like the rest of the
// face it came out a grey fog beside the living bone (a surgeon's review: 206 against 194).
#define DZ_DENSE_GLOW 0.14
vec3 dzCapGlow = vec3(0.0);
// The cut's unit normal in p's frame, from p's change across the screen (a cap is flat). Taken
// where every pixel of the cap runs the same code: screen derivatives are undefined in branches.
vec3 dzCapNormal(vec3 p) {
  vec3 c = cross(dFdx(p), dFdy(p));
  float l = length(c);
  return l > 0.0 ? c / l : vec3(0.0);
}
${CARTILAGE_MAP_GLSL}
${JOINT_LINE_GLSL}
${ACET_CHANGES_GLSL}
`

const CAP_FRAGMENT = /* glsl */ `
#include <color_fragment>
{
  vec3 p = (uWorldToModel * vec4(vDzWorld, 1.0)).xyz;
#if defined(DZ_CAP_HIP)
  {
    // Secondary osteoarthritis in the roof: a band of subchondral sclerosis and a few cysts, each
    // inside a rim of denser bone, where the X-ray and the MRI show them (./acetabularChanges.ts).
    vec3 ac = acetChangesOn(p, dzCapNormal(p));
    float roof = 0.8 * ac.x * uAcetSclerosis;
    if (roof > 0.0) diffuseColor.rgb = mix(diffuseColor.rgb, dzSclerotic(uColSclerotic, p, 1.0 - ac.x), roof);
    dzCapGlow = uColSclerotic * DZ_DENSE_GLOW * roof * (1.0 - ac.y);
    float shown = smoothstep(0.0, 0.3, uAcetSclerosis);
    // The wall: dense bone, white and smooth (no hatch) round the cyst's dark fill.
    diffuseColor.rgb = mix(diffuseColor.rgb, uColSclerotic, shown * ac.z);
    diffuseColor.rgb = mix(diffuseColor.rgb, uColCyst, shown * ac.y);
  }
#else
  // The femur's caps: into the femur's rest frame (it may have migrated at stage IV, or an
  // operation may have turned it out of the socket, or it is the resected head lying aside).
  vec3 pModel = p;
  #if !defined(DZ_CAP_ACET)
    p = (uFemurRest * vec4(p, 1.0)).xyz;
  #endif
  vec3 capNormal = dzCapNormal(p);
  // Fluid only fills the joint: inside the socket's bony surface. Elsewhere the space the sunken
  // head left belongs to what is there (the migrated head's old outline reaches into the roof at
  // stage IV: painting it as fluid hollowed the roof out and widened the joint in the picture).
  bool inSocket = length(pModel - uAcetCentre) < uAcetRadius;
  vec3 q = p - uHeadCentre;
  float r = length(q);
  vec3 dir = q / max(r, 1e-3);
  float R = uHeadRadius;
  float beta = acos(clamp(dot(dir, uNeckDir), -1.0, 1.0));
  float head = step(uJunctionAngle, beta) * step(r, R + 6.0);
  float d = dzCollapseAt(dir) * dzRadial(r) * head;
  // The drawn bony surface along this direction: collapsed, and at stage IV worn flat where the
  // migrated head meets the socket (as the vertex shader draws it).
  float surf = R - d;
  if (uJointSpace < uJointSpaceRest) {
    float cover;
    float limit = dzRemodelLimit(dir, cover);
    surf = min(surf, mix(surf, limit, cover * head));
  }
  float sunk = R - surf;       // how far the surface has moved in here
  float sm = dzFootprint(dir);
  float overLesion = 1.0 - smoothstep(-1.0, 1.0, sm);
  float t = mix(uCartElsewhere, uCartLesion, overLesion) * dzCartilageFit(dir);
  // Joint fluid fills the space the sunken surface leaves (not an empty hole into the model): a
  // clear blue, the fluid of the key, apart from the pale grey-blue cut of cartilage.
  vec3 fluid = uColOedema * 0.85;
  #if defined(DZ_CAP_ACET)
  {
    float ra = length(p - uAcetCentre);
    vec3 da = (p - uAcetCentre) / max(ra, 1e-3);
    float ta = uAcetCart * dzCartilageFit(da);
    if (uAcetRadius - ra > uAcetRoof * ta) discard;
    // The joint line along its surface (see JOINT_LINE_GLSL): the sheet's own surface where it
    // is thinner than the staging's roof (the cap's stencil ends there).
    float sheet = uAcetRoof * ta;
    float mapped = dzSocketSheetMm(da);
    if (uCartMapReady > 0.5 && mapped > JOINT_SHEET_MIN_MM) sheet = min(sheet, mapped);
    diffuseColor.rgb = mix(diffuseColor.rgb, JOINT_LINE_COLOUR, dzJointLine(ra - (uAcetRadius - sheet), ra));
  }
  #elif defined(DZ_CAP_CART)
    if (head > 0.5 && r < surf) discard;
    if (head > 0.5 && r > surf + uCartDome * t) {
      if (sunk > 0.05 && r <= R + uCartDome && inSocket) diffuseColor.rgb = fluid;
      else discard;
    } else if (head > 0.5) {
      // The joint line along its surface (see JOINT_LINE_GLSL): the sheet's own surface where it
      // is thinner than the staging's dome (the cap's stencil ends there).
      float outer = surf + uCartDome * t;
      float mapped = dzHeadSheetMm(dir);
      if (uCartMapReady > 0.5 && mapped > JOINT_SHEET_MIN_MM) outer = min(outer, R + mapped);
      diffuseColor.rgb = mix(diffuseColor.rgb, JOINT_LINE_COLOUR, dzJointLine(outer - r, r));
      float loss = 1.0 - uCartLesion;
      if (dzWornThrough(sm, loss, dir)) {
        if (sunk > 0.05 && inSocket) diffuseColor.rgb = fluid;
        else discard;
      }
    }
  #else
    // Where the undeformed bone was but the drawn bone is not: the sunken cartilage, then fluid.
    // Both femur caps draw it: the cortex's solid is only a shell, and the head can sink
    // deeper than the shell is thick (a hole to the background showed there).
    bool above = sunk > 0.0 && r > surf;
    if (above) {
      if (r < surf + uCartDome * t && !dzWornThrough(sm, 1.0 - uCartLesion, dir)) diffuseColor.rgb = uColCartilageCut;
      else if (inSocket) diffuseColor.rgb = fluid;
      else discard;
    }
    #if defined(DZ_CAP_CANC)
      // The subchondral plate follows the sunken surface: dense bone, as the cortex's cut looks.
      bool plate = !above && sunk > 0.0 && r > surf - PLATE_MM;
      if (plate) diffuseColor.rgb = CORTEX_CUT;
      if (above || plate) secTrabeculaeWeight = 0.0;
    #endif
    vec3 col = diffuseColor.rgb;
    // The slice pattern, in the undeformed coordinates of this point.
    float r0 = r + d;
    vec3 p0 = uHeadCentre + dir * r0;
    float sdf = dzInterface(p0); // mm outside the lesion (+)
    // Oedema in the living bone around the lesion, into the neck in pericollapse, with a feathered edge.
    float halo = uOedema * (1.0 - smoothstep(0.0, 5.0 + 20.0 * uOedema, sdf)) * smoothstep(-0.3, 0.3, sdf);
    #if defined(DZ_CAP_CANC)
      col = mix(col, uColOedema, 0.8 * halo);
    #endif
    // Wherever the domain's lesion is (domain/lesion/geometry.ts isInLesion: inside the ball and
    // the interface), not only beyond the head-neck cone: the cone's edge cut the double line
    // of a deep lesion with a straight step through the head centre.
    if (r <= surf + 0.01) {
      float dem = uDemarcation;
      float inside = 1.0 - smoothstep(-0.4, 0.4, sdf);
      // The lesion's cysts on this cut (x: the cavity, y: its wall), drawn over the interface.
      vec2 cyst = vec2(0.0);
      #if defined(DZ_CAP_CANC)
      if (!plate) {
        // Before it demarcates, the bone whose supply fails (where the lesion will be), hatched.
        vec3 hatch = mix(uColIschaemic, mix(uColIschaemic, vec3(1.0), 0.6), dzHatch(p0));
        col = mix(col, hatch, 0.85 * uIschaemia * (1.0 - smoothstep(0.0, 2.0, sdf)) * (1.0 - dem));
        // Dead bone, stippled.
        col = mix(col, mix(uColDead, uColDead * 0.72, dzStipple(p0)), 0.95 * dem * inside);
        // From ARCO II, with the sclerosis, a few cysts along the inside of the repair zone (DZ_COMMON
        // dzLesionCysts), where the X-ray shows its lucencies; only where the cut opens one
        // (DZ_COMMON dzCutWall). Drawn below, over the interface's bands.
        cyst = dzLesionCystsOn(p0, capNormal) * dem * uSclerotic;
      } else
      #endif
      {
        // The subchondral plate over the lesion: dense bone, greyed where it is dead.
        col = mix(col, mix(col, uColDead, 0.35), dem * inside);
      }
      // The reactive interface along the serpiginous edge: repair tissue inside it (pink), up to a
      // rim of dense bone outside it (white, a few small marrow spaces), faint while the X-ray is
      // still normal (ARCO I), then whiter and thicker as the rim becomes sclerotic (II: seen on
      // X-ray); the bands' shape is DZ_COMMON's dzInterfaceBands, as on the surface.
      vec2 bands = dzInterfaceBands(sdf);
      col = mix(col, uColInterface, 0.95 * dem * uInterface * bands.x);
      float rim = dem * max(uSclerotic, 0.3 * uInterface) * bands.y;
      // Only where the rim is: its pores cost two noises (run on every pixel of a close coronal
      // cut: 11 % more time per frame; with this branch 5 %, both within the runs' spread).
      if (rim > 0.0) col = mix(col, dzSclerotic(uColSclerotic, p0, dzRimOpen(sdf)), 0.92 * rim);
      #if defined(DZ_CAP_CANC)
        // Dense bone, and a cyst, have no room for the cancellous bone's network of marrow spaces
        // (its lines crossed the cysts: the same review).
        secTrabeculaeWeight *= (1.0 - 0.85 * rim) * (1.0 - max(cyst.x, cyst.y));
      #endif
      // The cysts: fluid (the key's dark putty) in a wall of dense bone, white like the rim, and
      // uneven (lobulated, thicker on the living side: dzLesionCystsOn): an even ring read as a
      // drilled hole. Over the bands: a cyst reaching into the repair zone had its cavity and wall
      // cut off straight by the pink band's edge (surgeons' reviews).
      col = mix(col, mix(uColDead, uColSclerotic, 0.6 + 0.3 * dzNoise(p0 * 1.3)), cyst.y);
      col = mix(col, uColCyst, cyst.x);
      dzCapGlow = uColSclerotic * DZ_DENSE_GLOW * max(0.92 * rim * (1.0 - cyst.y), 0.6 * cyst.y) * (1.0 - cyst.x);
      // Subchondral fracture (crescent): a thin lucent line just under the plate, parallel to the
      // (collapsed) surface, from the lesion's anterolateral margin across it as it extends.
      if (uCrescent > 0.0 && sdf < 0.0) {
        float from = acos(clamp(dot(dir, uCrescentDir), -1.0, 1.0));
        float along = 1.0 - smoothstep(uCrescent * uCrescentSpan - 0.06, uCrescent * uCrescentSpan, from);
        float depth = surf - r; // below the drawn surface
        float gap = 0.22 + 0.12 * uCrescent + 0.05 * uCollapseMm;
        float line = 1.0 - smoothstep(gap * 0.6, gap, abs(depth - CRACK_DEPTH - 0.15 * sin(from * 30.0)));
        col = mix(col, vec3(0.1, 0.08, 0.07), 0.95 * line * along);
      }
    }
    diffuseColor.rgb = col;
  #endif
#endif
}
`

function capShader(shader: WebGLProgramParametersWithUniforms, id: CapId): void {
  const vertex = replaceChunk(shader.vertexShader, '#include <common>', `#include <common>\n${CAP_VERTEX_PARS}`)
  shader.vertexShader = replaceChunk(vertex, '#include <begin_vertex>', CAP_VERTEX)
  const fragment = replaceChunk(shader.fragmentShader, '#include <common>', `#include <common>\n#define ${DEFINE[id]}\n${CAP_FRAGMENT_PARS}`)
  shader.fragmentShader = replaceChunk(
    replaceChunk(fragment, '#include <color_fragment>', CAP_FRAGMENT),
    '#include <emissivemap_fragment>',
    '#include <emissivemap_fragment>\ntotalEmissiveRadiance += dzCapGlow;',
  )
}

/**
 * Gives a cut face's material (the section's caps; the resected head's cut faces,
 * ../treatment/removedBone.ts) the slice of the disease for the solid `id`. `femurRest`: model
 * frame → the femur's rest frame for this face; by default the drawn femur's (../model/femurPose.ts,
 * the very matrix it updates in place, so a moved femur's cut is never a frame behind).
 */
export function patchCapMaterial(material: Material, id: CapId, uniforms: DiseaseUniforms, femurRest: { value: Matrix4 } = { value: femurRestMatrix() as Matrix4 }): void {
  material.userData.dzCap = id
  // On top of the section's own look of the cut (e.g. the cancellous bone's trabeculae).
  const own = material.onBeforeCompile.bind(material)
  const ownKey = material.customProgramCacheKey()
  const cut = { uColCartilageCut: { value: new Color(CUT_COLOUR.acetCartilage) }, uFemurRest: femurRest }
  material.onBeforeCompile = (shader, renderer) => {
    own(shader, renderer)
    Object.assign(shader.uniforms, uniforms, cut)
    capShader(shader, id)
  }
  material.customProgramCacheKey = () => `${ownKey}|hip-disease-cap-${id}`
  material.needsUpdate = true
}

/**
 * Patches the caps present in the scene that are not patched yet. Returns those it patched, and
 * whether every cap is there (and so patched): then there is nothing left to look for. With the
 * caps come the deformed bones' stencil passes (made together, ../section/sectionCaps.ts): each is
 * handed to `deform` (PatchResult.deformStencilPass), so the cut ends where the drawn bone does.
 */
export function patchSectionCaps(
  scene: Object3D,
  uniforms: DiseaseUniforms,
  deform: (pass: Mesh, id: (typeof DEFORMING_SOLIDS)[number]) => void,
): { patched: Mesh[]; complete: boolean } {
  const patched: Mesh[] = []
  let complete = true
  for (let i = 0; i < CAP_IDS.length; i++) {
    const cap = scene.getObjectByName(CAP_NAMES[i]!) as Mesh | undefined
    const material = cap?.material as Material | undefined
    if (!cap || !material) complete = false
    if (!cap || !material || material.userData.dzCap) continue
    patchCapMaterial(material, CAP_IDS[i]!, uniforms)
    patched.push(cap)
  }
  if (patched.length > 0) {
    const names = new Map<string, (typeof DEFORMING_SOLIDS)[number]>(DEFORMING_SOLIDS.map((id) => [stencilPassName(id), id]))
    scene.traverse((o) => {
      const id = names.get(o.name)
      // Far from the joint the bone keeps plain materials (model/splitNearJoint.ts), and nothing moves.
      if (id && (o as Mesh).isMesh && !o.parent?.userData.diseaseFree) {
        deform(o as Mesh, id)
        patched.push(o as Mesh)
      }
    })
  }
  return { patched, complete }
}
