/**
 * Captions of the simulated images, by stage band and mode: for patients a plain sentence
 * ("This is what an X-ray may show at this stage…"), for clinicians the finding of the staging
 * data (domain/staging/findings.ts) with its sources. The plain sentences restate those same
 * findings and carry their citations.
 */
import type { Citation } from '../evidence.ts'
import { SOURCES } from '../sources.ts'
import type { Mode } from '../viewState.ts'
import { isHealthy, stageBand, type StageBandId } from '../staging/bands.ts'
import { STAGE_FINDINGS } from '../staging/findings.ts'
import type { ImageKind } from './imageKinds.ts'

export type { ImageKind }

/** What each picture's caption restates: both radiographs, AP and frog-leg, show the film's findings. */
const FINDING_OF: Readonly<Record<ImageKind, 'xray' | 'mri'>> = { xray: 'xray', frogLeg: 'xray', mri: 'mri' }

const PLAIN: Readonly<Record<StageBandId, Record<'xray' | 'mri', string>>> = {
  preclinical: {
    xray: 'A healthy-looking hip: the ball is round and the gap of cartilage above it is even.',
    mri: 'Usually still normal; a modern MRI may already show an early change.',
  },
  I: {
    xray: 'Still looks normal: an X-ray cannot see the problem yet.',
    mri: 'The MRI already shows it: a dark line draws the edge of the damaged bone in the top of the ball.',
  },
  II: {
    xray: 'White, chalky patches and a white edge around the damaged bone, but the ball is still round.',
    mri: 'The damaged area is clearly outlined by a wavy double line.',
  },
  IIIA: {
    xray: 'A thin dark crack just under the surface of the ball (the "crescent"): the dead bone has broken.',
    mri: 'The crack, and swelling of the bone around it spreading down the neck; some fluid in the joint.',
  },
  IIIB: {
    xray: 'The top of the ball has sunk and is no longer round.',
    mri: 'The crack and the flattened top of the ball.',
  },
  'IV-early': {
    xray: 'Wear on both sides: the gap above the ball narrows, the socket’s roof whitens and bony spurs grow at its edge.',
    mri: 'Wear of the joint on both sides.',
  },
  'IV-late': {
    xray: 'Worn-out joint: bone on bone, with a misshapen ball.',
    mri: 'Rarely needed at this stage: the X-ray shows the damage.',
  },
}

const LEAD: Readonly<Record<ImageKind, string>> = {
  xray: 'This is what an X-ray may show at this stage: ',
  frogLeg: 'This is what an X-ray from the side (frog-leg) may show at this stage: ',
  mri: 'This is what an MRI may show at this stage: ',
}

export interface ImageCaption {
  readonly text: string
  readonly citation: Citation
}

export function imageCaption(kind: ImageKind, s: number, mode: Mode): ImageCaption {
  const id = stageBand(s).id
  const finding = STAGE_FINDINGS[id][FINDING_OF[kind]]
  const citation: Citation = { sources: finding.sources, evidence: finding.evidence, ...(finding.note ? { note: finding.note } : {}) }
  // The healthy hip (stage 0) is in the preclinical band too: its MRI is normal, with no "yet".
  const plain = isHealthy(s) && FINDING_OF[kind] === 'mri' ? HEALTHY_MRI : PLAIN[id][FINDING_OF[kind]]
  return { text: mode === 'patient' ? LEAD[kind] + plain : finding.value, citation }
}

/** The healthy hip's MRI, for patients. */
const HEALTHY_MRI = 'A healthy hip: the MRI is normal.'

/** Authors a short source line names before "et al." (the Vancouver style's rule for more than six, shortened for a caption). */
const SHORT_AUTHORS = 3

/**
 * The first words of a reference (its authors), for a short source line: a long list of authors
 * is shortened to the first few and "et al." at a name's end (cutting at a fixed length left
 * "Cheng EY, Cu…", a name cut in two).
 */
function shortSource(reference: string): string {
  const head = (reference.split(/[.:(]/)[0] ?? reference).trim()
  const authors = head.split(/,\s*/)
  return authors.length > SHORT_AUTHORS ? `${authors.slice(0, SHORT_AUTHORS).join(', ')}, et al` : head
}

/** The caption's sources in full (the short line's hover text and what screen readers read). */
export function imageFullSources(caption: ImageCaption): string {
  return caption.citation.sources.map((k) => SOURCES[k].citation).join(' ')
}

/** The caption's short source line, as the panel and a saved image show it in clinical words. */
export function imageSourceLine(caption: ImageCaption): string {
  return `Source: ${caption.citation.sources.map((k) => shortSource(SOURCES[k].citation)).join('; ')}.`
}
