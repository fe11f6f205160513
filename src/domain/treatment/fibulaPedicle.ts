/**
 * The fibula's pedicle — its peroneal artery and two veins — from the graft's lateral end to the
 * recipient vessel, the ascending branch of the lateral femoral circumflex artery (clinical.md
 * §6.3 step 4: "join the peroneal vessels to the ascending branch of the LFCA"). The branch is the
 * one the model draws: its centre line comes with the landmarks (`vessels.lfcaAscendingBranch`),
 * so the join is on the vessel on screen, wherever the generator puts it. Pure numbers.
 *
 * Design choices (clinical.md gives no figures): the vessels run along the back of the graft
 * (so they never hide the bone in the front view) and leave its lateral end there; the pedicle first runs 12 mm straight out of the core, then bows round the
 * femur at least 8 mm clear of the line between its ends, and meets the branch from outside.
 * Until it is joined the pedicle hangs from the graft's end, about 40 mm long.
 */
import type { HipLandmarks } from '../anatomy/landmarks.ts'
import { cross, distance, dot, lerp, madd, normalise, sub, type Vec3 } from '../vec3.ts'
import type { BorePlan } from './planner.ts'

export const PEDICLE = {
  /** Peroneal artery and venae comitantes, radii (mm): the graft's own vessels (../../scene/treatment/pieces/fibulaGraft.ts). */
  arteryRadius: 1,
  veinRadius: 1.3,
  /** Straight run out of the core before the pedicle turns (mm). */
  exit: 12,
  /** How far the bow stands off the femur's shaft axis beyond its ends (mm). */
  bow: 8,
  /** Length of the free pedicle before it is joined (mm). */
  hang: 40,
  /** Points along the drawn centre line. */
  samples: 24,
} as const

/** The nearest point of a polyline to `point`, among segments whose both ends pass `accept`. */
export function nearestOnLine(line: readonly Vec3[], point: Vec3, accept: (p: Vec3) => boolean = () => true): { point: Vec3; distance: number } | null {
  let best: { point: Vec3; distance: number } | null = null
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!
    const b = line[i]!
    if (!accept(a) || !accept(b)) continue
    const ab = sub(b, a)
    const span = dot(ab, ab)
    const s = span > 0 ? Math.min(1, Math.max(0, dot(sub(point, a), ab) / span)) : 0
    const q = madd(a, ab, s)
    const d = distance(q, point)
    if (!best || d < best.distance) best = { point: q, distance: d }
  }
  return best
}

/**
 * Where the pedicle is joined: the point of the LFCA's ascending branch nearest the graft's
 * lateral end, on the part of the branch that runs in front of the femur (where it is exposed
 * for the anastomosis, §6.3), not where it wraps behind the neck toward the trochanteric fossa.
 * Null for a model without the vessel's centre line.
 */
export function recipientPoint(lm: HipLandmarks, graft: BorePlan): Vec3 | null {
  const line = lm.vessels?.lfcaAscendingBranch
  if (!line) return null
  const front = graft.entry[2] + 5
  return nearestOnLine(line, graft.entry, (p) => p[2] >= front)?.point ?? null
}

/** Unit direction across the graft's axis toward `toward`. */
export function pedicleSide(graft: BorePlan, toward: Vec3): Vec3 {
  const rel = sub(toward, graft.entry)
  const across = madd(rel, graft.axis, -dot(rel, graft.axis))
  // A join straight along the axis gives no side: take any direction across it.
  return dot(across, across) > 1e-9 ? normalise(across) : normalise(cross(graft.axis, [0, 0, 1]))
}

/** Where the vessels leave the graft: its lateral end, on its surface on the pedicle's side. */
export function pedicleStart(graft: BorePlan, side: Vec3): Vec3 {
  return madd(graft.entry, side, graft.diameter / 2 + PEDICLE.arteryRadius * 0.7)
}

/** Catmull-Rom through the control points, `count` points from the first to the last. */
function smoothThrough(points: readonly Vec3[], count: number): Vec3[] {
  const out: Vec3[] = []
  const spans = points.length - 1
  for (let k = 0; k < count; k++) {
    const u = (k / (count - 1)) * spans
    const i = Math.min(spans - 1, Math.floor(u))
    const t = u - i
    const p0 = points[Math.max(0, i - 1)]!, p1 = points[i]!, p2 = points[i + 1]!, p3 = points[Math.min(spans, i + 2)]!
    const t2 = t * t, t3 = t2 * t
    const c = (a: number, b: number, cc: number, d: number) => 0.5 * (2 * b + (-a + cc) * t + (2 * a - 5 * b + 4 * cc - d) * t2 + (-a + 3 * b - 3 * cc + d) * t3)
    out.push([c(p0[0], p1[0], p2[0], p3[0]), c(p0[1], p1[1], p2[1], p3[1]), c(p0[2], p1[2], p2[2], p3[2])])
  }
  return out
}

/** Distance of `p` from the femoral shaft's axis, and the unit direction away from it. */
function offShaft(lm: HipLandmarks, p: Vec3): { radius: number; out: Vec3 } {
  const rel = sub(p, lm.shaftAxis.origin)
  const radial = madd(rel, lm.shaftAxis.direction, -dot(rel, lm.shaftAxis.direction))
  return { radius: Math.hypot(...radial), out: normalise(radial) }
}

/** The pedicle joined to the branch: from the graft's lateral end (vessels on `side`) round the femur to `join`. */
export function joinedPedicle(lm: HipLandmarks, graft: BorePlan, join: Vec3, side: Vec3): Vec3[] {
  const start = pedicleStart(graft, side)
  const out = madd(start, graft.axis, -PEDICLE.exit)
  // Bow round the femur: the middle stands off the shaft axis further than either end.
  const middle = lerp(out, join, 0.5)
  const reach = Math.max(offShaft(lm, out).radius, offShaft(lm, join).radius) + PEDICLE.bow
  const m = offShaft(lm, middle)
  const bowed = madd(middle, m.out, Math.max(0, reach - m.radius))
  // The last few millimetres come onto the branch from outside it, not through the bone.
  const approach = madd(join, offShaft(lm, join).out, 5)
  return smoothThrough([start, madd(start, graft.axis, -PEDICLE.exit / 2), out, bowed, approach, join], PEDICLE.samples)
}

/**
 * The pedicle before it is joined: out of the graft's lateral end beside the bone for `exit` mm,
 * then hanging down, about `hang` mm in all. (Held straight out along the axis it lay in line with
 * the graft, and in the front view read as a cable plugged into the marrow canal: surgeon's review.)
 */
export function hangingPedicle(graft: BorePlan, side: Vec3): Vec3[] {
  const start = pedicleStart(graft, side)
  const out = (mm: number, drop: number): Vec3 => madd(madd(start, graft.axis, -mm), [0, -1, 0], drop)
  const rest = PEDICLE.hang - PEDICLE.exit
  return smoothThrough([start, out(PEDICLE.exit / 2, 0), out(PEDICLE.exit, 1), out(PEDICLE.exit + 5, rest * 0.4), out(PEDICLE.exit + 7, rest * 0.8)], PEDICLE.samples)
}

/** The side the graft's vessels run on: its back (−Z), across its axis. */
export function vesselSide(graft: BorePlan): Vec3 {
  return pedicleSide(graft, madd(graft.entry, [0, 0, -1], 20))
}
