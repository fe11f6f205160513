/**
 * Places labels like a medical illustration: each label sits beside its anchor, on the side
 * of the view its anchor is on, and labels on one side are pushed apart vertically so none
 * overlap; a leader line joins label and anchor. Where the view's edge leaves no room beside an
 * anchor (a close view), the label goes above it rather than over it. Pure, for testing.
 */
import { overlap, type Rect } from './tagPlacement.ts'

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
 * over its own anchor would hide the point it names). Returns its left edge.
 */
function clearObstacles(x: number, y: number, box: LabelBox, side: 'left' | 'right', o: LayoutOptions): number {
  for (const ob of o.obstacles ?? []) {
    if (overlap({ x, y, width: box.width, height: box.height }, ob) === 0) continue
    if (side === 'right') {
      x = ob.x - o.gap - box.width
      if (x < box.ax + o.gap) return besideX(box, 'left', o)
    } else {
      x = ob.x + ob.width + o.gap
      if (x + box.width > box.ax - o.gap) return besideX(box, 'right', o)
    }
  }
  return x
}

/**
 * The label's left edge beside its anchor on `side`, held inside the view by a gap (on a phone the
 * labels touched the screen's edges) and off the view buttons.
 */
function besideX(box: LabelBox, side: 'left' | 'right', o: LayoutOptions): number {
  return side === 'left' ? Math.max(o.leftInset, o.gap, box.ax - o.reach - box.width) : Math.min(o.width - box.width - o.gap, box.ax + o.reach)
}

/**
 * Whether the label, held inside the view (a close view puts anchors near its edges), would reach
 * back over its own anchor: it would hide the point it names and what lies around it.
 */
function coversAnchor(x: number, box: LabelBox, side: 'left' | 'right', o: LayoutOptions): boolean {
  return side === 'left' ? x + box.width > box.ax - o.gap : x < box.ax + o.gap
}

/**
 * Where the label's top would be on its own: level with its anchor, or — when beside it there is
 * no room — lifted clear above it (below it at the top of the view), its leader running down.
 */
function wantedY(box: LabelBox, side: 'left' | 'right', o: LayoutOptions): number {
  if (!coversAnchor(besideX(box, side, o), box, side, o)) return box.ay - box.height / 2
  const above = box.ay - o.reach / 2 - box.height
  return above >= 0 ? above : box.ay + o.reach / 2
}

function placeColumn(boxes: LabelBox[], side: 'left' | 'right', o: LayoutOptions): PlacedLabel[] {
  const sorted = boxes.map((box) => ({ box, wanted: wantedY(box, side, o) })).sort((a, b) => a.wanted - b.wanted)
  const placed: { box: LabelBox; y: number }[] = []
  let floor = -Infinity
  for (const { box, wanted } of sorted) {
    const y = Math.max(wanted, floor, 0)
    placed.push({ box, y })
    floor = y + box.height + o.gap
  }
  // If the column ran off the bottom, shift it up (keeping the spacing).
  const last = placed[placed.length - 1]
  const overflow = last ? last.y + last.box.height - o.height : 0
  if (overflow > 0) for (const p of placed) p.y = Math.max(0, p.y - overflow)
  return placed.map(({ box, y }) => {
    const x = clearObstacles(besideX(box, side, o), y, box, side, o)
    return { id: box.id, x, y, ...leaderEnd(box, x, y) }
  })
}

/**
 * The leader's end on a label at (x, y): the middle of the side facing the anchor beside it, or,
 * for a label above or below its anchor, the point of its edge straight over (or under) it.
 */
function leaderEnd(box: LabelBox, x: number, y: number): { lx: number; ly: number } {
  if (box.ax <= x) return { lx: x, ly: y + box.height / 2 }
  if (box.ax >= x + box.width) return { lx: x + box.width, ly: y + box.height / 2 }
  return { lx: box.ax, ly: box.ay < y ? y : y + box.height }
}

/**
 * Whether the segment from (x1, y1) to (x2, y2) passes through the inside of a box at (x, y)
 * (clipped to it, Liang–Barsky: a stretch of positive length inside; touching an edge is not).
 */
