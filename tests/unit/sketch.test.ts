/**
 * Marks drawn over the view (domain/sketch.ts): view units that survive a resize, strokes that
 * thin out a drag's points, arrows that are a shaft and a head, the limits, and which changes of
 * the view leave the marks in place.
 */
import { describe, expect, it } from 'vitest'
import { addStroke, arrowBarbs, fromSketchPoint, isMark, MAX_STROKES, pictureChanged, sketchLineWidth, toSketchPoint, withPoint, type SketchStroke } from '../../src/domain/sketch.ts'
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/domain/viewState.ts'

describe('points in view units', () => {
  it('round-trip, and stay on the same part of the picture when the view is resized', () => {
    const p = toSketchPoint(700, 300, 1000, 600)
    expect(fromSketchPoint(p, 1000, 600)).toEqual([700, 300])
    // The picture scales with the height about the centre: a wider window moves the point by half the extra width.
    const wider = fromSketchPoint(p, 1400, 600)
    expect(wider[0]).toBeCloseTo(900)
    expect(wider[1]).toBeCloseTo(300)
    const taller = fromSketchPoint(p, 1000, 1200)
    expect(taller).toEqual([500 + 2 * 200, 600])
  })

  it('draws lines legible from the back of a hall, and never hairlines', () => {
    expect(sketchLineWidth(1080)).toBeCloseTo(6.48)
    expect(sketchLineWidth(2160)).toBeCloseTo(12.96)
    expect(sketchLineWidth(300)).toBe(3)
  })
})

describe('strokes', () => {
  const pen = (points: SketchStroke['points'] = []): SketchStroke => ({ tool: 'pen', points })

  it('keep a point only when the pointer has moved, and stop growing at their limit', () => {
    let s = withPoint(pen(), [0, 0])
    s = withPoint(s, [0.0005, 0])
    expect(s.points).toHaveLength(1)
    s = withPoint(s, [0.01, 0])
    expect(s.points).toHaveLength(2)
    let long = pen()
    for (let i = 0; i < 3000; i++) long = withPoint(long, [i * 0.01, 0])
    expect(long.points).toHaveLength(1500)
  })

  it('an arrow is its first and last point, straight, and needs a length', () => {
    let a: SketchStroke = { tool: 'arrow', points: [] }
    for (const p of [[0, 0], [0.1, 0.05], [0.2, 0.02], [0.3, 0]] as const) a = withPoint(a, p)
    expect(a.points).toEqual([[0, 0], [0.3, 0]])
    expect(isMark(a)).toBe(true)
    expect(isMark({ tool: 'arrow', points: [[0, 0], [0.01, 0]] })).toBe(false)
    // A tap with the pen is a dot.
    expect(isMark(pen([[0.1, 0.1]]))).toBe(true)
    expect(isMark(pen())).toBe(false)
  })

  it('add up to a limit, the oldest going first; nothing is added for a slip', () => {
    let strokes: readonly SketchStroke[] = []
    for (let i = 0; i < MAX_STROKES + 5; i++) strokes = addStroke(strokes, pen([[i, 0]]))
    expect(strokes).toHaveLength(MAX_STROKES)
    expect(strokes[0]!.points[0]).toEqual([5, 0])
    expect(addStroke(strokes, { tool: 'arrow', points: [[0, 0]] })).toBe(strokes)
  })

  it('an arrow head has two barbs either side of the shaft at the tip, never longer than half the shaft', () => {
    const [left, right] = arrowBarbs([0, 0], [100, 0], 20)!
    expect(left[0]).toBeCloseTo(100 - 20 * Math.cos((28 * Math.PI) / 180))
    expect(left[1]).toBeCloseTo(20 * Math.sin((28 * Math.PI) / 180))
    expect(right[1]).toBeCloseTo(-left[1])
    const short = arrowBarbs([0, 0], [10, 0], 20)!
    expect(Math.hypot(short[0][0] - 10, short[0][1])).toBeCloseTo(5)
    expect(arrowBarbs([1, 1], [1, 1], 20)).toBeNull()
  })
})

describe('when the marks go', () => {
  const base: ViewState = DEFAULT_VIEW_STATE
  it('stay while the words, the labels, the selection, the flow or the framing on screen change', () => {
    for (const patch of [{ mode: 'clinician' }, { stageSystem: 'ficat' }, { labels: !base.labels }, { selected: 'femur' }, { flow: !base.flow }, { present: true }, { images: true }, { hidden: [...base.hidden] }] as Partial<ViewState>[]) {
      expect(pictureChanged(base, { ...base, ...patch }), JSON.stringify(patch)).toBe(false)
    }
  })

  it('go when the picture under them changes', () => {
    for (const patch of [
      { stage: 2 },
      { view: 'lateral' },
      { view: null, camera: { position: [0, 0, 300], target: [0, 0, 0] } },
      { section: { plane: 'coronal', offset: 0, flip: false, normal: [0, 0, 1] } },
      { hidden: ['femur'] },
      { side: 'left' },
      { procedure: 'core-decompression' },
      { lesionSize: 'small' },
    ] as Partial<ViewState>[]) {
      expect(pictureChanged(base, { ...base, ...patch }), JSON.stringify(patch)).toBe(true)
    }
  })
})
