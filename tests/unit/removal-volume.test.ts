/** The removed-bone rule the labels and picking ask (domain/treatment/removalVolume.ts). */
import { describe, expect, it } from 'vitest'
import { insideAnyRemoval, insideRemoval } from '../../src/domain/treatment/removalVolume.ts'
import type { BoneRemoval } from '../../src/domain/treatment/frame.ts'
import { stemGeometry, stemSection } from '../../src/domain/treatment/replacement/stemDesign.ts'

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
  it('a saw cut: beyond every plane and inside its bound (the neck osteotomy with its lateral stop)', () => {
    const cut: BoneRemoval = { kind: 'planes', id: 'neck-cut', planes: [{ point: [0, 0, 0], normal: Y }, { point: [-5, 0, 0], normal: X }], bound: { centre: [0, 0, 0], radius: 40 } }
    expect(insideRemoval(cut, [0, 10, 0])).toBe(true)
    expect(insideRemoval(cut, [0, -1, 0])).toBe(false)
    expect(insideRemoval(cut, [-6, 10, 0])).toBe(false)
    expect(insideRemoval(cut, [0, 41, 0])).toBe(false)
  })
  it("a broach's body: inside the stem's section at the point's height, not beside it nor above its shoulder", () => {
    const broach: BoneRemoval = { kind: 'stem', id: 'broach-0', spec: { size: 5, neckAngleDeg: 132, collared: false }, tip: [0, 0, 0], up: Y, medial: X }
    const g = stemGeometry({ size: 5, neckAngleDeg: 132, collared: false })
    const mid = stemSection(g, g.length / 2)
    const cx = (mid.medial + mid.lateral) / 2
    expect(insideRemoval(broach, [cx, g.length / 2, 0])).toBe(true)
    expect(insideRemoval(broach, [cx, g.length / 2, mid.halfAP - 0.5])).toBe(true)
    expect(insideRemoval(broach, [cx, g.length / 2, mid.halfAP + 0.5])).toBe(false)
    expect(insideRemoval(broach, [mid.medial + 0.5, g.length / 2, 0])).toBe(false)
    expect(insideRemoval(broach, [cx, g.length + 1, 0])).toBe(false)
    expect(insideRemoval(broach, [cx, -1, 0])).toBe(false)
  })
  it('a turned reamer: between its profile and its outer radius, within its span', () => {
    const sleeve: BoneRemoval = { kind: 'turned', id: 'sleeve', base: [0, 0, 0], axis: Y, outerRadius: 30, profile: [{ at: 0, radius: 20 }, { at: 10, radius: 20 }, { at: 20, radius: 10 }] }
    expect(insideRemoval(sleeve, [25, 5, 0])).toBe(true)
    expect(insideRemoval(sleeve, [19, 5, 0])).toBe(false)
    expect(insideRemoval(sleeve, [16, 15, 0])).toBe(true)
    expect(insideRemoval(sleeve, [14, 15, 0])).toBe(false)
    expect(insideRemoval(sleeve, [25, 21, 0])).toBe(false)
    expect(insideRemoval(sleeve, [31, 5, 0])).toBe(false)
  })
  it('a box (a cortical window)', () => {
    const window: BoneRemoval = { kind: 'box', id: 'window', centre: [0, 0, 0], axes: [X, Y, Z], halfSizes: [10, 7.5, 4] }
    expect(insideRemoval(window, [9.5, 7, 3.5])).toBe(true)
    expect(insideRemoval(window, [10.5, 0, 0])).toBe(false)
    expect(insideAnyRemoval([core, window], [0, 30, 0])).toBe(true)
    expect(insideAnyRemoval([core, window], [20, 30, 0])).toBe(false)
    expect(insideAnyRemoval([], [0, 0, 0])).toBe(false)
  })

  it('a saw cut: on the removed side of every plane and inside its bound', () => {
    const cut: BoneRemoval = {
      kind: 'planes',
      id: 'neck',
      planes: [
        { point: [0, 0, 0], normal: Y },
        { point: [5, 0, 0], normal: [-1, 0, 0] },
      ],
      bound: { centre: [0, 0, 0], radius: 30 },
    }
    expect(insideRemoval(cut, [0, 10, 0])).toBe(true)
    expect(insideRemoval(cut, [0, -1, 0])).toBe(false)
    expect(insideRemoval(cut, [6, 10, 0])).toBe(false)
    expect(insideRemoval(cut, [0, 29.9, 0])).toBe(true)
    expect(insideRemoval(cut, [0, 30.1, 0])).toBe(false)
    // A negative margin grows it: the plane itself, and a little past it, count.
    expect(insideRemoval(cut, [0, -0.2, 0], -0.3)).toBe(true)
  })
  it('a turned cut: between the profile and the outer radius, within the profile\'s length', () => {
    const sleeve: BoneRemoval = { kind: 'turned', id: 'sleeve', base: [0, 0, 0], axis: [0, 2, 0], outerRadius: 30, profile: [{ at: -5, radius: 20 }, { at: 10, radius: 20 }, { at: 20, radius: 10 }] }
    expect(insideRemoval(sleeve, [21, 0, 0])).toBe(true)
    expect(insideRemoval(sleeve, [19, 0, 0])).toBe(false)
    expect(insideRemoval(sleeve, [0, 0, 31])).toBe(false)
    expect(insideRemoval(sleeve, [21, -6, 0])).toBe(false)
    // Half way up the cone the profile's radius is 15.
    expect(insideRemoval(sleeve, [16, 15, 0])).toBe(true)
    expect(insideRemoval(sleeve, [14, 15, 0])).toBe(false)
    expect(insideRemoval(sleeve, [16, 21, 0])).toBe(false)
  })
  it("a broach: inside the stem body's section at its height, not past its tip or shoulder", () => {
    const spec = { size: 5, neckAngleDeg: 132, collared: false }
    const g = stemGeometry(spec)
    const broach: BoneRemoval = { kind: 'stem', id: 'broach', spec, tip: [0, -100, 0], up: Y, medial: X }
    // The stem frame's z is medial × up: +Z here.
    const at = (x: number, t: number, z: number): [number, number, number] => [x, -100 + t, z]
    const t = g.length / 2
    const s = stemSection(g, t)
    expect(insideRemoval(broach, at((s.medial + s.lateral) / 2, t, 0))).toBe(true)
    expect(insideRemoval(broach, at(s.medial - 0.2, t, 0))).toBe(true)
    expect(insideRemoval(broach, at(s.medial + 0.2, t, 0))).toBe(false)
    expect(insideRemoval(broach, at(s.lateral + 0.2, t, 0))).toBe(true)
    expect(insideRemoval(broach, at(s.lateral - 0.2, t, 0))).toBe(false)
    expect(insideRemoval(broach, at(0, t, s.halfAP - 0.2))).toBe(true)
    expect(insideRemoval(broach, at(0, t, s.halfAP + 0.2))).toBe(false)
    expect(insideRemoval(broach, at(0, -1, 0))).toBe(false)
    expect(insideRemoval(broach, at(0, g.length + 1, 0))).toBe(false)
  })
})
