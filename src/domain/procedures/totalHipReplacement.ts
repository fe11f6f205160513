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
    cited('Metal-on-conventional polyethylene has been the gold standard, but survivorship is limited in young, active patients by wear and osteolysis.', 'S', ['waewsawangwong2016']),
  ],
  outlook: cited(
    'Most people get lasting relief from pain: in one study, people with osteonecrosis (often much younger) did as well as people with arthritis, about 9 years on. There are risks: the new ball can slip out of its socket (in one trial about 1 in 75 people in the first year with a 36-mm ball, about 1 in 20 with a 28-mm one), and in young, active people the parts can wear and loosen over the years, which can mean another operation.',
    'S',
    ['jcot2022', 'jbjs2012head', 'waewsawangwong2016'],
  ),
  variants: [],
  steps: [
    {
      id: 'approach',
      title: 'Open the joint',
      patient: 'You lie on your side under anaesthetic. Through a cut on the side of the hip, the surgeon opens the tough bag around the joint (the capsule).',
      clinical: 'Lateral or anterolateral approach with the patient on the side; through the soft tissues, open the capsule to expose the head and neck.',
      sizes: [],
      citation: { evidence: 'S', sources: STEPS_SOURCE },
    },
    {
      id: 'dislocate',
      title: 'Bring the ball out of the socket',
      patient: 'The leg is turned outward and brought back and across, so the ball comes out of the front of the socket.',
      clinical:
        'Dislocate anteriorly (the anterolateral approach): external rotation with extension and adduction lever the head out of the front of the acetabulum and deliver the neck into the wound. The angles drawn are illustrative.',
      sizes: [],
      citation: {
        evidence: 'Inf',
        sources: ['orthopedia-tha', 'ref-procedures'],
        note: 'the reference names the approach (lateral or anterolateral, §6.5) but not the dislocation; an anterior dislocation is the one that goes with it, and its angles are a design choice',
      },
    },
    {
      id: 'neck-cut',
      title: 'Cut the neck of the thigh bone',
      patient: 'A power saw cuts through the neck of the thigh bone, at a height planned for the new joint.',
      clinical:
        'Osteotomise the femoral neck with an oscillating saw at the planned level above the lesser trochanter, stopping at the saddle so the greater trochanter is kept; the height is set by the stem’s planned seat.',
      sizes: [],
      citation: { evidence: 'S', sources: STEPS_SOURCE },
    },
    {
      id: 'remove-head',
      title: 'Take out the damaged ball',
      patient: 'The cut is finished and the ball, with the damaged bone inside it, is lifted out.',
      clinical: 'Complete the osteotomy and remove the femoral head with the necrotic segment and its cartilage.',
      sizes: [],
      citation: { evidence: 'S', sources: STEPS_SOURCE },
    },
    {
      id: 'ream-acetabulum',
      title: 'Shape the socket',
      patient: 'The socket is shaped with round reamers, each a little larger, down to healthy bone and as deep as the floor of the socket, so the new cup sits snugly in bone.',
      clinical:
        'Ream the acetabulum with sized reamers, each one larger, down to bleeding bone; shown here is the conventional technique, medially to the true floor (the floor of the fossa, at the lateral teardrop line), rarely deeper, then enlarged. Its cost: it medialises the centre of rotation (5.0 mm medial, 3.7 mm superior on average, more with a deep floor), where peripheral reaming referenced off the rim kept it within ≈1 mm (Meermans 2016); Shao 2018 restored it with the cup ≈2 mm lateral to the teardrop. The last reamer leaves the bed for a press-fit shell.',
      sizes: [
        cited({ what: 'centre of rotation after reaming to the floor, medial', value: 5.0, unit: 'mm', tolerance: 3.3 }, 'S', ['meermans2016']),
        cited({ what: 'teardrop (medial wall) thickness, ONFH hips', value: 6.13, unit: 'mm', tolerance: 1.42 }, 'S', ['shao2018']),
      ],
      citation: { evidence: 'S', sources: ['orthopedia-tha', 'wheeless-floor', 'meermans2016', 'shao2018'] },
    },
    {
      id: 'cup',
      title: 'Fit the new socket',
      patient: 'A metal cup is pressed firmly into the shaped socket, tilted to suit the hip; sometimes a screw holds it too.',
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
      patient: 'A smooth plastic liner clicks into the cup for the new ball to move against.',
      clinical: 'Insert the liner, today typically highly cross-linked polyethylene, and lock it in the shell.',
      sizes: [],
      citation: { evidence: 'S', sources: ['orthopedia-tha', 'efort2018'] },
    },
    {
      id: 'broach-femur',
      title: 'Prepare the thigh bone',
      patient: 'The inside of the thigh bone is opened and shaped with rasps, each a little larger, to take the stem of the new joint.',
      clinical: 'Open the femoral canal with a starting reamer, then sequential broaches up to stem size.',
      sizes: [cited({ what: 'stem cavity length', value: [15, 20], unit: 'cm' }, 'S-sec', ['hammadmalik'], 'secondary source only (reference §8 item 11)')],
      citation: { evidence: 'S', sources: STEPS_SOURCE },
    },
    {
      id: 'trial',
      title: 'Try the new joint',
      patient: 'The last rasp is left in the bone with a trial ball on it, and the hip is put back in and moved, to check that it is steady and the leg’s length is right.',
      clinical: 'Trial reduction: with the final broach seated, fit a trial neck and head and reduce the hip; check stability and leg length, changing the trial head’s length if needed.',
      sizes: [],
      citation: { evidence: 'S', sources: ['orthopedia-tha'] },
    },
    {
      id: 'stem',
      title: 'Fit the stem',
      patient: 'The hip is taken out again, the rasp removed, and the metal stem is tapped into the shaped thigh bone.',
      clinical: 'Dislocate, remove the trial and the broach, then impact the final stem, press-fit in the broached canal.',
      sizes: [],
      citation: { evidence: 'S', sources: ['orthopedia-tha', 'efort2018'] },
    },
    {
      id: 'head',
      title: 'Fit the new ball',
      patient: 'A new ball is fixed onto the top of the stem.',
      clinical:
        'Impact the modular head on the taper; drawn here: a 36-mm ceramic head on highly cross-linked polyethylene. 32 and 36 mm heads are now the most common (32 mm recommended on metal-on-XLPE); in an RCT, 36 vs 28 mm heads: dislocation at 1 year 1.3% vs 5.4%.',
      sizes: [cited({ what: 'femoral head diameter', value: [32, 36], unit: 'mm' }, 'S', ['efort2018', 'jbjs2012head'])],
      citation: { evidence: 'S', sources: ['orthopedia-tha', 'efort2018'] },
    },
    {
      id: 'reduce',
      title: 'Put the joint back together',
      patient: 'The leg is turned back and the new ball goes into the new socket: the new joint is complete.',
      clinical: 'Reduce the hip: the head into the liner, the leg back to neutral.',
      sizes: [],
      citation: { evidence: 'S', sources: STEPS_SOURCE },
    },
  ],
}
