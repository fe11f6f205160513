/**
 * Named morphometrics of the default adult right hip the generator builds (src/anatomy).
 *
 * Why one "self-consistent" set: the published values come from different cohorts and
 * methods (adolescent CT, magnified radiographs, dry bones without cartilage), so they do
 * not fit together as they stand. Following clinical.md §4.3 we fix the bony femoral head
 * first (46 mm), add cartilage on both sides, and derive the bony acetabular sphere from
 * the radiographic joint space, instead of taking the dry-bone acetabular diameter as is.
 * Every value carries its source; `cohort` (mean ± SD, where one exists) is what the
 * model tests measure against (mean ± 2 SD), never the widest range ever reported.
 *
 * Pure data: no three, no React. Lengths in millimetres, angles in degrees.
 */

/** A published cohort value the generated model is tested against. */
export interface Cohort {
  readonly mean: number
  readonly sd: number
  /** Short citation, full reference in /work/shared/reference/clinical.md §2.1. */
  readonly source: string
}

export interface Morphometric {
  /** The value the generator uses. */
  readonly value: number
  readonly unit: 'mm' | 'deg'
  /** Where the value comes from and how it was reconciled with other cohorts. */
  readonly note: string
  /** Cohort used by the model tests, when a mean and SD were published. */
  readonly cohort?: Cohort
}

const m = (value: number, unit: 'mm' | 'deg', note: string, cohort?: Cohort): Morphometric =>
  cohort ? { value, unit, note, cohort } : { value, unit, note }

