/**
 * The numeric staging table: one cited value per parameter at each stage point
 * (STAGE_POINTS = 0, 0.5, 1, 2, 2.5, 3, 3.5, 4).
 *
 * Values are the clinical reference's "suggested animation parameters" (§4.3), which
 * are design choices [Inf] anchored to sourced thresholds; a value is tagged [S] only
 * where the number itself is stated in a source (2 mm, 4 mm, 4.2 mm, "no flattening").
 * Lesion size is deliberately NOT here: it does not grow with stage (see ../lesion.ts).
 */
import { cited, type Cited } from '../evidence.ts'
import type { SourceKey } from '../sources.ts'
import type { PerStagePoint } from './points.ts'

export const STAGE_PARAMETER_IDS = [
  'headTerritoryPerfusion',
  'perfusionPosterosuperior',
  'perfusionInferiorRetinacular',
  'perfusionLfcaAnterior',
  'perfusionLigamentumTeres',
  'perfusionMfcaTrunk',
  'lesionDemarcation',
  'reactiveInterface',
  'scleroticRim',
  'marrowOedema',
  'crescentExtent',
  'collapseDepthMm',
  'cartilageOverLesion',
  'cartilageElsewhere',
  'acetabularCartilage',
  'jointSpaceMm',
  'osteophytes',
  'acetabularSclerosis',
] as const
export type StageParameterId = (typeof STAGE_PARAMETER_IDS)[number]

export interface ParameterTrack {
  /** What the number means, for the expert panel and the About panel. */
  readonly description: string
  readonly unit: '%' | 'mm' | '0–1' | '× normal'
  /** Physical bounds of the parameter; every table value lies inside them. */
  readonly min: number
  readonly max: number
  /** Direction the disease only ever moves this parameter in, if it does. */
  readonly monotone: 'rising' | 'falling' | null
  /**
   * For a finding that defines the stage it enters: the change toward each stage point's value
   * is complete within this share of the slider's way from the point before (eased), not spread
   * over the whole interval. Without it, the values interpolate across each interval.
   */
  readonly onset?: Cited<number>
  readonly values: PerStagePoint<Cited<number>>
}

type Sources = readonly [SourceKey, ...SourceKey[]]
const ANIM: Sources = ['ref-animation']

/** [Inf] value from the reference's animation table (a design choice). */
const inf = (v: number, note = 'reference §4.3 animation value', extra: readonly SourceKey[] = []): Cited<number> =>
  cited(v, 'Inf', [...ANIM, ...extra], note)
/** A value whose number is itself stated in a source. */
const src = (v: number, sources: Sources, note?: string): Cited<number> => cited(v, 'S', sources, note)

const eight = (c: Cited<number>): PerStagePoint<Cited<number>> => [c, c, c, c, c, c, c, c]

const STAYS_PERFUSED = (anchor: SourceKey, why: string): PerStagePoint<Cited<number>> =>
  eight(cited(100, 'Inf', ['ref-failing', anchor], why))

