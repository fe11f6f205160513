/**
 * Total hip arthroplasty (clinical reference §6.5); steps follow the Orthopedia
 * animation (lateral or anterolateral approach, patient on the side).
 */
import { cited } from '../evidence.ts'
import type { ProcedureInfo } from './types.ts'

const STEPS_SOURCE = ['orthopedia-tha'] as const

export const TOTAL_HIP_REPLACEMENT: ProcedureInfo = {
  plainName: 'Hip replacement',
  clinicalName: 'Total hip arthroplasty (THA)',
  indication: cited({ from: 2.5, to: 4 }, 'S', ['zhang2018'], 'collapse > 2 mm and OA: ARCO IIIB–IV, Ficat III–IV'),
  indicationText: {
    patient: 'Usually advised once the ball has sunk or the joint has worn, when saving the hip is unlikely to last.',
    clinical:
      'Post-collapse > 2 mm and OA: ARCO IIIB–IV, Ficat III–IV.',
  },
  outcomes: [
    cited('ONFH patients are young (mean 32.0 vs 59.6 years in OA, direct anterior approach); at 104 months results equalled or bettered OA, with no revisions in the AVN group.', 'S', ['jcot2022']),
    cited('36 vs 28 mm heads (RCT): dislocation at 1 year 1.3% vs 5.4%.', 'S', ['jbjs2012head']),
  ],
  variants: [],
  steps: [
    {
      id: 'approach',
      title: 'Open the joint',
      patient: 'You lie on your side under anaesthetic; a cut on the side of the hip lets the surgeon open the joint.',
      clinical: 'Lateral or anterolateral approach with the patient on the side; open the soft tissues and the capsule.',
      sizes: [],
      citation: { evidence: 'S', sources: STEPS_SOURCE },
    },
    {
      id: 'neck-cut',
      title: 'Remove the damaged ball',
      patient: 'The neck of the thigh bone is cut and the damaged ball is removed.',
      clinical: 'Osteotomise the femoral neck with a saw and remove the head.',
      sizes: [],
      citation: { evidence: 'S', sources: STEPS_SOURCE },
    },
    {
      id: 'ream-acetabulum',
      title: 'Shape the socket',
      patient: 'The socket is shaped with round reamers until healthy bone is reached.',
      clinical: 'Ream the acetabulum with sized reamers down to bleeding bone.',
      sizes: [],
      citation: { evidence: 'S', sources: STEPS_SOURCE },
    },
    {
      id: 'cup',
      title: 'Fit the new socket',
      patient: 'A metal cup is pressed into the socket, sometimes held with a screw.',
      clinical:
        'Impact a press-fit shell; optionally drill a pilot hole and add a screw. Classic Lewinnek "safe zone": 40° ± 10° inclination, 15° ± 10° anteversion; modern reviews find no universal safe zone. The transverse acetabular ligament is a landmark for orientation.',
      sizes: [
        cited({ what: 'cup inclination', value: 40, unit: '°', tolerance: 10 }, 'S', ['abdel2016', 'seagrave2017', 'meermans2022']),
        cited({ what: 'cup anteversion', value: 15, unit: '°', tolerance: 10 }, 'S', ['abdel2016', 'seagrave2017', 'meermans2022']),
      ],
      citation: { evidence: 'S', sources: ['orthopedia-tha', 'meermans2022'] },
    },
    {
      id: 'liner',
      title: 'Add the liner',
      patient: 'A smooth liner goes inside the cup for the new ball to move against.',
      clinical: 'Insert the liner, today typically highly cross-linked polyethylene.',
      sizes: [],
      citation: { evidence: 'S', sources: ['orthopedia-tha', 'efort2018'] },
    },
    {
      id: 'broach-femur',
      title: 'Prepare the thigh bone',
      patient: 'The inside of the thigh bone is shaped to take the stem of the new joint.',
      clinical: 'Open the femoral canal with a starting reamer, then sequential broaches up to stem size.',
      sizes: [cited({ what: 'stem cavity length', value: [15, 20], unit: 'cm' }, 'S-sec', ['hammadmalik'], 'secondary source only (reference §8 item 11)')],
      citation: { evidence: 'S', sources: STEPS_SOURCE },
    },
    {
      id: 'stem-head-reduce',
      title: 'Fit the stem and ball, then put the joint back together',
      patient: 'After a trial fit, the final stem and a new ball are fitted and the hip is put back in place.',
      clinical:
        'Trial, then the final stem and modular head; reduce. 32 and 36 mm heads are now the most common (32 mm recommended on metal-on-XLPE); in an RCT, 36 vs 28 mm heads: dislocation at 1 year 1.3% vs 5.4%.',
      sizes: [cited({ what: 'femoral head diameter', value: [32, 36], unit: 'mm' }, 'S', ['efort2018', 'jbjs2012head'])],
      citation: { evidence: 'S', sources: ['orthopedia-tha', 'efort2018'] },
    },
  ],
}
