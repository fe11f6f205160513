/**
 * The head's cartilage over the collapsed segment thins with the staging table before it wears
 * through (domain/lesion/cartilageWear.ts): a surgeon's review found it gone at s = 3.25, where
 * the table keeps about half its thickness. One rule for the shaders (its numbers injected) and
 * picking (drawnTissue.ts).
 */
import { describe, expect, it } from 'vitest'
import { WORN_THROUGH_FROM, WORN_THROUGH_SPREAD, wornThrough } from '../../src/domain/lesion/cartilageWear.ts'
import { stageValue } from '../../src/domain/staging/stageValue.ts'
import { DZ_COMMON } from '../../src/scene/disease/shaders.ts'

/** The share of the noise's range (0..1, in steps of 0.01) where the cartilage over the lesion's core is worn through at stage s. */
function wornShare(s: number): number {
  const loss = 1 - stageValue('cartilageOverLesion', s)
  let worn = 0
  for (let n = 0; n <= 100; n++) if (wornThrough(loss, n / 100)) worn++
  return worn / 101
}

describe('cartilage over the collapsed segment', () => {
  it('is whole, only thinner, while the table keeps half or more of it (to 3.25)', () => {
    for (const s of [2.5, 2.75, 3, 3.25]) {
      expect(stageValue('cartilageOverLesion', s), `stage ${s}`).toBeGreaterThanOrEqual(0.45)
      expect(wornShare(s), `stage ${s}`).toBe(0)
    }
  })

  it('wears through in a focal crater by 3.5 (0.3 × normal) and mostly at 4 (0.1 × normal)', () => {
    const mid = wornShare(3.5)
    expect(mid).toBeGreaterThan(0.15)
    expect(mid).toBeLessThan(0.5)
    expect(wornShare(4)).toBeGreaterThan(0.8)
  })

  it('is the same rule in the shaders: the numbers are injected', () => {
    expect(DZ_COMMON).toContain(`#define DZ_WORN_FROM ${WORN_THROUGH_FROM}`)
    expect(DZ_COMMON).toContain(`#define DZ_WORN_SPREAD ${WORN_THROUGH_SPREAD}`)
    expect(DZ_COMMON).toMatch(/bool dzWornThrough\(float weightedLoss, float noise\)/)
  })
})
