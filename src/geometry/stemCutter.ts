/**
 * The cutter of a broach (frame.ts BoneRemoval 'stem'): the body of the stem of its size, as the
 * stem and the broach are drawn (scene/treatment/implants/femoralStem.ts) — the planner's
 * rounded-rectangle sections (domain/treatment/replacement/stemDesign.ts) lofted from the rounded
 * nose at the tip to the flat shoulder — without the broach's teeth (0.08 of a tooth's pitch deep:
 * the canal it leaves is the body's). Placed like the stem: its tip, unit axis up the stem and unit
 * direction toward the head; the stem frame's z is medial × up (thrPlanner.ts stemPoint).
 * Pure arithmetic.
 */
import type { Vec3 } from '../domain/treatment/frame.ts'
import { STEM_TIP_ROUND_MM, sectionOutline, stemGeometry, stemNose, stemSection, type StemGeometry, type StemSpec } from '../domain/treatment/replacement/stemDesign.ts'
import { Builder, cross, dot, sub, unit, type CutterMesh, type P3 } from './cutterBuilder.ts'

/** Points round each section (the drawn stem has 40; a few more keep the cut within 0.1 mm of it). */
const AROUND = 48

/** Heights of the rings: close at the rounded nose and up the calcar curve, one at the widest point. */
function ringHeights(g: StemGeometry): number[] {
  const out: number[] = []
  for (let k = 0; k <= 6; k++) out.push(STEM_TIP_ROUND_MM * (1 - Math.cos((k / 6) * (Math.PI / 2))))
  for (let t = STEM_TIP_ROUND_MM + 2; t < g.length - 60; t += 2) out.push(t)
  for (let t = g.length - 60; t < g.length; t += 1) out.push(t)
  out.push(g.length)
  let widest = g.length - 60
  for (let t = widest; t <= g.length; t += 0.02) if (stemSection(g, t).medial > stemSection(g, widest).medial) widest = t
  return [...out.filter((t) => Math.abs(t - widest) > 0.2), widest].sort((a, b) => a - b)
}

/** The body's outline at height t in the stem frame (x medial, z), nose-scaled about its middle. */
export function stemRing(g: StemGeometry, t: number, around: number): { points: [number, number][]; middle: number } {
  const section = stemSection(g, t)
  const nose = stemNose(t)
  const middle = (section.medial + section.lateral) / 2
  return { points: sectionOutline(section, around).map(([x, z]) => [middle + (x - middle) * nose, z * nose]), middle }
}

export function stemCutter(spec: StemSpec, tip: Vec3, up: Vec3, medial: Vec3): CutterMesh {
  const g = stemGeometry(spec)
  const u = unit(up)
  const m = unit(medial)
  const across = cross(m, u)
  const place = (x: number, t: number, z: number): P3 => [
    tip[0] + u[0] * t + m[0] * x + across[0] * z,
    tip[1] + u[1] * t + m[1] * x + across[1] * z,
    tip[2] + u[2] * t + m[2] * x + across[2] * z,
  ]
  const heights = ringHeights(g)
  // Ring 0 is the nose's point; the others go round their section.
  const middles = heights.map((t) => place(stemRing(g, t, AROUND).middle, t, 0))
  const rings: P3[][] = heights.map((t, k) => (k === 0 ? [middles[0]!] : stemRing(g, t, AROUND).points.map(([x, z]) => place(x, t, z))))
  const b = new Builder()
  const ids: number[][] = rings.map((ring, k) => {
    if (k === 0) return [b.shared(ring[0]!, [-u[0], -u[1], -u[2]])]
    const below = rings[k - 1]!
    const above = rings[Math.min(k + 1, rings.length - 1)]!
    return ring.map((p, i) => {
      // The wall's normal from its neighbours round the ring and up the body, turned outward.
      const around = sub(ring[(i + 1) % ring.length]!, ring[(i + ring.length - 1) % ring.length]!)
      const along = sub(above[above.length === 1 ? 0 : i]!, below[below.length === 1 ? 0 : i]!)
      let n = unit(cross(around, along))
      if (dot(n, sub(p, middles[k]!)) < 0) n = [-n[0], -n[1], -n[2]]
      return b.shared(p, n)
    })
  })
  // Bands between consecutive rings, (lower i, lower j, upper j, upper i); the nose a fan.
  for (let k = 0; k + 1 < ids.length; k++) {
    const lo = ids[k]!, hi = ids[k + 1]!
    for (let i = 0; i < hi.length; i++) {
      const j = (i + 1) % hi.length
      if (lo.length === 1) b.tri(lo[0]!, hi[j]!, hi[i]!)
      else {
        b.tri(lo[i]!, lo[j]!, hi[j]!)
        b.tri(lo[i]!, hi[j]!, hi[i]!)
      }
    }
  }
  // The flat shoulder, fanned from its middle: the same band, up to one point.
  const top = rings.at(-1)!
  const upward: P3 = [u[0], u[1], u[2]]
  const rim = top.map((p) => b.shared(p, upward))
  const centre = b.shared(middles.at(-1)!, upward)
  for (let i = 0; i < rim.length; i++) b.tri(rim[i]!, rim[(i + 1) % rim.length]!, centre)
  return b.doneOutward()
}
