/**
 * Tour "From a healthy hip to collapse": the natural course through the ARCO stages at the
 * slider's stage marks (the point where each stage is fully developed, clinical reference §4.2),
 * with the X-ray/MRI contrast of stage I in the Images panel (§4.3, §5).
 */
import type { Tour } from './types.ts'

/** Front-to-back cut through the head's centre, looked at from the front: the dead wedge shows. */
const CORONAL_CUT = { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] } as const

export const HEALTHY_TO_COLLAPSE_TOUR: Tour = {
  id: 'healthy-to-collapse',
  scenes: [
    {
      id: 'healthy',
      view: { stage: 0, view: 'anterior' },
      title: { patient: 'A healthy hip', clinical: 'Normal hip' },
      caption: {
        patient:
          'A healthy hip: a round ball covered with smooth cartilage, moving freely in its socket. On an X-ray, the gap between ball and socket is about 4 millimetres.',
        clinical:
          'Spherical head, intact cartilage; radiographic joint-space width 4.2 ± 0.9 mm at the apex (446 hips). ARCO 2019 has no stage 0.',
      },
      citation: { sources: ['lequesne2004', 'yoon2020'], evidence: 'S' },
      seconds: 9,
    },
    {
      id: 'stage-1',
      view: { stage: 1, view: 'anterior', section: CORONAL_CUT },
      title: { patient: 'Early stage: a dead area inside', clinical: 'ARCO I' },
      caption: {
        patient:
          'Early on, an area of bone under the top of the ball has died and is walled off by a rim. The ball keeps its shape and an X-ray usually shows nothing yet. About half of people already have pain at this stage; others feel nothing.',
        clinical:
          'ARCO I: radiographs normal, MRI or bone scan positive. A demarcated subchondral lesion under the anterosuperior weight-bearing dome; on T2 MRI the double-line sign is seen in ≈80%. Pain in ≈50% (Ficat 1985).',
      },
      citation: { sources: ['yoon2020', 'mitchell1987', 'ficat1985'], evidence: 'S' },
      seconds: 11,
    },
    {
      id: 'stage-1-images',
      view: { stage: 1, view: 'anterior', section: CORONAL_CUT, images: true },
      title: { patient: 'X-ray normal, MRI not', clinical: 'ARCO I: X-ray versus MRI' },
      caption: {
        patient:
          'Here the same hip is shown as pictures. The X-ray looks normal, while the MRI scan already shows the dead area and its rim: that is why an MRI is used to find the disease early.',
        clinical:
          'At ARCO I the radiograph is normal (or shows slight osteopenia) while MRI shows the lesion: a low-signal band on T1 and the double line on T2, seen in 45 of 56 lesions.',
      },
      citation: { sources: ['yoon2020', 'mitchell1987'], evidence: 'S' },
      seconds: 12,
    },
    {
      id: 'stage-2',
      view: { stage: 2, view: 'anterior', section: CORONAL_CUT },
      title: { patient: 'Changes on the X-ray', clinical: 'ARCO II' },
      caption: {
        patient:
          'Later, the bone around the dead area hardens and small holes (cysts) may form. This now shows on an X-ray, but the surface of the ball has not cracked.',
        clinical:
          'ARCO II: radiographic change (subtle osteosclerosis, focal osteoporosis or cysts) without subchondral fracture, fracture in the necrotic part or flattening.',
      },
      citation: { sources: ['yoon2020'], evidence: 'S' },
      seconds: 10,
    },
    {
      id: 'stage-3a',
      view: { stage: 2.5, view: 'anterior', section: CORONAL_CUT },
      title: { patient: 'A crack under the surface', clinical: 'ARCO IIIA' },
      caption: {
        patient:
          'Then a crack can open just under the surface of the ball, often with a sudden increase in pain. The ball has sunk by no more than about 2 millimetres.',
        clinical:
          'ARCO IIIA: subchondral fracture (crescent sign), depression ≤ 2 mm. The first cracks run between resorption zones in the anterosuperior head; this pericollapse phase brings bone-marrow oedema, effusion and sudden pain.',
      },
      citation: { sources: ['yoon2020', 'hamada2018', 'zhang2018'], evidence: 'S' },
      seconds: 12,
    },
    {
      id: 'stage-3b',
      view: { stage: 3, view: 'anterior', section: CORONAL_CUT },
      title: { patient: 'The ball loses its shape', clinical: 'ARCO IIIB' },
      caption: {
        patient:
          'If the dead area is large, the bone may no longer hold the weight: the top of the ball sinks by more than 2 millimetres and it is no longer round. Walking then usually hurts and causes a limp. Small dead areas, especially on the inner side of the ball, often never collapse; the model shows a large one.',
        clinical:
          'Collapse beyond 2 mm (ARCO IIIB): segmental flattening, an out-of-round head. The 2-mm threshold ends the pericollapse window; joint space is still preserved. Not every lesion gets here: JIC A lesions collapse in 0%, asymptomatic small medial ones in < 10%.',
      },
      citation: { sources: ['zhang2018', 'ficat-radiopaedia', 'mont2010', 'kuroda2019'], evidence: 'S' },
      seconds: 11,
    },
    {
      id: 'stage-4',
      view: { stage: 3.5, view: 'anterior', section: CORONAL_CUT },
      title: { patient: 'The joint wears out', clinical: 'ARCO IV' },
      caption: {
        patient:
          'If it goes on, the misshapen ball wears the cartilage of the joint away on both sides: the gap between ball and socket narrows and the hip becomes arthritic and stiff.',
        clinical:
          'ARCO IV: secondary osteoarthritis with joint-space narrowing, acetabular osteophytes and cartilage loss on both sides, on top of the deformed head.',
      },
      citation: { sources: ['yoon2020', 'karachalios2007'], evidence: 'S' },
      seconds: 11,
    },
  ],
}
