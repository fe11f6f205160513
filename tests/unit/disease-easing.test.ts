import { describe, expect, it } from 'vitest'
import { dampStage, SETTLE_EPSILON } from '../../src/scene/disease/easing.ts'
import { STAGE_PARAMETER_IDS, PARAMETER_TABLE, stageValue } from '../../src/domain/staging/index.ts'

describe('stage easing', () => {
  it('approaches the target monotonically, never overshoots, and settles exactly', () => {
    for (const [from, to] of [[0, 4], [4, 0], [1.2, 2.5]] as const) {
      let s: number = from
      let frames = 0
      while (s !== to && frames < 1000) {
        const next = dampStage(s, to, 1 / 60)
        if (to > from) expect(next).toBeGreaterThanOrEqual(s)
        else expect(next).toBeLessThanOrEqual(s)
        expect(Math.abs(next - to)).toBeLessThanOrEqual(Math.abs(s - to))
        s = next
        frames++
      }
      expect(s).toBe(to)
      expect(frames).toBeLessThan(120) // settles within 2 s at 60 Hz
    }
  })

  it('is frame-rate independent', () => {
    let a = 0
    for (let i = 0; i < 6; i++) a = dampStage(a, 4, 1 / 60)
    const b = dampStage(0, 4, 6 / 60)
    expect(Math.abs(a - b)).toBeLessThan(1e-9)
  })

  it('keeps the disease parameters monotone on screen while easing', () => {
    let s = 0
    const last = Object.fromEntries(STAGE_PARAMETER_IDS.map((id) => [id, stageValue(id, 0)]))
    while (s !== 4) {
      s = dampStage(s, 4, 1 / 30)
      for (const id of STAGE_PARAMETER_IDS) {
        const v = stageValue(id, s)
        const m = PARAMETER_TABLE[id].monotone
        if (m === 'rising') expect(v).toBeGreaterThanOrEqual(last[id]! - 1e-9)
        if (m === 'falling') expect(v).toBeLessThanOrEqual(last[id]! + 1e-9)
        last[id] = v
      }
    }
    expect(SETTLE_EPSILON).toBeLessThan(0.01)
  })
})
