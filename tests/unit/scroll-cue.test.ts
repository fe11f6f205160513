import { describe, expect, it } from 'vitest'
import { scrollCue } from '../../src/ui/scrollCue.ts'

describe('scrollCue (a row that scrolls sideways says which way there is more)', () => {
  it('names the edges with content beyond them, with 2 px of slack for sub-pixel widths', () => {
    expect(scrollCue(0, 300, 300)).toBeNull()
    expect(scrollCue(0, 300, 301.5), 'a rounding, not a hidden button').toBeNull()
    expect(scrollCue(0, 300, 520)).toBe('end')
    expect(scrollCue(100, 300, 520)).toBe('both')
    expect(scrollCue(220, 300, 520)).toBe('start')
    expect(scrollCue(219, 300, 520), 'scrolled to the end, up to a pixel').toBe('start')
  })
})
