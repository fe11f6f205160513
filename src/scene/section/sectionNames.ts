/**
 * The names the section feature gives the objects it adds, so that another feature can find them
 * (the disease paints the caps and collapses the stencil passes, ../disease/sectionCaps.ts)
 * without loading the section's code.
 */
import type { CutSolid } from '../../domain/section.ts'

/** The quad that closes the cut through `id`. */
export const capName = (id: CutSolid): string => `section-cap-${id}`

/** The stencil passes (back and front faces) that mark where the plane lies inside `id`. */
export const stencilPassName = (id: CutSolid): string => `section-stencil-${id}`
