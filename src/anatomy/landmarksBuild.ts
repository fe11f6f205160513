/**
 * Computes the scene's `extras.landmarks` (type in src/domain/anatomy/landmarks.ts)
 * from the same frames and shapes that built the meshes, rounded to 1e-4 mm so the file
 * is stable byte for byte.
 */
import type { HipLandmarks, NeckSurface, Vec3 } from '../domain/anatomy/landmarks.ts'
import type { AcetabulumGeometry } from './acetabulumGeometry.ts'
import { femurToModel, type HipFrames } from './frames.ts'
import type { FemurLandmarksF } from './femurShape.ts'
import { junctionPoint } from './headNeckJunction.ts'
import type { PelvisLandmarks } from './pelvisShape.ts'
import type { Sdf } from './sdf.ts'
import { madd, norm, rad, round4, scale, sub, type V3 } from './vec.ts'

const r4 = (v: V3): Vec3 => round4(v)
const u4 = (v: V3): Vec3 => {
  const n = norm(v)
  const r = round4(n)
  return r
}

/**
 * Inferior tip of the radiographic teardrop: the lowest point, in the coronal plane
 * through the head centre, of the fossa floor that is still backed by bone (below it the
 * fossa opens into the notch).
 */
export function teardropPoint(acet: AcetabulumGeometry, pelvisSdf: Sdf): V3 {
  const rf = acet.radius + acet.fossaDepth
  let best: V3 = [rf, 0, 0]
  for (let a = 0; a <= 90; a += 0.25) {
    const d: V3 = [Math.cos(rad(a)), -Math.sin(rad(a)), 0]
    const p = scale(d, rf)
    if (acet.fossaAngle(d) < 0 && Math.abs(pelvisSdf(p[0], p[1], p[2])) < 0.4) best = p
  }
  return best
}

/**
 * Anatomical neck axis as a radiologist draws it: through the head centre and the centre
 * of the neck's narrowest cross-section (found on the femur's field), rather than the
 * design axis, which the neck's asymmetric waist and calcar flare shift a little.
 */
export function measuredNeckAxis(f: HipFrames, femurSdf: Sdf): V3 {
  return neckIsthmus(f, femurSdf).axis
}

/** The neck's narrowest section (centre, mean radius) and the axis through it. */
export function neckIsthmus(f: HipFrames, femurSdf: Sdf): { axis: V3; centre: V3; radius: number } {
  let axis = f.neckDir
  let centre: V3 = [0, 0, 0]
  let radius = 0
  for (let iter = 0; iter < 3; iter++) {
    const u = norm([axis[1], -axis[0], 0])
    const w: V3 = [axis[1] * u[2] - axis[2] * u[1], axis[2] * u[0] - axis[0] * u[2], axis[0] * u[1] - axis[1] * u[0]]
    let best: V3 = [0, 0, 0]
    let bestR = Infinity
    for (let t = 18; t <= 32; t += 1) {
      const c = scale(axis, -t)
      let sx = 0, sy = 0, sz = 0, sr = 0
      const K = 72
      const pts: V3[] = []
      for (let k = 0; k < K; k++) {
        const a = (2 * Math.PI * k) / K
        const dir: V3 = [u[0] * Math.cos(a) + w[0] * Math.sin(a), u[1] * Math.cos(a) + w[1] * Math.sin(a), u[2] * Math.cos(a) + w[2] * Math.sin(a)]
        let r = 4
        while (r < 40 && femurSdf(c[0] + dir[0] * r, c[1] + dir[1] * r, c[2] + dir[2] * r) < 0) r += 0.05
        pts.push(madd(c, dir, r))
      }
      for (const p of pts) {
        sx += p[0] / K
        sy += p[1] / K
        sz += p[2] / K
      }
      for (const p of pts) sr += Math.hypot(p[0] - sx, p[1] - sy, p[2] - sz) / K
      if (sr < bestR) {
        bestR = sr
        best = [sx, sy, sz]
      }
    }
    axis = norm(scale(best, -1))
    centre = best
    radius = bestR
  }
  return { axis, centre, radius }
}

/** Where the neck's surface rings run (mm from the head's centre toward the shaft), and how many directions each has. */
const NECK_RINGS = { fromMm: 16, toMm: 36, stepMm: 2, directions: 48 } as const

/**
 * The neck's outer surface as rings across `axis` (the measured neck axis, through the head's
 * centre): from the waist, where the head's sphere gives way to the neck, to the neck's base.
 * Each radius is marched out on the femur's own field, as the isthmus is, so the planner keeps its
 * passes inside the bone that is drawn.
 */
export function neckSurfaceRings(axis: V3, femurSdf: Sdf): NeckSurface {
  const u = norm([axis[1], -axis[0], 0])
  const w: V3 = norm([axis[1] * u[2] - axis[2] * u[1], axis[2] * u[0] - axis[0] * u[2], axis[0] * u[1] - axis[1] * u[0]])
  const radii: number[][] = []
  for (let t = NECK_RINGS.fromMm; t <= NECK_RINGS.toMm + 1e-9; t += NECK_RINGS.stepMm) {
    const c = scale(axis, -t)
    const ring: number[] = []
    for (let k = 0; k < NECK_RINGS.directions; k++) {
      const a = (2 * Math.PI * k) / NECK_RINGS.directions
      const dir: V3 = [u[0] * Math.cos(a) + w[0] * Math.sin(a), u[1] * Math.cos(a) + w[1] * Math.sin(a), u[2] * Math.cos(a) + w[2] * Math.sin(a)]
      let r = 4
      while (r < 60 && femurSdf(c[0] + dir[0] * r, c[1] + dir[1] * r, c[2] + dir[2] * r) < 0) r += 0.02
      ring.push(Math.round(r * 100) / 100)
    }
    radii.push(ring)
  }
  return { fromMm: NECK_RINGS.fromMm, stepMm: NECK_RINGS.stepMm, across: [u4(u), u4(w)], radii }
}

