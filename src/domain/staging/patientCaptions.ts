/**
 * Plain-language captions for patients, one per stage band plus the healthy hip (s = 0).
 * Our own words, built on the stage findings (./findings.ts) and the reference's
 * mechanism notes (§3). Short, warm and hedged ("typically", "often"): they describe
 * what usually happens and promise no outcome (reference §1).
 */
import type { SourceKey } from '../sources.ts'
import type { StageBandId } from './bands.ts'

export interface PatientCaption {
  readonly title: string
  /** Paragraphs, in order. */
  readonly paragraphs: readonly string[]
  /** Where the statements come from (for the About panel). */
  readonly sources: readonly SourceKey[]
}

export const HEALTHY_CAPTION: PatientCaption = {
  title: 'A healthy hip',
  paragraphs: [
    'The ball at the top of the thigh bone sits in the hip socket, both covered with smooth cartilage.',
    'Most of its blood arrives through small vessels running up the back of the bone’s neck. Move the slider to see what typically happens when that supply fails.',
  ],
  sources: ['dewar2016', 'gautier2000'],
}

export const PATIENT_CAPTIONS: Readonly<Record<StageBandId, PatientCaption>> = {
  preclinical: {
    title: 'The blood supply starts to fail',
    paragraphs: [
      'The small vessels feeding the top of the ball carry less and less blood.',
      'At this point there are usually no symptoms, and X-rays — often even MRI scans — still look normal.',
    ],
    sources: ['ref-failing', 'ficat1985', 'ficat-radiopaedia'],
  },
  I: {
    title: 'Early stage: a patch of bone loses its blood supply',
    paragraphs: [
      'A patch of bone just under the joint surface has lost its blood supply. An MRI scan can usually show it, while an X-ray still looks normal.',
      'Some people feel a deep ache in the groin; others feel nothing yet. Treatments that aim to save the hip are often considered at this stage.',
    ],
    sources: ['yoon2020', 'mitchell1987', 'ficat1985', 'aetna0753'],
  },
  II: {
    title: 'The damaged area shows on X-ray',
    paragraphs: [
      'The body tries to wall off the dead bone, and the denser rim it builds now shows on X-rays. The ball is still round and its cartilage smooth.',
      'Pain and stiffness are common. Hip-saving treatments are typically still an option.',
    ],
    sources: ['yoon2020', 'ficat-radiopaedia', 'ficat1985', 'aetna0753'],
  },
  IIIA: {
    title: 'A crack forms under the surface',
    paragraphs: [
      'The weakened bone just beneath the cartilage can crack, and the surface may begin to sink a little.',
      'Pain often gets suddenly worse and may spread to the thigh or knee; walking can bring a limp. Some hip-saving operations may still be considered.',
    ],
    sources: ['yoon2020', 'zhang2018', 'medscape-clinical'],
  },
  IIIB: {
    title: 'The ball starts to flatten',
    paragraphs: [
      'The cracked area sinks further and the ball loses its round shape. The cartilage over it can come loose.',
      'Pain and a limp are common. A hip replacement is often the most reliable option now; some younger people may be offered resurfacing instead.',
    ],
    sources: ['ficat-radiopaedia', 'meloni2016', 'zhang2018', 'waewsawangwong2016'],
  },
  'IV-early': {
    title: 'Wear spreads to the whole joint',
    paragraphs: [
      'Because the ball is no longer round, the cartilage on both sides of the joint wears. The gap between the bones narrows and small bony spurs can form.',
      'Pain, limping and stiffness typically increase. A hip replacement is usually discussed.',
    ],
    sources: ['ficat-radiopaedia', 'wheeless-stage4', 'zhang2018'],
  },
  'IV-late': {
    title: 'Advanced arthritis',
    paragraphs: [
      'Much of the cartilage has worn away, so bone can rub on bone, and movement becomes very limited.',
      'A hip replacement is the usual treatment at this stage; it aims to ease pain and restore movement.',
    ],
    sources: ['wheeless-stage4', 'steinberg1995', 'zhang2018'],
  },
}
