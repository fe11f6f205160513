/**
 * What each stage band looks like and how it is usually managed: X-ray, MRI, symptoms,
 * cartilage integrity and the treatment options usually considered (clinical reference
 * §4.3 "Stage contents", §6). Wording is ours; the facts are the reference's.
 * These are categorical, so they hold for a whole band instead of interpolating.
 */
import { cited, type Cited } from '../evidence.ts'
import type { ProcedureId } from '../procedures.ts'
import { stageBand, type StageBandId } from './bands.ts'

export const CARTILAGE_INTEGRITY = ['intact', 'flap', 'fissured', 'worn-through'] as const
export type CartilageIntegrity = (typeof CARTILAGE_INTEGRITY)[number]

export interface StageFindings {
  readonly xray: Cited<string>
  readonly mri: Cited<string>
  readonly symptoms: Cited<string>
  /** Cartilage over the lesion. */
  readonly cartilage: Cited<CartilageIntegrity>
  /** Treatment options usually considered in this band (clinical wording). */
  readonly treatment: Cited<string>
  /** Procedures of this app usually considered here (for linking the procedure panel). */
  readonly procedures: readonly ProcedureId[]
}

export const STAGE_FINDINGS: Readonly<Record<StageBandId, StageFindings>> = {
  preclinical: {
    xray: cited('Normal.', 'S', ['ficat1985', 'ficat-radiopaedia']),
    mri: cited('Normal by the original definition; modern MRI may already show a lesion.', 'S', ['ficat1985', 'ficat-radiopaedia']),
    symptoms: cited('None; often found in the other hip of someone already diagnosed.', 'S', ['ficat1985', 'min2008']),
    cartilage: cited('intact', 'Inf', ['ref-animation'], 'no joint-surface change before collapse'),
    treatment: cited('Monitoring of hips at risk, such as the other hip.', 'Inf', ['ref-crosswalk'], 'reference §4.3 suggests watching at-risk or contralateral hips'),
    procedures: [],
  },
  I: {
    xray: cited('Normal, or slight osteopenia.', 'S', ['yoon2020', 'ficat1985', 'ficat-radiopaedia']),
    mri: cited(
      'A low-signal band on T1 outlining the lesion comes first; double-line sign on T2 in about 80%. Marrow oedema comes later, with pain and the subchondral fracture; diffuse oedema without a band suggests transient bone-marrow oedema syndrome (the main differential).',
      'S',
      ['mitchell1987', 'yoon2020', 'iida2000', 'zhang2018', 'vassalou2019'],
    ),
    symptoms: cited('Pain in about half (Ficat 1985), otherwise none; motion may be limited.', 'S', ['ficat1985']),
    cartilage: cited('intact', 'S', ['ficat1985', 'ficat-radiopaedia'], 'cartilage intact and joint space normal before collapse'),
    treatment: cited(
      'Observation for small medial lesions; core decompression ± bone-marrow concentrate; bone grafting.',
      'S',
      ['mont2010', 'kuroda2019', 'mont1996', 'hernigou2018', 'aetna0753', 'musculoskeletalkey-cd'],
    ),
    procedures: ['core-decompression', 'bone-grafting'],
  },
  II: {
    xray: cited('Sclerosis (diffuse, local or an upward-concave arc), cysts, or both; no crescent.', 'S', ['yoon2020', 'ficat1985', 'ficat-radiopaedia']),
    mri: cited(
      'Geographic lesion: a wavy low-signal rim around fatty marrow.',
      'S',
      ['mitchell1987', 'seekhealthz-mri'],
      'a low-intensity peripheral rim around a centre isointense with fat in 71% of stage I–II lesions (Mitchell 1987); the wavy outline as SeekHealthz describes it',
    ),
    symptoms: cited('Pain and stiffness.', 'S', ['ficat1985']),
    cartilage: cited('intact', 'S', ['ficat1985', 'ficat-radiopaedia']),
    treatment: cited(
      'Core decompression ± bone-marrow concentrate; non-vascularised or vascularised bone graft; osteotomy if enough intact weight-bearing head remains.',
      'S',
      ['mont1996', 'hernigou2018', 'wang2009', 'yoo2008', 'osawa2021', 'aetna0753', 'musculoskeletalkey-cd'],
    ),
    procedures: ['core-decompression', 'bone-grafting', 'vascularised-fibula'],
  },
  IIIA: {
    xray: cited('Crescent sign: a thin lucent line under the subchondral plate (the fracture); then early flattening, up to 2 mm.', 'S', ['yoon2020', 'ficat1985', 'ficat-radiopaedia']),
    mri: cited('Subchondral fracture; oedema spreading into the neck; joint effusion.', 'S', ['zhang2018', 'vaananen2021']),
    symptoms: cited('Sudden worsening of pain ("pericollapse"); pain may spread to the knee; limp.', 'S', ['zhang2018', 'medscape-clinical']),
    cartilage: cited('intact', 'S', ['meloni2016'], 'cartilage is still attached over the fractured segment'),
    treatment: cited(
      'Joint preservation is still reasonable: bone grafting (non-vascularised or vascularised) or osteotomy; core decompression is less predictable.',
      'S',
      ['zhang2018', 'castro-barrack2000', 'musculoskeletalkey-cd'],
    ),
    procedures: ['bone-grafting', 'vascularised-fibula'],
  },
  IIIB: {
    xray: cited('Segmental flattening: the head is out of round.', 'S', ['ficat1985', 'ficat-radiopaedia']),
    mri: cited('Fracture with a flattened head contour.', 'Inf', ['ref-crosswalk'], 'given without a tag in reference §4.3; follows from the X-ray findings'),
    symptoms: cited('Pain and limp.', 'S', ['ficat1985', 'zhang2018']),
    cartilage: cited('flap', 'S', ['meloni2016'], 'in collapsed heads the cartilage detaches as a flap held only at the lesion margins'),
    treatment: cited(
      'With more than 2 mm of collapse, total hip replacement is usually preferred. Resurfacing only for selected young patients with enough sound bone under the lesion (a large necrotic angle was the one independent risk factor for femoral failure in 202 hips) and within the limits for metal-on-metal bearings (FDA: not with renal insufficiency, metal sensitivity, immunosuppression, current high-dose corticosteroids, or in women of childbearing age). Joint-preserving options still used in young patients: osteotomy, vascularised fibular graft (7-year survival 72% when the head had collapsed before surgery), strut grafts (double strut: 65% good or excellent at ARCO 1994 stage IIIB).',
      'S',
      ['zhang2018', 'kim2020hra', 'fda-mom', 'osawa2021', 'bmc2007fvfg', 'wang2009'],
    ),
    procedures: ['total-hip-replacement', 'hip-resurfacing'],
  },
  'IV-early': {
    xray: cited('Joint-space narrowing with superolateral migration of the head, acetabular sclerosis and cysts, marginal osteophytes.', 'S', ['ficat1985', 'karachalios2007', 'ficat-radiopaedia']),
    mri: cited('Osteoarthritic change on both sides of the joint.', 'Inf', ['ref-crosswalk'], 'given without a tag in reference §4.3'),
    symptoms: cited('Pain, limp and a shrinking range of motion.', 'S', ['ficat1985', 'wheeless-stage4'], 'Ficat III–IV: increasing pain, limp, hip movement progressively diminished'),
    cartilage: cited('fissured', 'Inf', ['ref-animation', 'ficat-radiopaedia'], 'cartilage loss on both sides is sourced; "fissured" is the chosen picture of it'),
    treatment: cited(
      'Total hip replacement; resurfacing only in selected young patients with enough sound bone and no contraindication to a metal-on-metal bearing.',
      'S',
      ['zhang2018', 'waewsawangwong2016', 'kim2020hra', 'fda-mom'],
    ),
    procedures: ['total-hip-replacement', 'hip-resurfacing'],
  },
  'IV-late': {
    xray: cited('Osteoarthritis on top of a deformed head.', 'S', ['ficat1985', 'steinberg1995', 'ficat-radiopaedia']),
    mri: cited('Rarely needed; radiographs show the joint damage.', 'Inf', ['ref-crosswalk'], 'reference §4.3 gives no MRI finding here'),
    symptoms: cited('Motion shrinks until only a small arc of flexion is left.', 'S', ['ficat1985', 'wheeless-stage4'], 'Ficat IV: movement diminishes until only a small range of flexion remains'),
    cartilage: cited('worn-through', 'Inf', ['ref-animation'], 'reference §4.3: "bone on bone" [Inf]'),
    treatment: cited('Total hip replacement.', 'S', ['zhang2018']),
    procedures: ['total-hip-replacement'],
  },
}

