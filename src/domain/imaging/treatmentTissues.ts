/**
 * Which tissue each piece a treatment places counts as on the simulated images (issue 13): one
 * owner for "what is this piece made of, for a picture". The X-ray adds its attenuation
 * (./xrayAttenuation.ts); the MRI shows metal, ceramic, polyethylene and cement as a signal void
 * (no signal: black) and a cortical graft as cortex. Pieces that are not in the body or carry no
 * contrast of their own (the core set aside, the marrow cells, the pedicle's vessels, the drawn
 * drill track: the tunnel itself is the bone taken away) are left out.
 */
import type { PieceKind } from '../treatment/frame.ts'
import type { ImplantSpec } from '../treatment/replacement/implantSpec.ts'
import type { XrayTissue } from './xrayAttenuation.ts'

export type PieceMriTissue = 'void' | 'cortex'

export interface PieceTissue {
  readonly xray: XrayTissue
  readonly mri: PieceMriTissue | null
}

const METAL: PieceTissue = { xray: 'metal', mri: 'void' }

export const PIECE_TISSUE: Readonly<Record<PieceKind, PieceTissue | null>> = {
  // Bone taken out lies on the tray or beside the joint, outside the patient's film.
  'bone-core': null,
  'removed-head': null,
  'cancellous-graft': { xray: 'cancellous', mri: null },
  'cortical-strut': { xray: 'cortex', mri: 'cortex' },
  'marrow-cells': null,
  'drill-track': null,
  'bone-window': { xray: 'cortex', mri: 'cortex' },
  'fibula-graft': { xray: 'cortex', mri: 'cortex' },
  'vascular-pedicle': null,
  'acetabular-shell': METAL,
  'acetabular-liner': { xray: 'polyethylene', mri: 'void' },
  'prosthetic-head': METAL,
  'femoral-stem': METAL,
  'resurfacing-cap': METAL,
  'bone-cement': { xray: 'boneCement', mri: 'void' },
  'resurfacing-cup': METAL,
  'dome-screw': METAL,
}

/** The instruments (wires, pins, drills, reamers: stainless steel) on the fluoroscopy image, as metal. */
export const INSTRUMENT_TISSUE: PieceTissue = METAL

/** The tissue of a piece; a prosthetic head is ceramic or metal as its spec says. */
export function pieceTissue(kind: PieceKind, implant?: ImplantSpec): PieceTissue | null {
  if (kind === 'prosthetic-head' && implant?.kind === 'head' && implant.material === 'ceramic') return { xray: 'ceramic', mri: 'void' }
  return PIECE_TISSUE[kind]
}
