/**
 * Implant specs as the planner gives them for the committed model (tests/unit/replacement-
 * planner.test.ts checks the plan itself): a 56/50 shell with three screw holes, a 50/36 liner,
 * a 36-mm ceramic head, a size-7 stem with the 127° neck, a 50-mm resurfacing cap on a 46-mm
 * bony head, and a 6.5-mm dome screw 30 mm long. Scene tests build these without loading the model.
 */
import type { ImplantSpec } from '../../../src/domain/treatment/replacement/implantSpec.ts'
import type { ImplantKind } from '../../../src/domain/treatment/frame.ts'
import { capGeometry } from '../../../src/domain/treatment/replacement/capDesign.ts'
import type { StemSpec } from '../../../src/domain/treatment/replacement/stemDesign.ts'

export const STEM: StemSpec = { size: 7, neckAngleDeg: 127, collared: false }
export const CAP = capGeometry(50, 23)

export const IMPLANT_SPECS: Readonly<Record<ImplantKind, ImplantSpec>> = {
  'acetabular-shell': { kind: 'cup', outerDiameter: 56, innerDiameter: 50, screwHoles: 3 },
  'acetabular-liner': { kind: 'liner', outerDiameter: 50, innerDiameter: 36 },
  'prosthetic-head': { kind: 'head', diameter: 36, neckLength: 0, material: 'ceramic' },
  'femoral-stem': { kind: 'stem', stem: STEM },
  'resurfacing-cap': { kind: 'cap', cap: CAP },
  'bone-cement': { kind: 'cap', cap: CAP },
  'resurfacing-cup': { kind: 'cup', outerDiameter: 56, innerDiameter: 50, screwHoles: 0 },
  'dome-screw': { kind: 'screw', diameter: 6.5, length: 30 },
}
