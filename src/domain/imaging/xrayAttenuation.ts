/**
 * How strongly each tissue stops X-rays, for the simulated radiograph (issue 13), and how the
 * disease changes it stage by stage. Values are linear attenuation relative to water (1 = water,
 * per mm of path), so a picture's brightness follows the density met along each ray: cortex
 * dense, cancellous bone less, cartilage and soft tissue faint (cartilage is radiolucent: the
 * radiographic joint space is the two cartilage layers).
 *
 * The disease adds to cancellous bone only what an AP film shows (clinical reference §4.3):
 * nothing before ARCO II (the lesion keeps the density of normal bone until its rim sclerosis
 * develops, so stage 0 and ARCO I films are the same by construction), then the sclerotic rim and
 * patchy sclerosis, the lucent crescent of the subchondral fracture at III, and the acetabular
 * roof's sclerosis and cysts at IV. Flattening, joint-space narrowing and osteophytes are not
 * densities: they come from the model's own deformed geometry.
 */
import { cited, type Cited } from '../evidence.ts'
import type { Vec3 } from '../viewState.ts'
import { stageValue } from '../staging/stageParameters.ts'

export const XRAY_TISSUES = ['softTissue', 'cartilage', 'fibrous', 'cancellous', 'cortex', 'hipBone', 'metal', 'ceramic', 'polyethylene', 'boneCement'] as const
export type XrayTissue = (typeof XRAY_TISSUES)[number]

const DENSITY_NOTE = 'mineral bone 1.92 vs muscle 1.05 g/cm³; calcium raises bone’s attenuation beyond its density ratio at diagnostic energies'

/** Linear attenuation relative to water. */
export const XRAY_ATTENUATION: Readonly<Record<XrayTissue, Cited<number>>> = {
  softTissue: cited(1, 'Inf', ['rpor2014-densities'], 'muscle (1.05 g/cm³) taken as water: the reference every other value is relative to'),
  cartilage: cited(1.05, 'Inf', ['rpor2014-densities', 'lequesne2004'], 'near soft tissue: radiolucent, the joint space on a film is the two cartilage layers'),
  fibrous: cited(1, 'Inf', ['rpor2014-densities'], 'labrum, capsule and ligaments: soft tissue, invisible on a plain film'),
  cancellous: cited(1.45, 'Inf', ['rpor2014-densities'], `trabecular bone with fatty marrow between: about a quarter of the path is bone (${DENSITY_NOTE})`),
  cortex: cited(2.8, 'Inf', ['rpor2014-densities'], DENSITY_NOTE),
  // Its cortex is also drawn as a shell (HIP_BONE_CORTEX), which adds about 3 mm of water to an
  // AP ray: 1.75 before it, 1.6 with it keeps the 25-mm-thick bone round the socket as it was,
  // where the pelvis lies over the head and its signs (a surgeon's review: brighter, it dimmed them).
  hipBone: cited(1.6, 'Inf', ['rpor2014-densities'], 'the pelvis is modelled as one solid: its thin cortex and cancellous inside averaged along an AP ray'),
  // The implants on a post-operative film (design choices [Inf] that keep the usual look: metal
  // brightest, the ceramic head bright, cement between bone and metal, the polyethylene liner
  // faint: the dark gap between head and shell).
  metal: cited(14, 'Inf', ['efort2018'], 'cobalt-chromium and titanium alloys: a few mm stop the beam, the brightest on a film'),
  ceramic: cited(8, 'Inf', ['efort2018'], 'a ceramic head: dense oxide, bright but below metal'),
  polyethylene: cited(0.92, 'Inf', ['efort2018', 'rpor2014-densities'], 'polyethylene (about 0.94 g/cm³, like fat) stops less than soft tissue: the liner is a faint band between head and shell'),
  boneCement: cited(3, 'Inf', ['amstutz2017'], 'bone cement with its radio-opaque filler: brighter than cortex, darker than metal'),
}

