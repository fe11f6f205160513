/**
 * Core decompression ± bone-marrow aspirate concentrate (clinical reference §6.1).
 */
import { cited } from '../evidence.ts'
import type { ProcedureInfo } from './types.ts'

export const CORE_DECOMPRESSION: ProcedureInfo = {
  plainName: 'Core decompression',
  clinicalName: 'Core decompression (CD) ± bone-marrow aspirate concentrate (BMAC)',
  indication: cited({ from: 0.5, to: 2 }, 'S', ['synapsesocial', 'musculoskeletalkey-cd', 'aetna0753'], 'pre-collapse: ARCO I–II indicated, III–IV generally contraindicated'),
  indicationText: {
    patient: 'Usually considered early, before the surface of the ball has cracked or sunk.',
    clinical:
      'Pre-collapse disease (ARCO I–II); best in Ficat I–IIA with small central lesions in young, non-obese patients not on steroids; less predictable in IIB–III.',
  },
  outcomes: [
    cited('Meta-analysis, 1,206 CD vs 819 non-operative hips: satisfactory results pre-collapse 71% vs 34.5%.', 'S', ['mont1996']),
    cited('Success by Steinberg stage: I 84%, II 63%, III 29%; complications in 33/688 (5%), mostly intertrochanteric fractures.', 'S', ['castro-barrack2000']),
    cited('Multiple drilling: 71% success at 2 years (stage I 80%, stage II 57%).', 'S', ['mont2004']),
    cited('Counter-evidence: in a matched series, multiple drilling did no better than the natural course (5-year THA-free survival 75.6% vs 72.2%).', 'S', ['bmc2021drilling']),
  ],
  outlook: cited(
    'It works best before the ball has sunk: in a large review about 7 in 10 hips treated this way before collapse did well, against about 1 in 3 without an operation. Once the ball has sunk it helps far less often (about 3 in 10). About 1 in 20 people have a complication, most often a break of the thigh bone near the drill hole. Some studies found no benefit, and a hip replacement may still be needed later.',
    'S',
    ['mont1996', 'castro-barrack2000', 'bmc2021drilling'],
  ),
  variants: [
    {
      id: 'multiple-drilling',
      name: 'Multiple small drillings',
      summary: cited(
        'Several passes of a 3.2-mm pin through one lateral entry instead of a single wide core.',
        'S',
        ['musculoskeletalkey-cd', 'mont2004'],
      ),
      steps: [
        {
          id: 'position',
          title: 'Positioning and X-ray guidance',
          patient: 'You lie on your back under anaesthetic; a live X-ray camera lets the surgeon see the bone from two angles.',
          clinical: 'Supine; fluoroscopy in AP and lateral views.',
          sizes: [],
          citation: { evidence: 'S', sources: ['musculoskeletalkey-cd', 'mont2004'] },
        },
        {
          id: 'stab-incision',
          title: 'A tiny cut on the side of the thigh',
          patient: 'A cut only a few millimetres long is made on the outer side of the upper thigh.',
          clinical: 'Percutaneous technique: a stab incision over the lateral femur at or just below the greater trochanter, above the level of the lesser trochanter.',
          sizes: [],
          citation: { evidence: 'S', sources: ['musculoskeletalkey-cd', 'mont2004', 'teachme-subtroch'] },
        },
        {
          id: 'first-pass',
          title: 'A thin pin into the damaged area',
          patient: 'A thin pin is drilled up the neck of the bone into the middle of the damaged area, checked on X-ray, and taken out again.',
          clinical: 'Under fluoroscopy, a 3.2-mm Steinmann pin from the lateral cortex up the neck into the centre of the lesion, stopped short of the subchondral plate.',
          sizes: [cited({ what: 'pin diameter', value: 3.2, unit: 'mm' }, 'S', ['musculoskeletalkey-cd', 'mont2004'])],
          citation: { evidence: 'S', sources: ['musculoskeletalkey-cd', 'mont2004'] },
        },
        {
          id: 'more-passes',
          title: 'More passes through the same hole',
          patient: 'Through the same small hole, the pin is aimed at other parts of the damaged area several more times.',
          clinical: 'Further passes through the same cortical entry, redirected into other parts of the lesion (one series used 4–13; drawn: five, their tips’ centres at least a pin’s width apart; three for a small lateral (JIC C2) lesion: it is shallow and passes aimed at it run close to the superior neck cortex, so only three keep 3.5 mm of bone round them; fanned front to back, they overlap on the AP).',
          sizes: [],
          citation: { evidence: 'S', sources: ['musculoskeletalkey-cd', 'mont2004'], note: 'five passes is the picture’s choice: "several passes", one series 4–13; the 3.5-mm wall is the planner’s rule (surgeon’s review)' },
        },
        {
          id: 'close',
          title: 'Close',
          patient: 'The tiny cut is closed. Seen from the side, every channel starts from the same small opening in the bone.',
          clinical: 'Skin closure. Seen laterally: every pass shares the one cortical entry.',
          sizes: [],
          citation: { evidence: 'S', sources: ['mont2004'] },
        },
      ],
    },
  ],
  steps: [
    {
      id: 'position',
      title: 'Positioning and X-ray guidance',
      patient: 'You lie on your back under anaesthetic; a live X-ray camera lets the surgeon see the bone from two angles.',
      clinical: 'Supine on a fracture table, or on a hip-arthroscopy table with traction; fluoroscopy in AP and lateral views.',
      sizes: [],
      citation: { evidence: 'S', sources: ['musculoskeletalkey-cd', 'synapsesocial'] },
    },
    {
      id: 'arthroscopy',
      title: 'Look inside the joint (optional)',
      patient: 'Sometimes the surgeon first looks inside the joint with a small camera to check the cartilage.',
      clinical: 'Optional arthroscopy to inspect the cartilage, look for collapse and treat other joint problems.',
      sizes: [],
      citation: { evidence: 'S', sources: ['gupta2013'] },
      optional: true,
    },
    {
      id: 'incision',
      title: 'Small cut on the side of the thigh',
      patient: 'A small cut is made on the outer side of the upper thigh.',
      clinical:
        'Lateral incision over the proximal femur at or just below the greater trochanter. Entering too far down the shaft raises the fracture risk; the subtrochanteric zone starts at the lesser trochanter.',
      sizes: [cited({ what: 'subtrochanteric zone below the lesser trochanter', value: 5, unit: 'cm' }, 'S', ['teachme-subtroch'])],
      citation: { evidence: 'S', sources: ['synapsesocial', 'orthogate-cd', 'teachme-subtroch'] },
    },
    {
      id: 'guidewire',
      title: 'Guide wire into the damaged area',
      patient: 'A thin wire is passed up the neck of the bone into the damaged area, checked on X-ray.',
      clinical: 'Under fluoroscopy, a guidewire from the lateral cortex up the neck axis into the centre of the lesion.',
      sizes: [],
      citation: { evidence: 'S', sources: ['synapsesocial', 'wkhs-cd'] },
    },
    {
      id: 'core',
      title: 'Drill the core',
      patient: 'A hollow drill follows the wire to make a channel into the damaged bone, stopping short of the joint surface. This is meant to relieve pressure inside the bone.',
      clinical:
        'Single 8–10 mm cannulated trephine or drill over the wire, advanced into the lesion short of the subchondral plate under biplane fluoroscopy so as not to perforate the joint (the classic description’s ≈ 5 mm from the articular surface is quoted only by a secondary page, no primary source checked; the picture keeps the nearest edge of the core’s end 5 mm below it, as a design choice). Variant: multiple drillings with a 3.2-mm Steinmann pin through one lateral entry. The rationale (raised intraosseous pressure) is unproven.',
      sizes: [
        cited({ what: 'trephine / core diameter', value: [8, 10], unit: 'mm' }, 'S', ['mont2004', 'orthogate-cd']),
        cited(
          { what: 'left below the articular surface (nearest edge of the core’s end)', value: 5, unit: 'mm' },
          'Inf',
          ['ref-procedures'],
          'the classic ≈ 5 mm is quoted only by a secondary page (no primary source checked); the model leaves 5 mm at the nearest edge of the core’s end; the technique stops short of the subchondral plate under biplane fluoroscopy so as not to perforate the joint',
        ),
        cited({ what: 'pin diameter (multiple-drilling variant)', value: 3.2, unit: 'mm' }, 'S', ['musculoskeletalkey-cd', 'mont2004']),
      ],
      citation: { evidence: 'S', sources: ['mont2004', 'orthogate-cd', 'musculoskeletalkey-cd'] },
    },
    {
      id: 'debride',
      title: 'Clear out dead bone (optional)',
      patient: 'Sometimes the surgeon also scrapes out some of the dead bone through the channel.',
      clinical: 'Optional: open an expandable reamer inside the lesion and curette out necrotic bone.',
      sizes: [],
      citation: { evidence: 'S', sources: ['synapsesocial', 'orthopedia-cd'] },
      optional: true,
    },
    {
      id: 'bmac',
      title: 'Bone-marrow cells (optional)',
      patient: 'Bone marrow may be drawn from the back of the pelvis, concentrated and injected into the channel, in the hope of helping the bone heal.',
      clinical:
        'BMAC: marrow aspirated from the posterior iliac crest, concentrated and injected down the core. Hernigou (bilateral stage I–II): collapse 28% vs 72% and THA 24% vs 76% at ≈25 years, cells vs CD alone. One insurer lists BMAC as experimental.',
      sizes: [],
      citation: { evidence: 'S', sources: ['utah-bmac', 'hernigou2018', 'aetna0753'] },
      optional: true,
    },
    {
      id: 'fill-close',
      title: 'Fill the channel and close',
      patient:
        'The channel may be filled with bone or a bone substitute. If marrow cells were put in, only the outer part is filled, which keeps the cells inside. The small cut is then closed.',
      clinical: 'Optionally fill the tract with BMAC, calcium phosphate or cancellous bone from the intertrochanteric region; close.',
      sizes: [],
      citation: { evidence: 'S', sources: ['synapsesocial'] },
    },
  ],
}
