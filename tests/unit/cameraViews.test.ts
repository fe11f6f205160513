import { describe, expect, it } from 'vitest'
import { fitDistance, fitPointsDistance, namedViewPose, VIEW_DIRECTIONS } from '../../src/domain/cameraViews.ts'
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

describe('fitting the bones per view', () => {
  const tan15 = Math.tan((15 * Math.PI) / 180)
  it('is exact for a point at the edge of the view', () => {
    // Looking from +Z at the origin: a point 100 mm to the side needs 100 / tan(half fov) (+6%).
    expect(fitPointsDistance([[100, 0, 0]], [0, 0, 0], [0, 0, 1], 30, 1)).toBeCloseTo((100 * 1.06) / tan15, 6)
    // The same point, 50 mm nearer the camera, needs 50 mm more distance.
    expect(fitPointsDistance([[100, 0, 50]], [0, 0, 0], [0, 0, 1], 30, 1)).toBeCloseTo(50 + (100 * 1.06) / tan15, 6)
  })

  it('uses the horizontal field of view for wide shapes on a tall screen', () => {
    const wide = fitPointsDistance([[100, 0, 0]], [0, 0, 0], [0, 0, 1], 30, 0.5)
    expect(wide).toBeCloseTo((100 * 1.06) / (tan15 * 0.5), 6)
  })

  it('frames a tall box closer than its bounding sphere would', () => {
    const corners = [-1, 1].flatMap((x) => [-1, 1].flatMap((y) => [-1, 1].map((z) => [x * 40, y * 150, z * 40] as const)))
    const pose = namedViewPose('anterior', { centre: [0, 0, 0], radius: Math.hypot(40, 150, 40), corners }, 'right', 30, 16 / 9)
    expect(pose.position[2]).toBeLessThan(fitDistance(Math.hypot(40, 150, 40), 30, 16 / 9))
    expect(pose.position[2]).toBeCloseTo(40 + (150 * 1.06) / tan15, 6)
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
