/**
 * Non-vascularised bone grafting (clinical reference §6.2). Default sequence: the
 * "light-bulb" window at the head–neck junction; Phemister strut grafting through a
 * core is the variant the player shows. The trapdoor (through the articular cartilage) is quoted
 * among the outcomes, not played: its steps are only a classic description [V].
 */
import { cited } from '../evidence.ts'
import { CORE_DECOMPRESSION } from './coreDecompression.ts'
import type { ProcedureInfo, ProcedureStep } from './types.ts'

/** A core-decompression step the Phemister sequence shares word for word (§6.2: "core tract as in CD"). */
function fromCore(id: string, changes: Partial<ProcedureStep> = {}): ProcedureStep {
  const step = CORE_DECOMPRESSION.steps.find((s) => s.id === id)
  if (!step) throw new Error(`boneGrafting: no core-decompression step '${id}'`)
  return { ...step, ...changes }
}

const PHEMISTER_STEPS: readonly ProcedureStep[] = [
  fromCore('incision'),
  fromCore('guidewire'),
  {
    id: 'tract',
    title: 'Drill the channel',
    patient: 'A hollow drill follows the wire up the neck of the bone into the damaged area, stopping short of the joint surface.',
    clinical: 'Core tract as in core decompression, over the guide wire into the lesion (drawn 10 mm wide so a cortical strut fits; no figure in the reference).',
    sizes: [cited({ what: 'tract diameter (drawn)', value: 10, unit: 'mm' }, 'Inf', ['wu2019', 'ref-procedures'], 'top of the 8–10 mm core range, so a strut fits')],
    citation: { evidence: 'V', sources: ['wu2019'], note: 'classic description [V] (§6.2)' },
  },
  fromCore('debride', {
    title: 'Clear out dead bone',
    patient: 'Through the channel, the dead bone is cleared out.',
    clinical: 'Debride the lesion through the tract (expandable reamer, curettes).',
    optional: false,
    citation: { evidence: 'V', sources: ['wu2019'], note: 'classic description [V] (§6.2)' },
  }),
  {
    id: 'strut',
    title: 'Prop up the surface with a bone strut',
    patient: 'A strip of strong bone is pushed up the channel until it sits under the joint surface, to hold it up while the bone heals.',
    clinical: 'Cortical strut graft(s) impacted up the tract to prop the subchondral plate; cancellous graft around it. 29 hips at ARCO IIA–IIIA: 65.5% clinical success at a mean of 14 years.',
    sizes: [cited({ what: 'strut diameter (drawn)', value: 9, unit: 'mm' }, 'Inf', ['wu2019', 'ref-procedures'], 'fills its 10-mm tract')],
    citation: { evidence: 'V', sources: ['wu2019', 'wang2009'], note: 'steps [V]; outcomes [S]' },
  },
  {
    id: 'close',
    title: 'Close',
    patient: 'The small cut on the thigh is closed.',
    clinical: 'Closure.',
    sizes: [],
    citation: { evidence: 'V', sources: ['wu2019'] },
  },
]

