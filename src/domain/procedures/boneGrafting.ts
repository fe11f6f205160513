/**
 * Non-vascularised bone grafting (clinical reference §6.2). Default sequence: the
 * "light-bulb" window at the head–neck junction; Phemister strut grafting through a
 * core and the trapdoor are variants.
 */
import { cited } from '../evidence.ts'
import type { ProcedureInfo } from './types.ts'

export const BONE_GRAFTING: ProcedureInfo = {
  plainName: 'Bone grafting',
  clinicalName: 'Non-vascularised bone grafting (NVBG), light-bulb technique',
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
  ],
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
    },
    {
      id: 'trapdoor',
      name: 'Trapdoor',
      summary: cited(
        'Classic Meyers technique: an osteochondral flap is lifted through the articular cartilage, the lesion grafted, and the flap replaced. A head–neck window variant with OP-1 spared 80% of small or medium lesions further surgery.',
        'V',
        ['pmc2311481'],
        'the Meyers steps are [V]; the OP-1 window result is [S]',
      ),
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
