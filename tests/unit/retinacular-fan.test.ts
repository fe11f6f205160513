/**
 * The posterosuperior retinacular arteries as a surgeon expects them: the deep branch of the MFCA
 * runs on inside the capsule as one trunk and ends in a fan of vessels into the head–neck
 * junction (Gautier 2000). Three tubes running separately from the capsule entry to the ring
 * read as a ladder. Checked on the generator's own centre lines.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { acetabulumGeometry } from '../../src/anatomy/acetabulumGeometry.ts'
import { buildArteries } from '../../src/anatomy/arteries.ts'
import { femurFields } from '../../src/anatomy/buildHip.ts'
import { femurLandmarksF } from '../../src/anatomy/femurShape.ts'
import { buildFrames } from '../../src/anatomy/frames.ts'
import { hipBoneSdf } from '../../src/anatomy/pelvisShape.ts'
import { dist, type V3 } from '../../src/anatomy/vec.ts'
import { morphometricValues } from '../../src/domain/anatomy/morphometrics.ts'

let branches: V3[][]
let radii: number[][]

beforeAll(() => {
  const f = buildFrames(morphometricValues())
  const acet = acetabulumGeometry(f)
  const lm = femurLandmarksF(f)
  const arteries = buildArteries(f, lm, acet, femurFields(f, lm).femurSdf, hipBoneSdf(f, acet))
  // The structure's centre lines: its branches, then its arc of the ring at the cartilage margin.
  branches = arteries.paths.posterosuperiorRetinacularArteries!.slice(0, -1)
  radii = arteries.radii.posterosuperiorRetinacularArteries!.slice(0, -1)
})

/** The tube's radius `s` mm along a branch (at the nearest of its centre line's points). */
function radiusAt(i: number, s: number): number {
  const path = branches[i]!
  let walked = 0
  for (let k = 1; k < path.length; k++) {
    walked += dist(path[k - 1]!, path[k]!)
    if (walked >= s) return radii[i]![k]!
  }
  return radii[i]![path.length - 1]!
}
/** The point `s` mm along a centre line (by its samples). */
function along(path: readonly V3[], s: number): V3 {
  let left = s
  for (let i = 1; i < path.length; i++) {
    const d = dist(path[i - 1]!, path[i]!)
    if (left <= d) {
      const t = d > 0 ? left / d : 0
      const a = path[i - 1]!
      const b = path[i]!
      return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
    }
    left -= d
  }
  return path[path.length - 1]!
}

const length = (path: readonly V3[]) => path.slice(1).reduce((sum, p, i) => sum + dist(path[i]!, p), 0)

describe('the posterosuperior retinacular arteries', () => {
  it('are two to four vessels (Gautier 2000)', () => {
    expect(branches.length).toBeGreaterThanOrEqual(2)
    expect(branches.length).toBeLessThanOrEqual(4)
  })

  it('share one trunk from the capsule entry: their first 5 mm lie within 0.5 mm of each other', () => {
    let apart = 0
    for (let s = 0; s <= 5; s += 0.5) {
      const points = branches.map((b) => along(b, s))
      for (const p of points) for (const q of points) apart = Math.max(apart, dist(p, q))
    }
    expect(apart).toBeLessThan(0.5)
  })

  it('fan out before the junction: their ends are at least 6 mm apart, and each leaves the trunk only in its last 22 mm (before: from the capsule entry, 55 mm)', () => {
    const ends = branches.map((b) => b[b.length - 1]!)
    for (let i = 0; i < ends.length; i++) for (let j = i + 1; j < ends.length; j++) expect(dist(ends[i]!, ends[j]!)).toBeGreaterThan(6)
    // Where each branch leaves the others (more than 1 mm from both), measured back from its end.
    for (const b of branches) {
      const total = length(b)
      let split = total
      for (let s = 0; s <= total; s += 0.25) {
        const p = along(b, s)
        const nearest = Math.min(...branches.filter((o) => o !== b).map((o) => Math.min(...o.map((q) => dist(p, q)))))
        if (nearest > 1) {
          split = s
          break
        }
      }
      expect(total - split).toBeLessThan(22)
    }
  })

  it('the trunk is clearly thicker than the vessels it splits into: over 1.5 times their radius 2 mm past the split', () => {
    // One linear taper from the trunk to the junction drew the trunk barely thicker than its
    // branches (a surgeon's review): 0.87 against 0.61 mm, 1.4 times.
    branches.forEach((b, i) => {
      const total = length(b)
      let split = total
      for (let s = 0; s <= total; s += 0.25) {
        const nearest = Math.min(...branches.filter((o) => o !== b).map((o) => Math.min(...o.map((q) => dist(along(b, s), q)))))
        if (nearest > 1.5) {
          split = s
          break
        }
      }
      const trunk = radiusAt(i, 5)
      const branch = radiusAt(i, split + 2)
      console.log(`[retinacular] trunk radius ${trunk.toFixed(2)} mm, branch ${branch.toFixed(2)} mm (2 mm past its split at ${split.toFixed(1)} of ${total.toFixed(1)} mm)`)
      expect(trunk / branch).toBeGreaterThan(1.5)
      // And the branches still narrow to the junction (the ring's calibre).
      expect(radii[i]![radii[i]!.length - 1]).toBeLessThan(0.4)
    })
  })
})