function segmentMeetsBox(x1: number, y1: number, x2: number, y2: number, x: number, y: number, size: { width: number; height: number }): boolean {
  const dx = x2 - x1
  const dy = y2 - y1
  let t0 = 0
  let t1 = 1
  for (const [p, q] of [[-dx, x1 - x], [dx, x + size.width - x1], [-dy, y1 - y], [dy, y + size.height - y1]] as const) {
    if (p === 0) {
      if (q <= 0) return false
      continue
    }
    const t = q / p
    if (p < 0) t0 = Math.max(t0, t)
    else t1 = Math.min(t1, t)
    if (t0 >= t1) return false
  }
  return true
}

/**
 * A last pass for labels that still lie over an anchor, their own or another's (two labels held
 * off the same edge, one lifted over the other's dot), that the stacking pushed back onto their own
 * anchor with no leader left to see, or that reach over a label of the other column (a narrow
 * view): each moves the least that clears every anchor (its own by a leader's length) without
 * meeting another label, running its leader under one, or leaving the view — on its own side of
 * its anchor first; it stays if nothing does.
 */
function clearAnchors(placed: PlacedLabel[], boxes: readonly LabelBox[], o: LayoutOptions): PlacedLabel[] {
  const byId = new Map(boxes.map((b) => [b.id, b]))
  const out = [...placed]
  const covers = (a: LabelBox, margin: number, b: LabelBox, x: number, y: number) =>
    a.ax > x - margin && a.ax < x + b.width + margin && a.ay > y - margin && a.ay < y + b.height + margin
  /** Over an anchor: another's, or its own within `own` (the leader's least length). */
  const coversAny = (b: LabelBox, x: number, y: number, own: number) => boxes.some((a) => covers(a, a === b ? own : o.gap / 2, b, x, y))
  /**
   * Within a gap of another label. Compared as the stacking adds (y + height + gap against the
   * next label's y): labels stacked exactly a gap apart do not meet.
   */
  const meetsLabel = (i: number, b: LabelBox, x: number, y: number) =>
    out.some((p, j) => {
      if (j === i) return false
      const q = byId.get(p.id)!
      return x < p.x + q.width + o.gap && x + b.width + o.gap > p.x && y < p.y + q.height + o.gap && y + b.height + o.gap > p.y
    })
  out.forEach((p, i) => {
    const b = byId.get(p.id)!
    // The columns are stacked apart, but on a narrow view a label of one can reach over one of the other.
    if (!coversAny(b, p.x, p.y, o.reach / 4) && !meetsLabel(i, b, p.x, p.y)) return
    // Its leader may not run under another label either (it would read as that label's).
    const leaderCrosses = (y: number) => {
      const { lx, ly } = leaderEnd(b, p.x, y)
      return out.some((q, j) => j !== i && segmentMeetsBox(lx, ly, b.ax, b.ay, q.x, q.y, byId.get(q.id)!))
    }
    const fits = (y: number) => !coversAny(b, p.x, y, o.reach / 4) && !meetsLabel(i, b, p.x, y) && !leaderCrosses(y)
    // The nearest place (to the pixel) on its side of its own anchor (a label above it stays above
    // rather than go down over what it names), then on the anchor's other side; either way with a
    // leader of a quarter of the reach or more.
    const above = p.y + b.height / 2 < b.ay
    const onSide = (y: number, same: boolean) => (y + b.height / 2 < b.ay) === (above === same)
    for (const same of [true, false]) {
      for (let step = 0; step <= o.height; step += 1) {
        const y = [p.y - step, p.y + step].find((c) => c >= 0 && c + b.height <= o.height && onSide(c, same) && fits(c))
        if (y === undefined) continue
        out[i] = { ...p, y, ...leaderEnd(b, p.x, y) }
        return
      }
    }
  })
  return out
}

export function layoutLabels(boxes: readonly LabelBox[], o: LayoutOptions): PlacedLabel[] {
  const centre = boxes.length ? boxes.reduce((s, b) => s + b.ax, 0) / boxes.length : o.width / 2
  const left = boxes.filter((b) => b.ax < centre)
  const right = boxes.filter((b) => b.ax >= centre)
  return clearAnchors([...placeColumn(left, 'left', o), ...placeColumn(right, 'right', o)], boxes, o)
}