/**
 * The hip bone's cortex, as a shell over the solid the model draws (which averages cortex and
 * cancellous bone). A ray crossing a shell of thickness t at an angle θ to its surface's normal
 * runs t / cos θ through it, so where the beam grazes the bone's surface the cortex is crossed
 * edge-on and shows as a white line: lines a reader finds on an AP film (the iliopectineal line
 * of the pelvic brim, the rim of the obturator foramen, the edges of the ilium and the pubic rami)
 * are the pelvis's own cortex seen tangentially. The socket has none (scene/imaging/imageRenderer.ts
 * NO_SHELL): its roof's line is the solid's own, and its walls' lines crossed the head.
 */
export const HIP_BONE_CORTEX = {
  thicknessMm: cited(1.5, 'Inf', ['anderson2005'], 'the pelvis is a cortical shell over trabecular bone, its thickness varying from place to place; one value here (design choice)'),
  /**
   * The most a shell lengthens a ray, in thicknesses. A ray tangent to a shell of thickness t
   * curved with radius R runs 2√(2Rt) through it: about 7 t for the 1.5-mm cortex over edges
   * rounded to R ≈ 10 mm. A surgeon's review of 7 saw too many, too bright lines (the thin
   * socket walls' two cortices drawn as a double line over the head, where it crossed the stage
   * II sclerosis and the crescent) and asked for 3–4 (design choice).
   */
  maxObliquity: 3.5,
} as const

/** What a crossing of the hip bone's surface at right angles adds, beyond the solid's own (relative attenuation × mm). */
export function hipBoneShellExcess(): number {
  return (XRAY_ATTENUATION.cortex.value - XRAY_ATTENUATION.hipBone.value) * HIP_BONE_CORTEX.thicknessMm.value
}

/** Attenuation beyond soft tissue's, which a structure adds along the length of a ray inside it. */
export function excessAttenuation(tissue: XrayTissue): number {
  return XRAY_ATTENUATION[tissue].value - XRAY_ATTENUATION.softTissue.value
}

/**
 * How much each radiographic sign changes the density of cancellous bone at full strength
 * (relative attenuation added; negative = lucent).
 */
export const XRAY_SIGN_DENSITY: Readonly<Record<keyof XraySigns, Cited<number>>> = {
  scleroticRim: cited(0.9, 'Inf', ['ficat1985', 'yoon2020'], 'stage II sclerosis: the rim of the lesion approaches cortical density'),
  patchySclerosis: cited(0.45, 'Inf', ['ficat1985', 'yoon2020'], 'stage II: sclerosis diffuse or local, mixed with cysts, inside the lesion'),
  crescent: cited(-1.45, 'Inf', ['yoon2020', 'ficat1985'], 'the subchondral fracture is a gap: no bone left along the crescent, so it is lucent'),
  // 1.6 + 1.15 at the plate: the roof's subchondral bone as dense as cortex, as the thickened
  // sourcil of osteoarthritis reads on a film (0.8 did not stand out from the pelvis behind it);
  // it fades away from the plate (ACETABULAR_CHANGES).
  acetabularSclerosis: cited(1.15, 'Inf', ['karachalios2007'], 'stage IV: subchondral sclerosis of the acetabular roof, thickest where it bears load'),
  // A cyst (geode) holds fluid and fibrous tissue: the hip bone's excess over soft tissue is gone.
  acetabularCyst: cited(-excessAttenuation('hipBone'), 'Inf', ['karachalios2007', 'rpor2014-densities'], 'stage IV: subchondral cysts in the sclerotic roof, filled with fluid (soft-tissue density)'),
}

/** The strength (0–1) of each radiographic sign at stage s, from the staging table. */
export interface XraySigns {
  readonly scleroticRim: number
  readonly patchySclerosis: number
  readonly crescent: number
  readonly acetabularSclerosis: number
  /** Subchondral cysts in the roof: they come with its sclerosis (the table's `acetabularSclerosis`). */
  readonly acetabularCyst: number
}

