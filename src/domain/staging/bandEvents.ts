/**
 * What happens in each stage band (./bands.ts), in a few words (clinical), with its sources: the
 * title line of the clinical caption (./captions.ts). Apart from the bands themselves, which the
 * stage slider needs in the first download; these load with the captions.
 */
import { cited, type Cited } from '../evidence.ts'
import type { StageBandId } from './bands.ts'

const XWALK = ['ref-crosswalk'] as const

export const BAND_KEY_EVENTS: Readonly<Record<StageBandId, Cited<string>>> = {
  preclinical: cited('perfusion falls; imaging still normal', 'Inf', XWALK, 'ARCO 2019 has no stage 0; this is Ficat 0, the "silent hip"'),
  I: cited('a demarcated lesion (low-signal band) on MRI only', 'S', ['yoon2020', 'mitchell1987']),
  II: cited('sclerosis and cysts visible on X-ray; no fracture', 'S', ['yoon2020', 'ficat1985', 'ficat-radiopaedia']),
  IIIA: cited('subchondral fracture (crescent); collapse up to 2 mm', 'S', ['yoon2020', 'zhang2018']),
  IIIB: cited(
    'progressive collapse beyond 2 mm; head out of round',
    'S',
    ['yoon2020', 'zhang2018', 'ficat1985', 'ficat-radiopaedia'],
    'Yoon 2020 splits stage III at a depression of 2 mm (IIIA ≤ 2 mm), so IIIB is beyond it; more than 2 mm ends the pericollapse stage (Zhang 2018); segmental flattening, "out of round", is Ficat III',
  ),
  'IV-early': cited(
    'joint-space narrowing; acetabular changes',
    'S',
    ['ficat1985', 'steinberg1995', 'yoon2020', 'ficat-radiopaedia'],
    'Ficat IV (loss of articular cartilage, acetabular osteophytes) and Steinberg V (joint narrowing with or without acetabular change); the ARCO 2019 abstract as read ends at stage IIIA, so the full ARCO IV wording was seen only on a secondary page',
  ),
  'IV-late': cited('advanced osteoarthritis', 'S', ['ficat1985', 'steinberg1995', 'ficat-radiopaedia']),
}
