/**
 * Free vascularised fibular graft (clinical reference §6.3). The reference technique is Aldridge
 * 2004; its dimensions are [V] in the reference (§8 item 5 lists them for checking).
 */
import { cited } from '../evidence.ts'
import type { ProcedureInfo } from './types.ts'

export const VASCULARISED_FIBULA: ProcedureInfo = {
  plainName: 'Living bone graft from the lower leg',
  clinicalName: 'Free vascularised fibular graft (FVFG)',
  indication: cited(
    { from: 1, to: 2.5 },
    'S',
    ['yoo2008', 'bmc2007fvfg'],
    'reference §4.3 lists FVFG among the options from s 1.0 to 2.5 (ARCO II–IIIA); 7-year survival 72% when the head had collapsed before surgery',
  ),
  indicationText: {
    patient: 'Usually considered when the dead area is clear on X-ray, before the ball has sunk by more than a couple of millimetres.',
    clinical: 'ARCO II to early collapse (IIIA); results worse with a steroid cause, collapse before surgery and necrotic extent > 300°.',
  },
  outcomes: [
    cited('124 hips followed ≥ 10 years (mean 13.9): Harris hip score 72 → 88; 10.5% converted to THA.', 'S', ['yoo2008']),
    cited('1,270 grafts in 946 patients: complications 16.9% (donor site 11.5%, hip 5.4%); major complications 4.3%.', 'S', ['gaskill2009']),
    cited('71 hips, 7-year survival 83%; lower with a steroid cause (68%), collapse before surgery (72%) and necrotic extent > 300° (67%).', 'S', ['bmc2007fvfg']),
  ],
  outlook: cited(
    'In a long follow-up of 124 hips (about 14 years on average), about 1 in 10 went on to a hip replacement. It does less well when the ball has already sunk or the dead area is large. The leg the bone comes from can have problems too: in a large series about 1 in 6 people had a complication, mostly in the lower leg where the bone was taken.',
    'S',
    ['yoo2008', 'bmc2007fvfg', 'gaskill2009'],
  ),
  variants: [],
  steps: [
    {
      id: 'harvest',
      title: 'Take a piece of the calf bone with its blood vessels',
      patient:
        'A piece of the thin outer bone of the lower leg (the fibula) is taken out together with the small artery and veins that feed it. The leg does not need this part of the bone to bear weight.',
      clinical: 'Harvest a fibular segment (≈ 10–15 cm) with the peroneal artery and venae comitantes.',
      sizes: [
        cited({ what: 'fibular segment harvested', value: [10, 15], unit: 'cm' }, 'V', ['aldridge2004']),
        cited({ what: 'adult fibular shaft diameter', value: [12, 15], unit: 'mm' }, 'V', ['aldridge2004']),
      ],
      citation: { evidence: 'V', sources: ['aldridge2004', 'korompilias2009'] },
    },
    {
      id: 'core',
      title: 'Drill a wide channel up the neck',
      patient: 'From the side of the thigh, a wide channel is drilled up the neck of the bone into the dead area, stopping just short of the joint surface.',
      clinical: 'Ream a lateral core up the femoral neck, ≈ 16–19 mm wide, to ≈ 3–5 mm below the subchondral plate (drawn: 16 mm; the centre of its end 4–5.5 mm under the plate, up to 7 mm after collapse, since no part of the end may come within 1.5 mm of the bone’s surface). A lesion far out to the side may lie beyond a 16-mm core through the middle of the neck: drawn, the core ends 1.8 mm beside a medium and 4.9 mm beside a small JIC C2 lesion.',
      sizes: [
        cited({ what: 'core diameter', value: [16, 19], unit: 'mm' }, 'V', ['aldridge2004']),
        cited({ what: 'left below the subchondral plate', value: [3, 5], unit: 'mm' }, 'V', ['aldridge2004']),
      ],
      citation: { evidence: 'V', sources: ['aldridge2004'] },
    },
    {
      id: 'clear-pack',
      title: 'Clear out dead bone, pack fresh bone',
      patient: 'The dead bone at the end of the channel is cleared out and the space is packed with fresh spongy bone.',
      clinical: 'Remove the necrotic segment through the core and pack cancellous autograft under the subchondral plate.',
      sizes: [],
      citation: { evidence: 'V', sources: ['aldridge2004', 'korompilias2009'] },
    },
    {
      id: 'insert',
      title: 'Slide the living bone in',
      patient: 'The piece of calf bone is slid up the channel, where it props up the surface of the ball and brings its own blood supply.',
      clinical: 'Insert the fibula ≈ 6–8 cm into the neck and head, its end under the subchondral plate, the pedicle leading out of the core (drawn ≈ 10 cm, from the plate to the lateral cortex; the 6–8 cm figure is a classic description awaiting the primary paper).',
      sizes: [cited({ what: 'insertion depth', value: [6, 8], unit: 'cm' }, 'V', ['aldridge2004'])],
      citation: { evidence: 'V', sources: ['aldridge2004', 'korompilias2009'] },
    },
    {
      id: 'anastomosis',
      title: 'Connect its blood vessels',
      patient: 'Under a microscope, the graft’s tiny artery and veins are joined to blood vessels at the front of the hip, so the graft stays alive.',
      clinical: 'Microvascular anastomosis of the peroneal artery and veins to the ascending branch of the lateral femoral circumflex artery and its veins.',
      sizes: [],
      citation: { evidence: 'V', sources: ['aldridge2004'] },
    },
    {
      id: 'fix',
      title: 'Hold it in place',
      patient: 'A thin wire holds the graft in place while it heals into the bone.',
      clinical: 'Fix the graft with a K-wire.',
      sizes: [],
      citation: { evidence: 'V', sources: ['aldridge2004'] },
    },
  ],
}
