import { describe, expect, it } from 'vitest'
import { interfaceDistance, lesionBox, lesionGeometry, type LesionChoice } from '../../src/domain/lesion/index.ts'
import { lesionVolume } from '../../src/domain/treatment/lesionTarget.ts'
import { LESION_SIZES, LESION_TYPES, type Vec3 } from '../../src/domain/viewState.ts'

const ALL: LesionChoice[] = LESION_SIZES.flatMap((size) => LESION_TYPES.map((type) => ({ size, type })))

/** Every point of a 0.5-mm lattice over the head with interfaceDistance below `below`. */
function pointsBelow(choice: LesionChoice, below: number): Vec3[] {
  const g = lesionGeometry(choice)
  const r = g.radius
  const out: Vec3[] = []
  for (let x = -r; x <= r; x += 0.5)
    for (let y = -r; y <= r; y += 0.5)
      for (let z = -r; z <= r; z += 0.5) {
        const p: Vec3 = [x, y, z]
        if (Math.hypot(x, y, z) <= r && interfaceDistance(p, g) < below) out.push(p)
      }
  return out
}

/** lesionVolume as it was before it sampled only the lesion's box: the whole head. */
function wholeHeadVolume(choice: LesionChoice): { n: number; centroid: Vec3 } {
  const g = lesionGeometry(choice)
  const r = g.radius
  let n = 0
  const sum = [0, 0, 0]
  for (let i = 0; -r + i <= r; i++)
    for (let j = 0; -r + j <= r; j++)
      for (let k = 0; -r + k <= r; k++) {
        const p: Vec3 = [-r + i, -r + j, -r + k]
        if (Math.hypot(...p) > r || interfaceDistance(p, g) >= 0) continue
        n++
        for (let a = 0; a < 3; a++) sum[a]! += p[a]!
      }
  return { n, centroid: [sum[0]! / n, sum[1]! / n, sum[2]! / n] }
}

describe('the lesion box (what samplers of the lesion visit)', () => {
  it.each(ALL)('%o: holds every necrotic point and every point 1.5, 3 and 5 mm inside the floor, and is a fraction of the head', (choice) => {
    const g = lesionGeometry(choice)
    for (const below of [0, -1.5, -3, -5]) {
      const { min, max } = lesionBox(g, -below)
      const points = pointsBelow(choice, below)
      expect(points.length).toBeGreaterThan(100)
      const outside = points.filter((p) => p.some((v, i) => v < min[i]! || v > max[i]!))
      expect(outside).toEqual([])
    }
    const { min, max } = lesionBox(g)
    const share = ((max[0] - min[0]) * (max[1] - min[1]) * (max[2] - min[2])) / (2 * g.radius) ** 3
    expect(share).toBeLessThan(0.6)
  })

  it.each(ALL)('%o: lesionVolume counts the same points as sampling the whole head', (choice) => {
    const whole = wholeHeadVolume(choice)
    const v = lesionVolume(lesionGeometry(choice))
    expect(v.volumeMm3).toBe(whole.n)
    for (let a = 0; a < 3; a++) expect(v.centroid[a]).toBeCloseTo(whole.centroid[a]!, 9)
  })
})
