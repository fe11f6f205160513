/**
 * Where the hover tip goes: below and right of the pointer, as a tooltip does, but flipped to
 * the pointer's left when it would run past the view's right edge (a long name near the right
 * of the view was cut off) and above it when it would run past the bottom, then kept inside the
 * view. Pure, for testing.
 */
export interface TipPlacementInput {
  /** The pointer, in view pixels. */
  readonly x: number
  readonly y: number
  /** The tip's size. */
  readonly width: number
  readonly height: number
  /** The view's size. */
  readonly viewWidth: number
  readonly viewHeight: number
}

/** Distance between the pointer and the tip's nearest corner (clear of the cursor's arrow), px. */
export const TIP_OFFSET = 14
/** Margin kept from the view's edges, px. */
const EDGE = 4

export function placeHoverTip({ x, y, width, height, viewWidth, viewHeight }: TipPlacementInput): { left: number; top: number } {
  let left = x + TIP_OFFSET
  if (left + width > viewWidth - EDGE) left = x - TIP_OFFSET - width
  let top = y + TIP_OFFSET
  if (top + height > viewHeight - EDGE) top = y - TIP_OFFSET - height
  return {
    left: Math.max(EDGE, Math.min(left, viewWidth - EDGE - width)),
    top: Math.max(EDGE, Math.min(top, viewHeight - EDGE - height)),
  }
}
