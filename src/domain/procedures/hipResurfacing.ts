/**
 * Hip resurfacing arthroplasty (clinical reference §6.6). The femoral-preparation
 * sequence (guide pin, cylindrical reaming, head-height cut, chamfer, peg hole, removal of
 * necrotic bone) is [V] (no manufacturer's technique guide read yet, §8 item 7); only its
 * pitfalls (neck notching, varus) are sourced, and the captions say so.
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
  outlook: cited(
    'In one series of 101 hips with osteonecrosis, about 93 in 100 caps were still working 15 years later. There are risks: the cap moves in a metal cup, and metal wear can irritate the tissue around the hip and put metal into the blood; the operation can harm the ball’s blood supply further, so the cap can loosen or the neck of the thigh bone can break, and then a full hip replacement is needed. Results depend a lot on the surgeon’s experience with it.',
    'S',
    ['amstutz2017', 'springer-mom', 'waewsawangwong2016', 'pmc2807001'],
  ),
  variants: [],
  steps: [
    {
      id: 'approach',
      title: 'Open the joint',
      patient:
        'Under anaesthetic, a cut is made at the back or side of the hip and the joint’s lining is opened. Resurfacing keeps more of your own bone than a full replacement: the ball is trimmed and capped, not removed. It is offered to selected younger, active people with strong bone.',
      clinical: 'Posterior approach is most common; anterior, anterolateral or trochanteric-osteotomy variants aim to spare the MFCA. The capsule is opened to reach the head. The picture shows an anterior-based approach (the head delivered to the front, as in the hip replacement).',
      sizes: [],
      citation: { evidence: 'S', sources: ['medscape-hra', 'pmc2269024', 'hutaif-1723'] },
    },
    {
      id: 'dislocate',
      title: 'Move the ball out of the socket',
      patient: 'The ball is lifted out of the socket (here to the front) and kept, so the surgeon needs a little more room than for a full replacement.',
      clinical: 'Dislocate the hip; exposure must be wider than for THA because the head is kept and must be moved aside to see the acetabulum.',
      sizes: [],
      citation: { evidence: 'S', sources: ['medscape-hra'] },
    },
    {
      id: 'cup',
      title: 'Shape the socket and fit the new cup',
      patient: 'The socket is shaped with round cutters of rising size, and a thin metal cup is pressed in.',
      clinical:
        'Ream the acetabulum and impact the monoblock press-fit cup. The cup is matched to the femoral component, which must be large enough to fit the head without notching the neck, so that size sets how much socket bone is removed. BHR cups: 44–66 mm in 2-mm steps, 3–4 mm thick; one series: mean cup 54 mm (48–64), mean inclination 42.9°.',
      sizes: [
        cited({ what: 'cup outer diameter (BHR range)', value: [44, 66], unit: 'mm' }, 'S', ['hutaif-2041']),
        cited({ what: 'cup wall thickness', value: [3, 4], unit: 'mm' }, 'S', ['hutaif-2041']),
        cited({ what: 'mean cup diameter in one series', value: 54, unit: 'mm' }, 'S', ['patel2014']),
      ],
      citation: { evidence: 'S', sources: ['medscape-hra', 'hutaif-2041', 'patel2014'] },
    },
    {
      id: 'guide-pin',
      title: 'Place a guide pin up the neck',
      patient: 'A thin pin is put into the top of the ball, lined up with the neck. Every cutter that shapes the ball slides along it.',
      clinical:
        'Guide pin through the head along the neck axis, neutral to slight valgus. Varus placement risks a femoral neck fracture, as does a notch in the neck: the pin sets the axis of every femoral cut and of the cap.',
      sizes: [],
      citation: { evidence: 'V', sources: ['mclawhorn', 'medscape-hra'], note: 'the pin’s step is [V]; the varus and notching pitfalls are sourced' },
    },
    {
      id: 'sleeve-ream',
      title: 'Trim the sides of the ball',
      patient: 'A round, hollow cutter slides down over the ball and trims its sides into a short cylinder that the cap fits over.',
      clinical:
        'Cylindrical (sleeve) reaming over the pin to the cap’s inner size. Stop short of the head–neck junction: notching the superior neck cortex risks a neck fracture.',
      sizes: [],
      citation: { evidence: 'V', sources: ['mclawhorn', 'medscape-hra'], note: 'the reaming sequence is [V]; the notching pitfall is sourced' },
    },
    {
      id: 'head-cut',
      title: 'Flatten the top of the ball',
      patient: 'A flat cutter trims the top of the ball level, at the height the cap needs. Where the ball has already sunk, little bone comes off: that hollow is filled with cement later.',
      clinical: 'Planar cut across the pin to set the head height for the cap. Over a collapsed dome little bone comes off, as the segment has sunk below the cut; that gap is filled with cement before the cap goes on.',
      sizes: [],
      citation: { evidence: 'V', sources: ['medscape-hra'], note: 'the preparation sequence is [V] (reference §6.6 step 4)' },
    },
    {
      id: 'chamfer',
      title: 'Bevel the edge',
      patient: 'A cone-shaped cutter bevels the edge between the sides and the flat top, matching the inside of the cap.',
      clinical: 'Chamfer reaming joins the reamed cylinder to the flat top, to the shape of the component’s inside.',
      sizes: [],
      citation: { evidence: 'V', sources: ['medscape-hra'], note: 'the preparation sequence is [V] (reference §6.6 step 4)' },
    },
    {
      id: 'peg-hole',
      title: 'Drill a hole for the cap’s peg',
      patient: 'The pin is taken out and a hole is drilled where it was, for the short peg on the inside of the cap.',
      clinical: 'Drill along the pin’s axis for the component’s short metaphyseal stem (peg).',
      sizes: [],
      citation: { evidence: 'V', sources: ['medscape-hra', 'hutaif-1723'], note: 'the preparation sequence is [V] (reference §6.6 step 4)' },
    },
    {
      id: 'clear-necrosis',
      title: 'Remove the dead bone',
      patient: 'Dead or hollowed-out bone left inside the shaped ball is scraped away, down to healthy bone.',
      clinical: 'Curette out the remaining necrotic and cystic bone under the shaped surface. Larger lesions leave less sound bone under the cap: finite-element models show more stress shielding of the neck.',
      sizes: [],
      citation: { evidence: 'V', sources: ['medscape-hra', 'tai2014'], note: 'the step is [V]; the lesion-size effect is sourced' },
    },
    {
      id: 'cement',
      title: 'Fill the hollow and the cap with cement',
      patient: 'The hole left by the dead bone is filled with bone cement, so the cap rests on something solid, and the cap is filled too. The cement sets hard and holds the cap on the bone.',
      clinical:
        'Pack cement into the curetted defect, the collapsed dome below the flat cut and the peg hole, and fill the cap. In ONFH, cementing the metaphyseal stem gave no femoral failures; in large femoral defects it widens the interface between the remaining vascularised bone and cement, which can help secure fixation.',
      sizes: [],
      citation: {
        evidence: 'Inf',
        sources: ['amstutz2017', 'hutaif-1723'],
        note: 'cementing the cap and its stem is sourced; filling the whole defect under the cap is inferred from Amstutz 2017',
      },
    },
    {
      id: 'impact-cap',
      title: 'Push the metal cap on',
      patient: 'The metal cap, with its short peg, is pushed onto the shaped ball and tapped home.',
      clinical: 'Impact the cap along the pin’s axis until it seats on the flat top, its peg in the drilled hole; clear the extruded cement. Femoral components 42–58 mm (mean 48 mm) in one series.',
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
