import { describe, expect, it } from 'vitest'
import { fitDistance, namedViewPose, VIEW_DIRECTIONS } from '../../src/domain/cameraViews.ts'
import { NAMED_VIEWS } from '../../src/domain/viewState.ts'
import { pixelRatioFor } from '../../src/scene/ViewerCanvas.tsx'

const framing = { centre: [-20, -40, 5] as const, radius: 150 }

describe('camera views', () => {
  it('fits the sphere in the narrower field of view', () => {
    const wide = fitDistance(100, 30, 16 / 9)
    const tall = fitDistance(100, 30, 9 / 16)
    expect(tall).toBeGreaterThan(wide * 1.5)
    // Sphere of radius r, half-angle a: distance r / sin(a) (plus an 8% margin).
    expect(wide).toBeCloseTo((100 * 1.08) / Math.sin((15 * Math.PI) / 180), 6)
  })

  it('looks at the framing centre from each named direction', () => {
    for (const view of NAMED_VIEWS) {
      const pose = namedViewPose(view, framing, 'right', 30, 1.5)
      expect(pose.target).toEqual([-20, -40, 5])
      const d = pose.position.map((p, i) => p - pose.target[i]!)
      const len = Math.hypot(...d)
      const dir = VIEW_DIRECTIONS[view]
      const dirLen = Math.hypot(...dir)
      d.forEach((c, i) => expect(c / len).toBeCloseTo(dir[i]! / dirLen, 6))
    }
  })

  it('the lateral view of the right hip looks from the patient\'s right (-X); of the left hip from +X', () => {
    expect(namedViewPose('lateral', framing, 'right', 30, 1).position[0]).toBeLessThan(-100)
    const left = namedViewPose('lateral', framing, 'left', 30, 1)
    expect(left.target[0]).toBe(20)
    expect(left.position[0]).toBeGreaterThan(100)
  })
})

describe('pixel ratio', () => {
  it('keeps the device ratio on ordinary screens, between 1 and 2', () => {
    expect(pixelRatioFor(1280, 720, 1)).toBe(1)
    expect(pixelRatioFor(1280, 720, 3)).toBe(2)
    expect(pixelRatioFor(400, 800, 0.5)).toBe(1)
  })

  it('caps the drawing buffer at 4K pixels on large high-density screens', () => {
    const r = pixelRatioFor(3840, 2160, 2)
    expect(r).toBeCloseTo(1, 6)
    expect(pixelRatioFor(2560, 1440, 2)).toBeCloseTo(Math.sqrt((3840 * 2160) / (2560 * 1440)), 6)
  })
})