/**
 * The IIIA band holds two pictures (./bands.ts: Ficat IIB then III, Steinberg III then IV): the
 * crescent with the dome still round or barely flattened in its first half (the collapse has
 * begun: a surgeon read "no flattening yet" against a heading of "collapse up to 2 mm"), early
 * flattening after. The X-ray line follows.
 */
export const IIIA_XRAY_PHASES: { readonly crescent: Cited<string>; readonly flattening: Cited<string> } = {
  crescent: cited('Crescent sign: a thin lucent line under the subchondral plate (the fracture); the dome still round or barely flattened.', 'S', ['yoon2020', 'ficat-radiopaedia']),
  flattening: cited('Crescent sign with early flattening of the dome (depression up to 2 mm).', 'S', ['yoon2020', 'ficat-radiopaedia']),
}

/**
 * After an injury the questions before the necrosis shows differ from those of the non-traumatic
 * disease (no "other hip"): symptoms and management for the preclinical band in that route.
 */
export const PRECLINICAL_AFTER_INJURY: { readonly symptoms: Cited<string>; readonly treatment: Cited<string> } = {
  symptoms: cited('None from the necrosis yet; the injury itself may still be painful.', 'Inf', ['ref-failing', 'cui2021'], 'the traumatic route (reference §3): necrosis follows the injury silently at first'),
  treatment: cited('Follow-up of the injured hip after fixation or reduction, with imaging if pain develops.', 'Inf', ['ref-failing', 'cui2021'], 'the injured hip is the one at risk; no interval is given in the reference'),
}

/** Findings for the band holding stage s. */
export function stageFindings(s: number): StageFindings {
  return STAGE_FINDINGS[stageBand(s).id]
}