export const DEFAULT_HIP = {
  /**
   * Bony head radius. Adult radiographs read 48–51 mm (magnified, Abdulai 2024) and the
   * adolescent CT 49 mm M / 44 mm F (Jamali); resurfacing components average 48 mm
   * including cartilage (Patel 2014). clinical.md §4.3 takes 46 mm of bone, midway
   * between the sexes, so that bone + 2 mm cartilage ≈ 50 mm matches the implant sizes.
   */
  headRadius: m(23, 'mm', 'clinical.md §4.3 default; Jamali CT radius 24.5±1.7 M / 21.9±1.1 F', {
    mean: 23.2,
    sd: 1.8,
    source: 'Jamali radial CT (M and F pooled: 24.5±1.7, 21.9±1.1 mm)',
  }),
  /**
   * Neck radius at the waist (mean of the supero-inferior and antero-posterior radii;
   * the neck is oval, taller than it is deep). Jamali: 16.1±2.3 M, 13.8±2.4 F; we take
   * the pooled middle, consistent with a 23 mm head and an ≈8.5 mm head–neck offset.
   */
  neckRadius: m(14.6, 'mm', 'Jamali CT neck radius, sexes pooled', {
    mean: 15.0,
    sd: 2.4,
    source: 'Jamali radial CT (16.1±2.3 M, 13.8±2.4 F)',
  }),
  /** Head radius minus neck radius at the waist: Jamali 8.4±2.0 M, 8.1±2.3 F. */
  headNeckOffset: m(8.4, 'mm', 'Jamali CT head–neck offset', {
    mean: 8.3,
    sd: 2.2,
    source: 'Jamali radial CT (8.4±2.0 M, 8.1±2.3 F)',
  }),
  /**
   * Neck-shaft angle: 3D-CT 124.7±6.2 (Carmona, 628 hips); dry bones 129.2 (Toogood);
   * Chinese adults 133. We use 127, inside all cohorts, closest to the largest 3D-CT one.
   */
  neckShaftAngle: m(127, 'deg', 'Carmona 3D-CT 124.7±6.2; Toogood 129.2; Jiang 133', {
    mean: 124.7,
    sd: 6.2,
    source: 'Carmona et al., 3D-CT, 628 hips',
  }),
  /** Femoral anteversion: 3D-CT 14.5±8.1 (Carmona); dry bone 9.7; Chinese 10.6. */
  femoralAnteversion: m(13, 'deg', 'Carmona 3D-CT 14.5±8.1; Toogood 9.7; Jiang 10.6', {
    mean: 14.5,
    sd: 8.1,
    source: 'Carmona et al., 3D-CT',
  }),
  /** Femoral offset (head centre to shaft axis): 42.9±6.8 (Carmona). */
  femoralOffset: m(41, 'mm', 'Carmona 42.9±6.8, slightly reduced for the 46 mm head', {
    mean: 42.9,
    sd: 6.8,
    source: 'Carmona et al., 3D-CT',
  }),
  /**
   * Anatomical shaft axis against the vertical in the coronal plane (standing). Not in
   * clinical.md: a display choice [Inf] so the femur stands as in a radiograph; every
   * femoral angle above is measured relative to the shaft axis, not to the vertical.
   */
  shaftAdduction: m(7, 'deg', '[Inf] display posture; angles are measured from the shaft axis'),
  /**
   * Sharp angle (teardrop to lateral acetabular edge, AP view): 38.8 (±2 SD 32–46,
   * Fowkes 2011); reference 38–42 (Tannast 2015). The generator builds the rim plane in
   * 3D and places the teardrop on the inferomedial wall; the test measures Sharp's line.
   */
  acetabularInclination: m(39, 'deg', 'Fowkes 2011 Sharp angle 38.8 (±2SD 32–46); Tannast 38–42', {
    mean: 38.8,
    sd: 3.5,
    source: 'Fowkes 2011 (±2 SD 32–46°)',
  }),
  /**
   * Inclination of the 3D rim plane's axis against the vertical. Sharp's angle is read
   * to the teardrop, which lies below the rim, so the rim plane itself is steeper; this
   * value is chosen [Inf] so the radiographic Sharp angle lands near 39°.
   */
  rimPlaneInclination: m(50, 'deg', '[Inf] chosen so that the Sharp angle measures ≈39°'),
  /**
   * Acetabular anteversion, 3D-CT: 17.3±5.2 M, 20.1±3.5 F (Korean adults, CiOS 2022),
   * read on the axial plane through the head centre (line joining the anterior and
   * posterior rim edges against the sagittal plane); that is how the tests measure it.
   */
  acetabularAnteversion: m(18, 'deg', 'CiOS 2022 3D-CT 17.3±5.2 M / 20.1±3.5 F; Jiang 18.8', {
    mean: 18.5,
    sd: 4.6,
    source: 'Clin Orthop Surg 2022 3D-CT (M 17.3±5.2, F 20.1±3.5)',
  }),
  /**
   * Anteversion of the 3D rim-plane axis against the coronal plane. The axial reading above
   * also sees the undulating rim (posterior wall higher, psoas notch lower), which adds
   * several degrees; this value is chosen [Inf] so the axial anteversion measures ≈18–20°.
   */
  rimAxisAnteversion: m(12, 'deg', '[Inf] chosen so that the axial anteversion measures ≈18–20°'),
  /**
   * Lateral centre-edge angle: 33.6 (2.5–97.5th percentile 18.1–48.0, Werner 2012), so
   * SD ≈ 7.5. Tannast's normal band 23–33. We take 32, inside both.
   */
  centreEdgeAngle: m(32, 'deg', 'Werner 2012 33.6 (18.1–48.0); Tannast 23–33', {
    mean: 33.6,
    sd: 7.5,
    source: 'Werner 2012 (2.5–97.5th percentile 18.1–48.0)',
  }),
  /**
   * Superior radiographic joint space = head cartilage + acetabular cartilage (+ a thin
   * synovial film we keep at 0.2 mm so the two cartilage meshes never touch).
   * Lequesne 2004: 4.19±0.92 mm.
   */
  jointSpaceSuperior: m(4.2, 'mm', 'Lequesne 2004 4.19±0.92', {
    mean: 4.19,
    sd: 0.92,
    source: 'Lequesne 2004, 446 hips',
  }),
  /** Head cartilage at the dome, thickest just anterior to the zenith (Shepherd 1999). */
  headCartilageDome: m(2.0, 'mm', 'clinical.md §4.3; pattern Armstrong 1977, Shepherd 1999'),
  /** Head cartilage at its irregular margin. */
  headCartilageMargin: m(1.0, 'mm', 'clinical.md §4.3'),
  /**
   * Acetabular cartilage: 1.34±0.15 (secondary source) to 1.77 (dysplastic); §4.3 uses
   * 1.5–2.0. We take 2.0 at the lateral sourcil (thickest, Ashwell 2016) so that the
   * superior joint space adds up to 4.2 mm, thinning to 1.5 mm at the horns.
   */
  acetabularCartilageRoof: m(2.0, 'mm', 'clinical.md §4.3; pattern Ashwell 2016'),
  acetabularCartilageHorns: m(1.5, 'mm', 'clinical.md §4.3'),
  /** Synovial film kept between the two cartilage surfaces [Inf]. */
  synovialGap: m(0.2, 'mm', '[Inf] keeps the cartilage meshes apart'),
  /**
   * Bony acetabular sphere radius = head radius + superior joint space
   * (46 + 2 × 4.2 ≈ 54 mm diameter, clinical.md §4.3). Dry-bone cohorts: 46.3±2.3 and
   * 48.98±2.91 mm measure the rim opening, which is narrower than the sphere.
   */
  acetabularRadius: m(27.2, 'mm', 'derived: headRadius + jointSpaceSuperior (§4.3)', {
    mean: 24.5,
    sd: 1.5,
    source: 'dry-bone rim diameter 48.98±2.91 mm (radius)',
  }),
  /** Acetabular depth from the rim plane: 24.1±2.5 and 27.2±3.5 (dry bones). */
  acetabularDepth: m(25, 'mm', 'dry bones 24.1±2.5, 27.2±3.5; M 26.9 / F 25.3', {
    mean: 25.6,
    sd: 3.0,
    source: 'pkheartjournal 1355 and Khobragade (pooled)',
  }),
  /** Depth of the acetabular fossa below the lunate surface [Inf]. */
  fossaDepth: m(3.5, 'mm', '[Inf] non-articular fossa, floor of the teardrop'),
  /** Labrum width 5.3±2.6 (Tan 2001 cadavers). */
  labrumWidth: m(5.5, 'mm', 'Tan 2001 5.3±2.6; widest anterosuperiorly', {
    mean: 5.3,
    sd: 2.6,
    source: 'Tan 2001, 55 cadaver hips',
  }),
  /** Fovea capitis footprint 84 mm² (PMC5347434) → radius ≈ 5.2 mm. */
  foveaRadius: m(5.2, 'mm', 'PMC5347434 femoral footprint 84 mm²'),
  /** Proximal femur length kept below the head centre (proximal half of the femur). */
  femurLength: m(200, 'mm', '[Inf] proximal half for the scene'),
} as const

export type HipMorphometrics = typeof DEFAULT_HIP
export type MorphometricName = keyof HipMorphometrics

/** Plain numbers of the default hip, for the generator. */
export function morphometricValues(
  hip: { readonly [K in MorphometricName]: Morphometric } = DEFAULT_HIP,
): { readonly [K in MorphometricName]: number } {
  const out = {} as { [K in MorphometricName]: number }
  for (const key of Object.keys(hip) as MorphometricName[]) out[key] = hip[key].value
  return out
}
