/**
 * How long each tool is drawn behind its tip: the one table the timelines (./timeline.ts and the
 * joint replacements' own modules) pose tools with.
 */
import type { InstrumentKind } from './frame.ts'

/**
 * Shaft lengths drawn behind each tool's tip, mm: long enough to leave the thigh from the neck
 * (the lateral soft tissue over the trochanter is several centimetres), a design choice.
 */
export const SHAFT_MM: Readonly<Record<InstrumentKind, number>> = {
  'guide-wire': 220,
  trephine: 170,
  'steinmann-pin': 170,
  'expandable-reamer': 180,
  curette: 170,
  'graft-impactor': 170,
  // An 11-gauge bone-marrow needle is about 10 cm long (design choice, see the needle's builder).
  'aspiration-needle': 110,
  'oscillating-saw': 60,
  // A 30-mL syringe: a barrel about 4 of its 22-mm diameters long with its nozzle (design choice).
  'marrow-syringe': 94,
  // Joint replacement tools reach in through the open wound, not through the thigh.
  'acetabular-reamer': 200,
  broach: 110,
  'cup-impactor': 260,
  // Resurfacing's femoral tools reach the dislocated head through the wound (design choice).
  'sleeve-reamer': 140,
  'head-cutter': 140,
  'chamfer-reamer': 140,
  'peg-drill': 140,
  'head-impactor': 200,
  'box-chisel': 110,
  'canal-finder': 150,
}
