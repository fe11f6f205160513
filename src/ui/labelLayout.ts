/**
 * Places labels like a medical illustration: each label sits beside its anchor, on the side
 * of the view its anchor is on, and labels on one side are pushed apart vertically so none
 * overlap; a leader line joins label and anchor. Pure, for testing.
 */
import type { Rect } from './tagPlacement.ts'

export interface LabelBox {
  readonly id: string
  /** Anchor on screen (CSS px). */
  readonly ax: number
  readonly ay: number
  readonly width: number
  readonly height: number
}

export interface PlacedLabel {
  readonly id: string
  /** Top-left corner of the label. */
  readonly x: number
  readonly y: number
  /** Where the leader line meets the label. */
  readonly lx: number
  readonly ly: number
}

export interface LayoutOptions {
  /** Horizontal distance from anchor to label (px). */
  readonly reach: number
  readonly gap: number
  readonly width: number
  readonly height: number
  /** Space kept free at the left edge (the view buttons). */
  readonly leftInset: number
  /**
   * Boxes laid over the view that no label may go under (a treatment step's live X-ray or
   * picture): a label that would reach into one moves sideways, to the side its anchor is on.
   */
  readonly obstacles?: readonly Rect[]
}

/**
 * The label at (x, y) moved clear of the obstacles it meets: along its row toward the view's
 * middle while it stays beside its anchor, else to the other side of its anchor (a label pushed
 * over its own anchor would hide the point it names). `side`: the side it is then on.
 */
function clearObstacles(x: number, y: number, box: LabelBox, side: 'left' | 'right', o: LayoutOptions): { x: number; side: 'left' | 'right' } {
  for (const ob of o.obstacles ?? []) {
    const meets = y < ob.y + ob.height && y + box.height > ob.y && x < ob.x + ob.width && x + box.width > ob.x
    if (!meets) continue
    if (side === 'right') {
      x = ob.x - o.gap - box.width
      if (x < box.ax + o.gap) return { x: Math.max(o.leftInset, box.ax - o.reach - box.width), side: 'left' }
    } else {
      x = ob.x + ob.width + o.gap
      if (x + box.width > box.ax - o.gap) return { x: Math.min(o.width - box.width, box.ax + o.reach), side: 'right' }
    }
  }
  return { x, side }
}

function placeColumn(boxes: LabelBox[], side: 'left' | 'right', o: LayoutOptions): PlacedLabel[] {
  const sorted = [...boxes].sort((a, b) => a.ay - b.ay)
  const placed: { box: LabelBox; y: number }[] = []
  let floor = -Infinity
  for (const box of sorted) {
    const y = Math.max(box.ay - box.height / 2, floor, 0)
    placed.push({ box, y })
    floor = y + box.height + o.gap
  }
  // If the column ran off the bottom, shift it up (keeping the spacing).
  const last = placed[placed.length - 1]
  const overflow = last ? last.y + last.box.height - o.height : 0
  if (overflow > 0) for (const p of placed) p.y = Math.max(0, p.y - overflow)
  return placed.map(({ box, y }) => {
    const beside =
      side === 'left'
        ? Math.max(o.leftInset, box.ax - o.reach - box.width)
        : Math.min(o.width - box.width, box.ax + o.reach)
    const { x, side: at } = clearObstacles(beside, y, box, side, o)
    return { id: box.id, x, y, lx: at === 'left' ? x + box.width : x, ly: y + box.height / 2 }
  })
}

export function layoutLabels(boxes: readonly LabelBox[], o: LayoutOptions): PlacedLabel[] {
  const centre = boxes.length ? boxes.reduce((s, b) => s + b.ax, 0) / boxes.length : o.width / 2
  const left = boxes.filter((b) => b.ax < centre)
  const right = boxes.filter((b) => b.ax >= centre)
  return [...placeColumn(left, 'left', o), ...placeColumn(right, 'right', o)]
}
