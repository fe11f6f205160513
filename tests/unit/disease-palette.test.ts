import { describe, expect, it } from 'vitest'
import { DISEASE_PALETTE, DISTINCT_PAIRS, hexToRgb } from '../../src/scene/disease/palette.ts'
import { deltaE, simulate, toLab, type Vision } from '../../src/scene/disease/colourVision.ts'
import { CAP_LOOK } from '../../src/scene/section/sectionCaps.ts'

/** ΔE*ab of about 20 is an obvious difference at a glance, even on small patches. */
const MIN_DELTA_E = 20
const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia']

describe('disease palette under colour-vision deficiency (Machado 2009)', () => {
  for (const vision of VISIONS) {
    it(`keeps every pair apart for ${vision}`, () => {
      for (const [a, b] of DISTINCT_PAIRS) {
        const ca = simulate(hexToRgb(DISEASE_PALETTE[a]), vision)
        const cb = simulate(hexToRgb(DISEASE_PALETTE[b]), vision)
        expect(deltaE(ca, cb), `${a} vs ${b} (${vision})`).toBeGreaterThanOrEqual(MIN_DELTA_E)
      }
    })
  }

  it('draws the sclerotic margin as dense bone, paler than the cut bone round it, never a dark band that reads as a pit', () => {
    // A surgeon's review: the margin's dark brown (the MRI's dark outer line) read as a hollow in the cut.
    const lightness = (hex: string) => toLab(hexToRgb(hex))[0]
    expect(lightness(DISEASE_PALETTE.sclerotic)).toBeGreaterThan(lightness(CAP_LOOK.femurCancellous.color))
    expect(lightness(DISEASE_PALETTE.sclerotic)).toBeGreaterThan(lightness(DISEASE_PALETTE.dead) + 20)
  })

  it('simulation sanity: pure red and green collapse together for a deuteranope, not for normal vision', () => {
    const red = hexToRgb('#d62728')
    const green = hexToRgb('#2ca02c')
    expect(deltaE(red, green)).toBeGreaterThan(60)
    expect(deltaE(simulate(red, 'deuteranopia'), simulate(green, 'deuteranopia'))).toBeLessThan(deltaE(red, green) / 2)
  })
})
