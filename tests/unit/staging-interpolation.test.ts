import { describe, expect, it } from 'vitest'
import {
  PARAMETER_TABLE,
  STAGE_PARAMETER_IDS,
  STAGE_POINTS,
  monotoneCubic,
  monotoneTangents,
  stageParameters,
  stageValue,
} from '../../src/domain/staging/index.ts'
import { DEFAULT_LESION } from '../../src/domain/lesion/index.ts'

/** Deterministic pseudo-random numbers (mulberry32), so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const STEP = 1e-3
const SAMPLES = Array.from({ length: 4 / STEP + 1 }, (_, i) => i * STEP)

describe('monotoneCubic', () => {
  it('passes through its points and holds the end values outside them', () => {
    const f = monotoneCubic([0, 1, 3], [2, 5, 4])
    expect(f(0)).toBe(2)
    expect(f(1)).toBeCloseTo(5, 12)
    expect(f(3)).toBe(4)
    expect(f(-1)).toBe(2)
    expect(f(9)).toBe(4)
    expect(f(Number.NaN)).toBe(2)
  })

  it('rejects unusable input', () => {
    expect(() => monotoneCubic([0], [1])).toThrow(RangeError)
    expect(() => monotoneCubic([0, 1], [1])).toThrow(RangeError)
    expect(() => monotoneCubic([0, 0], [1, 2])).toThrow(RangeError)
  })

  it('never overshoots and keeps the direction of random monotone data', () => {
    const rand = rng(42)
    for (let trial = 0; trial < 200; trial++) {
      const n = 3 + Math.floor(rand() * 8)
      const xs: number[] = [0]
      const ys: number[] = [rand()]
      for (let i = 1; i < n; i++) {
        xs.push(xs[i - 1]! + 0.05 + rand() * 2) // uneven spacing, like the stage points
        ys.push(ys[i - 1]! + (rand() < 0.3 ? 0 : rand() * 3)) // non-decreasing, with flat runs
      }
      const f = monotoneCubic(xs, ys)
      for (let k = 0; k < n - 1; k++) {
        let prev = f(xs[k]!)
        for (let j = 1; j <= 50; j++) {
          const v = f(xs[k]! + ((xs[k + 1]! - xs[k]!) * j) / 50)
          expect(v).toBeGreaterThanOrEqual(prev - 1e-12)
          expect(v).toBeGreaterThanOrEqual(ys[k]! - 1e-12)
          expect(v).toBeLessThanOrEqual(ys[k + 1]! + 1e-12)
          prev = v
        }
      }
    }
  })

  it('chooses tangents that meet the Fritsch–Carlson condition (0 ≤ m/δ ≤ 3, same sign)', () => {
    const rand = rng(7)
    for (let trial = 0; trial < 500; trial++) {
      const n = 3 + Math.floor(rand() * 8)
      const xs: number[] = [0]
      const ys: number[] = [rand() * 10 - 5]
      for (let i = 1; i < n; i++) {
        xs.push(xs[i - 1]! + 0.01 + rand() * 3)
        ys.push(rand() < 0.2 ? ys[i - 1]! : rand() * 10 - 5) // any shape, with flat runs
      }
      const m = monotoneTangents(xs, ys)
      for (let k = 0; k < n - 1; k++) {
        const delta = (ys[k + 1]! - ys[k]!) / (xs[k + 1]! - xs[k]!)
        for (const mk of [m[k]!, m[k + 1]!]) {
          if (delta === 0) expect(mk).toBe(0)
          else {
            const ratio = mk / delta
            expect(ratio).toBeGreaterThanOrEqual(0)
            expect(ratio).toBeLessThanOrEqual(3 + 1e-9)
          }
        }
      }
    }
  })

  it('does not overshoot around a peak of non-monotone data', () => {
    const f = monotoneCubic([0, 1, 2], [0, 1, 0])
    for (let x = 0; x <= 2; x += 0.01) expect(f(x)).toBeLessThanOrEqual(1 + 1e-12)
  })
})

describe('stageParameters interpolation (sampled every 0.001)', () => {
  it.each(STAGE_PARAMETER_IDS)('%s stays within its bounds', (id) => {
    const { min, max } = PARAMETER_TABLE[id]
    for (const s of SAMPLES) {
      const v = stageValue(id, s)
      expect(v).toBeGreaterThanOrEqual(min)
      expect(v).toBeLessThanOrEqual(max)
    }
  })

  it.each(STAGE_PARAMETER_IDS.filter((id) => PARAMETER_TABLE[id].monotone !== null))(
    '%s never reverses (the disease does not heal itself)',
    (id) => {
      const sign = PARAMETER_TABLE[id].monotone === 'rising' ? 1 : -1
      let prev = stageValue(id, 0)
      for (const s of SAMPLES) {
        const v = stageValue(id, s)
        expect(sign * (v - prev), `${id} at s=${s}`).toBeGreaterThanOrEqual(-1e-12)
        prev = v
      }
    },
  )

  it('shows the sclerosis that defines ARCO II from early in stage II, and none in stage I', () => {
    // Ramped across the band, the rim was half there at 1.5 and stages I and II looked alike.
    for (let s = 0; s <= 1; s += 0.05) expect(stageValue('scleroticRim', s)).toBe(0)
    for (let s = 1.15; s <= 4; s += 0.05) expect(stageValue('scleroticRim', s)).toBeGreaterThan(0.999)
    expect(stageValue('scleroticRim', 1.05)).toBeGreaterThan(0)
    // The stage points keep the table's values.
    STAGE_POINTS.forEach((p, i) => expect(stageValue('scleroticRim', p)).toBeCloseTo(PARAMETER_TABLE.scleroticRim.values[i]!.value, 12))
  })

  it('shows the subchondral fracture that defines ARCO III under the whole roof from early IIIA, and none before', () => {
    for (let s = 0; s <= 2; s += 0.05) expect(stageValue('crescentExtent', s)).toBe(0)
    for (let s = 2.08; s <= 4; s += 0.05) expect(stageValue('crescentExtent', s)).toBeGreaterThan(0.999)
  })

  it('declares the disease-driven tracks monotone', () => {
    for (const id of ['lesionDemarcation', 'crescentExtent', 'collapseDepthMm', 'osteophytes'] as const) {
      expect(PARAMETER_TABLE[id].monotone).toBe('rising')
    }
    for (const id of ['cartilageOverLesion', 'cartilageElsewhere', 'acetabularCartilage', 'perfusionPosterosuperior'] as const) {
      expect(PARAMETER_TABLE[id].monotone).toBe('falling')
    }
  })

  it.each(STAGE_PARAMETER_IDS)('%s is continuous and has no kinks at the stage points', (id) => {
    // Continuity: no jump anywhere bigger than the steepest table slope allows.
    const vals = PARAMETER_TABLE[id].values.map((c) => c.value)
    let maxSlope = 0
    for (let i = 1; i < vals.length; i++) {
      maxSlope = Math.max(maxSlope, Math.abs(vals[i]! - vals[i - 1]!) / (STAGE_POINTS[i]! - STAGE_POINTS[i - 1]!))
    }
    // A track with an onset changes within that share of each interval, eased (slope up to 1.5×).
    const onset = PARAMETER_TABLE[id].onset?.value
    const squeeze = onset ? 1.5 / onset : 1
    for (let i = 1; i < SAMPLES.length; i++) {
      const jump = Math.abs(stageValue(id, SAMPLES[i]!) - stageValue(id, SAMPLES[i - 1]!))
      expect(jump).toBeLessThanOrEqual(3 * maxSlope * squeeze * STEP + 1e-12)
    }
    // C¹: left and right derivatives agree at every interior stage point.
    const h = 1e-6
    for (const p of STAGE_POINTS.slice(1, -1)) {
      const left = (stageValue(id, p) - stageValue(id, p - h)) / h
      const right = (stageValue(id, p + h) - stageValue(id, p)) / h
      expect(Math.abs(left - right)).toBeLessThan(1e-3 * Math.max(1, maxSlope))
    }
  })

  it('keeps collapse and the crescent exactly 0 until stage III', () => {
    for (const s of SAMPLES.filter((x) => x <= 2)) {
      expect(stageValue('collapseDepthMm', s)).toBe(0)
      expect(stageValue('crescentExtent', s)).toBe(0)
    }
    expect(stageValue('collapseDepthMm', 2.001)).toBeGreaterThan(0)
  })

  it('lets the oedema peak in pericollapse (s = 2.5, at 0.9) and stay out of stage I, where the band comes first', () => {
    const around = SAMPLES.filter((s) => s >= 2 && s <= 3).map((s) => stageValue('marrowOedema', s))
    expect(Math.max(...around)).toBeCloseTo(0.9, 12)
    expect(stageValue('marrowOedema', 2.5)).toBeCloseTo(0.9, 12)
    for (const s of SAMPLES.filter((x) => x <= 1)) expect(stageValue('marrowOedema', s)).toBe(0)
    expect(stageValue('lesionDemarcation', 0.75)).toBeGreaterThan(0.5)
  })

  it('widens the joint space slightly in early collapse, then narrows it at stage IV', () => {
    expect(stageValue('jointSpaceMm', 2.5)).toBeGreaterThan(4.2)
    expect(stageValue('jointSpaceMm', 3.25)).toBeLessThan(4.2)
    expect(stageValue('jointSpaceMm', 4)).toBeLessThan(stageValue('jointSpaceMm', 3.5))
  })

  it('clamps the stage: below 0 is healthy, above 4 is end stage, NaN is healthy', () => {
    expect(stageParameters(-3, DEFAULT_LESION)).toEqual(stageParameters(0, DEFAULT_LESION))
    expect(stageParameters(7, DEFAULT_LESION)).toEqual(stageParameters(4, DEFAULT_LESION))
    expect(stageParameters(Number.NaN, DEFAULT_LESION)).toEqual(stageParameters(0, DEFAULT_LESION))
    expect(stageParameters(7, DEFAULT_LESION).stage).toBe(4)
  })

  it('is pure: the same input gives the same output', () => {
    expect(stageParameters(2.37, DEFAULT_LESION)).toEqual(stageParameters(2.37, DEFAULT_LESION))
  })
})
