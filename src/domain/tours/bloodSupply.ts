/**
 * Tour "How the hip gets its blood": the arteries of the femoral head, from the main supplier to
 * the smallest, then the two ways the supply fails (clinical reference §2.2 and §3).
 */
import type { Tour } from './types.ts'

/** Front-to-back cut through the head's centre, looked at from the front (its face). */
const CORONAL_CUT = { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] } as const

export const BLOOD_SUPPLY_TOUR: Tour = {
  id: 'blood-supply',
  scenes: [
    {
      id: 'joint',
      view: { stage: 0, view: 'anterior', labels: true },
      title: { patient: 'A ball in a socket', clinical: 'The hip joint' },
      caption: {
        patient:
          'Your hip is a ball and socket: the ball at the top of the thigh bone sits in a cup in the pelvis. Like all living bone, the ball needs a steady supply of blood, and it gets it through a few small arteries.',
        clinical:
          'The femoral head articulates with the acetabulum. Its arterial supply comes mainly from the medial femoral circumflex artery (MFCA, ≈82% of the head), with the lateral circumflex (LFCA, ≈18%) and the artery of the ligamentum teres as minor contributors.',
      },
      citation: { sources: ['dewar2016', 'ligteres1971'], evidence: 'S' },
      seconds: 10,
    },
    {
      id: 'mfca',
      view: { stage: 0, view: 'posterior', hidden: [], selected: 'medialCircumflexArtery' },
      title: { patient: 'The main supplier', clinical: 'Medial circumflex femoral artery' },
      caption: {
        patient:
          'Most of the blood for the ball — about four fifths in one study — comes from one artery that wraps round the back of the thigh bone: the medial circumflex femoral artery.',
        clinical:
          'The MFCA supplies ≈82% of the head and 67% of the neck (gadolinium MRI, 10 cadaveric pelvises; Dewar 2016). It arises with the LFCA from the profunda femoris in 50% of hips and from the common femoral artery in 31% (100 CT angiograms; Złotorowicz 2018).',
      },
      citation: { sources: ['dewar2016', 'zlotorowicz2018'], evidence: 'S' },
      seconds: 10,
    },
    {
      id: 'deep-branch',
      view: { stage: 0, view: 'posterior', selected: 'mfcaDeepBranch' },
      title: { patient: 'Round the back of the hip', clinical: 'Deep branch of the MFCA' },
      caption: {
        patient:
          'Its deep branch runs round the back of the hip, sheltered by a small muscle, and enters the joint’s capsule at the back, near the top of the neck of the thigh bone.',
        clinical:
          'The deep branch passes behind obturator externus and in front of the conjoint tendon, pierces the capsule at the level of gemellus superior below piriformis, and divides into 2–4 retinacular vessels on the posterosuperior neck. Obturator externus shields it during surgery.',
      },
      citation: { sources: ['gautier2000'], evidence: 'S' },
      seconds: 12,
    },
    {
      id: 'retinacular',
      view: { stage: 0, view: 'posterior', hidden: ['femoralArtery', 'jointCapsule'], selected: 'posterosuperiorRetinacularArteries' },
      title: { patient: 'Small vessels along the neck', clinical: 'Superior retinacular arteries' },
      caption: {
        patient:
          'Inside the joint, a few fine vessels climb along the top and back of the neck, under its thin lining, and enter the ball where it meets the neck. They feed most of the ball.',
        clinical:
          'The superior retinacular (lateral epiphyseal) arteries run under the synovium and enter the bone at the head–neck junction; the posterosuperior and anterosuperior quadrants hold ≈80% of the head’s foramina. The lateral epiphyseal artery supplies most of the head.',
      },
      citation: { sources: ['zlotorowicz2017', 'gautier2000'], evidence: 'S' },
      seconds: 12,
    },
    {
      id: 'minor-routes',
      view: { stage: 0, view: 'anterior', hidden: ['femoralArtery', 'jointCapsule'], selected: 'inferiorRetinacularArtery' },
      title: { patient: 'Smaller routes in front and below', clinical: 'LFCA and inferior retinacular artery' },
      caption: {
        patient:
          'Smaller routes help: an artery in front of the hip, and a vessel along the underside of the neck. They mostly feed the lower and inner part of the ball.',
        clinical:
          'The LFCA forms the anterior extracapsular ring and supplies ≈18% of the head and 33% of the neck. The inferior retinacular (Weitbrecht) artery, with the MFCA tied off upstream, still supplied on average 56% of the medial and 68% of the inferior quadrant (14 hips).',
      },
      citation: { sources: ['dewar2016', 'boraiah2009'], evidence: 'S' },
      seconds: 12,
    },
    {
      id: 'ligamentum-teres',
      view: { stage: 0, view: 'anterior', hidden: ['femoralArtery', 'jointCapsule', 'labrum'], faded: ['acetabularCartilage', 'femoralHeadCartilage', 'femur', 'hipBone'], selected: 'ligamentumTeresArtery' },
      title: { patient: 'A tiny artery in the ligament', clinical: 'Artery of the ligamentum teres' },
      caption: {
        patient:
          'A tiny artery runs inside a ligament from the socket to the ball. In adults it feeds only a small spot where the ligament attaches — not enough to keep the ball alive on its own.',
        clinical:
          'The artery of the ligamentum teres arises from the obturator artery. About two thirds are ≤ 200 µm and did not fill with contrast (81 heads); it supplies only a small area near the fovea and is not enough to prevent AVN in adults.',
      },
      citation: { sources: ['ligteres1971'], evidence: 'S' },
      seconds: 12,
    },
    {
      id: 'inside-failure',
      view: { stage: 1, view: 'anterior', section: CORONAL_CUT },
      title: { patient: 'When the supply fails inside', clinical: 'Non-traumatic ONFH' },
      caption: {
        patient:
          'In the common form of the disease, mostly linked to high doses of steroid medicines or heavy drinking, these arteries stay open: the circulation fails inside the top of the ball, and part of the bone there dies.',
        clinical:
          'In non-traumatic ONFH (≈90% linked to corticosteroids or alcohol) the extra-osseous arteries stay patent; circulation fails inside the head (proposed: marrow fat and raised intraosseous pressure, fat emboli, thrombosis, venous stasis). The exact pathogenesis is uncertain.',
      },
      citation: { sources: ['cui2021', 'hines2021'], evidence: 'S' },
      seconds: 12,
    },
    {
      id: 'injury',
      view: { stage: 1, view: 'posterior', cause: 'traumatic', hidden: ['femoralArtery', 'jointCapsule'], selected: 'posterosuperiorRetinacularArteries' },
      title: { patient: 'After an injury', clinical: 'Traumatic route' },
      caption: {
        patient:
          'After an injury — a break of the neck of the thigh bone or a dislocated hip — the small vessels on the back of the neck can be torn or kinked, and the ball loses its main supply.',
        clinical:
          'After a displaced femoral-neck fracture or a dislocation the extra-osseous vessels, above all the posterosuperior retinacular branches of the deep MFCA, are torn or kinked: here the retinacular arteries really fail.',
      },
      citation: { sources: ['cui2021'], evidence: 'S' },
      seconds: 12,
    },
  ],
}