export function xraySigns(s: number): XraySigns {
  const rim = stageValue('scleroticRim', s)
  return {
    scleroticRim: rim,
    // Patchy sclerosis inside the lesion comes with the rim (both are stage II signs).
    patchySclerosis: rim,
    crescent: stageValue('crescentExtent', s),
    acetabularSclerosis: stageValue('acetabularSclerosis', s),
    acetabularCyst: stageValue('acetabularSclerosis', s),
  }
}

/** The density changes of the signs at stage s (relative attenuation added to cancellous bone). */
export function xraySignDensities(s: number): XraySigns {
  const v = xraySigns(s)
  return {
    scleroticRim: v.scleroticRim * XRAY_SIGN_DENSITY.scleroticRim.value,
    patchySclerosis: v.patchySclerosis * XRAY_SIGN_DENSITY.patchySclerosis.value,
    // A gap is as lucent where it has reached as it will ever be: the extent (v.crescent) sets how
    // far the crack runs (the shader's path), not how dark it is. Scaled by the extent too, the
    // crack was half as dark over half its path at mid-IIIA and read as no crescent (a surgeon's
    // review), though IIIA is the crescent's stage.
    crescent: (v.crescent > 0 ? 1 : 0) * XRAY_SIGN_DENSITY.crescent.value,
    acetabularSclerosis: v.acetabularSclerosis * XRAY_SIGN_DENSITY.acetabularSclerosis.value,
    acetabularCyst: v.acetabularCyst * XRAY_SIGN_DENSITY.acetabularCyst.value,
  }
}

/**
 * The shape of the acetabular changes at IV, mm: the sclerosis is a band under the socket's
 * surface, densest against the subchondral plate and fading away from it, thin toward the rim
 * and medially and thickest over the weight-bearing dome (where the sourcil of an osteoarthritic
 * hip thickens on the film); the cysts sit in it, right under the plate. Directions are from the
 * socket's centre and radii along the axes of the model frame of a right hip (x toward the
 * patient's left, so -x is lateral; y superior; z anterior).
 */
export const ACETABULAR_CHANGES = {
  sclerosisEdgeMm: cited(3, 'Inf', ['karachalios2007'], 'the subchondral band away from the load'),
  sclerosisDomeMm: cited(9, 'Inf', ['karachalios2007'], 'the thickened sourcil over the weight-bearing dome'),
  /** How much of its density the band keeps at its far edge (it is densest at the plate). */
  sclerosisFarShare: 0.6,
  /** The weight-bearing dome's direction: superior, a little lateral. */
  loadDirection: [-0.3, 1, 0] as const,
  /** The subchondral plate left between a cyst and the joint, mm. */
  plateMm: 1.2,
  cysts: cited(
    [
      // Each an ellipsoid of its own size, longer front to back (along the roof) than it is deep.
      { direction: [-0.3, 1, 0.05], radiiMm: [3.6, 2.8, 8] },
      { direction: [0.05, 1, -0.2], radiiMm: [2.4, 2, 6] },
      { direction: [-0.12, 1, 0.35], radiiMm: [1.8, 1.5, 4.5] },
    ] as const,
    'Inf',
    ['karachalios2007'],
    'a few subchondral cysts (geodes) of 3–16 mm under the weight-bearing roof, against the plate, each inside the sclerotic band; longest along the roof, where an AP ray crosses them',
  ),
} as const

export type AcetabularCyst = (typeof ACETABULAR_CHANGES.cysts.value)[number]

/**
 * A cyst's centre from the socket's centre (mm, model frame): along its direction, under the
 * plate by its own depthwise radius beyond the socket's surface of radius `socketRadius`.
 * The pictures' GLSL places it the same way (scene/disease/acetabularChanges.ts).
 */
export function acetabularCystOffset(cyst: AcetabularCyst, socketRadius: number): Vec3 {
  const [x, y, z] = cyst.direction
  const l = Math.hypot(x, y, z)
  const r = socketRadius + ACETABULAR_CHANGES.plateMm + cyst.radiiMm[1]
  return [(x / l) * r, (y / l) * r, (z / l) * r]
}