export const BONE_GRAFTING: ProcedureInfo = {
  plainName: 'Bone grafting',
  clinicalName: 'Non-vascularised bone grafting (NVBG)',
  defaultName: 'light-bulb technique',
  indication: cited(
    { from: 0.5, to: 2.5 },
    'S',
    ['pmc4902236', 'wu2019', 'zhang2018'],
    'reference §4.3 lists grafting from stage I to IIIA; light-bulb failure 25.9% (II), 16.2% (IIIA), 61.5% (IIIB + C)',
  ),
  indicationText: {
    patient: 'Usually considered before the ball has sunk by more than a couple of millimetres.',
    clinical:
      'Pre-collapse and early collapse, ARCO I–IIIA (depression ≤ 2 mm); results worse with lateral-pillar involvement and age ≥ 40.',
  },
  outcomes: [
    cited('Light-bulb, 158 hips: failure by ARCO stage (1994 subclasses) II 25.9%, IIIA 16.2%, IIIB + C 61.5%; ≈39% in L2/L3 pillar lesions; 39.0% at age ≥ 40 vs 20.5% below.', 'S', ['pmc4902236']),
    cited('Phemister, 29 hips at ARCO IIA–IIIA, mean 14 years: 65.5% clinical success; 10 hips went to THA at a mean of 10 years.', 'S', ['wu2019']),
    cited('Double-strut grafts, 206 hips: good or excellent by ARCO 1994 stage IIB 83.3%, IIIA 75.0%, IIIB 65.0%, IV 28.6%.', 'S', ['wang2009']),
    cited(
      'Trapdoor (Meyers): an osteochondral flap is lifted through the articular cartilage, the lesion grafted and the flap replaced; a head–neck window variant with OP-1 spared 80% of small or medium lesions further surgery.',
      'V',
      ['pmc2311481'],
      'the Meyers steps are [V]; the OP-1 window result is [S]',
    ),
  ],
  outlook: cited(
    'How well it works depends on the stage and on how much of the ball is dead. In one series of 158 hips it failed in about 1 in 4 hips treated before collapse, but in about 6 in 10 of the more advanced collapsed ones, and more often in people over 40. In another, about 1 in 3 hips needed a hip replacement about 10 years later.',
    'S',
    ['pmc4902236', 'wu2019'],
  ),
  defaultSequence: cited(
    'Light-bulb: its window, curettage and packing steps are sourced, with outcomes by stage in 158 hips; the Phemister strut steps are only a classic description [V].',
    'Inf',
    ['sun2014', 'pmc4902236'],
    'choose the best-sourced sequence as the default',
  ),
  variants: [
    {
      id: 'phemister',
      name: 'Phemister strut graft',
      summary: cited(
        'Core tract as in core decompression, debridement, then cortical strut(s) pushed up the tract to prop the subchondral plate. 29 hips at ARCO IIA–IIIA: 65.5% clinical success at a mean of 14 years.',
        'V',
        ['wu2019'],
        'steps are a classic description [V]; the outcome figures are [S]',
      ),
      steps: PHEMISTER_STEPS,
    },
  ],
  steps: [
    {
      id: 'approach',
      title: 'Reach the front of the femoral neck',
      patient: 'Through a cut at the front of the hip, the surgeon reaches the place where the ball joins its neck.',
      clinical: 'Expose the anterior femoral head–neck junction through the capsule.',
      sizes: [],
      citation: { evidence: 'V', sources: ['sun2014'], note: 'the approach itself is not described in the reference' },
    },
    {
      id: 'window',
      title: 'Open a window in the bone',
      patient: 'A small window is cut in the bone where the ball meets its neck.',
      clinical: 'Cut a cortical window at the femoral head–neck junction.',
      sizes: [],
      citation: { evidence: 'S', sources: ['sun2014', 'pmc4902236'] },
    },
    {
      id: 'curettage',
      title: 'Scrape out the dead bone',
      patient: 'Through the window, the dead bone is scraped out, leaving healthy bone around it.',
      clinical: 'Curette out the necrotic bone through the window.',
      sizes: [],
      citation: { evidence: 'S', sources: ['sun2014', 'pmc4902236'] },
    },
    {
      id: 'pack-graft',
      title: 'Pack in bone graft',
      patient: 'The space is packed firmly with bone graft or a bone substitute, meant to support the surface while new bone grows in.',
      clinical: 'Pack impacted bone graft or a bone substitute (± rhBMP-2) into the cavity to support the subchondral plate.',
      sizes: [],
      citation: { evidence: 'S', sources: ['sun2014', 'pmc4902236'] },
    },
    {
      id: 'close-window',
      title: 'Close the window',
      patient: 'The piece of bone from the window is put back and the wound is closed.',
      clinical: 'Replace the cortical window; close.',
      sizes: [],
      citation: { evidence: 'V', sources: ['sun2014'], note: 'replacing the window is [V] in the reference (§8 item 6)' },
    },
  ],
}
