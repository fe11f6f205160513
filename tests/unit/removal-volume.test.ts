/** The removed-bone rule the labels and picking ask (domain/treatment/removalVolume.ts). */
import { describe, expect, it } from 'vitest'
import { insideAnyRemoval, insideRemoval } from '../../src/domain/treatment/removalVolume.ts'
import type { BoneRemoval } from '../../src/domain/treatment/frame.ts'

const X: readonly [number, number, number] = [1, 0, 0]
const Y: readonly [number, number, number] = [0, 1, 0]
const Z: readonly [number, number, number] = [0, 0, 1]

describe('insideRemoval', () => {
  const core: BoneRemoval = { kind: 'cylinder', id: 'core', from: [0, 0, 0], to: [0, 50, 0], radius: 4 }
  it('a cylinder: inside its radius and between its ends; its wall and ends are not inside', () => {
    expect(insideRemoval(core, [0, 25, 0])).toBe(true)
    expect(insideRemoval(core, [3.9, 25, 0])).toBe(true)
    expect(insideRemoval(core, [4, 25, 0])).toBe(false)
    expect(insideRemoval(core, [0, 50, 0])).toBe(false)
    expect(insideRemoval(core, [0, 50.5, 0])).toBe(false)
    expect(insideRemoval(core, [0, -0.5, 0])).toBe(false)
  })
  it('an ellipsoid on its own axes', () => {
    const cavity: BoneRemoval = { kind: 'ellipsoid', id: 'cavity', centre: [10, 0, 0], axes: [Y, Z, X], radii: [6, 4, 2] }
    expect(insideRemoval(cavity, [10, 5.5, 0])).toBe(true)
    expect(insideRemoval(cavity, [11.5, 0, 0])).toBe(true)
    expect(insideRemoval(cavity, [12.5, 0, 0])).toBe(false)
    expect(insideRemoval(cavity, [10, 0, 4.5])).toBe(false)
  })
  it('a saw cut: beyond every plane and inside its bound sphere', () => {
    const cut: BoneRemoval = { kind: 'planes', id: 'top', planes: [{ point: [0, 20, 0], normal: Y }], bound: { centre: [0, 0, 0], radius: 30 } }
    expect(insideRemoval(cut, [0, 25, 0])).toBe(true)
    expect(insideRemoval(cut, [0, 19, 0])).toBe(false)
    expect(insideRemoval(cut, [25, 25, 0])).toBe(false) // beyond the plane, but outside the bound
  })
  it('a turned cut (a sleeve reamer): between its profile and its outer radius, within its length', () => {
    const sleeve: BoneRemoval = { kind: 'turned', id: 'sleeve', base: [0, 0, 0], axis: Y, outerRadius: 40, profile: [{ at: -8, radius: 22 }, { at: 10, radius: 22 }, { at: 20, radius: 12 }] }
    expect(insideRemoval(sleeve, [23, 0, 0])).toBe(true)
    expect(insideRemoval(sleeve, [21, 0, 0])).toBe(false)
    expect(insideRemoval(sleeve, [23, -9, 0])).toBe(false) // below the rim: the neck is not touched
    expect(insideRemoval(sleeve, [18, 15, 0])).toBe(true) // outside the chamfer's line (17 mm at 15)
    expect(insideRemoval(sleeve, [16, 15, 0])).toBe(false)
  })
  it('a broach: inside the stem body at its height, not beyond its tip or shoulder', () => {
    const broach: BoneRemoval = { kind: 'stem', id: 'broach', spec: { size: 7, neckAngleDeg: 127, collared: false }, tip: [0, 0, 0], up: Y, medial: X }
    expect(insideRemoval(broach, [0, 60, 0])).toBe(true)
    expect(insideRemoval(broach, [0, -1, 0])).toBe(false)
    expect(insideRemoval(broach, [0, 60, 30])).toBe(false)
  })
  it('a box (a cortical window)', () => {
    const window: BoneRemoval = { kind: 'box', id: 'window', centre: [0, 0, 0], axes: [X, Y, Z], halfSizes: [10, 7.5, 4] }
    expect(insideRemoval(window, [9.5, 7, 3.5])).toBe(true)
    expect(insideRemoval(window, [10.5, 0, 0])).toBe(false)
    expect(insideAnyRemoval([core, window], [0, 30, 0])).toBe(true)
    expect(insideAnyRemoval([core, window], [20, 30, 0])).toBe(false)
    expect(insideAnyRemoval([], [0, 0, 0])).toBe(false)
  })
})
