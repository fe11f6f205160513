/**
 * The sizes an implant is built from, carried by the frame's piece (or, for a broach, its
 * instrument pose) so the scene builds exactly the planned part: the planner's numbers, not a
 * second description of them.
 */
import type { CapGeometry } from './capDesign.ts'
import type { StemSpec } from './stemDesign.ts'

export type ImplantSpec =
  /** A press-fit shell or a monoblock cup: a hemisphere of these diameters; `screwHoles` in the shell's dome. */
  | { readonly kind: 'cup'; readonly outerDiameter: number; readonly innerDiameter: number; readonly screwHoles: number }
  /** The liner, locked into the shell: its outside is the shell's inside, its inside the head. */
  | { readonly kind: 'liner'; readonly outerDiameter: number; readonly innerDiameter: number }
  /** The modular head on the taper: −3.5 / 0 / +3.5 mm neck length. */
  | { readonly kind: 'head'; readonly diameter: number; readonly neckLength: number; readonly material: 'ceramic' | 'metal' }
  | { readonly kind: 'stem'; readonly stem: StemSpec }
  /** The resurfacing cap and its cement layer share the cap's geometry. */
  | { readonly kind: 'cap'; readonly cap: CapGeometry }
  /** The cement packed into the shaped head under the cap: its whole inside and the peg hole (./capDesign.ts cementFillProfile). */
  | { readonly kind: 'cap-fill'; readonly cap: CapGeometry }
  /** A cancellous bone screw: thread diameter, and length from the tip to under the head (mm). */
  | { readonly kind: 'screw'; readonly diameter: number; readonly length: number }

/** The numbers that tell two specs apart (the scene's model cache key). */
export function implantSizes(spec: ImplantSpec): number[] {
  switch (spec.kind) {
    case 'cup':
      return [spec.outerDiameter, spec.innerDiameter, spec.screwHoles]
    case 'liner':
      return [spec.outerDiameter, spec.innerDiameter]
    case 'head':
      return [spec.diameter, spec.neckLength, spec.material === 'ceramic' ? 0 : 1]
    case 'stem':
      return [spec.stem.size, spec.stem.neckAngleDeg, spec.stem.collared ? 1 : 0]
    case 'screw':
      return [spec.diameter, spec.length]
    case 'cap':
    case 'cap-fill': {
      const c = spec.cap
      return [c.outerDiameter, c.innerDiameter, c.rimY, c.chamferY, c.topY, c.topRadius, c.peg.radius, c.peg.tipY, c.cement]
    }
  }
}