export const PARAMETER_TABLE: Readonly<Record<StageParameterId, ParameterTrack>> = {
  headTerritoryPerfusion: {
    description:
      'Perfusion inside the head, in the anterosuperior–anterolateral dome territory of the lateral epiphyseal arteries, % of normal. In the common non-traumatic disease this is what fails while the vessels outside the bone stay open',
    unit: '%',
    min: 0,
    max: 100,
    monotone: 'falling',
    values: [
      inf(100, 'healthy hip', ['ref-failing']),
      inf(30, 'reference §3, §4.3: circulation fails inside the head; the exact cause is uncertain', ['ref-failing', 'cui2021', 'hines2021']),
      inf(10, 'reference §4.3', ['ref-failing']),
      inf(0, 'reference §4.3: no supply to the necrotic segment from stage II on', ['ref-failing']),
      inf(0, undefined, ['ref-failing']),
      inf(0, undefined, ['ref-failing']),
      inf(0, undefined, ['ref-failing']),
      inf(0, undefined, ['ref-failing']),
    ],
  },
  perfusionPosterosuperior: {
    description:
      'Flow in the posterosuperior retinacular arteries (deep branch of the MFCA), % of their normal flow, when the cause is an injury (femoral-neck fracture, dislocation) that tears or kinks them. In the non-traumatic disease they stay open (100%)',
    unit: '%',
    min: 0,
    max: 100,
    monotone: 'falling',
    values: [
      inf(100, 'healthy hip', ['ref-failing']),
      inf(30, 'reference §3: the traumatic route; these vessels supply most of the head', ['ref-failing', 'cui2021', 'gautier2000', 'zlotorowicz2017']),
      inf(10, 'reference §4.3', ['ref-failing']),
      inf(0, 'reference §4.3: no flow from stage II on', ['ref-failing']),
      inf(0, undefined, ['ref-failing']),
      inf(0, undefined, ['ref-failing']),
      inf(0, undefined, ['ref-failing']),
      inf(0, undefined, ['ref-failing']),
    ],
  },
  perfusionInferiorRetinacular: {
    description: 'Flow in the inferior retinacular (Weitbrecht) artery, % of its normal flow',
    unit: '%',
    min: 0,
    max: 100,
    monotone: null,
    values: STAYS_PERFUSED('boraiah2009', 'secondary supply stays perfused, so the inferior head stays alive (§3)'),
  },
  perfusionLfcaAnterior: {
    description: 'Flow in the LFCA and the anterior neck vessels, % of their normal flow',
    unit: '%',
    min: 0,
    max: 100,
    monotone: null,
    values: STAYS_PERFUSED('dewar2016', 'LFCA territory (≈18% of the head) stays perfused (§3)'),
  },
  perfusionLigamentumTeres: {
    description:
      'Flow in the artery of the ligamentum teres, % of its own (small) normal flow; draw it thin and low-flow at every stage',
    unit: '%',
    min: 0,
    max: 100,
    monotone: null,
    values: STAYS_PERFUSED('ligteres1971', 'supplies only a small area near the fovea in adults; unchanged by the disease (§3)'),
  },
  perfusionMfcaTrunk: {
    description: 'Flow in the MFCA trunk and deep branch up to the retinacular vessels, % of normal',
    unit: '%',
    min: 0,
    max: 100,
    monotone: null,
    values: STAYS_PERFUSED('gautier2000', 'the failure is in the retinacular branches to the head; the trunk also feeds the inferior retinacular artery'),
  },
  lesionDemarcation: {
    description: 'How far the necrotic lesion has demarcated: 0 = not visible, 1 = full size with its reactive rim',
    unit: '0–1',
    min: 0,
    max: 1,
    monotone: 'rising',
    values: [inf(0), inf(0.5), inf(1, 'demarcated on MRI by the end of stage I', ['yoon2020']), inf(1), inf(1), inf(1), inf(1), inf(1)],
  },
  reactiveInterface: {
    description: 'Inner bright line of the MRI double-line sign (repair interface), 0–1',
    unit: '0–1',
    min: 0,
    max: 1,
    monotone: 'rising',
    values: [
      inf(0, 'follows demarcation'),
      inf(0.5, 'follows demarcation', ['mitchell1987']),
      inf(1, 'double line seen in ≈80% of lesions (Mitchell 1987)', ['mitchell1987']),
      inf(1),
      inf(1),
      inf(1),
      inf(1),
      inf(1),
    ],
  },
  scleroticRim: {
    description: 'Radiographic density of the sclerotic shell around the lesion: 0 = invisible on X-ray, 1 = clear sclerotic band',
    unit: '0–1',
    min: 0,
    max: 1,
    monotone: 'rising',
    // ARCO II is defined by sclerosis on the film: ramped across the band (1 → 2), it was half
    // there at 1.5 and stages I and II looked alike (a surgeon's review). On the film from early II.
    onset: cited(0.15, 'Inf', ['yoon2020', 'ficat-radiopaedia'], 'stage II begins when sclerosis is visible on X-ray; the first 15 % of the band shows it arriving'),
    values: [
      inf(0, 'X-ray normal before stage II', ['yoon2020']),
      inf(0, 'X-ray normal or slight osteopenia in stage I', ['ficat1985', 'ficat-radiopaedia']),
      inf(0, 'X-ray normal at the end of stage I', ['yoon2020']),
      inf(1, 'stage II: sclerosis visible on X-ray', ['yoon2020', 'ficat1985', 'ficat-radiopaedia']),
      inf(1),
      inf(1),
      inf(1),
      inf(1),
    ],
  },
  marrowOedema: {
    description:
      'Bone-marrow oedema around the lesion, 0–1. It is not the first sign: the low-signal band comes first (stage I); oedema comes with pain and the subchondral fracture (pericollapse), spreads into the neck, then fades',
    unit: '0–1',
    min: 0,
    max: 1,
    monotone: null,
    values: [
      inf(0),
      inf(0, 'stage I: the band, not oedema, is the first MRI sign; oedema without a band suggests transient bone-marrow oedema', ['ref-failing', 'zhang2018']),
      inf(0, 'none yet: oedema follows pain and the fracture', ['iida2000']),
      inf(0.2, 'oedema appears once pain begins', ['iida2000', 'koo1999']),
      inf(0.9, 'pericollapse: oedema with the subchondral fracture, spreading into the neck; most frequent at Steinberg III', ['zhang2018', 'huang2003', 'vaananen2021']),
      inf(0.6),
      inf(0.35),
      inf(0.2),
    ],
  },
  crescentExtent: {
    description: 'Subchondral fracture (crescent sign): fraction of the lesion’s subchondral surface it runs under, 0–1',
    unit: '0–1',
    min: 0,
    max: 1,
    monotone: 'rising',
    // ARCO III is defined by the subchondral fracture. Ramped across IIIA (2 → 2.5), it ran under
    // half the roof at 2.25, from its anterolateral start, in front of the coronal cut through the
    // head's centre: the stage's defining sign showed in neither the cut nor the tag (a surgeon's
    // review). Under the whole roof from early IIIA.
    onset: cited(0.15, 'Inf', ['yoon2020', 'ficat-radiopaedia'], 'stage III begins with the subchondral fracture (crescent sign); the first 15 % of IIIA shows it spreading'),
    values: [
      src(0, ['yoon2020'], 'no fracture before ARCO III'),
      src(0, ['yoon2020']),
      src(0, ['yoon2020']),
      src(0, ['yoon2020'], 'ARCO II: no subchondral fracture'),
      inf(1, 'crescent complete by the end of IIIA', ['yoon2020', 'ficat1985', 'ficat-radiopaedia']),
      inf(1),
      inf(1),
      inf(1),
    ],
  },
  collapseDepthMm: {
    description: 'Depression of the head surface over the lesion, mm',
    unit: 'mm',
    min: 0,
    max: 6,
    monotone: 'rising',
    values: [
      src(0, ['yoon2020']),
      src(0, ['yoon2020']),
      src(0, ['yoon2020']),
      src(0, ['yoon2020'], 'ARCO II: no flattening'),
      src(2, ['yoon2020', 'zhang2018'], 'ARCO IIIA: depression ≤ 2 mm; end of the pericollapse window'),
      inf(4, 'placed at the Steinberg boundary between 2–4 mm and > 4 mm', ['steinberg1995']),
      inf(5, 'no standard figure beyond 4 mm (reference §8 item 10)'),
      inf(6, 'no standard figure beyond 4 mm (reference §8 item 10)'),
    ],
  },
  cartilageOverLesion: {
    description: 'Femoral-head cartilage thickness over the lesion, × normal',
    unit: '× normal',
    min: 0,
    max: 1,
    monotone: 'falling',
    values: [
      inf(1),
      inf(1),
      inf(1),
      inf(1),
      inf(1, 'cartilage still on the fractured segment; a flap begins here', ['meloni2016']),
      inf(0.7, 'flap and ulcer crater where it was lost', ['meloni2016']),
      inf(0.3),
      inf(0.1),
    ],
  },
  cartilageElsewhere: {
    description: 'Femoral-head cartilage thickness away from the lesion, × normal',
    unit: '× normal',
    min: 0,
    max: 1,
    monotone: 'falling',
    values: [inf(1), inf(1), inf(1), inf(1), inf(1), inf(0.95), inf(0.7, 'stage IV: loss on both sides', ['ficat1985', 'ficat-radiopaedia']), inf(0.5)],
  },
  acetabularCartilage: {
    description:
      'Acetabular cartilage thickness away from the lesion, × normal (the reference gives one row for the head away from the lesion and the acetabulum). Opposite the lesion, jointSpaceMm minus the head cartilage over the lesion gives what is left: at s = 4 that is thinner than 0.5 × normal',
    unit: '× normal',
    min: 0,
    max: 1,
    monotone: 'falling',
    values: [inf(1), inf(1), inf(1), inf(1), inf(1), inf(0.95), inf(0.7, 'stage IV: loss on both sides', ['ficat1985', 'ficat-radiopaedia']), inf(0.5)],
  },
  jointSpaceMm: {
    description: 'Radiographic joint-space width at the top of the head (the two cartilage layers), mm',
    unit: 'mm',
    min: 0,
    max: 7,
    monotone: null,
    values: [
      src(4.2, ['lequesne2004'], 'normal apical JSW 4.19 ± 0.92 mm'),
      src(4.2, ['lequesne2004']),
      src(4.2, ['lequesne2004']),
      src(4.2, ['lequesne2004']),
      inf(4.4, 'JSW may widen slightly in early collapse (Ficat III)', ['ficat1985', 'ficat-radiopaedia']),
      inf(3.6),
      inf(2.2, 'narrows only once cartilage is lost (stage IV)', ['ficat1985', 'ficat-radiopaedia']),
      inf(0.8),
    ],
  },
  osteophytes: {
    description: 'Marginal osteophytes of secondary osteoarthritis (acetabular rim; head–neck junction, largest inferomedially), 0–1',
    unit: '0–1',
    min: 0,
    max: 1,
    monotone: 'rising',
    values: [inf(0), inf(0), inf(0), inf(0), inf(0), inf(0), inf(0.5, 'Ficat IV: acetabular osteophytes', ['ficat1985', 'ficat-radiopaedia']), inf(1)],
  },
  acetabularSclerosis: {
    description: 'Subchondral sclerosis and cysts in the acetabular roof (secondary osteoarthritis), 0–1',
    unit: '0–1',
    min: 0,
    max: 1,
    monotone: 'rising',
    values: [
      inf(0),
      inf(0),
      inf(0),
      inf(0),
      inf(0),
      inf(0.15, 'acetabular changes begin with the joint-space narrowing of ARCO IV', ['yoon2020', 'karachalios2007']),
      inf(0.6, 'subchondral sclerosis and cysts of osteoarthritis', ['karachalios2007']),
      inf(1, undefined, ['karachalios2007']),
    ],
  },
}
