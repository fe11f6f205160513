/**
 * Hip resurfacing arthroplasty (clinical reference §6.6). The femoral-preparation
 * sequence is [V] (no manufacturer's technique guide read yet, §8 item 7).
 */
import { cited } from '../evidence.ts'
import type { ProcedureInfo } from './types.ts'

export const HIP_RESURFACING: ProcedureInfo = {
  plainName: 'Hip resurfacing',
  clinicalName: 'Hip resurfacing arthroplasty (HRA)',
  indication: cited(
    { from: 2.5, to: 3.5 },
    'Inf',
    ['waewsawangwong2016', 'amstutz2017', 'hutaif-1723'],
    'reference §4.3 lists HRA for selected patients in IIIB and early IV, not in advanced OA',
  ),
  indicationText: {
    patient: 'Sometimes offered instead of a full replacement to younger, active people with strong bone, after the ball has started to sink.',
    clinical:
      'Selected young, active patients with good bone quality, with collapse or early OA.',
  },
  outcomes: [
    cited('101 hips in ONFH (mean age 41, any lesion size): 15-year femoral survivorship 93.2%.', 'S', ['amstutz2017']),
    cited('Concern: a further vascular insult to the head, and early failure.', 'S', ['waewsawangwong2016']),
    cited('Finite-element models: larger lesions raise stress shielding of the neck.', 'S', ['tai2014']),
    cited('Metal-on-metal bearings: adverse local tissue reactions, pseudotumours, systemic Co/Cr ion release.', 'S', ['springer-mom']),
    cited('Learning curve: major complications 2.0% in 650 cases by experienced surgeons vs 7.4% in a national survey; all fractures within the first 25 cases.', 'S', ['pmc2807001']),
  ],
  variants: [],
  steps: [
    {
      id: 'approach',
      title: 'Open the joint',
      patient: 'Under anaesthetic, a cut is made at the back or side of the hip to open the joint.',
      clinical: 'Posterior approach is most common; anterior, anterolateral or trochanteric-osteotomy variants aim to spare the MFCA.',
      sizes: [],
      citation: { evidence: 'S', sources: ['medscape-hra', 'pmc2269024'] },
    },
    {
      id: 'dislocate',
      title: 'Move the ball out of the socket',
      patient: 'The ball is lifted out of the socket and kept, so the surgeon needs a little more room than for a full replacement.',
      clinical: 'Dislocate the hip; exposure must be wider than for THA because the head is kept and must be moved aside to see the acetabulum.',
      sizes: [],
      citation: { evidence: 'S', sources: ['medscape-hra'] },
    },
    {
      id: 'cup',
      title: 'Fit the new socket',
      patient: 'The socket is shaped and a thin metal cup is pressed in.',
      clinical:
        'Ream the acetabulum and impact the monoblock press-fit cup, removing enough bone that the femoral component fits without notching the neck. BHR cups: 44–66 mm in 2-mm steps, 3–4 mm thick; one series: mean cup 54 mm (48–64), mean inclination 42.9°.',
      sizes: [
        cited({ what: 'cup outer diameter (BHR range)', value: [44, 66], unit: 'mm' }, 'S', ['hutaif-2041']),
        cited({ what: 'cup wall thickness', value: [3, 4], unit: 'mm' }, 'S', ['hutaif-2041']),
        cited({ what: 'mean cup diameter in one series', value: 54, unit: 'mm' }, 'S', ['patel2014']),
      ],
      citation: { evidence: 'S', sources: ['medscape-hra', 'hutaif-2041', 'patel2014'] },
    },
    {
      id: 'shape-head',
      title: 'Shape the ball',
      patient: 'The ball is trimmed to fit inside a metal cap, and weak or dead bone is removed.',
      clinical:
        'Guide pin along the neck axis (neutral to slight valgus); cylindrical reaming to the cap’s inner size; planar cut for head height; chamfer reaming; drill for the stem; remove necrotic or cystic bone. Avoid notching the neck and varus placement, which risk neck fracture.',
      sizes: [],
      citation: {
        evidence: 'V',
        sources: ['mclawhorn', 'medscape-hra'],
        note: 'the preparation sequence is [V]; only the notching and varus pitfalls are sourced',
      },
    },
    {
      id: 'cement-cap',
      title: 'Cement the metal cap',
      patient: 'A metal cap with a short peg is cemented onto the shaped ball.',
      clinical:
        'Cement the femoral cap with its short metaphyseal stem; in ONFH, cementing the stem gave no femoral failures. Femoral components 42–58 mm (mean 48 mm) in one series.',
      sizes: [cited({ what: 'femoral component diameter', value: [42, 58], unit: 'mm' }, 'S', ['patel2014'])],
      citation: { evidence: 'S', sources: ['amstutz2017', 'hutaif-1723', 'patel2014'] },
    },
    {
      id: 'reduce',
      title: 'Put the joint back together',
      patient: 'The capped ball is put back into the new socket and the wound is closed.',
      clinical: 'Reduce the joint and close.',
      sizes: [],
      citation: { evidence: 'S', sources: ['medscape-hra'] },
    },
  ],
}
