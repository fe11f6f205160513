/**
 * Where the selection's name tag goes: beside the point it names, at the corner of it farthest
 * from the middle of the view (where the views frame the joint, the subject of the app), never
 * over the point itself, inside the view with a margin, and off the controls docked in the view
 * (the camera toolbar). Pure, for testing.
 */
export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface TagPlacementInput {
  /** The point the tag names, in view pixels. */
  readonly ax: number
  readonly ay: number
  /** The tag's size. */
  readonly width: number
  readonly height: number
  /** The view's size. */
  readonly viewWidth: number
  readonly viewHeight: number
  /** Rectangles of the view the tag must not cover (view pixels). */
  readonly avoid: readonly Rect[]
  /** Distance kept from the point and from the view's edges (px). */
  readonly gap: number
}

/** The area two rectangles share (0 when they only touch or are apart). */
export function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/** `v` within lo..hi (lo wins when the range is empty: the view is smaller than the tag). */
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v))

/** How much a pixel farther from the view's middle is worth against a pixel away from the wished place. */
const AWAY_FROM_MIDDLE = 1.5

/** The tag's top-left corner. */
export function placeTag(o: TagPlacementInput): { x: number; y: number } {
  const { ax, ay, width, height, gap } = o
  const maxX = Math.max(gap, o.viewWidth - width - gap)
  const maxY = Math.max(gap, o.viewHeight - height - gap)
  // The four corners around the point, then beside it (ties go to the earlier: above right, the usual callout).
  const wishes = [
    { x: ax + gap, y: ay - gap - height },
    { x: ax + gap, y: ay + gap },
    { x: ax - gap - width, y: ay - gap - height },
    { x: ax - gap - width, y: ay + gap },
    { x: ax + gap, y: ay - height / 2 },
    { x: ax - gap - width, y: ay - height / 2 },
  ]
  const point: Rect = { x: ax - gap / 2, y: ay - gap / 2, width: gap, height: gap }
  let best = { x: gap, y: gap }
  let bestCost = Infinity
  wishes.forEach((wish, rank) => {
    const x = clamp(wish.x, gap, maxX)
    const y = clamp(wish.y, gap, maxY)
    const box: Rect = { x, y, width, height }
    const covered = o.avoid.reduce((sum, r) => sum + overlap(box, r), 0)
    // Covering a control is worst, covering the point next; then moving far from the wish, and
    // staying near the middle.
    const middle = Math.hypot(x + width / 2 - o.viewWidth / 2, y + height / 2 - o.viewHeight / 2)
    const cost = covered * 1e6 + overlap(box, point) * 1e4 + Math.hypot(x - wish.x, y - wish.y) - AWAY_FROM_MIDDLE * middle + rank
    if (cost < bestCost) {
      bestCost = cost
      best = { x, y }
    }
  })
  // Clamped into a corner that a control fills: slide along the control's edge instead.
  if (bestCost >= 5e5) {
    for (const r of o.avoid) {
      const below = { x: best.x, y: clamp(r.y + r.height + gap, gap, maxY) }
      const right = { x: clamp(r.x + r.width + gap, gap, maxX), y: best.y }
      for (const c of [right, below]) {
        if (o.avoid.every((a) => overlap({ ...c, width, height }, a) === 0)) return c
      }
    }
  }
  return best
}
