import { describe, expect, it } from 'vitest'
import { placeTag, type Rect } from '../../src/ui/tagPlacement.ts'

const view = { viewWidth: 800, viewHeight: 500, width: 200, height: 70, gap: 12 }
const box = (at: { x: number; y: number }): Rect => ({ ...at, width: view.width, height: view.height })
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const within = (a: Rect) => a.x >= view.gap && a.y >= view.gap && a.x + a.width <= view.viewWidth - view.gap && a.y + a.height <= view.viewHeight - view.gap

describe('placeTag', () => {
  it('sits beside the point, on the side away from the middle of the view, never over the point', () => {
    const upperRight = box(placeTag({ ...view, ax: 520, ay: 120, avoid: [] }))
    expect(upperRight.x).toBeGreaterThan(520) // right of a point right of the middle
    expect(upperRight.y + upperRight.height).toBeLessThan(120) // and above it
    const lowerLeft = box(placeTag({ ...view, ax: 250, ay: 400, avoid: [] }))
    expect(lowerLeft.x + lowerLeft.width).toBeLessThan(250)
    for (const t of [upperRight, lowerLeft]) expect(within(t)).toBe(true)
  })

  it('stays inside the view when the point is at an edge or outside it', () => {
    for (const [ax, ay] of [[5, 5], [795, 495], [-300, 200], [400, 900]] as const) {
      const t = box(placeTag({ ...view, ax, ay, avoid: [] }))
      expect(within(t), `${ax},${ay}: ${JSON.stringify(t)}`).toBe(true)
      expect(overlaps(t, { x: ax - 6, y: ay - 6, width: 12, height: 12 })).toBe(false)
    }
  })

  it('keeps off a control docked in the view (the camera toolbar)', () => {
    const toolbar: Rect = { x: 8, y: 8, width: 140, height: 340 }
    for (const [ax, ay] of [[160, 200], [100, 100], [60, 300], [400, 250]] as const) {
      const t = box(placeTag({ ...view, ax, ay, avoid: [toolbar] }))
      expect(overlaps(t, toolbar), `${ax},${ay}: ${JSON.stringify(t)}`).toBe(false)
      expect(within(t)).toBe(true)
    }
  })
})