export function buildLandmarks(
  f: HipFrames,
  lm: FemurLandmarksF,
  acet: AcetabulumGeometry,
  pl: PelvisLandmarks,
  femurSdf: Sdf,
  pelvisSdf: Sdf,
): HipLandmarks {
  const R = f.hip.headRadius
  const F = (p: V3) => femurToModel(f, p)
  // Core-decompression entry: lateral cortex between the vastus ridge (lower edge of
  // the greater trochanter) and the level of the lesser trochanter tip.
  const entryY = (lm.vastusRidge[1] + lm.lesserTrochanterTip[1]) / 2 + 4
  let x = lm.shaftX
  while (femurSdf(...(F([x, entryY, lm.shaftZ + 2]) as [number, number, number])) < 0) x -= 0.05
  const entry = F([x, entryY, lm.shaftZ + 2])
  const isthmus = neckIsthmus(f, femurSdf)
  // most lateral point of the greater trochanter: march in from the lateral side
  let gtl: V3 = [0, 0, 0]
  for (let y = -30; y <= 5; y += 0.5) {
    let xx = lm.shaftX - 40
    while (xx < lm.shaftX && femurSdf(...(F([xx, y, lm.shaftZ - 2]) as [number, number, number])) > 0) xx += 0.1
    if (gtl[0] === 0 || F([xx, y, 0])[0] < gtl[0]) gtl = F([xx, y, lm.shaftZ - 2])
  }
  const wbDir = norm([-0.12, 0.9, 0.42])
  const target = scale(wbDir, R - 5)
  const ce = rad(f.hip.centreEdgeAngle)
  const Ra = acet.radius
  return {
    version: 1,
    units: 'mm',
    side: 'right',
    femoralHead: { centre: [0, 0, 0], radius: R, cartilageRadius: R + f.hip.headCartilageDome },
    neckAxis: { origin: [0, 0, 0], direction: u4(measuredNeckAxis(f, femurSdf)) },
    shaftAxis: { origin: r4(F(f.neckShaftF)), direction: u4(f.fy) },
    acetabulum: {
      centre: [0, 0, 0],
      radius: Ra,
      openingAxis: u4(acet.axis),
      lateralEdge: r4([-Math.sin(ce) * Ra, Math.cos(ce) * Ra, 0]),
      teardrop: r4(teardropPoint(acet, pelvisSdf)),
      fossaDirection: u4(acet.fossaDir),
      notchDirection: u4(acet.notchDir),
    },
    coreDecompressionEntry: { point: r4(entry), direction: u4(sub(target, entry)) },
    weightBearingZone: { direction: u4(wbDir), centre: r4(scale(wbDir, R)), halfAngleDeg: 35 },
    fovea: { centre: r4(scale(norm(F(f.foveaDirF)), R - 2)), radius: f.hip.foveaRadius },
    headNeckJunction: {
      posterosuperior: [300, 325, 350].map((p) => r4(junctionPoint(f, p, 0, 3))),
      anterior: r4(junctionPoint(f, 80, 0, 3)),
      inferior: r4(junctionPoint(f, 180, 0, 3)),
    },
    neckIsthmus: { centre: r4(isthmus.centre), radius: Math.round(isthmus.radius * 1e4) / 1e4 },
    neckSurface: neckSurfaceRings([...u4(isthmus.axis)], femurSdf),
    medullaryCanalTop: r4(F([lm.shaftX + 0.5, lm.canalTopY, lm.shaftZ])),
    greaterTrochanterLateral: r4(gtl),
    greaterTrochanterTip: r4(F(madd(lm.greaterTrochanterTip, [0, 1, 0], 3))),
    lesserTrochanterTip: r4(F(lm.lesserTrochanterTip)),
    trochantericFossa: r4(F(lm.trochantericFossa)),
    pelvis: {
      asis: r4(pl.asis),
      aiis: r4(pl.aiis),
      psis: r4(pl.psis),
      ischialSpine: r4(pl.ischialSpine),
      ischialTuberosity: r4(pl.ischialTuberosity),
      pubicTubercle: r4(pl.pubicTubercle),
      obturatorForamen: r4(pl.obturatorForamen),
    },
    joint: {
      headCartilageDome: f.hip.headCartilageDome,
      headCartilageMargin: f.hip.headCartilageMargin,
      acetabularCartilageRoof: f.hip.acetabularCartilageRoof,
      jointSpaceSuperior: f.hip.jointSpaceSuperior,
    },
  }
}

/**
 * A vessel's sampled centre line as landmarks: every point about `spacingMm` apart along it (and
 * its last point), rounded like the rest, so a treatment can join a pedicle to the vessel drawn.
 */
export function vesselLine(path: readonly V3[], spacingMm = 2): Vec3[] {
  const out: Vec3[] = [r4(path[0]!)]
  let run = 0
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!, b = path[i]!
    run += Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2])
    if (run >= spacingMm || i === path.length - 1) {
      out.push(r4(b))
      run = 0
    }
  }
  return out
}
