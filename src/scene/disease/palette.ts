/**
 * Colours of the disease overlay. Perfused, ischaemic and dead bone must stay apart for
 * viewers with protanopia or deuteranopia (about 1 in 12 men), so the triad is blue /
 * orange / grey — the hue pair that survives red–green colour blindness — with different
 * lightness as a second cue. tests/unit/disease-palette.test.ts simulates protan, deutan and
 * tritan vision (Machado 2009) and checks a minimum CIELAB distance between every pair.
 */

export const DISEASE_PALETTE = {
  /** Living, perfused bone (shown in the see-through view). */
  perfused: '#2f78d0',
  /** Bone whose supply has failed but which is not yet dead: the territory tint before necrosis. */
  ischaemic: '#f39a2c',
  /** Necrotic bone inside the lesion. */
  dead: '#8a8780',
  /** Bone-marrow oedema halo (fluid: bright on fluid-sensitive MRI). */
  oedema: '#86cdea',
  /**
   * Inner band of the reactive interface: hyperaemic granulation and fibrous tissue at the repair
   * front (its bright inner line on T2 MRI). A pale salmon pink: apart from the arteries'
   * crimson and, in lightness, from the dead bone's grey.
   */
  interface: '#f2b0a0',
  /**
   * Outer band: the sclerotic margin, thickened trabeculae — dense bone, so paler than the bone
   * round it, as on a cut specimen and an X-ray. (It was dark brown, the MRI's dark outer line:
   * on a cut face a surgeon read it as a pit.) The MRI picture draws its own signal.
   */
  sclerotic: '#fbf7ee',
  /**
   * A cyst: in the socket's roof at stage IV (a geode) and in the dead segment from ARCO II. Mucoid
   * fluid and fibrous tissue in a cavity, so darker than the bone round it, as it is lucent on the
   * X-ray: a dark putty brown inside its pale wall of dense bone. Paler grey-white read as solid
   * bone, light blue as fluid in the joint, and ochre as the fatty marrow's yellow (surgeons' reviews).
   */
  cyst: '#5b5245',
  /** An artery carrying blood. */
  arteryFlowing: '#c1272d',
  /** An occluded artery: no flow — darker, still a vessel (not grey like a metal wire). */
  arteryOccluded: '#5a1a22',
} as const

/**
 * Dense bone's few marrow spaces: the sclerotic colour times this, a pale yellow-tan like marrow
 * (grey ones read as holes or as flecks of dead bone: a surgeon's review). The shaders inject it
 * (scene/disease/shaders.ts dzSclerotic); the legend's swatch uses it too.
 */
export const SCLEROTIC_PORE_TINT = [0.92, 0.86, 0.74] as const

export type DiseaseColourId = keyof typeof DISEASE_PALETTE

/** The pairs that must never be confused. */
export const DISTINCT_PAIRS: readonly (readonly [DiseaseColourId, DiseaseColourId])[] = [
  ['perfused', 'ischaemic'],
  ['perfused', 'dead'],
  ['ischaemic', 'dead'],
  ['oedema', 'ischaemic'],
  ['oedema', 'dead'],
  ['arteryFlowing', 'arteryOccluded'],
  // The reactive interface's band lies against the dead bone, and is not a vessel.
  ['interface', 'dead'],
  ['interface', 'arteryFlowing'],
  // The roof's cysts lie beside the joint's fluid, in the sclerotic band, above the dead bone.
  ['cyst', 'oedema'],
  ['cyst', 'sclerotic'],
  ['cyst', 'dead'],
]

export type Rgb = readonly [number, number, number]

/** '#rrggbb' → sRGB components 0..1. */
export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16)
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255]
}
