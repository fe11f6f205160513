/**
 * Plain-language captions for patients, one per stage band plus the healthy hip (s = 0).
 * Our own words, built on the stage findings (./findings.ts) and the reference's
 * mechanism notes (§3). Short, warm and hedged ("typically", "often"): they describe
 * what usually happens and promise no outcome (reference §1).
 */
import type { SourceKey } from '../sources.ts'
import type { Cause } from '../viewState.ts'
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
    'Blood reaches the ball through small arteries running up its neck, most of them at the back, and then through fine vessels inside the bone. Move the slider to see what typically happens in osteonecrosis, when the blood supply to part of the ball fails.',
  ],
  sources: ['dewar2016', 'gautier2000'],
}

/**
 * The first stage in each route to the disease (clinical reference §3, "two routes"): in the
 * common, non-traumatic disease the circulation fails inside the bone while the arteries outside
 * stay open; after an injury the arteries on the neck are torn.
 */
export const PRECLINICAL_BY_CAUSE: Readonly<Record<Cause, PatientCaption>> = {
  nontraumatic: {
    title: 'Blood flow inside the ball starts to fail',
    paragraphs: [
      'Inside the top of the ball, the bone’s own small vessels stop carrying enough blood, while the arteries outside the bone stay open. Exactly why is not fully understood. It is most often linked to steroid medicines or heavy drinking; other causes include sickle-cell disease, lupus, an organ transplant or deep-sea diving, and sometimes none is found. Do not stop a prescribed steroid without talking to your doctor.',
      'The other hip is often affected too, so doctors usually check both. At this point there are usually no symptoms, and X-rays — often even MRI scans — still look normal.',
    ],
    sources: ['cui2021', 'hines2021', 'hamilton2009', 'merle1965', 'kuroda2019', 'ficat1985', 'ficat-radiopaedia'],
  },
  traumatic: {
    title: 'After an injury, the blood supply is cut',
    paragraphs: [
      'A break of the thigh bone’s neck or a dislocated hip can tear or kink the small arteries that run up the back of the neck to the top of the ball, so that part loses its blood supply.',
      'At first there are usually no symptoms from it, and X-rays still look normal; doctors often keep an eye on the hip after such an injury.',
    ],
    sources: ['cui2021', 'gautier2000', 'ficat1985', 'ficat-radiopaedia'],
  },
}

export const PATIENT_CAPTIONS: Readonly<Record<StageBandId, PatientCaption>> = {
  // The route decides what happens first: see PRECLINICAL_BY_CAUSE (this is the common route).
  preclinical: PRECLINICAL_BY_CAUSE.nontraumatic,
  I: {
    title: 'Early stage: a patch of bone has lost its blood supply',
    paragraphs: [
      'A patch of bone just under the joint surface has lost its blood supply. An MRI scan can usually show it, while an X-ray still looks normal.',
      'Some people feel a deep ache in the groin; others feel nothing yet. Treatments that aim to save the hip are often considered at this stage.',
    ],
    sources: ['yoon2020', 'mitchell1987', 'ficat1985', 'mont1996', 'aetna0753'],
  },
  II: {
    title: 'The damaged area shows on X-ray',
    paragraphs: [
      'The body tries to wall off the dead bone, and the denser rim it builds now shows on X-rays. The ball is still round and its cartilage smooth.',
      'Pain and stiffness are common. Hip-saving treatments are typically still an option.',
    ],
    sources: ['yoon2020', 'ficat-radiopaedia', 'ficat1985', 'mont1996', 'aetna0753'],
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
    title: 'The ball flattens further',
    paragraphs: [
      'The cracked area sinks further and the ball loses its round shape. The cartilage over it can come loose.',
      'Pain and a limp are common. A hip replacement is often the most reliable option now. In some younger people a resurfacing (only if enough healthy bone is left under the damaged area) or an operation that keeps the hip may still be discussed, such as a bone graft or re-angling the thigh bone so that healthy bone takes the load.',
    ],
    sources: ['ficat1985', 'ficat-radiopaedia', 'meloni2016', 'zhang2018', 'kim2020hra', 'yoo2008', 'osawa2021'],
  },
  'IV-early': {
    title: 'Wear spreads to the whole joint',
    paragraphs: [
      'Because the ball is no longer round, the cartilage on both sides of the joint wears, the ball moves slightly up and outward in the socket, and the gap between the bones narrows. Small bony spurs can form at the edges.',
      'Pain, limping and stiffness typically increase. A hip replacement is usually discussed.',
    ],
    sources: ['ficat1985', 'ficat-radiopaedia', 'wheeless-stage4', 'karachalios2007', 'zhang2018'],
  },
  'IV-late': {
    title: 'Advanced arthritis',
    paragraphs: [
      'Much of the cartilage has worn away, so bone can rub on bone, and movement becomes very limited.',
      'A hip replacement is the usual treatment at this stage; it aims to ease pain and restore movement.',
    ],
    sources: ['ficat1985', 'wheeless-stage4', 'steinberg1995', 'zhang2018'],
  },
}
