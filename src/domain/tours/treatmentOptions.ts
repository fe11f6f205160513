/**
 * Tour "Your treatment options": each treatment of the domain at a stage inside its indication
 * range (the procedure data's `indication`, clinical reference §6), shown at a step that says what
 * it does. tests/unit/tours.test.ts checks that every procedure is here, within its range, at a
 * step it has.
 */
import type { ProcedureId } from '../procedureIds.ts'
import { stepIdsOf } from '../treatment/stepIds.ts'
import type { Tour } from './types.ts'

/**
 * The 0-based index of a step by its id: a step inserted into an operation (the THR's trial was)
 * must not move a scene to another step. Throws on an id the operation does not have.
 */
function stepOf(procedure: ProcedureId, id: string): number {
  const index = stepIdsOf(procedure, null).indexOf(id)
  if (index < 0) throw new Error(`treatment-options tour: ${procedure} has no step '${id}'`)
  return index
}

export const TREATMENT_OPTIONS_TOUR: Tour = {
  id: 'treatment-options',
  scenes: [
    {
      id: 'which-treatment',
      view: { stage: 1, view: 'anterior' },
      title: { patient: 'What decides the treatment', clinical: 'Choosing a treatment' },
      caption: {
        patient:
          'Which treatment fits depends on more than the stage: your age, the cause, the size and place of the dead area, your symptoms and your surgeon’s advice. Small areas on the inner side of the ball rarely collapse and are often watched.',
        clinical:
          'Stage-to-treatment links summarise published practice; the choice depends on age, cause, lesion size and location, and symptoms. Observation is reasonable for asymptomatic small medial lesions and JIC A lesions (collapse < 10% and 0%); the choice is made with the patient and the surgeon.',
      },
      citation: { sources: ['mont2010', 'kuroda2019'], evidence: 'S' },
      seconds: 12,
    },
    {
      id: 'core-decompression',
      view: { stage: 1, procedure: 'core-decompression', step: stepOf('core-decompression', 'core') },
      title: { patient: 'Early: relieving the bone', clinical: 'Core decompression (ARCO I–II)' },
      caption: {
        patient:
          'Early, before the ball has cracked, a surgeon may drill a channel up the neck into the dead area, through a small cut at the side of the thigh. It is meant to relieve pressure in the bone and help it heal; the idea behind it is not proven and results vary.',
        clinical:
          'Pre-collapse (ARCO I–II): an 8–10 mm core from the lateral cortex up the neck into the lesion. Satisfactory results before collapse 71% vs 34.5% with non-operative care (meta-analysis, 2,025 hips); in a matched series, multiple drilling did no better than the natural course (5-year THA-free survival 75.6% vs 72.2%).',
      },
      citation: { sources: ['mont1996', 'mont2004', 'bmc2021drilling'], evidence: 'S' },
      seconds: 12,
    },
    {
      id: 'bone-grafting',
      view: { stage: 2, procedure: 'bone-grafting', step: stepOf('bone-grafting', 'pack-graft') },
      title: { patient: 'Filling the dead area with bone', clinical: 'Bone grafting (ARCO I–IIIA)' },
      caption: {
        patient:
          'Through a small window where the ball meets the neck, the dead bone is scraped out and the hollow is packed with bone graft, to support the surface before it sinks.',
        clinical:
          'Light-bulb technique: a cortical window at the head–neck junction, curettage of the necrotic bone, impacted graft. Failure 25.9% at ARCO II and 16.2% at IIIA, 61.5% at IIIB–C (158 hips).',
      },
      citation: { sources: ['sun2014', 'pmc4902236'], evidence: 'S' },
      seconds: 12,
    },
    {
      id: 'vascularised-fibula',
      view: { stage: 2, procedure: 'vascularised-fibula', step: stepOf('vascularised-fibula', 'insert') },
      title: { patient: 'A living bone graft', clinical: 'Free vascularised fibular graft (ARCO II–IIIA)' },
      caption: {
        patient:
          'A piece of the thin bone of the lower leg is moved, with its own blood vessels, into a channel in the neck and ball, where it props up the surface and brings living bone.',
        clinical:
          'FVFG decompresses the head, removes the necrotic segment, props the subchondral plate and adds living bone. 124 hips at ≥ 10 years: 10.5% converted to THA; complications 16.9% in 1,270 grafts (donor site 11.5%).',
      },
      citation: { sources: ['korompilias2009', 'yoo2008', 'gaskill2009'], evidence: 'S' },
      seconds: 12,
    },
    {
      id: 'hip-resurfacing',
      view: { stage: 3, procedure: 'hip-resurfacing', step: stepOf('hip-resurfacing', 'impact-cap') },
      title: { patient: 'Capping the ball', clinical: 'Hip resurfacing (selected, IIIB–early IV)' },
      caption: {
        patient:
          'For some younger, active people with strong bone, the damaged surface of the ball can be shaped and covered with a metal cap, with a thin metal cup in the socket, instead of removing the ball.',
        clinical:
          'A cemented femoral cap with a short peg and a press-fit metal cup, for selected young patients with collapse or early OA. 101 ONFH hips (any lesion size): 15-year femoral survivorship 93.2%.',
      },
      citation: { sources: ['amstutz2017', 'waewsawangwong2016'], evidence: 'S' },
      seconds: 12,
    },
    {
      id: 'total-hip-replacement',
      view: { stage: 3.5, procedure: 'total-hip-replacement', step: stepOf('total-hip-replacement', 'reduce') },
      title: { patient: 'A new hip joint', clinical: 'Total hip arthroplasty (ARCO IIIB–IV)' },
      caption: {
        patient:
          'Once the ball has sunk or the joint has worn, a hip replacement is usually advised: the ball is removed and replaced by a new ball on a stem, moving in a new cup in the socket.',
        clinical:
          'Above 2 mm of collapse and in OA (ARCO IIIB–IV), THA is preferable: press-fit shell and liner, stem in the broached canal, modular head. In AVN patients (mean age 32), results at 104 months equalled or bettered those in OA.',
      },
      citation: { sources: ['zhang2018', 'jcot2022'], evidence: 'S' },
      seconds: 12,
    },
  ],
}
