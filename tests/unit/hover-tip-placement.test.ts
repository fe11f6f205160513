import { describe, expect, it } from 'vitest'
import { placeHoverTip, TIP_OFFSET } from '../../src/ui/hoverTipPlacement.ts'

const view = { viewWidth: 800, viewHeight: 500 }
const tip = { width: 260, height: 28 }

describe('the hover tip', () => {
  it('sits below right of the pointer where it fits', () => {
    expect(placeHoverTip({ x: 100, y: 100, ...tip, ...view })).toEqual({ left: 100 + TIP_OFFSET, top: 100 + TIP_OFFSET })
  })

  it('flips to the left of the pointer near the right edge, whole inside the view', () => {
    const at = placeHoverTip({ x: 700, y: 100, ...tip, ...view })
    expect(at.left + tip.width).toBeLessThanOrEqual(700 - TIP_OFFSET)
    expect(at.left).toBeGreaterThanOrEqual(0)
  })

  it('flips above the pointer near the bottom edge', () => {
    const at = placeHoverTip({ x: 100, y: 490, ...tip, ...view })
    expect(at.top + tip.height).toBeLessThanOrEqual(490 - TIP_OFFSET)
  })

  it('stays inside a view narrower than the flip needs', () => {
    const at = placeHoverTip({ x: 150, y: 20, width: 260, height: 28, viewWidth: 300, viewHeight: 200 })
    expect(at.left).toBeGreaterThanOrEqual(0)
    expect(at.left + 260).toBeLessThanOrEqual(300)
  })
})
