/**
 * What each instrument and piece is called: a plain name for patients and the name a surgeon
 * uses, so a picked or labelled object reads in the app's current mode. The words follow
 * clinical.md §6.1–6.3 (guide wire, cannulated trephine, Steinmann pin, expandable reamer,
 * curettes, impacted graft, BMAC, Phemister strut, cortical window, vascularised fibula) and
 * §6.5–6.6 (reamers, broaches, press-fit shell, polyethylene liner, modular head, stem, the
 * cemented resurfacing cap and the monoblock cup, the resurfacing reamers, cutter, peg drill and
 * head impactor, the box chisel and canal finder that open the canal, the shell's dome screw).
 * Resurfacing's guide pin is drawn and named as the guide wire: the same smooth, trocar-tipped
 * 3.2-mm rod driven by a powered chuck (replacementSizes.ts guidePin), only placed on the head.
 */
import type { InstrumentKind, PieceKind } from './frame.ts'
import type { Mode } from '../viewState.ts'

export interface ObjectName {
  /** Plain words (patient mode). */
  readonly patient: string
  /** The clinical term (clinician mode). */
  readonly clinical: string
}

export const OBJECT_NAMES: Readonly<Record<InstrumentKind | PieceKind, ObjectName>> = {
  'guide-wire': { patient: 'Guide wire', clinical: 'Guide wire (trocar tip)' },
  trephine: { patient: 'Hollow drill', clinical: 'Cannulated trephine' },
  'steinmann-pin': { patient: 'Thin drilling pin', clinical: 'Steinmann pin' },
  'expandable-reamer': { patient: 'Drill with opening blades', clinical: 'Expandable reamer' },
  curette: { patient: 'Scraping spoon', clinical: 'Bone curette' },
  'graft-impactor': { patient: 'Packing rod', clinical: 'Graft impactor (bone tamp)' },
  'aspiration-needle': { patient: 'Marrow needle', clinical: 'Bone-marrow aspiration needle (trocar)' },
  'oscillating-saw': { patient: 'Bone saw', clinical: 'Oscillating saw blade' },
  'marrow-syringe': { patient: 'Syringe drawing marrow', clinical: 'Aspiration syringe (bone-marrow aspirate)' },
  'bone-core': { patient: 'Core of bone taken out', clinical: 'Bone core (trephine specimen)' },
  'cancellous-graft': { patient: 'Bone graft chips', clinical: 'Cancellous bone graft' },
  'cortical-strut': { patient: 'Bone strut', clinical: 'Cortical strut graft (Phemister)' },
  'drill-track': { patient: 'Drilled channel', clinical: 'Drill track (Steinmann pin pass)' },
  'marrow-cells': { patient: 'Your own marrow cells', clinical: 'Bone-marrow aspirate concentrate (BMAC)' },
  'bone-window': { patient: 'Lid of bone', clinical: 'Cortical window (head–neck junction)' },
  'fibula-graft': { patient: 'Living bone from the lower leg', clinical: 'Vascularised fibular graft with peroneal vessels' },
  'vascular-pedicle': { patient: 'The graft’s own blood vessels', clinical: 'Peroneal vascular pedicle (artery and venae comitantes)' },
  'acetabular-reamer': { patient: 'Round socket shaper', clinical: 'Acetabular reamer' },
  broach: { patient: 'Rasp that shapes the thigh bone', clinical: 'Femoral broach (rasp)' },
  'trial-head': { patient: 'Trial ball on the last rasp', clinical: 'Trial neck and head on the seated broach' },
  'cup-impactor': { patient: 'Cup pusher', clinical: 'Acetabular cup impactor' },
  'acetabular-shell': { patient: 'New metal socket', clinical: 'Acetabular shell (press-fit, porous-coated)' },
  'acetabular-liner': { patient: 'Plastic lining of the socket', clinical: 'Highly cross-linked polyethylene liner' },
  'prosthetic-head': { patient: 'New ball', clinical: 'Modular femoral head (on a 12/14 taper)' },
  'femoral-stem': { patient: 'Stem in the thigh bone', clinical: 'Femoral stem (tapered, cementless)' },
  'resurfacing-cap': { patient: 'Metal cap on the ball', clinical: 'Resurfacing femoral component (cap with peg)' },
  'bone-cement': { patient: 'Bone cement', clinical: 'Bone cement (PMMA) mantle' },
  'resurfacing-cup': { patient: 'Thin metal socket', clinical: 'Monoblock metal cup (resurfacing)' },
  'dome-screw': { patient: 'Screw holding the socket', clinical: 'Acetabular dome screw (cancellous bone screw)' },
  'sleeve-reamer': { patient: 'Round cutter that trims the ball', clinical: 'Cylindrical (sleeve) reamer' },
  'head-cutter': { patient: 'Flat cutter that sets the ball’s height', clinical: 'Planar head-height cutter' },
  'chamfer-reamer': { patient: 'Cutter that bevels the ball’s edge', clinical: 'Chamfer reamer' },
  'peg-drill': { patient: 'Drill for the cap’s peg', clinical: 'Stepped peg (stem) drill' },
  'head-impactor': { patient: 'Cap pusher', clinical: 'Femoral head (cap) impactor' },
  'box-chisel': { patient: 'Chisel that opens the thigh bone', clinical: 'Box chisel (box osteotome)' },
  'canal-finder': { patient: 'Probe that finds the marrow canal', clinical: 'Canal finder (starting reamer)' },
  'removed-head': { patient: 'The removed ball of the hip, cut open', clinical: 'Resected femoral head (coronal section)' },
}

/** The name of a kind in the given mode. */
export function objectName(kind: InstrumentKind | PieceKind, mode: Mode): string {
  const name = OBJECT_NAMES[kind]
  return mode === 'patient' ? name.patient : name.clinical
}
